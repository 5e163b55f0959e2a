// @vitest-environment happy-dom
/**
 * Class 05, oversized stored state. A stored state over the LMS's limit (an LMS that let 1.2 store more
 * than 4,096 characters, an older version of the course) or with texts past today's caps restores; what
 * had to be shortened keeps as much as the limit allows, the learner is told plainly, and saving goes on
 * in that session (never "never writes suspend_data again"). Against scorm-again's real runtime, both
 * versions, and on the real course with its 1.2 caps of 400 / 150.
 */
import { describe, expect, test } from 'vitest';
import { decodeSnapshot, encodeSnapshotFormat1, questionIndex, type LearnerRecord } from '../../../../src/engine/index.ts';
import { rightAnswer } from '../../../support/answers.ts';
import type { Course } from '../../../../src/content-model/types.ts';
import { incompressibleText, SUSPEND_LIMITS } from '../../../../src/tracking/suspend-budget.ts';
import { DANISH_REFLECTIONS } from '../fixtures/learner-texts.ts';
import { boot, course, createLms, doModule, step, useSessions } from '../support.ts';
import { real, useCourseSessions } from './real-course.ts';

const openSample = useSessions();
const openOn = useCourseSessions();

const resumeWith = (version: '1.2' | '2004', saved: string) =>
  version === '1.2'
    ? { core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: saved }
    : { entry: 'resume', suspend_data: saved, completion_status: 'incomplete' };

/** An older version's state: long texts in the first modules of `c` (format 1, as it was stored). */
function oversized(c: Course, length: number): { text: string; record: LearnerRecord } {
  const ids = c.modules.filter((m) => m.reflection).map((m) => m.id);
  const record: LearnerRecord = {
    seed: 9,
    modules: Object.fromEntries(
      ids.map((id, i) => [
        id,
        {
          done: true,
          answers: {},
          reflection: i % 2 ? incompressibleText(length, i + 1) : DANISH_REFLECTIONS[i % 11]!.repeat(8).slice(0, length),
        },
      ]),
    ),
    past: [],
  };
  return { text: encodeSnapshotFormat1({ location: 'menu', record }, c), record };
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const limit = version === '1.2' ? SUSPEND_LIMITS.scorm12 : SUSPEND_LIMITS.scorm2004;

  test("texts past today's caps are shortened to the cap, the learner is told, and saving goes on", async () => {
    const caps = version === '1.2' ? course.settings.limits.scorm12 : course.settings.limits.scorm2004;
    const stored = oversized(course, version === '1.2' ? 2600 : caps.reflection + 500);
    if (version === '1.2') expect(stored.text.length).toBeGreaterThan(limit);
    const lms = await createLms(version, resumeWith(version, stored.text));
    const s = await openSample(version);
    const { actor, notices } = boot(s);
    expect(notices.map((n) => n.key)).toEqual(['welcomeBack', 'textsShortened']);
    expect(notices[1]!.params).toEqual({ count: Object.keys(stored.record.modules).length });
    const restored = actor.getSnapshot().context.record;
    for (const [id, r] of Object.entries(stored.record.modules)) {
      const kept = restored.modules[id]!.reflection!;
      // Kept as far as the limit allows: the start of what was written, up to the cap.
      expect(r.reflection!.startsWith(kept)).toBe(true);
      expect(kept.length).toBeLessThanOrEqual(caps.reflection);
      expect(kept.length).toBeGreaterThan(0);
    }
    // The learner goes on, and it is saved.
    doModule(actor, 'beta', {}, 500);
    await s.exit();
    const sets = lms.setsOf('cmi.suspend_data');
    expect(sets.length).toBeGreaterThan(0);
    expect(sets.every((v) => v.length <= limit)).toBe(true);
    const held = decodeSnapshot(lms.get('cmi.suspend_data'), course).record;
    expect(held.modules.beta!.done).toBe(true);
    expect(held.modules.intro!.reflection).toBe(restored.modules.intro!.reflection);
  });

  test('real course: a stored state far over the limit restores, cut to fit, told, and saved from then on', async () => {
    const stored = oversized(real, version === '1.2' ? 1200 : 2600);
    if (version === '1.2') expect(stored.text.length).toBeGreaterThan(2 * limit);
    const lms = await createLms(version, resumeWith(version, stored.text));
    const s = await openOn(version, real);
    const { actor, notices } = boot(s, real);
    expect(notices.find((n) => n.key === 'textsShortened')?.tone).toBe('warning');
    expect(notices.map((n) => n.key)).not.toContain('unreadableSave');
    const restored = actor.getSnapshot().context.record;
    const danishKept = Object.entries(stored.record.modules).filter((_, i) => i % 2 === 0);
    // Ordinary Danish keeps the full cap in 1.2 when there is room; incompressible text pays for what does not fit.
    for (const [id, r] of danishKept) expect(r.reflection!.startsWith(restored.modules[id]!.reflection ?? '')).toBe(true);
    step(actor, { type: 'START' });
    // Every module is done: the learner begins the final assessment, and answers a question.
    step(actor, { type: 'OPEN_FINAL' });
    step(actor, { type: 'BEGIN_ATTEMPT' });
    const first = actor.getSnapshot().context.record.latest!.drawn[0]!;
    step(actor, { type: 'ANSWER_FINAL', questionId: first, choice: rightAnswer(questionIndex(real).get(first)!) });
    await s.exit();
    const sets = lms.setsOf('cmi.suspend_data');
    expect(sets.length).toBeGreaterThan(0);
    expect(sets.every((v) => v.length <= limit)).toBe(true);
    const held = decodeSnapshot(lms.get('cmi.suspend_data'), real).record;
    expect(held.latest?.answers[first]).toEqual(actor.getSnapshot().context.record.latest!.answers[first]);
    // Shortened texts stay as restored (what had to go is gone, what was kept is kept).
    expect(held.modules).toEqual(restored.modules);
  });
});
