/**
 * The contract between the bootstrap and tracking: what a learning session knows when it starts, and
 * how it follows the course machine. Tracking implements it (src/tracking); the view never calls it
 * except through the explicit Exit and language actions.
 */
import type { ActorRefFrom } from 'xstate';
import type { CourseMachine, RecordedResult } from '../engine/machine.ts';
import type { TargetId } from '../targets/index.ts';

export type CourseActor = ActorRefFrom<CourseMachine>;

/** A message for the learner; `key` is a `ui` string under `notices.` */
export interface Notice {
  key: string;
  tone: 'info' | 'warning' | 'error';
  params?: Record<string, string | number>;
}

export type SaveState = 'saved' | 'saving' | 'retrying' | 'failed' | 'off';

export interface SessionStart {
  /** The saved snapshot, when the learner resumes. */
  saved?: string;
  learnerName?: string;
  /** The learner's preferred language, as the LMS or the browser gives it. */
  language?: string;
  /** `review` and `browse` record nothing. */
  mode: 'normal' | 'review' | 'browse';
  /** What the LMS holds of the learner's result, read at launch (review and browse show it as it is). */
  recorded?: RecordedResult;
  /** A mastery score (0..1) set by the LMS, which overrides the course's. */
  masteryScore?: number;
  /**
   * The LMS holds saved progress that could not be read at launch (its reads failed): the course starts
   * without it and never overwrites it with a poorer one.
   */
  savedUnknown?: boolean;
  /** The package target this session reports as. */
  target: TargetId;
  /** Where progress is kept: the LMS, this browser (no LMS was found), or nowhere (none could be opened). */
  store: 'lms' | 'browser' | 'none';
  notices: Notice[];
}

export interface Session {
  readonly start: SessionStart;
  /** Follows the machine: snapshots and emitted events. Returns a function that stops following. */
  attach(actor: CourseActor): () => void;
  /** The learner's language choice, saved as their preference. */
  setLanguage(language: string): void;
  /** The save state, for a quiet indicator in the view. */
  onSaveState(listener: (state: SaveState, notice?: Notice) => void): () => void;
  /**
   * Ends the session cleanly (the Exit button): everything is stored, then the session is closed.
   * Resolves false when it could not be stored; the session then stays open (and keeps trying), the
   * learner is told once, and exit may be called again.
   */
  exit(): Promise<boolean>;
  /** The page was hidden: send everything now (the view's drafts have reached the machine). */
  flush(): void;
  /**
   * The page is being left (`pagehide`): everything is stored now. `persisted`: the page may come back
   * (back/forward cache), so the session stays open; otherwise it is ended.
   */
  leave(persisted: boolean): void;
  /** The page was shown again from the back/forward cache (`pageshow` with `persisted`). */
  returned(): void;
}

/**
 * The mark a view wears while it is still drawing (its texts or code on their way): tracking's commits
 * meant to run "after paint" wait until no element wears it (for at most a moment), so a slow
 * synchronous LMS blocks the page only once the learner has the new screen, not its loading state.
 */
export const DRAWING_ATTRIBUTE = 'data-view-drawing';
