/**
 * What every view needs besides the machine's state: the actor, the course model, images, text loaders
 * and the session. Views read state with `useSelector` and act only through `send`, which first flushes
 * any debounced text so that a navigation never loses what the learner just typed.
 */
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
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

export interface PlayerProviderProps extends Omit<PlayerServices, 'send' | 'flushDrafts' | 'registerDraft'> {
  children: ReactNode;
}

export function PlayerProvider({ children, actor, course, images, textLoaders, session, readingMinutes }: PlayerProviderProps) {
  const drafts = useRef(new Set<() => void>());
  const flushDrafts = useCallback(() => drafts.current.forEach((flush) => flush()), []);
  const registerDraft = useCallback((flush: () => void) => {
    drafts.current.add(flush);
    return () => void drafts.current.delete(flush);
  }, []);
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
