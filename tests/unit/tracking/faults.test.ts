// @vitest-environment happy-dom
/**
 * Faults, injected by wrapping the real scorm-again object's methods: calls that return "false" or an
 * error code, a commit that keeps failing, an API that disappears mid-course, slow calls. In each, the
 * learner keeps working, nothing is lost, and nothing reaches the machine or the view.
 */
import { describe, expect, test, vi } from 'vitest';
import type { Notice, SaveState, Session } from '../../../src/session/index.ts';
import { decodeSnapshot } from '../../../src/engine/index.ts';
import { getScormCallLog, getTrackingLog } from '../../../src/tracking/index.ts';
import { boot, course, createLms, currentSnapshot, doAttempt, doModule, pageHide, step, useSessions } from './support.ts';

const open = useSessions();

function follow(session: Session): Array<[SaveState, Notice | undefined]> {
  const seen: Array<[SaveState, Notice | undefined]> = [];
  session.onSaveState((s, n) => seen.push([s, n]));
  return seen;
}

const launch = (version: '1.2' | '2004') =>
  version === '1.2'
    ? { core: { entry: 'ab-initio', student_name: 'A, B' } }
    : { entry: 'ab-initio', learner_name: 'A, B', scaled_passing_score: '0.75', completion_threshold: '1' };
const names = (version: '1.2' | '2004') =>
  version === '1.2'
    ? {
        set: 'LMSSetValue',
        commit: 'LMSCommit',
        terminate: 'LMSFinish',
        get: 'LMSGetValue',
        exit: 'cmi.core.exit',
        status: 'cmi.core.lesson_status',
      }
    : { set: 'SetValue', commit: 'Commit', terminate: 'Terminate', get: 'GetValue', exit: 'cmi.exit', status: 'cmi.completion_status' };

/** The learner's current state, as the tracker must have stored it. */
const current = currentSnapshot;

