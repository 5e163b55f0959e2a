/**
 * Launch preparation: from what a session knows at its start to what the course machine starts with.
 * Pure (no DOM, no LMS calls), so the app, the dev preview and the tests start a course the same way:
 *
 *   course (as built) + SessionStart ─► the LMS's mastery score over the course's
 *                                     ─► the saved state decoded (or set aside, with a notice)
 *                                     ─► the target's text limits
 *                                     ─► the machine's input, and the notices to show first
 */
import type { Course } from '../content-model/types.ts';
import {
  fitTexts,
  restoreSnapshot,
  SnapshotError,
  type EngineInput,
  type RestoreReport,
  type Saved,
  type TextField,
} from '../engine/index.ts';
import { TARGET_IDS, TARGETS, type TargetId } from '../targets/index.ts';
import type { Notice, SessionStart } from './session.ts';

export interface LaunchOptions {
  /** Changes the restored state before the machine starts (the dev preview's "jump to"). */
  adjustSaved?: (saved: Saved | undefined, course: Course) => Saved | undefined;
  /** A source of seeds for the final assessment's draws (tests pin it). */
  newSeed?: () => number;
}

export interface Launch {
  /** The course as this learner takes it (an LMS-set mastery score applied). */
  course: Course;
  /** The restored state, if any could be read. */
  saved?: Saved;
  /** What the restore found: what it dropped, and the texts it had to shorten to fit today's room. */
  restore?: RestoreReport & { shortened: TextField[] };
  /** The stored state could not be read: it was set aside (the learner starts fresh). */
  unreadable?: { reason: string; raw: string };
  /** The notices to show at the start: the session's, then what the restore found. */
  notices: Notice[];
  input: EngineInput;
}

/** The course with the mastery score the LMS set, which wins over the course's own. */
export function withMastery(course: Course, masteryScore: number | undefined): Course {
  if (masteryScore === undefined) return course;
  return { ...course, settings: { ...course.settings, final: { ...course.settings.final, masteryScore } } };
}

/**
 * Whose text limits apply: the session's target, except in browser storage (no LMS), which has room
 * for the roomiest SCORM target's texts (browser storage runs the SCORM runtime in the page).
 */
export function limitsTarget(start: Pick<SessionStart, 'target' | 'store'>): TargetId {
  if (start.store !== 'browser') return start.target;
  const scorm = TARGET_IDS.filter((t) => TARGETS[t].standard === 'scorm');
  return scorm.reduce((a, b) => (TARGETS[b].suspendDataLimit > TARGETS[a].suspendDataLimit ? b : a));
}

export function prepareLaunch(baseCourse: Course, start: SessionStart, options: LaunchOptions = {}): Launch {
  const course = withMastery(baseCourse, start.masteryScore);
  const notices: Notice[] = [...start.notices];
  let saved: Saved | undefined;
  let unreadable: Launch['unreadable'];
  let restore: Launch['restore'];
  const target = limitsTarget(start);
  const limits = course.settings.limits[target];
  const savedStateLimit = TARGETS[target].suspendDataLimit;
  if (start.saved) {
    try {
      const restored = restoreSnapshot(start.saved, course);
      // Texts past today's caps, or a state past the LMS's limit, are shortened so that saving goes on.
      const fitted = fitTexts(course, restored.saved.record, limits, savedStateLimit);
      restore = { ...restored.report, shortened: fitted.shortened };
      if (restore.otherCourse === undefined) saved = { location: restored.saved.location, record: fitted.record };
      notices.push(...restoreNotices(restore));
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      unreadable = { reason: e.message, raw: start.saved };
      notices.push({ key: 'unreadableSave', tone: 'warning' });
    }
  }
  if (options.adjustSaved) saved = options.adjustSaved(saved, course);
  const input: EngineInput = {
    course,
    limits,
    savedStateLimit,
    // Review and browse store nothing: the machine is told, and refuses what could not be stored.
    ...(start.mode !== 'normal' ? { readOnly: { mode: start.mode, recorded: start.recorded ?? {} } } : {}),
    ...(saved ? { record: saved.record, resumeAt: saved.location } : {}),
    ...(options.newSeed ? { newSeed: options.newSeed } : {}),
  };
  return { course, ...(saved ? { saved } : {}), ...(restore ? { restore } : {}), ...(unreadable ? { unreadable } : {}), notices, input };
}

/**
 * What the learner is told about their saved work: "welcome back, you continue where you left" only
 * when that is so, and each thing that did not come back (locales: notices.*).
 */
export function restoreNotices(r: NonNullable<Launch['restore']>): Notice[] {
  if (r.otherCourse !== undefined) return [{ key: 'otherCourseSave', tone: 'warning' }];
  const notices: Notice[] = [{ key: r.placeDropped ? 'welcomeBackElsewhere' : 'welcomeBack', tone: 'info' }];
  const counted = (key: string, count: number) => count && notices.push({ key, tone: 'warning', params: { count } });
  counted('modulesRemoved', r.modulesDropped.length);
  counted('answersDropped', r.answersDropped.length);
  counted('decisionsDropped', r.decisionsDropped.length);
  counted('textsShortened', r.shortened.length);
  return notices;
}
