/**
 * The pure parts of cmi5 tracking: the launch parameters, the statement builders (checked with Learning
 * Locker's xAPI validator and the cmi5 rules of the test LMS), durations, and the context template.
 */
import { describe, expect, it } from 'vitest';
import {
  checkStatements,
  CMI5,
  interactionProblems,
  newProgress,
  type Json,
  type SessionFacts,
} from '../../../../scripts/harness/cmi5-rules.ts';
import { describe as describeActivities, interactionStatement } from '../../../../src/tracking/cmi5/interactions.ts';
import { parseLaunch } from '../../../../src/tracking/cmi5/launch.ts';
import { parseLaunchData } from '../../../../src/tracking/cmi5/open.ts';
import {
  contextFor,
  definedStatement,
  isoDuration,
  uuid,
  type LaunchData,
  type StatementSession,
} from '../../../../src/tracking/cmi5/statements.ts';
import { decisionInteraction, questionInteraction, textInteraction } from '../../../../src/tracking/report.ts';
import { course } from '../../engine/sample.ts';
import { rightAnswer } from '../../../support/answers.ts';
import type { Question } from '../../../../src/content-model/types.ts';
import type { XapiActivity } from '../../../../src/tracking/cmi5/statements.ts';
import { sampleTexts } from './support.ts';

type Def = NonNullable<XapiActivity['definition']>;

const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example.org', name: 'u-1' } };
const registration = '760e3480-ba55-4991-94b0-01820dbd23a2';
const activityId = 'https://lms.example.org/activities/au-1';
const sessionId = 'session-7';
const template = { contextActivities: { grouping: [{ id: 'urn:course:sample-course:au' }] }, extensions: { [CMI5.sessionId]: sessionId } };
const launchData: LaunchData = { contextTemplate: template, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.75 };
const session: StatementSession = {
  launch: { endpoint: 'https://lrs.example.org/', fetch: 'https://lms.example.org/f', actor, registration, activityId },
  launchData,
  newId: uuid,
};
const facts: SessionFacts = {
  actor,
  registration,
  activityId,
  sessionId,
  launchMode: 'Normal',
  masteryScore: 0.75,
  contextTemplate: template,
};
const fresh = () => ({ ...newProgress(), learnerPrefsFetched: true });

describe('the launch URL', () => {
  const q = (p: Record<string, string>) => `?${new URLSearchParams(p)}`;
  const all = {
    endpoint: 'https://lrs.example.org/xapi',
    fetch: 'https://lms.example.org/token?k=1',
    actor: JSON.stringify(actor),
    registration,
    activityId,
  };

  it('reads the five parameters in any order, URL-decoded; the endpoint gets its trailing slash', () => {
    const reversed = Object.fromEntries(Object.entries(all).reverse());
    for (const search of [q(all), q(reversed), `${q(all)}&lang=da`]) {
      const r = parseLaunch(search);
      expect(r).toEqual({ kind: 'cmi5', launch: { ...all, endpoint: 'https://lrs.example.org/xapi/', actor } });
    }
  });

  it('is no cmi5 launch without any of them, and names every problem of a broken one', () => {
    expect(parseLaunch('')).toEqual({ kind: 'none' });
    expect(parseLaunch('?lang=da')).toEqual({ kind: 'none' });
    const r = parseLaunch(q({ ...all, registration: 'not-a-uuid', actor: '{"mbox":"mailto:a@b.c"}', endpoint: 'ftp://x' }));
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.problems).toEqual([
      'endpoint "ftp://x" is not an http(s) URL',
      'actor is not an Agent with an account (homePage and name), as cmi5 requires',
      'registration "not-a-uuid" is not a UUID',
    ]);
    const missing = parseLaunch(q({ endpoint: all.endpoint }));
    expect(missing.kind === 'invalid' && missing.problems).toContain('the launch URL has no fetch');
  });
});

describe('LMS.LaunchData', () => {
  it('is read with its launch mode, mastery score and return URL, and refused without a context template or mode', () => {
    expect(parseLaunchData({ ...launchData, returnURL: 'https://lms.example.org/back' })).toEqual({
      ...launchData,
      returnURL: 'https://lms.example.org/back',
    });
    expect(parseLaunchData({ launchMode: 'Normal' })).toBeUndefined();
    expect(parseLaunchData({ contextTemplate: {}, launchMode: 'normal' })).toBeUndefined();
    expect(parseLaunchData({ contextTemplate: {}, launchMode: 'Review', masteryScore: 7 })).toEqual({
      contextTemplate: {},
      launchMode: 'Review',
      moveOn: 'NotApplicable',
    });
  });
});

