// @vitest-environment happy-dom
/**
 * Issue 12, class 6: review and browse mode are respected. Moodle relaunches a failed SCORM 1.2 attempt
 * in `lesson_mode=review`; an LMS may open a course in `browse`. Nothing can be stored in either (1.2
 * and 2004 alike: a SCO does not change the data model of an attempt it only shows), so:
 * - the LMS holds exactly what it held before (the whole CMI, element by element);
 * - no SetValue and no Commit is made at all (the spec allows nothing in these modes that this course
 *   would need; Initialize/GetValue and one Finish/Terminate are all);
 * - the machine refuses every event whose result would be stored, and keeps the result the LMS holds.
 * Against scorm-again's real runtime, set to that mode.
 */
import { describe, expect, test } from 'vitest';
import type { EngineEvent } from '../../../../src/engine/index.ts';
import type { ScormVersion } from '../../../../src/tracking/scorm-api/types.ts';
import {
  boot,
  course,
  createLms,
  doAttempt,
  doModule,
  hidePage,
  pageHide,
  relaunchData,
  step,
  useSessions,
  type Json,
} from '../support.ts';

const open = useSessions();

const NAMES = {
  '1.2': { set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' },
  '2004': { set: 'SetValue', commit: 'Commit', finish: 'Terminate' },
} as const;

/** A learner's normal attempt: every module, then the final failed once (one attempt is left). */
async function failedAttempt(version: ScormVersion): Promise<Json> {
  const lms = await createLms(version, version === '1.2' ? { core: { entry: 'ab-initio' } } : { entry: 'ab-initio' });
  const s = await open(version);
  const { actor } = boot(s);
  step(actor, { type: 'START' });
  for (const m of course.modules) doModule(actor, m.id);
  step(actor, { type: 'OPEN_FINAL' });
  doAttempt(actor, 0);
  expect(actor.getSnapshot().matches({ final: 'result' })).toBe(true);
  await s.exit();
  const cmi = relaunchData(lms);
  lms.remove();
  return cmi;
}

/** Everything a learner could try, in the final, the results and a module. */
function tryEverything(actor: ReturnType<typeof boot>['actor']): void {
  const tries: EngineEvent[] = [
    { type: 'START' },
    { type: 'OPEN_FINAL' },
    { type: 'BEGIN_ATTEMPT' },
    { type: 'SUBMIT_FINAL' },
    { type: 'OPEN_RESULTS' },
    ...course.modules.filter((m) => m.selfAssessment).map((m): EngineEvent => ({ type: 'SET_PLAN', moduleId: m.id, text: 'A new step' })),
    { type: 'MENU' },
  ];
  for (const e of tries) step(actor, e);
  // doModule answers every question, decides, writes, rates and goes on: all of it refused but the going.
  for (const m of course.modules) doModule(actor, m.id, { wrongFirst: true, reflection: 'New words', rating: 1 });
  step(actor, { type: 'OPEN_FINAL' });
  step(actor, { type: 'BEGIN_ATTEMPT' });
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const names = NAMES[version];

  test('review of a failed attempt: the LMS keeps failed/0 and every element, no retake, the result shown is the stored one', async () => {
    const before = await failedAttempt(version);
    // What the LMS holds after the failed attempt, set to review as Moodle relaunches it.
    const held = version === '1.2' ? (before.core as Json) : before;
    if (version === '1.2') {
      (before.core as Json).lesson_mode = 'review';
      (before.core as Json).lesson_status = 'failed';
      (before.core as Json).score = { raw: '0', min: '0', max: '100' };
    } else {
      before.mode = 'review';
      before.success_status = 'failed';
      before.score = { scaled: '0', raw: '0', min: '0', max: '100' };
    }
    expect(held).toBeTruthy();
    const lms = await createLms(version, before);
    const cmiBefore = lms.cmi();
    const s = await open(version);
    expect(s.start.mode).toBe('review');
    expect(s.start.recorded).toEqual({ status: 'failed', score: 0 });
    const { actor } = boot(s);
    expect(actor.getSnapshot().context.readOnly).toEqual({ mode: 'review', recorded: { status: 'failed', score: 0 } });
    const record = actor.getSnapshot().context.record;
    expect(record.latest?.correct).toBe(0);

    tryEverything(actor);
    const after = actor.getSnapshot();
    // The machine refused the retake and every answer: the attempt is the stored one, no new one began.
    expect(after.matches({ final: 'result' })).toBe(true);
    expect(after.context.record.latest).toEqual({ ...record.latest, index: after.context.record.latest!.index });
    expect(after.context.record.past).toEqual(record.past);
    for (const m of course.modules) {
      const { at: _a, furthest: _f, ...kept } = after.context.record.modules[m.id]!;
      const { at: _b, furthest: _g, ...was } = record.modules[m.id]!;
      expect(kept).toEqual(was);
    }
    s.setLanguage('en');
    hidePage();
    pageHide(false);
    await s.exit();

    expect(lms.callsTo(names.set)).toEqual([]);
    expect(lms.callsTo(names.commit)).toEqual([]);
    expect(lms.callsTo(names.finish)).toHaveLength(1);
    expect(lms.cmi()).toEqual(cmiBefore);
    expect(lms.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('failed');
    expect(lms.get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.scaled')).toBe('0');
  });

  test('browse from nothing: everything may be looked at, nothing is recorded, the status stays what the LMS set', async () => {
    const initial =
      version === '1.2'
        ? { core: { lesson_mode: 'browse', entry: 'ab-initio', lesson_status: 'not attempted' } }
        : { mode: 'browse', entry: 'ab-initio', completion_status: 'not attempted' };
    const lms = await createLms(version, initial);
    const cmiBefore = lms.cmi();
    const s = await open(version);
    expect(s.start.mode).toBe('browse');
    const { actor } = boot(s);
    expect(actor.getSnapshot().context.readOnly?.mode).toBe('browse');
    tryEverything(actor);
    const c = actor.getSnapshot().context;
    // Every module was open to look at, none finished, no answer or attempt kept.
    for (const m of course.modules) {
      expect(c.record.modules[m.id]?.furthest).toBeDefined();
      expect(c.record.modules[m.id]?.done).toBeFalsy();
      expect(c.record.modules[m.id]?.answers ?? {}).toEqual({});
    }
    expect(c.record.latest).toBeUndefined();
    expect(actor.getSnapshot().matches({ final: 'intro' })).toBe(true);
    await s.exit();

    expect(lms.callsTo(names.set)).toEqual([]);
    expect(lms.callsTo(names.commit)).toEqual([]);
    expect(lms.callsTo(names.finish)).toHaveLength(1);
    // SCORM 1.2 (RTE 3.4.4): the LMS itself marks a browse of a course not attempted as "browsed" when
    // the session ends (scorm-again does, at LMSFinish); the course set nothing.
    const expected = structuredClone(cmiBefore);
    if (version === '1.2') (expected.core as Json).lesson_status = 'browsed';
    expect(lms.cmi()).toEqual(expected);
  });
});
