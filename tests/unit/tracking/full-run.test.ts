// @vitest-environment happy-dom
/**
 * A full run of the sample course through the real course machine, reported to the REAL scorm-again
 * runtime, in both SCORM versions: every call answers error 0, the final CMI holds the right status,
 * score, interactions, objectives, exit and session time; then a relaunch with the stored CMI lands on
 * the same place with the same answers, drawn questions and attempts left.
 */
import { describe, expect, test } from 'vitest';
import { decodeSnapshot, finalStatus, savedOf } from '../../../src/engine/index.ts';
import { rightAnswer } from '../../support/answers.ts';
import {
  boot,
  course,
  createLms,
  doAttempt,
  doModule,
  E,
  hidePage,
  type Json,
  type Lms,
  pageHide,
  relaunchData,
  step,
  useSessions,
} from './support.ts';

const open = useSessions();

const launch12: Json = {
  core: {
    student_id: 'u42',
    student_name: 'Hansen, Mette',
    lesson_mode: 'normal',
    entry: 'ab-initio',
    credit: 'credit',
    lesson_status: 'not attempted',
  },
  student_data: { mastery_score: '75' },
  student_preference: { language: 'en' },
};
const launch2004: Json = {
  learner_id: 'u42',
  learner_name: 'Hansen, Mette',
  mode: 'normal',
  entry: 'ab-initio',
  credit: 'credit',
  scaled_passing_score: '0.75',
  completion_threshold: '1',
  learner_preference: { language: 'en' },
};

const ISO_DURATION = /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/;
const TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const TIME_12 = /^\d{2}:\d{2}:\d{2}$/;

function interactions(lms: Lms): Json[] {
  const all = (lms.cmi().interactions ?? {}) as Record<string, Json>;
  return Object.keys(all)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => all[k]!);
}

function objectives(lms: Lms): Json[] {
  const all = (lms.cmi().objectives ?? {}) as Record<string, Json>;
  return Object.keys(all)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => all[k]!);
}

