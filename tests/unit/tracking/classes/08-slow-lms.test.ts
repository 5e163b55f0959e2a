// @vitest-environment happy-dom
/**
 * Issue 12, class 8: a slow LMS never freezes the learner. Every call taking 500 ms (as a loaded Moodle
 * answers): the learner's click is handled before any commit, several changes from one click go in
 * one commit, only changed elements are written, commits are spaced out and the learner is told calmly
 * (`slowLms`, never an error). Both SCORM versions, the real runtime; the slow calls move the page's
 * (fake) clock, so nothing here depends on the machine's speed, except the one real-time test below.
 */
import { describe, expect, test, vi } from 'vitest';
import { getTrackingLog } from '../../../../src/tracking/index.ts';
import { boot, createLms, currentSnapshot as current, doModule, firstLaunch, N, startCourse, useSessions } from '../support.ts';

const open = useSessions();

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];

  test('500 ms per call: clicks answered first, one commit for many changes, only what changed, a calm notice', async () => {
    const { lms, actor, seen } = await startCourse(open, version);
    for (const method of [n.get, n.set, n.commit]) lms.faults.push({ method, clockMs: 500 });
    const commits = () => lms.callsTo(n.commit).length;
    const c0 = commits();
    // Five clicks in a row: each answered at once (the state is there), none waits on the LMS.
    actor.send({ type: 'OPEN_MODULE', moduleId: 'alpha' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ module: 'page' })).toBe(true);
    expect(commits()).toBe(c0);
    const from = lms.calls.length;
    vi.advanceTimersByTime(0);
    expect(commits()).toBe(c0 + 1);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    // Only what changed: the objective, location and saved state, not the whole data model again.
    const written = lms.calls
      .slice(from)
      .filter((c) => c.method === n.set)
      .map((c) => String(c.args[0]));
    expect(written).toContain('cmi.suspend_data');
    expect(written.filter((e) => /status|score|exit|interactions/.test(e) && !/objectives/.test(e))).toEqual([]);
    expect(seen.at(-1)).toEqual(['saved', { key: 'slowLms', tone: 'info' }]);
    // Spaced out: the next click's commit waits (it does not run on the next tick), then goes.
    actor.send({ type: 'NEXT' });
    vi.advanceTimersByTime(0);
    expect(commits()).toBe(c0 + 1);
    vi.advanceTimersByTime(15_000);
    expect(commits()).toBe(c0 + 2);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    // A whole module on a slow LMS: far fewer commits than clicks, nothing lost, never an error notice.
    doModule(actor, 'beta', {}, 1000);
    vi.advanceTimersByTime(30_000);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    expect(seen.filter(([state]) => state === 'failed' || state === 'retrying')).toEqual([]);
    // The LMS quick again: the notice goes.
    lms.faults.length = 0;
    doModule(actor, 'intro');
    expect(seen.at(-1)).toEqual(['saved', undefined]);
  });

  test('slow calls: commits wait for the click to be handled, coalesce, and are logged', async () => {
    vi.useRealTimers();
    const lms = await createLms(version, firstLaunch(version));
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
});
