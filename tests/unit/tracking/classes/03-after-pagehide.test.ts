// @vitest-environment happy-dom
/**
 * Issue 12, class 3: life after `pagehide`. A page put in the back/forward cache (pagehide with
 * `persisted`) stores everything (exit, session time, committed) but keeps its session open; shown again
 * (pageshow with `persisted`) it goes on saving and the indicator tells the truth. A page whose session
 * did end (a pagehide that was not persisted) and is shown again says so instead of "saved", and sends
 * nothing after Terminate. Both SCORM versions, the real runtime.
 */
import { describe, expect, test } from 'vitest';
import type { TrackingSession } from '../../../../src/tracking/index.ts';
import { currentSnapshot, doModule, E, interactionsOf, N, pageHide, pageShow, startCourse, useSessions } from '../support.ts';

const open = useSessions();

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];
  const e = E[version];

  test('pagehide persisted, then pageshow persisted: everything stored meanwhile, saving resumes, "saved" is true', async () => {
    const { lms, seen, actor } = await startCourse(open, version);
    doModule(actor, 'intro');
    actor.send({ type: 'OPEN_MODULE', moduleId: 'alpha' }); // not yet committed when the page goes
    pageHide(true);
    // Stored as if the visit ended (exit suspend, session time, committed), but not terminated.
    expect(lms.get('cmi.suspend_data')).toBe(currentSnapshot(actor));
    expect(lms.get(e.exit)).toBe('suspend');
    expect(lms.setsOf(e.sessionTime)).toHaveLength(1);
    expect(lms.callsTo(n.finish)).toHaveLength(0);
    pageShow(true);
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    // The learner goes on: it reaches the LMS, and the indicator follows.
    doModule(actor, 'alpha');
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    expect(lms.get('cmi.suspend_data')).toBe(currentSnapshot(actor));
    expect(interactionsOf(lms).map((i) => i.id)).toContain('kc_alpha_q1');
    expect(lms.errors()).toEqual([]);
    // Left for good later: terminated once.
    pageHide();
    expect(lms.callsTo(n.finish)).toHaveLength(1);
  });

  test('pageshow persisted after a session that ended: told plainly ("not saved"), nothing sent after Terminate', async () => {
    const { lms, session, seen, actor } = await startCourse(open, version);
    pageHide(false);
    expect(lms.callsTo(n.finish)).toHaveLength(1);
    const calls = lms.calls.length;
    pageShow(true);
    expect(seen.at(-1)).toEqual(['failed', { key: 'sessionEnded', tone: 'error' }]);
    doModule(actor, 'intro');
    expect(lms.calls).toHaveLength(calls);
    expect(seen.at(-1)?.[0]).toBe('failed');
    expect((session as TrackingSession).debugState().closed).toBe(true);
  });

  test('a pageshow that is not from the cache (a first show) changes nothing', async () => {
    const { lms, seen } = await startCourse(open, version);
    const calls = lms.calls.length;
    pageShow(false);
    expect(lms.calls).toHaveLength(calls);
    expect(seen.at(-1)).toEqual(['saved', undefined]);
  });
});
