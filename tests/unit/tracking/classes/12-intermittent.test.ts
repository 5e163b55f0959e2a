// @vitest-environment happy-dom
/**
 * Issue 12, class 12: an LMS failing 10-30 % of SetValue and Commit calls (as "false" with error 101,
 * the whole run, the end included) does not make the course fail itself. Indices stay sequential (a
 * failed id is retried at the same index), interactions do not stop at the first failure, and at the
 * end every interaction, the objectives, the pass, the status and the saved state are in the LMS, the
 * same as after a run without faults; what finishing could not store is retried, and Exit again ends
 * it. Both SCORM versions, the real runtime, a seeded random schedule.
 */
import { describe, expect, test, vi } from 'vitest';
import type { Session } from '../../../../src/session/index.ts';
import { doAttempt, doModule, E, interactionsOf, type Lms, N, savedIn, startCourse, step, useSessions } from '../support.ts';

const open = useSessions();

/** A small seeded generator (mulberry32): the same failures on every run of the test. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];
  const e = E[version];

  async function fullRun(rate: number) {
    const started = await startCourse(open, version);
    const { lms, actor, session } = started;
    const roll = random(1000 + Math.round(rate * 100));
    let failed = 0;
    lms.schedule = (method) => {
      if ((method !== n.set && method !== n.commit) || roll() >= rate) return undefined;
      failed++;
      return { method, result: 'false', error: '101' };
    };
    for (const m of ['intro', 'alpha', 'beta', 'omega']) doModule(actor, m, { wrongFirst: true, reflection: `Tanker om ${m}` });
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 1);
    doAttempt(actor, 4);
    step(actor, { type: 'OPEN_RESULTS' });
    step(actor, { type: 'SET_PLAN', moduleId: 'alpha', text: 'Første skridt' });
    // The learner leaves; if finishing could not be stored, they are told and press Exit again.
    let exits = 0;
    while (!(await exitOnce(session)) && exits++ < 20) vi.advanceTimersByTime(5000);
    return { lms, failed, exits };
  }
  const exitOnce = (session: Session) => session.exit();

  function held(lms: Lms) {
    const status =
      version === '1.2' ? [lms.get('cmi.core.lesson_status')] : [lms.get('cmi.completion_status'), lms.get('cmi.success_status')];
    return {
      interactions: interactionsOf(lms).map((i) => [i.id, i.type, i.result, i[e.response]]),
      objectives: Object.values((lms.cmi().objectives ?? {}) as Record<string, { id: string }>)
        .map((o) => o.id)
        .sort(),
      status,
      score: lms.get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.scaled'),
      saved: savedIn(lms),
      exit: lms.get(e.exit),
    };
  }

  test.each([0.1, 0.2, 0.3])('%s of SetValue/Commit failing: everything reaches the LMS, as without faults', async (rate) => {
    const clean = await fullRun(0);
    clean.lms.remove();
    const faulty = await fullRun(rate);
    expect(faulty.failed).toBeGreaterThan(20);
    const expected = held(clean.lms);
    expect(expected.interactions.length).toBeGreaterThan(20);
    expect(expected.status.at(-1)).toBe('passed');
    expect(held(faulty.lms)).toEqual(expected);
    // Sequential indices: no id was ever written past the next free index.
    const ids = faulty.lms.calls
      .filter((c) => c.method === n.set && /^cmi\.interactions\.\d+\.id$/.test(String(c.args[0])) && c.error === '0')
      .map((c) => Number(String(c.args[0]).split('.')[2]));
    ids.forEach((index, i) => expect(index).toBeLessThanOrEqual(Math.max(-1, ...ids.slice(0, i)) + 1));
  });
});
