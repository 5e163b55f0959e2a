// @vitest-environment happy-dom
/**
 * Class 10, content updates. Saved progress survives a new course version by id, and the learner is
 * told what was dropped: an answer knows its question's version (a stamp of its type, option ids and
 * correct key), so an answer to a question whose options or key changed is dropped, never scored
 * against the new key, in the knowledge check and in the final assessment; a decision whose block got
 * other options likewise. Against scorm-again's real runtime, both versions.
 */
import { describe, expect, test } from 'vitest';
import type { Course, Question } from '../../../../src/content-model/types.ts';
import { countCorrect, encodeSnapshot, questionIndex, type Saved } from '../../../../src/engine/index.ts';
import { boot, course, createLms, doModule, step, useSessions } from '../support.ts';
import { withDecisionOptions, withQuestion } from '../../../support/course-edits.ts';
import { openSession } from '../../../../src/tracking/index.ts';
import { targetOfScormVersion } from '../../../../src/targets/index.ts';
import { quietLogger } from '../support.ts';

useSessions(); // fake timers and a clean window

const resumeWith = (version: '1.2' | '2004', saved: string) =>
  version === '1.2'
    ? { core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: saved }
    : { entry: 'resume', suspend_data: saved, completion_status: 'incomplete' };

/** Version 2 of the sample: alpha.q1's key moved from c to a; alpha.b1 has another option; the omega decision has other options. */
const v2: Course = (() => {
  let c = withQuestion(course, 'alpha.q1', (q) => ({ ...q, correct: ['a'] }) as Question);
  c = withQuestion(c, 'alpha.b1', (q) => ({ ...q, options: [...(q as { options: string[] }).options, 'new'] }) as Question);
  return { ...withDecisionOptions(c, 'omega', (options) => [...options, 'delegate']), version: `${course.version}-2` };
})();

const saved: Saved = {
  location: 'menu',
  record: {
    seed: 4,
    modules: {
      intro: { done: true, answers: { q1: { tries: 1, submitted: true, choice: ['a'] } }, reflection: 'Mine tanker' },
      alpha: {
        done: true,
        answers: { q1: { tries: 1, submitted: true, choice: ['c'] }, q2: { tries: 1, submitted: true, choice: ['a', 'b'] } },
        reflection: 'Mere tekst',
      },
      omega: { done: false, at: 'page:choice', furthest: 'page:choice', answers: {}, decisions: { 'choice.dilemma': 'act' } },
    },
    past: [],
    latest: { seed: 3, drawn: ['alpha.b1', 'beta.b1'], answers: { 'alpha.b1': ['a'], 'beta.b1': ['b'] }, index: 1 },
  },
};

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  test('what still matches comes back; changed questions lose their answers, a changed decision its choice, and the learner is told', async () => {
    const stored = encodeSnapshot(saved, course);
    const lms = await createLms(version, resumeWith(version, stored));
    const s = await openSession(v2, { target: targetOfScormVersion(version), logger: quietLogger() });
    const { actor, notices } = boot(s, v2);
    const record = actor.getSnapshot().context.record;
    // Kept by id: what did not change.
    expect(record.modules.intro).toEqual(saved.record.modules.intro);
    expect(record.modules.alpha!.answers.q2).toEqual(saved.record.modules.alpha!.answers.q2);
    expect(record.modules.alpha!.reflection).toBe('Mere tekst');
    expect(record.latest!.answers['beta.b1']).toEqual(['b']);
    // Dropped: answers to the changed questions and the decision on the changed block.
    expect(record.modules.alpha!.answers.q1).toBeUndefined();
    expect(record.latest!.answers['alpha.b1']).toBeUndefined();
    expect(record.modules.omega!.decisions).toBeUndefined();
    // Never scored against the new key: the old answer 'c' would now count as wrong, 'a' as right; neither is there.
    expect(countCorrect(record.latest!, questionIndex(v2))).toBe(
      countCorrect({ ...record.latest!, answers: { 'beta.b1': ['b'] } }, questionIndex(v2)),
    );
    expect(notices.map((n) => [n.key, n.params?.count])).toEqual([
      ['welcomeBack', undefined],
      ['answersDropped', 2],
      ['decisionsDropped', 1],
    ]);
    // The learner answers the changed question anew, and the LMS gets it.
    step(actor, { type: 'START' });
    doModule(actor, 'omega', {}, 500);
    expect(actor.getSnapshot().context.record.modules.omega!.decisions).toEqual({ 'choice.dilemma': 'wait' });
    await s.exit();
    expect(lms.get('cmi.suspend_data')).not.toBe(stored);
  });

  test('the same course version: nothing is dropped, no update notice', async () => {
    await createLms(version, resumeWith(version, encodeSnapshot(saved, course)));
    const s = await openSession(course, { target: targetOfScormVersion(version), logger: quietLogger() });
    const { actor, notices } = boot(s);
    expect(notices.map((n) => n.key)).toEqual(['welcomeBack']);
    expect(actor.getSnapshot().context.record).toEqual(saved.record);
    await s.exit();
  });
});
