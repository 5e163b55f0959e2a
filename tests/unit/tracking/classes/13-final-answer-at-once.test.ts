// @vitest-environment happy-dom
/**
 * Issue 12, class 13: a final-assessment answer is committed at once (after the click is handled, on
 * the next tick, not after a 1.5 s pause), so a crash or a closed tab right after it loses nothing:
 * the next launch, from what the LMS committed, has the answer. Both SCORM versions, the real runtime.
 */
import { describe, expect, test, vi } from 'vitest';
import { boot, correctOf, createLms, doModule, N, relaunchData, savedIn, startCourse, step, useSessions } from '../support.ts';

const open = useSessions();

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];

  test('an answer in the final is committed on the next tick; after a crash the relaunch has it', async () => {
    const { lms, actor } = await startCourse(open, version);
    for (const m of ['intro', 'alpha', 'beta', 'omega']) doModule(actor, m);
    step(actor, { type: 'OPEN_FINAL' });
    step(actor, { type: 'BEGIN_ATTEMPT' });
    const attempt = actor.getSnapshot().context.record.latest!;
    const id = attempt.drawn[0]!;
    const commits = lms.callsTo(n.commit).length;
    actor.send({ type: 'ANSWER_FINAL', questionId: id, choice: correctOf(id) });
    expect(lms.callsTo(n.commit)).toHaveLength(commits); // the click first
    vi.advanceTimersByTime(0);
    expect(lms.callsTo(n.commit)).toHaveLength(commits + 1);
    expect(savedIn(lms)?.record.latest?.answers[id]).toEqual(correctOf(id));
    // The tab crashes: no pagehide, nothing more. The LMS relaunches from what it committed.
    lms.remove();
    const again = await createLms(version, relaunchData(lms));
    const second = await open(version);
    const { actor: resumed } = boot(second);
    expect(resumed.getSnapshot().context.record.latest?.answers[id]).toEqual(correctOf(id));
    expect(again.errors()).toEqual([]);
  });
});
