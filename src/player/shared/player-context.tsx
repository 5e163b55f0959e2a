/**
 * What every view needs besides the machine's state: the actor, the course model, images, text loaders
 * and the session. Views read state with `useSelector` and act only through `send`, which first flushes
 * any debounced text so that a navigation never loses what the learner just typed.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CourseActor, Session } from '../../session/index.ts';
import type { Course } from '../../content-model/types.ts';
import type { EngineEvent } from '../../engine/machine.ts';
import type { TextLoaders } from '../../i18n/create-i18n.ts';

export type ReadingMinutes = Record<string, Record<string, number>>;

export interface PlayerServices {
  actor: CourseActor;
  course: Course;
  images: Record<string, string>;
  textLoaders: TextLoaders;
  session: Session;
  readingMinutes: ReadingMinutes;
  /** Flushes pending text drafts, then sends the event to the machine. */
  send(event: EngineEvent): void;
  /** Flushes pending text drafts (before exit or a language switch). */
  flushDrafts(): void;
  /** A text field registers its flush; returns the unregister function. */
  registerDraft(flush: () => void): () => void;
}

const PlayerContext = createContext<PlayerServices | null>(null);

/** Where text fields register their drafts; the app shares it with the page lifecycle (src/app/page-lifecycle.ts). */
export interface DraftRegistry {
  register(flush: () => void): () => void;
  flush(): void;
}

export interface PlayerProviderProps extends Omit<PlayerServices, 'send' | 'flushDrafts' | 'registerDraft'> {
  children: ReactNode;
  /** The app's registry, so that hiding or leaving the page brings drafts to the machine first. */
  drafts?: DraftRegistry;
}

export function createDrafts(): DraftRegistry {
  const all = new Set<() => void>();
  return {
    register: (flush) => (all.add(flush), () => void all.delete(flush)),
    flush: () => all.forEach((flush) => flush()),
  };
}

export function PlayerProvider({ children, actor, course, images, textLoaders, session, readingMinutes, drafts }: PlayerProviderProps) {
  const [own] = useState(createDrafts);
  const registry = drafts ?? own;
  const flushDrafts = useCallback(() => registry.flush(), [registry]);
  const registerDraft = useCallback((flush: () => void) => registry.register(flush), [registry]);
  const send = useCallback(
    (event: EngineEvent) => {
      flushDrafts();
      actor.send(event);
    },
    [actor, flushDrafts],
  );
  const value = useMemo(
    () => ({ actor, course, images, textLoaders, session, readingMinutes, send, flushDrafts, registerDraft }),
    [actor, course, images, textLoaders, session, readingMinutes, send, flushDrafts, registerDraft],
  );
  return <PlayerContext.Provider value={value}>{children}</PlayerContext.Provider>;
}

export function usePlayer(): PlayerServices {
  const services = useContext(PlayerContext);
  if (!services) throw new Error('usePlayer() outside <PlayerProvider>');
  return services;
}
