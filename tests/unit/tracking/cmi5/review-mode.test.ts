// @vitest-environment happy-dom
/**
 * cmi5 Review and Browse (LMS.LaunchData `launchMode`): a session of a registration whose attempt
 * failed, opened again in Review, restores what the learner did and refuses everything that would be
 * stored; Browse from nothing lets the learner look at everything. In both, the only statements of the
 * session are `initialized` and `terminated` (cmi5 9.3.2/9.3.3 allow no others), and the state document
 * is exactly what it was.
 */
import { describe, expect, test } from 'vitest';
import { boot, course, doAttempt, doModule, step } from '../support.ts';
import { definedVerbs, exitSession, newLms, openCmi5, useCmi5Clock } from './support.ts';

useCmi5Clock();

/** A registration whose first session took every module and one attempt with `correct` right answers. */
async function finishedRegistration(correct: number) {
  const lms = newLms();
  const first = lms.launch();
  const a = await openCmi5(lms, first);
  const one = boot(a.session);
  step(one.actor, { type: 'START' });
  for (const m of course.modules) doModule(one.actor, m.id);
  step(one.actor, { type: 'OPEN_FINAL' });
  doAttempt(one.actor, correct);
  await exitSession(a.session);
  return { lms, first };
}

describe('cmi5 read-only launches', () => {
  test('Review of a failed attempt: no retake, no answer, no text; the state stays as it was; initialized and terminated only', async () => {
    const { lms, first } = await finishedRegistration(0);
    const stateBefore = lms.stateOf(first, 'course-state');
    expect(stateBefore).toBeDefined();

    const review = lms.launch({ launchMode: 'Review', registration: first.facts.registration });
    const b = await openCmi5(lms, review);
    expect(b.session.start.mode).toBe('review');
    const two = boot(b.session);
    // What the LMS holds is shown as it is: the "failed" this registration sent, with its score
    expect(two.actor.getSnapshot().context.readOnly).toEqual({ mode: 'review', recorded: { status: 'failed', score: 0 } });
    const record = two.actor.getSnapshot().context.record;
    expect(record.latest?.correct).toBe(0);
    step(two.actor, { type: 'OPEN_FINAL' });
    step(two.actor, { type: 'BEGIN_ATTEMPT' });
    expect(two.actor.getSnapshot().matches({ final: 'result' })).toBe(true);
    step(two.actor, { type: 'MENU' });
    doModule(two.actor, 'intro', { reflection: 'Written in review', rating: 1, wrongFirst: true });
    step(two.actor, { type: 'OPEN_RESULTS' });
    step(two.actor, { type: 'SET_PLAN', moduleId: 'beta', text: 'A plan written in review' });
    const after = two.actor.getSnapshot().context.record;
    expect(after.latest?.correct).toBe(0);
    expect(after.past).toEqual(record.past);
    expect(after.modules.intro?.reflection).toBe(record.modules.intro?.reflection);
    expect(after.modules.intro?.rating).toBe(record.modules.intro?.rating);
    expect(after.modules.beta?.plan).toBe(record.modules.beta?.plan);
    await exitSession(b.session);

    expect(lms.violations).toEqual([]);
    const inReview = lms.statements.filter((s) => s.sessionKey === review.key).map((s) => s.statement);
    expect(definedVerbs(inReview)).toEqual(['initialized', 'terminated']);
    expect(inReview).toHaveLength(2);
    expect(lms.stateOf(first, 'course-state')).toEqual(stateBefore);
  });

  test('Review of a passed attempt shows the pass and the score the registration sent', async () => {
    const drawn = course.settings.final.draw;
    const { lms, first } = await finishedRegistration(drawn - 1);
    const review = lms.launch({ launchMode: 'Review', registration: first.facts.registration });
    const b = await openCmi5(lms, review);
    expect(b.session.start.recorded).toEqual({ status: 'passed', score: (drawn - 1) / drawn });
    await exitSession(b.session);
    expect(lms.violations).toEqual([]);
  });

  test('Browse from nothing: every module may be looked at, none is finished, nothing is stored', async () => {
    const lms = newLms();
    const launch = lms.launch({ launchMode: 'Browse' });
    const { session } = await openCmi5(lms, launch);
    const { actor } = boot(session);
    expect(actor.getSnapshot().context.readOnly).toEqual({ mode: 'browse', recorded: {} });
    step(actor, { type: 'START' });
    for (const m of course.modules) doModule(actor, m.id);
    step(actor, { type: 'OPEN_FINAL' });
    step(actor, { type: 'BEGIN_ATTEMPT' });
    const c = actor.getSnapshot().context;
    expect(actor.getSnapshot().matches({ final: 'intro' })).toBe(true);
    for (const m of course.modules) {
      expect(c.record.modules[m.id]?.furthest).toBeDefined();
      expect(c.record.modules[m.id]?.done).toBeFalsy();
    }
    expect(c.record.latest).toBeUndefined();
    await exitSession(session);
    expect(lms.violations).toEqual([]);
    expect(lms.statementsOf(launch.facts.registration)).toHaveLength(2);
    expect(lms.stateOf(launch, 'course-state')).toBeUndefined();
  });
});