describe('the statements', () => {
  it('every cmi5 defined statement passes xAPI validation and the cmi5 rules, in the order a session sends them', () => {
    const at = Date.parse('2026-03-02T09:00:00Z');
    const list = [
      definedStatement(session, { verb: 'initialized', at }),
      definedStatement(session, { verb: 'completed', at: at + 1000, durationMs: 1000 }),
      definedStatement(session, { verb: 'passed', at: at + 2000, durationMs: 2000, score: { raw: 3, max: 4, scaled: 0.75 } }),
      definedStatement(session, { verb: 'terminated', at: at + 3000, durationMs: 3000 }),
    ] as unknown as Json[];
    expect(checkStatements(list, facts, fresh(), { completed: false, passed: false })).toEqual([]);
    expect(list.map((s) => s.timestamp)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T09:00:01.000Z',
      '2026-03-02T09:00:02.000Z',
      '2026-03-02T09:00:03.000Z',
    ]);
    const passed = list[2]!;
    expect(passed.result).toEqual({ success: true, score: { scaled: 0.75, raw: 3, min: 0, max: 4 }, duration: 'PT2S' });
    expect((passed.context as Json).contextActivities).toEqual({
      grouping: template.contextActivities.grouping,
      category: [{ id: CMI5.category }, { id: CMI5.moveOn }],
    });
    expect(((passed.context as Json).extensions as Json)[CMI5.masteryScore]).toBe(0.75);
    expect((list[0]!.context as Json).contextActivities).toEqual({
      grouping: template.contextActivities.grouping,
      category: [{ id: CMI5.category }],
    });
    expect(list[0]!.result).toBeUndefined();
  });

  it('the rules catch what the builders must never do (so the checks are not a mock that accepts anything)', () => {
    const at = Date.parse('2026-03-02T09:00:00Z');
    const init = definedStatement(session, { verb: 'initialized', at }) as unknown as Json;
    const passed = definedStatement(session, {
      verb: 'passed',
      at,
      durationMs: 1,
      score: { raw: 1, max: 4, scaled: 0.25 },
    }) as unknown as Json;
    const reqs = (list: Json[], p = fresh()) =>
      checkStatements(list, facts, p, { completed: false, passed: false }).map((v) => v.requirement);
    expect(reqs([passed])).toContain('9.3.0.0-4'); // before initialized
    expect(reqs([init, passed])).toContain('9.3.4.0-2'); // below the mastery score
    expect(reqs([init], newProgress())).toContain('11.0.0.0-3'); // learner preferences not read
    expect(reqs([{ ...init, timestamp: '2026-03-02T10:00:00+01:00' }])).toContain('9.7.0.0-2');
    expect(reqs([{ ...init, context: { ...(init.context as Json), extensions: {} } }])).toContain('9.6.3.1-4');
    expect(reqs([{ ...init, actor: { mbox: 'mailto:a@b.c' } }])).toEqual(expect.arrayContaining(['8.1.3.0-3', '9.2.0.0-3']));
    expect(reqs([{ ...init, verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' }, id: 'nope' }])).toEqual(
      expect.arrayContaining(['9.1.0.0-1', '4.1.0.0-1']),
    );
  });

  it('allowed statements for answers and reflections: readable activities, the AU as parent, no cmi5 category', () => {
    const q = course.modules.find((m) => m.questions.length)!.questions[0]!;
    if (q.type !== 'single') throw new Error(`${q.id} is a single-choice question`);
    const answer = questionInteraction('kc', q, q.correct, { shownAt: 1000, answeredAt: 4500 }, 'Knowledge check, try 1');
    const reflection = textInteraction('reflection', 'alpha', 'A thought\nwith a line break', { answeredAt: 5000 });
    const init = definedStatement(session, { verb: 'initialized', at: 0 });
    const list = [
      init,
      interactionStatement(session, course, answer, 'da'),
      interactionStatement(session, course, reflection, 'da'),
    ] as unknown as Json[];
    expect(checkStatements(list, facts, fresh(), { completed: false, passed: false })).toEqual([]);
    const [, a, r] = list;
    expect(a!.object).toMatchObject({
      id: `urn:course:sample-course:kc:${q.id}`,
      definition: {
        interactionType: 'choice',
        correctResponsesPattern: [q.correct.join('[,]')],
        choices: q.options.map((id) => ({ id, description: { en: id } })),
      },
    });
    expect(a!.result).toEqual({ response: q.correct.join('[,]'), success: true, duration: 'PT3.5S' });
    expect(r!.result).toEqual({ response: 'A thought\nwith a line break' });
    expect(((a!.context as Json).contextActivities as Json).category).toBeUndefined();
    expect(((r!.context as Json).contextActivities as Json).parent).toEqual([{ objectType: 'Activity', id: activityId }]);
    expect((r!.context as Json).language).toBe('da');
  });

  it('ordering, matching and decisions as xAPI sequencing, matching and choice interactions, valid and readable', () => {
    const omega = course.modules.find((m) => m.id === 'omega')!;
    const [ordering, matching] = omega.questions as [Question, Question];
    const decision = omega.pages.flatMap((p) => p.blocks).find((b) => b.type === 'decision')!;
    if (decision.type !== 'decision') throw new Error('omega has a decision');
    const times = { shownAt: 1000, answeredAt: 2000 };
    const list = [
      definedStatement(session, { verb: 'initialized', at: 0 }),
      interactionStatement(
        session,
        course,
        questionInteraction('kc', ordering, [...rightAnswer(ordering)].reverse(), times, 'Knowledge check'),
        'da',
      ),
      interactionStatement(session, course, questionInteraction('kc', matching, rightAnswer(matching), times, 'Knowledge check'), 'da'),
      interactionStatement(session, course, decisionInteraction('omega', 'choice', decision, 'ask', times), 'da'),
    ] as unknown as Json[];
    expect(checkStatements(list, facts, fresh(), { completed: false, passed: false })).toEqual([]);
    const [, o, m, d] = list;
    expect(o!.object).toMatchObject({
      definition: { interactionType: 'sequencing', correctResponsesPattern: ['listen[,]decide[,]explain'], choices: expect.any(Array) },
    });
    expect(o!.result).toMatchObject({ response: 'explain[,]decide[,]listen', success: false });
    expect(m!.object).toMatchObject({
      definition: {
        interactionType: 'matching',
        correctResponsesPattern: ['budget[.]cfo[,]risk[.]ciso[,]people[.]hr'],
        source: [{ id: 'budget' }, { id: 'risk' }, { id: 'people' }],
        target: [{ id: 'cfo' }, { id: 'ciso' }, { id: 'hr' }, { id: 'board' }],
      },
    });
    expect(m!.result).toMatchObject({ response: 'budget[.]cfo[,]risk[.]ciso[,]people[.]hr', success: true });
    expect(d!.object).toMatchObject({
      id: 'urn:course:sample-course:decision:omega:choice.dilemma',
      definition: { interactionType: 'choice' },
    });
    expect((d!.object as Json).definition).not.toHaveProperty('correctResponsesPattern');
    expect(d!.result).toEqual({ response: 'ask', duration: 'PT1S' });
  });

  it('ordering, matching and decisions in the course’s words, in each language: name, description and every component', async () => {
    const omega = course.modules.find((m) => m.id === 'omega')!;
    const [ordering, matching] = omega.questions as [Question, Question];
    const bank = omega.bank[0]!;
    const decision = omega.pages.flatMap((p) => p.blocks).find((b) => b.type === 'decision')!;
    if (decision.type !== 'decision') throw new Error('omega has a decision');
    const times = { shownAt: 1000, answeredAt: 2000 };
    const list = [
      interactionStatement(session, course, questionInteraction('kc', ordering, rightAnswer(ordering), times, 'Knowledge check'), 'en'),
      interactionStatement(session, course, questionInteraction('kc', matching, rightAnswer(matching), times, 'Knowledge check'), 'en'),
      interactionStatement(session, course, decisionInteraction('omega', 'choice', decision, 'wait', times), 'en'),
      interactionStatement(session, course, questionInteraction('final', bank, rightAnswer(bank), times, 'Final', 1), 'en'),
    ];
    await describeActivities(list, course, ['en', 'da'], sampleTexts);
    const [o, m, d, b] = list.map((st) => st.object.definition!) as [Def, Def, Def, Def];
    expect(o).toMatchObject({
      interactionType: 'sequencing',
      name: { en: 'Put the steps in order', da: 'Sæt trinene i rækkefølge' },
      description: { en: 'Put the steps in order', da: 'Sæt trinene i rækkefølge' },
      correctResponsesPattern: ['listen[,]decide[,]explain'],
      choices: [
        { id: 'listen', description: { en: 'Listen', da: 'Lyt' } },
        { id: 'decide', description: { en: 'Decide', da: 'Beslut' } },
        { id: 'explain', description: { en: 'Explain', da: 'Forklar' } },
      ],
    });
    expect(m).toMatchObject({
      interactionType: 'matching',
      name: { da: 'Par hvert ansvar med sin rolle' },
      source: [
        { id: 'budget', description: { da: 'Budget' } },
        { id: 'risk', description: { da: 'Risiko' } },
        { id: 'people', description: { da: 'Medarbejdere' } },
      ],
      target: [
        { id: 'cfo', description: { da: 'Økonomidirektør' } },
        { id: 'ciso', description: { da: 'Sikkerhedschef' } },
        { id: 'hr', description: { da: 'HR-chef' } },
        { id: 'board', description: { da: 'Bestyrelse' } },
      ],
    });
    // A decision is named by its title and asks its question; its options are the choices; nothing is right.
    expect(d).toMatchObject({
      interactionType: 'choice',
      name: { da: 'Sagen: Et hastende valg' },
      description: { da: 'Hvad gør du?' },
      choices: [
        { id: 'wait', description: { da: 'Vent et år' } },
        { id: 'act', description: { da: 'Skift systemet nu' } },
        { id: 'ask', description: { da: 'Spørg medarbejderne først' } },
      ],
    });
    expect(d).not.toHaveProperty('correctResponsesPattern');
    expect(b).toMatchObject({
      interactionType: 'sequencing',
      name: { da: 'Omega bank 1: rækkefølge' },
      correctResponsesPattern: ['plan[,]try[,]learn[,]share'],
    });
    // Every language the course has, every component worded: nothing left at the id fallback.
    for (const def of [o, m, d, b])
      for (const c of [...(def.choices ?? []), ...(def.source ?? []), ...(def.target ?? [])]) {
        expect(Object.keys(c.description).sort()).toEqual(['da', 'en']);
        expect(c.description.en).not.toBe(c.id);
      }
    const all = [definedStatement(session, { verb: 'initialized', at: 0 }), ...list] as unknown as Json[];
    expect(checkStatements(all, facts, fresh(), { completed: false, passed: false })).toEqual([]);
  });

  it('the strict LMS refuses interactions whose patterns break the xAPI grammar or that a report could not read', () => {
    const st = (definition: Json, response?: string) =>
      ({
        object: { id: 'urn:x', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', ...definition } },
        ...(response !== undefined ? { result: { response } } : {}),
      }) as Json;
    const words = { name: { en: 'Q' }, description: { en: 'Q' } };
    const c = (...ids: string[]) => ids.map((id) => ({ id, description: { en: id.toUpperCase() } }));
    const seq = { ...words, interactionType: 'sequencing', choices: c('a', 'b', 'c') };
    const match = { ...words, interactionType: 'matching', source: c('a', 'b'), target: c('x', 'y') };
    expect(interactionProblems(st({ ...seq, correctResponsesPattern: ['a[,]b[,]c'] }, 'c[,]b[,]a'))).toEqual([]);
    expect(interactionProblems(st({ ...seq, correctResponsesPattern: ['a[,]b'] }))).toEqual([
      'correct responses pattern "a[,]b" does not order every choice',
    ]);
    expect(interactionProblems(st({ ...seq, correctResponsesPattern: ['a,b,c'] }))).toHaveLength(1);
    expect(interactionProblems(st({ ...match, correctResponsesPattern: ['a[.]x[,]b[.]y'] }, 'a[.]y[,]b[.]y'))).toEqual([]);
    expect(interactionProblems(st({ ...match, correctResponsesPattern: ['a[.]z'] }))).toHaveLength(1);
    expect(interactionProblems(st({ ...match, correctResponsesPattern: ['a[.]x[,]a[.]y'] }))).toHaveLength(1);
    expect(interactionProblems(st({ ...words, interactionType: 'choice', choices: c('a', 'b') }, 'c'))).toHaveLength(1);
    expect(interactionProblems(st({ interactionType: 'choice', choices: c('a') }))).toEqual([
      'an interaction without a name',
      'an interaction without a description',
    ]);
    expect(interactionProblems(st({ ...words, interactionType: 'choice', choices: [{ id: 'a', description: {} }] }))).toEqual([
      'choices: component a has no description',
    ]);
    expect(interactionProblems(st({ ...words, interactionType: 'matching', source: c('a') }))).toEqual(['matching without target']);
  });

  it('keeps every value of the context template and overwrites none', () => {
    const withMore = {
      ...session,
      launchData: {
        ...launchData,
        contextTemplate: { ...template, language: 'fr', extensions: { ...template.extensions, 'https://x.example/e': 1 } },
      },
    };
    const ctx = contextFor(withMore, {
      categories: [CMI5.category],
      extensions: { [CMI5.sessionId]: 'another', [CMI5.masteryScore]: 0.5 },
      language: 'da',
    });
    expect(ctx.extensions).toEqual({ [CMI5.sessionId]: sessionId, 'https://x.example/e': 1, [CMI5.masteryScore]: 0.5 });
    expect(ctx.language).toBe('fr');
    expect(ctx.registration).toBe(registration);
  });

  it('durations are ISO 8601 with centiseconds', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(61_000)).toBe('PT1M1S');
    expect(isoDuration(3_600_000 + 4)).toBe('PT1H');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
  });

  it('statement ids are UUIDs (v4), also where randomUUID is not available', () => {
    const ids = new Set(Array.from({ length: 200 }, () => uuid()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
