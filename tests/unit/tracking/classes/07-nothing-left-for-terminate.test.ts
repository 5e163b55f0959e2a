// @vitest-environment happy-dom
/**
 * Issue 12, class 7: nothing left for Terminate. Everything is written as the learner goes (the
 * final's answers, the action plan as it is typed), so the end of a session has nothing left to send
 * but exit and session time, committed BEFORE Terminate: a Terminate that fails (101, as Moodle's
 * "Exit activity" made it) loses nothing. When finishing itself fails, the learner gets one notice
 * (not "could not be saved" and "saved, you may close the window" at once) and can try again.
 */
import { describe, expect, test, vi } from 'vitest';
import { doAttempt, doModule, E, interactionsOf, N, startCourse, step, useSessions } from '../support.ts';

const open = useSessions();

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];
  const e = E[version];

  async function atResults() {
    const started = await startCourse(open, version);
    const { actor } = started;
    for (const m of ['intro', 'alpha', 'beta', 'omega']) doModule(actor, m);
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 4);
    step(actor, { type: 'OPEN_RESULTS' });
    step(actor, { type: 'SET_PLAN', moduleId: 'alpha', text: 'Tal med teamet' });
    step(actor, { type: 'SET_PLAN', moduleId: 'beta', text: 'Skriv det ned' });
    return started;
  }

  test('Exit after the final and the results: only exit and session time are left, committed before a Terminate that fails', async () => {
    const { lms, session } = await atResults();
    lms.faults.push({ method: n.finish, result: 'false', error: '101' });
    const from = lms.calls.length;
    await expect(session.exit()).resolves.toBe(true);
    const atExit = lms.calls.slice(from).filter((c) => c.method !== n.get);
    // What the exit sent: exit and session time, then Commit, then Terminate; nothing else.
    expect(atExit.filter((c) => c.method === n.set).map((c) => c.args[0])).toEqual(expect.arrayContaining([e.sessionTime]));
    for (const c of atExit.filter((c) => c.method === n.set)) expect([e.exit, e.sessionTime]).toContain(c.args[0]);
    expect(atExit.slice(-2).map((c) => c.method)).toEqual([n.commit, n.finish]);
    expect(atExit.at(-2)?.error).toBe('0');
    // So the failed Terminate lost nothing: the final's answers and the plan were stored as they came.
    const ids = interactionsOf(lms).map((i) => i.id);
    expect(ids.filter((id) => String(id).startsWith('final_'))).toHaveLength(4);
    expect(ids).toEqual(expect.arrayContaining(['plan_alpha', 'plan_beta']));
    expect(lms.get(e.sessionTime)).not.toBe('');
  });

  test('finishing fails: one notice, the session stays open, and Exit again finishes once the LMS is back', async () => {
    const { lms, session, seen } = await atResults();
    lms.faults.push({ method: n.commit, result: 'false', error: '101' });
    await expect(session.exit()).resolves.toBe(false);
    expect(seen.at(-1)).toEqual(['failed', { key: 'exitFailed', tone: 'error' }]);
    expect(lms.callsTo(n.finish)).toHaveLength(0);
    // Retries meanwhile keep the one notice (no "saved" while the finish is not stored).
    const mark = seen.length;
    vi.advanceTimersByTime(10_000);
    expect(seen.slice(mark).map(([state]) => state)).not.toContain('saved');
    expect(seen.at(-1)?.[1]).toEqual({ key: 'exitFailed', tone: 'error' });
    lms.faults.length = 0;
    await expect(session.exit()).resolves.toBe(true);
    expect(lms.callsTo(n.finish)).toHaveLength(1);
    expect(lms.get(e.exit)).toBe(version === '1.2' ? '' : 'normal');
    expect(seen.at(-1)).toEqual(['saved', undefined]);
  });
});
