/**
 * The codec's class tests (05, 09, 10, 11, 14) on the real course in content/ as well as the sample:
 * a session opened on the real course against the same real scorm-again runtime, and a learner who
 * writes into every reflection and action step the way the player lets them (what the field's room
 * shows, a change that does not fit refused).
 */
import { afterEach } from 'vitest';
import { loadCourse } from '../../../../src/content-model/load.ts';
import type { Course } from '../../../../src/content-model/types.ts';
import { cutText, roomFor, textFits, type TextField } from '../../../../src/engine/index.ts';
import type { CourseActor, Session } from '../../../../src/session/index.ts';
import { openSession } from '../../../../src/tracking/index.ts';
import { targetOfScormVersion } from '../../../../src/targets/index.ts';
import type { ScormVersion } from '../../../../src/tracking/scorm-api/types.ts';
import { quietLogger, repo, step } from '../support.ts';

export const real: Course = loadCourse(repo).course;

/** Opens a session on `c` (exited after the test, before the sessions of `useSessions`). */
export function useCourseSessions(): (version: ScormVersion, c: Course) => Promise<Session> {
  const open: Session[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.exit();
  });
  return async (version, c) => {
    const s = await openSession(c, { target: targetOfScormVersion(version), logger: quietLogger() });
    open.push(s);
    return s;
  };
}

export const fieldsOf = (c: Course): TextField[] =>
  c.modules.flatMap((m) => [
    ...(m.reflection ? [{ kind: 'reflection' as const, moduleId: m.id }] : []),
    ...(m.selfAssessment ? [{ kind: 'plan' as const, moduleId: m.id }] : []),
  ]);

/** What the field keeps of `text`: at most the room it shows, less while the change would not fit. */
export function whatFits(actor: CourseActor, field: TextField, text: string): string {
  const { course, record, limits, savedStateLimit } = actor.getSnapshot().context;
  let kept = cutText(text, roomFor(course, record, limits, savedStateLimit, field, '').max);
  while (kept && !textFits(course, record, limits, savedStateLimit, field, kept)) kept = cutText(kept, Math.floor(kept.length * 0.9));
  return kept;
}

/** Types `text` into a reflection (the learner is on it) or an action step (on the results), as the field allows. */
export function write(actor: CourseActor, field: TextField, text: string): string {
  const kept = whatFits(actor, field, text);
  step(
    actor,
    field.kind === 'reflection' ? { type: 'SET_REFLECTION', text: kept } : { type: 'SET_PLAN', moduleId: field.moduleId, text: kept },
  );
  return kept;
}