describe.each(['1.2', '2004'] as const)('SCORM %s faults', (version) => {
  const n = names(version);

  test('SetValue returning "false" with an error code: retried, then saved; nothing lost', async () => {
    const lms = await createLms(version, launch(version));
    lms.faults.push({ method: n.set, element: 'cmi.suspend_data', result: 'false', error: version === '1.2' ? '101' : '351', times: 2 });
    const session = await open(version);
    const seen = follow(session);
    const { actor } = boot(session);
    step(actor, { type: 'START' }, 0);
    vi.advanceTimersByTime(0);
    expect(seen.at(-1)?.[0]).toBe('retrying');
    // The learner keeps working while the save is retried.
    doModule(actor, 'intro', {}, 500);
    vi.advanceTimersByTime(60_000);
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    expect(lms.calls.filter((c) => c.faulted)).toHaveLength(2);
    // The LMS's error string and diagnostic were read and logged with the failure.
    const failed = getScormCallLog().filter((c) => c.method === n.set && c.error !== 0 && c.args[0] === 'cmi.suspend_data');
    expect(failed.at(-1)).toMatchObject({ result: 'false', errorString: expect.any(String), diagnostic: expect.any(String) });
  });

  test('a call answering "true" but with an error code counts as failed', async () => {
    const lms = await createLms(version, launch(version));
    const session = await open(version);
    const seen = follow(session);
    const { actor } = boot(session);
    lms.faults.push({ method: n.commit, errorAfter: version === '1.2' ? '101' : '391', times: 1 });
    step(actor, { type: 'START' }, 0);
    vi.advanceTimersByTime(0);
    expect(seen.at(-1)?.[0]).toBe('retrying');
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)?.[0]).toBe('saved');
  });

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

  test('slow calls: commits wait for the click to be handled, coalesce, and are logged', async () => {
    vi.useRealTimers();
    const lms = await createLms(version, launch(version));
    const session = await open(version, { slowMs: 40 });
    const { actor } = boot(session);
    await new Promise((r) => setTimeout(r, 5));
    lms.faults.push({ method: n.commit, delayMs: 60 });
    const commits = lms.callsTo(n.commit).length;
    const started = performance.now();
    actor.send({ type: 'START' });
    actor.send({ type: 'OPEN_MODULE', moduleId: 'alpha' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'NEXT' });
    // The learner's clicks were handled without waiting for the LMS.
    expect(performance.now() - started).toBeLessThan(40);
    expect(lms.callsTo(n.commit).length).toBe(commits);
    await new Promise((r) => setTimeout(r, 150));
    expect(lms.callsTo(n.commit).length).toBe(commits + 1); // five changes, one commit
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    expect(getTrackingLog().some((l) => l.message.startsWith(`slow LMS call: ${n.commit}`))).toBe(true);
    lms.faults.length = 0;
    vi.useFakeTimers();
  });

  test('launch reads the LMS cannot answer (error codes on GetValue) leave defaults, not a crash', async () => {
    const lms = await createLms(version, launch(version));
    const notImplemented = { method: n.get, result: '', error: '401' };
    lms.faults.push({ ...notImplemented, element: /language|mastery_score|scaled_passing_score|_count$/ });
    lms.faults.push({ ...notImplemented, element: /student_name|learner_name/, error: '101' });
    const session = await open(version);
    expect(session.start.language).toBeUndefined();
    expect(session.start.masteryScore).toBeUndefined();
    expect(session.start.learnerName).toBeUndefined();
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    lms.faults.length = 0;
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    expect(lms.get('cmi.interactions.0.id')).toBe('kc_intro_q1');
  });

  test('Initialize failing: the learner works on in memory, told plainly; nothing throws', async () => {
    const lms = await createLms(version, launch(version));
    lms.faults.push({ method: version === '1.2' ? 'LMSInitialize' : 'Initialize', result: 'false', error: '101' });
    const session = await open(version);
    expect(session.start.notices).toContainEqual({ key: 'connectionLost', tone: 'error' });
    const { actor } = boot(session);
    expect(() => doModule(actor, 'intro')).not.toThrow();
    expect(lms.calls.filter((c) => c.method !== 'LMSInitialize' && c.method !== 'Initialize')).toEqual([]);
    await session.exit();
  });
});

describe('listeners and machine are shielded', () => {
  test('a throwing save-state listener does not break saving', async () => {
    const lms = await createLms('2004', launch('2004'));
    const session = await open('2004');
    session.onSaveState(() => {
      throw new Error('view bug');
    });
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
  });

  test('a finished run still terminates once when exit and pagehide both happen', async () => {
    const lms = await createLms('1.2', launch('1.2'));
    const session = await open('1.2');
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    await session.exit();
    pageHide();
    await session.exit();
    expect(lms.callsTo('LMSFinish')).toHaveLength(1);
    expect(lms.errors()).toEqual([]);
    // Nothing after terminate.
    const finishAt = lms.calls.findIndex((c) => c.method === 'LMSFinish');
    step(actor, { type: 'OPEN_MODULE', moduleId: 'intro' });
    session.setLanguage('en');
    expect(lms.calls.length).toBe(finishAt + 1);
  });

  test('a final attempt submitted while commits fail is still reported once the LMS recovers', async () => {
    const lms = await createLms('2004', launch('2004'));
    const session = await open('2004', { retryDelays: [1000] });
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    for (const m of course.modules) doModule(actor, m.id);
    step(actor, { type: 'OPEN_FINAL' });
    lms.faults.push({ method: 'SetValue', element: /^cmi\.interactions\.\d+\.id$/, result: 'false', error: '351', times: 3 });
    doAttempt(actor, 4);
    vi.advanceTimersByTime(10_000);
    step(actor, { type: 'OPEN_RESULTS' });
    vi.advanceTimersByTime(10_000);
    const interactions = Object.values(lms.cmi().interactions as Record<string, { id: string }>).map((i) => i.id);
    expect(interactions.filter((id) => id.startsWith('final_'))).toHaveLength(4);
    expect(lms.get('cmi.success_status')).toBe('passed');
  });
});