describe.each(['1.2', '2004'] as const)('SCORM %s against scorm-again', (version) => {
  const e = E[version];

  test('a full run reports everything with error 0 after every call, then exits normally', async () => {
    const lms = await createLms(version, version === '1.2' ? launch12 : launch2004);
    const session = await open(version);
    expect(session.start).toMatchObject({
      target: version === '1.2' ? 'scorm12' : 'scorm2004',
      store: 'lms',
      mode: 'normal',
      learnerName: 'Mette Hansen',
      language: 'en',
      masteryScore: 0.75,
    });
    expect(session.start.saved).toBeUndefined();
    const states: string[] = [];
    session.onSaveState((s) => states.push(s));
    const { actor } = boot(session);

    step(actor, { type: 'START' });
    doModule(actor, 'intro', { wrongFirst: true, reflection: 'Line one\nLine two {with braces} and æøå' });
    doModule(actor, 'alpha', { reflection: 'Alpha thoughts', rating: 5 });
    doModule(actor, 'beta', { rating: 3 });
    doModule(actor, 'omega'); // a decision, an ordering and a matching question
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 1); // 1 of 4: failed, one attempt left
    doAttempt(actor, 4); // passed
    step(actor, { type: 'OPEN_RESULTS' });
    step(actor, { type: 'SET_PLAN', moduleId: 'alpha', text: 'Ask the team what we must be good at' });
    step(actor, { type: 'SET_PLAN', moduleId: 'beta', text: 'Book a review' });
    await session.exit();

    // Error 0 after every single call, including the reads at launch.
    expect(lms.errors()).toEqual([]);
    expect(lms.calls.filter((c) => c.result === 'false')).toEqual([]);
    expect(lms.callsTo(version === '1.2' ? 'LMSInitialize' : 'Initialize')).toHaveLength(1);
    expect(lms.callsTo(version === '1.2' ? 'LMSFinish' : 'Terminate')).toHaveLength(1);
    expect(states).toContain('saving');
    expect(states.at(-1)).toBe('saved');

    // Status and score, score before status.
    const sets = lms.calls.filter((c) => c.method === (version === '1.2' ? 'LMSSetValue' : 'SetValue')).map((c) => String(c.args[0]));
    if (version === '1.2') {
      expect(lms.get('cmi.core.lesson_status')).toBe('passed');
      expect(lms.get('cmi.core.score.raw')).toBe('100');
      expect(lms.get('cmi.core.score.min')).toBe('0');
      expect(lms.get('cmi.core.score.max')).toBe('100');
      expect(sets.lastIndexOf('cmi.core.score.raw')).toBeLessThan(sets.lastIndexOf('cmi.core.lesson_status'));
      expect(lms.setsOf('cmi.core.lesson_status')).toEqual(['incomplete', 'passed']);
    } else {
      expect(lms.get('cmi.completion_status')).toBe('completed');
      expect(lms.get('cmi.success_status')).toBe('passed');
      expect(lms.get('cmi.progress_measure')).toBe('1');
      expect(lms.get('cmi.score.scaled')).toBe('1');
      expect(lms.get('cmi.score.raw')).toBe('100');
      expect(lms.get('cmi.score.min')).toBe('0');
      expect(lms.get('cmi.score.max')).toBe('100');
      expect(sets.indexOf('cmi.score.scaled')).toBeLessThan(sets.indexOf('cmi.success_status'));
      expect(lms.setsOf('cmi.success_status')).toEqual(['failed', 'passed']);
      // progress_measure agrees with completion: below the threshold until complete, then 1.
      const progress = lms.setsOf('cmi.progress_measure').map(Number);
      expect(progress.slice(0, -1).every((p) => p < 1)).toBe(true);
      expect(progress.at(-1)).toBe(1);
    }

    // Location and suspend data: the engine's snapshot; exit normal now that the course is finished.
    expect(lms.get(e.location)).toBe('results');
    expect(lms.get('cmi.suspend_data')).toMatch(/^2[\x21-\x7e]+$/);
    expect(decodeSnapshot(String(lms.get('cmi.suspend_data')), course).location).toBe('results');
    expect(lms.get(e.exit)).toBe(version === '1.2' ? '' : 'normal');
    expect(lms.get(e.sessionTime)).toMatch(version === '1.2' ? TIMESPAN_12 : ISO_DURATION);
    expect(lms.setsOf(e.exit)).toContain('suspend'); // while unfinished

    // Interactions: 7 knowledge-check answers (one wrong first), 8 final answers, 2 reflections, 2 plans, a decision.
    const list = interactions(lms);
    const ids = list.map((i) => i.id);
    expect(ids.filter((id) => String(id).startsWith('kc_'))).toEqual([
      'kc_intro_q1',
      'kc_intro_q1',
      'kc_alpha_q1',
      'kc_alpha_q2',
      'kc_beta_q1',
      'kc_omega_q1',
      'kc_omega_q2',
    ]);
    expect(ids.filter((id) => String(id).startsWith('final_'))).toHaveLength(8);
    expect(ids.filter((id) => String(id).startsWith('reflection_'))).toEqual(['reflection_intro', 'reflection_alpha']);
    expect(ids.filter((id) => String(id).startsWith('plan_')).sort()).toEqual(['plan_alpha', 'plan_beta']);
    expect(ids.filter((id) => String(id).startsWith('decision_'))).toEqual(['decision_omega_choice_dilemma']);
    expect(list).toHaveLength(20);
    const first = list[0]!;
    expect(first).toMatchObject({ id: 'kc_intro_q1', type: 'choice', result: e.wrong, [e.response]: 'b' });
    expect((first.correct_responses as Record<string, Json>)['0']!.pattern).toBe('a');
    expect(list[1]).toMatchObject({ result: 'correct', [e.response]: 'a' });
    const multiple = list.find((i) => i.id === 'kc_alpha_q2')!;
    expect(multiple[e.response]).toBe(version === '1.2' ? 'a,b' : 'a[,]b');
    expect((multiple.correct_responses as Record<string, Json>)['0']!.pattern).toBe(version === '1.2' ? 'a,b' : 'a[,]b');
    for (const i of list) {
      expect(String(i[e.timestamp])).toMatch(version === '1.2' ? TIME_12 : ISO_TIMESTAMP);
      expect(['correct', e.wrong, 'neutral']).toContain(i.result);
      if (version === '2004') expect(String(i.description).length).toBeLessThanOrEqual(250);
    }
    // An ordering is a sequencing interaction, a matching one a matching interaction, in each version's grammar.
    expect(list.find((i) => i.id === 'kc_omega_q1')).toMatchObject({
      type: 'sequencing',
      result: 'correct',
      [e.response]: version === '1.2' ? 'a,b,c' : 'a[,]b[,]c',
    });
    expect(list.find((i) => i.id === 'kc_omega_q2')).toMatchObject({
      type: 'matching',
      result: 'correct',
      [e.response]: version === '1.2' ? 'a.a,b.b,c.c' : 'a[.]a[,]b[.]b[,]c[.]c',
    });
    // A decision: a choice with no correct response, neutral, never scored.
    const decision = list.find((i) => String(i.id).startsWith('decision_'))!;
    expect(decision).toMatchObject({ type: 'choice', result: 'neutral', [e.response]: 'a' });
    expect(decision.correct_responses ?? {}).toEqual({});
    const answered = list.filter((i) => i.type !== 'fill-in' && i.type !== 'long-fill-in');
    for (const i of answered) expect(String(i.latency)).toMatch(version === '1.2' ? TIMESPAN_12 : ISO_DURATION);
    const reflection = list.find((i) => i.id === 'reflection_intro')!;
    expect(reflection.type).toBe(version === '1.2' ? 'fill-in' : 'long-fill-in');
    expect(reflection[e.response]).toBe('Line one ¶ Line two {with braces} and æøå');
    if (version === '2004') expect(String(list[0]!.description)).toContain('intro.q1');
    const finals = list.filter((i) => String(i.id).startsWith('final_'));
    expect(finals.slice(0, 4).filter((i) => i.result === 'correct')).toHaveLength(1);
    expect(finals.slice(4).every((i) => i.result === 'correct')).toBe(true);

    // One objective per module, with its status and knowledge-check score.
    const objs = objectives(lms);
    expect(objs.map((o) => o.id)).toEqual(['intro', 'alpha', 'beta', 'omega']);
    for (const o of objs) {
      if (version === '1.2') expect(o.status).toBe('completed');
      else expect(o.completion_status).toBe('completed');
    }
    const introScore = objs[0]!.score as Json;
    expect(introScore.raw).toBe('100'); // the last submitted answer counts
    if (version === '2004') expect(introScore.scaled).toBe('1');
  });

  test('a relaunch resumes exactly: same place, answers, drawn questions and attempts left', async () => {
    const lms = await createLms(version, version === '1.2' ? launch12 : launch2004);
    const session = await open(version);
    const first = boot(session);
    step(first.actor, { type: 'START' });
    doModule(first.actor, 'intro', { wrongFirst: true });
    doModule(first.actor, 'alpha', { reflection: 'Kept across launches: æøå {[:#]}' });
    doModule(first.actor, 'beta');
    doModule(first.actor, 'omega');
    step(first.actor, { type: 'OPEN_FINAL' });
    doAttempt(first.actor, 0); // a failed attempt
    doAttempt(first.actor, 2, { submit: false, answer: 3 }); // the second attempt, three answers given, on question 3
    step(first.actor, { type: 'GOTO_QUESTION', index: 1 });
    const before = first.actor.getSnapshot();
    hidePage();
    pageHide();
    expect(lms.errors()).toEqual([]);
    expect(lms.get(e.exit)).toBe('suspend');
    expect(lms.callsTo(version === '1.2' ? 'LMSFinish' : 'Terminate')).toHaveLength(1);
    const countBefore = interactions(lms).length;
    lms.remove();

    // The LMS launches the course again with what it stored.
    const again = await createLms(version, relaunchData(lms));
    expect(again.get(version === '1.2' ? 'cmi.core.entry' : 'cmi.entry')).toBe('resume');
    const resumed = await open(version);
    expect(resumed.start.saved).toBe(lms.get('cmi.suspend_data'));
    const second = boot(resumed);
    const after = second.actor.getSnapshot();
    expect(savedOf(after).location).toBe(savedOf(before).location);
    expect(after.value).toEqual(before.value);
    expect(after.context.record).toEqual(before.context.record);
    expect(after.context.record.latest!.drawn).toEqual(before.context.record.latest!.drawn);
    expect(after.context.record.latest!.answers).toEqual(before.context.record.latest!.answers);
    expect(finalStatus(second.course, after.context.record)).toEqual(finalStatus(first.course, before.context.record));

    // Nothing is written until the learner does something, then interactions go on at _count.
    expect(again.setsOf('cmi.suspend_data')).toEqual([]);
    const attempt = after.context.record.latest!;
    for (const id of attempt.drawn.filter((d) => !attempt.answers[d]))
      step(second.actor, { type: 'ANSWER_FINAL', questionId: id, choice: rightAnswer(second.course.bank.find((q) => q.id === id)!) });
    step(second.actor, { type: 'SUBMIT_FINAL' });
    await resumed.exit();
    expect(again.errors()).toEqual([]);
    const all = interactions(again);
    expect(all.length).toBe(countBefore + attempt.drawn.length);
    expect(all.slice(0, countBefore)).toEqual(interactions(lms));
    expect(lms.setsOf(/^cmi\.interactions\.\d+\.id$/)).toHaveLength(countBefore);
    const newIds = again.calls
      .filter((c) => /^cmi\.interactions\.\d+\.id$/.test(String(c.args[0])))
      .map((c) => Number(String(c.args[0]).split('.')[2]));
    expect(newIds).toEqual(Array.from({ length: attempt.drawn.length }, (_, i) => countBefore + i));
  });
});
