// @vitest-environment happy-dom
/**
 * Issue 12, class 4: a failed read is unknown, never empty. The LMS holds a pass (status, score, the
 * finished learner's saved state); at launch its GetValue fails for them (`undefined`, or "false"-like
 * '' with error 101, three times in a row, so the tracker gives up reading). The course must never write
 * a lower status, a lower score or a poorer saved state than the LMS may hold: it reads them again
 * before writing, and saved progress it could not read is left as it is (the learner is told). Both
 * SCORM versions, the real runtime. Random transient read failures: ../faults.property.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { TrackingSession } from '../../../../src/tracking/index.ts';
import {
  boot,
  createLms,
  doAttempt,
  doModule,
  type Fault,
  firstLaunch,
  followSaveState,
  type Json,
  N,
  pageHide,
  relaunchData,
  savedIn,
  step,
  useSessions,
} from '../support.ts';

const open = useSessions();

const FAILED_READS: Record<string, Omit<Fault, 'method'>> = {
  undefined: { returnsUndefined: true },
  'error 101': { result: '', error: '101' },
  throws: { throws: true },
};

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];
  const status = version === '1.2' ? ['cmi.core.lesson_status'] : ['cmi.completion_status', 'cmi.success_status'];
  const score = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.scaled';

  /** What an LMS holds after a learner passed the course (exited in the middle of a revisit). */
  async function storedPass(): Promise<Json> {
    const lms = await createLms(version, firstLaunch(version));
    const session = await open(version);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    for (const m of ['intro', 'alpha', 'beta', 'omega']) doModule(actor, m);
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 4);
    step(actor, { type: 'MENU' });
    pageHide();
    expect(lms.get(status.at(-1)!)).toBe('passed');
    const stored = relaunchData(lms);
    lms.remove();
    return stored;
  }

  test.each(Object.keys(FAILED_READS))(
    'status, score and saved state unreadable at launch (%s): never written lower, the stored progress left as it is',
    async (kind) => {
      const stored = await storedPass();
      const lms = await createLms(version, stored);
      const before = { status: status.map((e) => lms.get(e)), score: lms.get(score), saved: lms.get('cmi.suspend_data') };
      const unreadable = new RegExp(`^(${[...status, score, 'cmi.suspend_data'].join('|').replaceAll('.', '\\.')})$`);
      lms.faults.push({ method: n.get, element: unreadable, times: 3 * (status.length + 2), ...FAILED_READS[kind] });
      const session = await open(version);
      lms.faults.length = 0;
      expect(session.start.saved).toBeUndefined();
      expect(session.start.savedUnknown).toBe(true);
      const seen = followSaveState(session);
      // The learner sees a fresh course and works in it; its state is poorer than what the LMS holds.
      const { actor } = boot(session);
      step(actor, { type: 'START' });
      doModule(actor, 'intro');
      pageHide();
      for (const [i, e] of status.entries()) expect(lms.get(e), e).toBe(before.status[i]);
      expect(lms.get(score)).toBe(before.score);
      expect(lms.get('cmi.suspend_data')).toBe(before.saved);
      expect(lms.setsOf('cmi.suspend_data')).toEqual([]);
      expect(lms.setsOf(/status$|score\.(raw|scaled)$/).filter((v) => v === 'incomplete' || v === 'failed' || v === '0')).toEqual([]);
      // Told: what the LMS holds is left alone.
      expect(seen.some(([, notice]) => notice?.key === 'savedElsewhere')).toBe(true);
      // The next launch (reads working) resumes the stored pass.
      const third = await createLms(version, relaunchData(lms));
      const again = await open(version);
      expect(again.start.saved).toBe(before.saved);
      expect(third.get(status.at(-1)!)).toBe('passed');
    },
  );

  test('only the status unreadable at launch: read again before it is written, so a pass stays a pass', async () => {
    const stored = await storedPass();
    const lms = await createLms(version, stored);
    lms.faults.push({ method: n.get, element: status[0], result: '', error: '101', times: 3 });
    const session = await open(version);
    expect(session.start.saved).toBe(lms.get('cmi.suspend_data'));
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'alpha');
    await session.exit();
    expect(lms.get(status.at(-1)!)).toBe('passed');
    expect(lms.setsOf(status[0]!).filter((v) => v === 'incomplete')).toEqual([]);
    // The saved state is this session's, which resumed the stored one: nothing of the pass is lost.
    expect(Object.values(savedIn(lms)!.record.modules).filter((m) => m.done)).toHaveLength(4);
    expect((session as TrackingSession).debugState().saveState).toBe('saved');
  });

  test('the objectives unreadable at launch: read again later, each module stays one objective (never written at a new index)', async () => {
    const stored = await storedPass();
    const lms = await createLms(version, stored);
    lms.faults.push({ method: n.get, element: 'cmi.objectives._count', returnsUndefined: true, times: 3 });
    const session = await open(version);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'alpha');
    doModule(actor, 'intro');
    await session.exit();
    const ids = Object.values(lms.cmi().objectives as Record<string, { id: string }>).map((o) => o.id);
    expect(ids.sort()).toEqual(['alpha', 'beta', 'intro', 'omega']);
  });
});
