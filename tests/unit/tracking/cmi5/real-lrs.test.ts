// @vitest-environment happy-dom
/**
 * The same course against a real LRS: Learning Locker's xapi-statements (npm), started by the test, behind
 * the strict cmi5 LMS. Every statement the course sends must pass the LMS's xAPI and cmi5 checks and then
 * be accepted and stored by the LRS, which answers the course's reads (GET ?statementId) too.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { lrsStatements } from '../../../../scripts/harness/cmi5-lms.ts';
import { startRealLrs, type RealLrs } from '../../../../scripts/harness/real-lrs.ts';
import { boot, doAttempt, doModule, step, type Json } from '../support.ts';
import { debug, definedVerbs, exitSession, newLms, openCmi5, passUntil } from './support.ts';

let lrs: RealLrs;
beforeAll(async () => {
  lrs = await startRealLrs();
}, 60_000);
afterAll(async () => {
  await lrs?.stop();
});

test('a whole course is accepted and stored by a real LRS, statement for statement', async () => {
  vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  try {
    const lms = newLms({ lrs });
    // The LRS fails once with a lost answer (the first answers it stores): the course asks it before
    // sending again.
    let lost = false;
    lms.fault = ({ resource, method, body }) => {
      if (lost || resource !== 'statements' || method !== 'POST' || !body?.includes('/verbs/answered')) return undefined;
      lost = true;
      return { kind: 'lose-answer' };
    };
    const launch = lms.launch({ masteryScore: 0.75, languagePreference: 'en' });
    const { session } = await openCmi5(lms, launch);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    for (const m of ['intro', 'alpha', 'beta', 'omega']) doModule(actor, m, { reflection: `Notes on ${m}` });
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 4);
    // Fake time passes only while the real LRS has answered everything (support.ts `pass`).
    expect(await passUntil(() => debug(session).saveState === 'saved')).toBe(true);
    await exitSession(session);
    expect(await passUntil(() => launch.progress.terminated)).toBe(true);

    expect(lms.violations).toEqual([]);
    const accepted = lms.statementsOf(launch.facts.registration);
    const stored = await lrsStatements(lrs, launch.facts.registration);
    expect(stored.map((s) => s.id).sort()).toEqual(accepted.map((s) => s.id).sort());
    expect(definedVerbs(stored)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    // Ordering, matching and the decision as the LRS keeps them: their types, patterns and words in the
    // learner's language and the course's.
    const definition = (idEnd: string) =>
      (stored.find((s) => String((s.object as Json).id).endsWith(idEnd))?.object as Json | undefined)?.definition as Json | undefined;
    expect(definition(':kc:omega.q1')).toMatchObject({
      interactionType: 'sequencing',
      name: { en: 'Put the steps in order', da: 'Sæt trinene i rækkefølge' },
      correctResponsesPattern: ['listen[,]decide[,]explain'],
      choices: [{ id: 'listen', description: { en: 'Listen', da: 'Lyt' } }, { id: 'decide' }, { id: 'explain' }],
    });
    expect(definition(':kc:omega.q2')).toMatchObject({
      interactionType: 'matching',
      correctResponsesPattern: ['budget[.]cfo[,]risk[.]ciso[,]people[.]hr'],
      source: [{ id: 'budget', description: { da: 'Budget' } }, { id: 'risk' }, { id: 'people' }],
      target: [{ id: 'cfo', description: { da: 'Økonomidirektør' } }, { id: 'ciso' }, { id: 'hr' }, { id: 'board' }],
    });
    expect(definition(':decision:omega:choice.dilemma')).toMatchObject({
      interactionType: 'choice',
      name: { da: 'Sagen: Et hastende valg' },
      description: { da: 'Hvad gør du?' },
      choices: [{ id: 'wait', description: { da: 'Vent et år' } }, { id: 'act' }, { id: 'ask' }],
    });
    // 1 initialized, 11 answers (6 knowledge-check, a decision, 4 final), 2 reflections, 4 modules, completed, passed, terminated.
    expect(accepted.length).toBeGreaterThanOrEqual(21);
    // The lost answer was followed by a question to the LRS, not by a blind resend.
    expect(lost).toBe(true);
    expect(lms.requests.some((r) => r.method === 'GET' && r.resource === 'statements' && r.query.statementId)).toBe(true);
    // Nothing reached the LMS after "terminated" (it would have been a violation above, and refused).
    expect(lms.requests[lms.requests.length - 1]).toMatchObject({ method: 'POST', resource: 'statements', status: 200 });
  } finally {
    vi.useRealTimers();
  }
}, 90_000);
