/**
 * Renders the real player over the sample course with a real actor of the real machine. Texts come
 * from the content loader through the same namespaces the build produces; nothing is stubbed but the
 * session (an LMS is not the player's business) and the reading-time module the build would provide.
 */
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { createActor } from 'xstate';
import type { Notice, SaveState, Session } from '../../../../src/session/index.ts';
import { loadCourse, type LoadedCourse } from '../../../../src/content-model/load.ts';
import type { Course } from '../../../../src/content-model/types.ts';
import { moduleFigures, readingMinutes, textNamespaces } from '../../../../src/content-model/vite-plugin.ts';
import { courseMachine } from '../../../../src/engine/machine.ts';
import type { Location } from '../../../../src/engine/where.ts';
import type { LearnerRecord } from '../../../../src/engine/record.ts';
import type { ReadOnly } from '../../../../src/engine/machine.ts';
import { createI18n, ensureNamespaces, type TextLoaders } from '../../../../src/i18n/create-i18n.ts';
import { App } from '../../../../src/player/App.tsx';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

let cached: LoadedCourse | undefined;
export const sample = (): LoadedCourse => (cached ??= loadCourse('tests/sample-course', { uiRoot: '.' }));

export function textLoaders(loaded = sample()): TextLoaders {
  const out: TextLoaders = {};
  for (const lang of loaded.course.languages)
    for (const [ns, tree] of Object.entries(textNamespaces(loaded, lang))) {
      // A module's chunk brings its figures, as the build's does.
      const module = loaded.course.modules.find((m) => m.id === ns);
      const figures = module ? moduleFigures('tests/sample-course', module) : {};
      out[`${lang}/${ns}`] = async () => ({ default: tree, figures });
    }
  return out;
}

export interface FakeSession extends Session {
  setLanguage: ReturnType<typeof vi.fn<(lang: string) => void>>;
  exit: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
  /** Sends a save state to the player, as tracking would. */
  emitSaveState(state: SaveState, notice?: Notice): void;
}

export function fakeSession(): FakeSession {
  const listeners = new Set<(s: SaveState, n?: Notice) => void>();
  return {
    start: { mode: 'normal', target: 'scorm2004', store: 'browser', notices: [] },
    attach: () => () => {},
    setLanguage: vi.fn<(lang: string) => void>(),
    onSaveState(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    exit: vi.fn<() => Promise<boolean>>(async () => true),
    flush: () => {},
    leave: () => {},
    returned: () => {},
    emitSaveState: (s, n) => listeners.forEach((l) => l(s, n)),
  };
}

export interface PlayerOptions {
  lang?: string;
  record?: LearnerRecord;
  resumeAt?: Location;
  notices?: Notice[];
  limits?: 'scorm12' | 'scorm2004';
  /** The most characters the saved state may take (none: unlimited), for the fields' room. */
  savedStateLimit?: number;
  seed?: number;
  course?: (c: Course) => Course;
  /** The learner's name as the LMS gives it. */
  learnerName?: string;
  /** A review or browse launch: the machine's read-only input (and the session's mode). */
  readOnly?: ReadOnly;
}

export const IMAGES = { 'images/square.svg': '/assets/square.svg' };

export async function renderPlayer(options: PlayerOptions = {}) {
  const loaded = sample();
  const course = options.course ? options.course(loaded.course) : loaded.course;
  const loaders = textLoaders(loaded);
  const lang = options.lang ?? course.defaultLanguage;
  const i18n = await createI18n(lang, course.defaultLanguage);
  await ensureNamespaces(i18n, loaders, [lang, course.defaultLanguage], ['ui', 'course']);
  const actor = createActor(courseMachine, {
    input: {
      course,
      limits: course.settings.limits[options.limits ?? 'scorm12'],
      ...(options.savedStateLimit ? { savedStateLimit: options.savedStateLimit } : {}),
      record: options.record,
      resumeAt: options.resumeAt,
      newSeed: () => options.seed ?? 12345,
      ...(options.readOnly ? { readOnly: options.readOnly } : {}),
    },
  });
  actor.start();
  const session = fakeSession();
  if (options.learnerName) session.start.learnerName = options.learnerName;
  if (options.readOnly) session.start.mode = options.readOnly.mode;
  const user = userEvent.setup();
  const view = render(
    <App
      actor={actor}
      course={course}
      i18n={i18n}
      textLoaders={loaders}
      images={IMAGES}
      session={session}
      notices={options.notices ?? []}
      readingMinutes={readingMinutes(loaded)}
    />,
  );
  return { ...view, actor, course, i18n, session, user, record: () => actor.getSnapshot().context.record };
}

/** A record in which every module is done, so the final assessment is open. */
export function allModulesDone(course = sample().course): LearnerRecord {
  return { modules: Object.fromEntries(course.modules.map((m) => [m.id, { done: true, answers: {} }])), past: [] };
}
