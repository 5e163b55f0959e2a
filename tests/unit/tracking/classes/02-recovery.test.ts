// @vitest-environment happy-dom
/**
 * Issue 12, class 2: recovery after the LMS comes back. When calls throw or fail for a while and then
 * work again, everything unsaved (later answers, objectives, the saved state, the finish) reaches the
 * LMS; a failed commit is retried with growing delays and then steadily, also while the learner is
 * idle. Both SCORM versions, the real scorm-again runtime, faults injected by wrapping its methods.
 * Random schedules of the same faults: ../faults.property.test.ts.
 */
import { describe, expect, test, vi } from 'vitest';
import { decodeSnapshot } from '../../../../src/engine/index.ts';
import { getScormCallLog } from '../../../../src/tracking/index.ts';
import {
  boot,
  course,
  createLms,
  currentSnapshot as current,
  doAttempt,
  doModule,
  firstLaunch as launch,
  followSaveState as follow,
  interactionsOf,
  N,
  pageHide,
  step,
  startCourse,
  useSessions,
} from '../support.ts';

const open = useSessions();

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = { ...N[version], terminate: N[version].finish };

  test('a commit that keeps failing: growing retries, then steady ones while the learner is idle; recovery saves it all', async () => {
    const lms = await createLms(version, launch(version));
    const session = await open(version, { retryDelays: [1000, 2000, 4000], steadyRetryMs: 30_000 });
    const seen = follow(session);
    const { actor } = boot(session);
    lms.faults.push({ method: n.commit, result: 'false', error: version === '1.2' ? '101' : '391' });
    step(actor, { type: 'START' }, 0);
    vi.advanceTimersByTime(0);
    const commitsAt = () => lms.callsTo(n.commit).length;
    const afterFirst = commitsAt();
    vi.advanceTimersByTime(999);
    expect(commitsAt()).toBe(afterFirst); // backoff: nothing before the first delay
    vi.advanceTimersByTime(1);
    expect(commitsAt()).toBe(afterFirst + 1);
    vi.advanceTimersByTime(2000 + 4000);
    expect(commitsAt()).toBe(afterFirst + 3);
    expect(seen.at(-1)).toEqual(['failed', { key: 'saveFailed', tone: 'error' }]);
    // The learner kept working, then went idle: retries go on, steadily, with nothing from the learner.
    doModule(actor, 'intro', {}, 500);
    const idleFrom = commitsAt();
    vi.advanceTimersByTime(90_000);
    expect(commitsAt() - idleFrom).toBeGreaterThanOrEqual(3);
    expect(commitsAt() - idleFrom).toBeLessThanOrEqual(4);
    // The LMS recovers while the learner is still idle: the next steady retry saves everything.
    lms.faults.length = 0;
    vi.advanceTimersByTime(30_000);
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    expect(Object.values(lms.cmi().interactions as Record<string, { id: string }>).map((i) => i.id)).toContain('kc_intro_q1');
    // Saved: nothing more is scheduled while idle.
    expect(vi.getTimerCount()).toBe(0);
  });
  test('the API goes away mid-course and comes back: caught, told plainly, and everything is sent when it is back', async () => {
    const lms = await createLms(version, launch(version));
    const session = await open(version, { steadyRetryMs: 30_000 });
    const seen = follow(session);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    // The LMS frame goes away: the object is gone from the window and its methods throw.
    const api = lms.api;
    lms.remove();
    for (const method of [n.set, n.commit, n.get, n.terminate]) lms.faults.push({ method, throws: true });
    expect(() => doModule(actor, 'alpha')).not.toThrow();
    expect(seen.at(-1)).toEqual(['failed', { key: 'connectionLost', tone: 'error' }]);
    // Nothing lost: the machine holds everything the learner did, and no call reaches the dead API.
    const s = actor.getSnapshot();
    expect(s.context.record.modules.alpha?.done).toBe(true);
    expect(decodeSnapshot(current(actor), course).record).toEqual(s.context.record);
    const thrown = lms.calls.filter((c) => c.error === 'threw').length;
    vi.advanceTimersByTime(120_000);
    expect(lms.calls.filter((c) => c.error === 'threw').length).toBe(thrown);
    expect(getScormCallLog().at(-1)?.refused).toMatch(/lost/);
    // It comes back (the same object, where it was): the next retry sends everything still unsaved.
    lms.faults.length = 0;
    (window as unknown as Record<string, unknown>)[version === '1.2' ? 'API' : 'API_1484_11'] = api;
    vi.advanceTimersByTime(30_000);
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    const ids = Object.values(lms.cmi().interactions as Record<string, { id: string }>).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['kc_intro_q1', 'kc_alpha_q1', 'reflection_alpha']));
    await expect(session.exit()).resolves.toBe(true);
    expect(() => pageHide()).not.toThrow();
    expect(lms.callsTo(n.terminate)).toHaveLength(1);
  });
  test('calls that throw for a while (the API still there): the later answers, objectives, pass and finish all reach the LMS', async () => {
    const { lms, session, seen, actor } = await startCourse(open, version);
    doModule(actor, 'intro');
    for (const method of [n.set, n.commit]) lms.faults.push({ method, throws: true });
    doModule(actor, 'alpha');
    doModule(actor, 'beta');
    expect(seen.at(-1)?.[0]).toMatch(/retrying|failed/);
    lms.faults.length = 0;
    doModule(actor, 'omega');
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 4);
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    const ids = interactionsOf(lms).map((i) => i.id);
    for (const m of course.modules) expect(ids).toContain(`kc_${m.id}_q1`);
    expect(ids.filter((id) => String(id).startsWith('final_'))).toHaveLength(4);
    const objectives = Object.values(lms.cmi().objectives as Record<string, { id: string }>).map((o) => o.id);
    expect(objectives.sort()).toEqual(course.modules.map((m) => m.id).sort());
    expect(lms.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed');
    await expect(session.exit()).resolves.toBe(true);
    expect(lms.get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit')).toBe(version === '1.2' ? '' : 'normal');
    expect(lms.callsTo(n.finish)).toHaveLength(1);
  });
});
