// @vitest-environment happy-dom
/**
 * A cmi5 launch end to end against a strict cmi5 LMS (every request checked against xAPI and the cmi5
 * rules, refused on any violation): the launch parameters, the token fetched once, LMS.LaunchData obeyed
 * (launch mode, mastery score, return URL), the defined statements in order with their results and
 * durations, the allowed statements for answers, reflections and modules, and the saved state in the
 * State API, restored in the next session.
 */
import { describe, expect, test } from 'vitest';
import type { Json } from '../../../../scripts/harness/cmi5-rules.ts';
import { boot, course, doAttempt, doModule, step } from '../support.ts';
import {
  debug,
  definedVerbs,
  exitSession,
  isDefined,
  launchedWindow,
  newLms,
  openCmi5,
  settle,
  verbName,
  useCmi5Clock,
} from './support.ts';

useCmi5Clock();

const result = (st: Json) => st.result as Json;

describe('a cmi5 launch', () => {
  test('a whole course: initialized, answers, modules, completed, passed with the score, terminated last; then the return URL', async () => {
    const lms = newLms();
    const launch = lms.launch({ masteryScore: 0.75, returnURL: 'https://lms.example.org/course/42' });
    const { session, w } = await openCmi5(lms, launch);
    expect(session.start).toMatchObject({ mode: 'normal', target: 'cmi5', store: 'lms', learnerName: 'Kim Jensen', masteryScore: 0.75 });
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro', { wrongFirst: true, reflection: 'Line one\nLine two æøå' });
    doModule(actor, 'alpha', { reflection: 'Alpha thoughts' });
    doModule(actor, 'beta');
    doModule(actor, 'omega');
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 1); // 1 of 4: failed, one attempt left: no "failed" yet
    doAttempt(actor, 4); // passed
    await settle();
    await exitSession(session);

    expect(lms.violations).toEqual([]);
    const all = lms.statementsOf(launch.facts.registration);
    expect(definedVerbs(all)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(all[0] && verbName(all[0])).toBe('initialized');
    expect(verbName(all[all.length - 1]!)).toBe('terminated');
    const passed = all.find((s) => isDefined(s) && verbName(s) === 'passed')!;
    expect(result(passed)).toMatchObject({
      success: true,
      score: { scaled: 1, raw: 4, min: 0, max: 4 },
      duration: expect.stringMatching(/^PT/),
    });
    expect((passed.context as Json).extensions).toMatchObject({ 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.75 });
    const completed = all.find((s) => isDefined(s) && verbName(s) === 'completed')!;
    expect(result(completed)).toEqual({ completion: true, duration: expect.stringMatching(/^PT/) });

    // Allowed statements: every submitted answer, each reflection, each finished module, with readable definitions.
    const answers = all.filter((s) => !isDefined(s) && verbName(s) === 'answered');
    const kc = answers.filter((s) => String((s.object as Json).id).includes(':kc:'));
    const final = answers.filter((s) => String((s.object as Json).id).includes(':final:'));
    expect(final).toHaveLength(8);
    expect(kc.length).toBeGreaterThan(0);
    const choice = kc[0]!.object as Json;
    expect(choice.definition).toMatchObject({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: [expect.any(String)],
    });
    expect(result(kc[0]!)).toEqual({ response: expect.any(String), success: expect.any(Boolean), duration: expect.stringMatching(/^PT/) });
    const reflection = answers.find((s) => String((s.object as Json).id) === 'urn:course:sample-course:reflection:intro')!;
    expect(result(reflection).response).toBe('Line one\nLine two æøå');
    expect(((reflection.object as Json).definition as Json).interactionType).toBe('long-fill-in');
    const modules = all.filter((s) => !isDefined(s) && verbName(s) === 'completed').map((s) => (s.object as Json).id);
    expect(modules).toEqual([
      'urn:course:sample-course:module:intro',
      'urn:course:sample-course:module:alpha',
      'urn:course:sample-course:module:beta',
      'urn:course:sample-course:module:omega',
    ]);
    // Ordering and matching answers and a decision, in their own interaction types.
    const types = answers.map((st) => ((st.object as Json).definition as Json).interactionType);
    expect(new Set(types)).toEqual(new Set(['choice', 'sequencing', 'matching', 'long-fill-in']));
    const decision = answers.find((st) => String((st.object as Json).id).includes(':decision:'))!;
    expect(result(decision)).toEqual({ response: 'wait', duration: expect.stringMatching(/^PT/) });
    for (const s of all.filter((x) => !isDefined(x)))
      expect(((s.context as Json).contextActivities as Json).parent).toEqual([{ objectType: 'Activity', id: launch.facts.activityId }]);

    // The saved state: the engine's encoding, and which defined statements went.
    expect(lms.stateOf(launch, 'course-state')).toMatchObject({
      format: 1,
      saved: expect.any(String),
      sent: { completed: true, passed: true },
    });
    expect(w.assigned).toEqual(['https://lms.example.org/course/42']);
    expect(debug(session).saveState).toBe('saved');
    // The token was fetched once, with POST.
    expect(launch.tokenFetched).toBe(1);
  });

  test('the next session of the registration resumes from the State API and sends completed and passed never again', async () => {
    const lms = newLms();
    const first = lms.launch({ masteryScore: 0.75 });
    const a = await openCmi5(lms, first);
    const one = boot(a.session);
    step(one.actor, { type: 'START' });
    doModule(one.actor, 'intro');
    doModule(one.actor, 'alpha');
    doModule(one.actor, 'beta');
    doModule(one.actor, 'omega');
    step(one.actor, { type: 'OPEN_FINAL' });
    doAttempt(one.actor, 4);
    await exitSession(a.session);

    const second = lms.launch({ masteryScore: 0.75, registration: first.facts.registration });
    const b = await openCmi5(lms, second);
    expect(b.session.start.saved).toBeDefined();
    const two = boot(b.session);
    expect(two.saved?.record.modules.beta?.done).toBe(true);
    step(two.actor, { type: 'OPEN_RESULTS' });
    await exitSession(b.session);
    expect(lms.violations).toEqual([]);
    const inSecond = lms.statements.filter((s) => s.sessionKey === second.key).map((s) => s.statement);
    expect(definedVerbs(inSecond)).toEqual(['initialized', 'terminated']);
  });

  test('failing every attempt reports "failed" once, when no pass can follow; the score is below the mastery score', async () => {
    const lms = newLms();
    const launch = lms.launch({ masteryScore: 0.75 });
    const { session } = await openCmi5(lms, launch);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    doModule(actor, 'alpha');
    doModule(actor, 'beta');
    doModule(actor, 'omega');
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 1);
    await settle();
    expect(definedVerbs(lms.statementsOf(launch.facts.registration))).toEqual(['initialized']);
    doAttempt(actor, 2);
    await settle();
    const all = lms.statementsOf(launch.facts.registration);
    expect(definedVerbs(all)).toEqual(['initialized', 'completed', 'failed']);
    expect(result(all.find((s) => isDefined(s) && verbName(s) === 'failed')!)).toMatchObject({
      success: false,
      score: { scaled: 0.5, raw: 2, max: 4 },
    });
    await exitSession(session);
    expect(lms.violations).toEqual([]);
  });

  test('a failed attempt with one left is reported as "failed" when the session ends', async () => {
    const lms = newLms();
    const launch = lms.launch();
    const { session } = await openCmi5(lms, launch);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    for (const m of course.modules) doModule(actor, m.id);
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 0);
    await exitSession(session);
    expect(lms.violations).toEqual([]);
    expect(definedVerbs(lms.statementsOf(launch.facts.registration))).toEqual(['initialized', 'failed', 'terminated']);
  });

  test.each(['Browse', 'Review'] as const)('%s mode: initialized and terminated only, nothing written to the state', async (mode) => {
    const lms = newLms();
    const launch = lms.launch({ launchMode: mode });
    const { session } = await openCmi5(lms, launch);
    expect(session.start.mode).toBe(mode.toLowerCase());
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    await exitSession(session);
    expect(lms.violations).toEqual([]);
    expect(definedVerbs(lms.statementsOf(launch.facts.registration))).toEqual(['initialized', 'terminated']);
    expect(lms.statementsOf(launch.facts.registration)).toHaveLength(2);
    expect(lms.stateOf(launch, 'course-state')).toBeUndefined();
  });

  test('the LMS’s mastery score wins over the course’s, and the passed statement carries it', async () => {
    const lms = newLms();
    const launch = lms.launch({ masteryScore: 0.5 });
    const { session } = await openCmi5(lms, launch);
    const { actor, course: taken } = boot(session);
    expect(taken.settings.final.masteryScore).toBe(0.5);
    step(actor, { type: 'START' });
    for (const m of course.modules) doModule(actor, m.id);
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 2); // 50 %: passes at 0.5
    await exitSession(session);
    expect(lms.violations).toEqual([]);
    const passed = lms.statementsOf(launch.facts.registration).find((s) => isDefined(s) && verbName(s) === 'passed')!;
    expect(((passed.context as Json).extensions as Json)['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.5);
  });

  test('a reload of the page goes on in the same session: the token is not fetched again, initialized not sent again', async () => {
    const lms = newLms();
    const launch = lms.launch();
    const a = await openCmi5(lms, launch);
    boot(a.session);
    await settle();
    const b = await openCmi5(lms, launch); // same tab, same launch URL
    const { actor } = boot(b.session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    await exitSession(b.session);
    expect(launch.tokenFetched).toBe(1);
    expect(lms.violations).toEqual([]);
    expect(definedVerbs(lms.statementsOf(launch.facts.registration))).toEqual(['initialized', 'terminated']);
    // After terminated, the same launch opens nothing more and says so.
    const c = await openCmi5(lms, launch);
    expect(c.session.start).toMatchObject({ store: 'none', notices: [{ key: 'cmi5SessionEnded' }] });
  });

  test('a launch URL with cmi5 parameters missing or malformed is named, and nothing is sent', async () => {
    const lms = newLms();
    const launch = lms.launch();
    const url = new URL(launch.launchUrl);
    url.searchParams.delete('registration');
    url.searchParams.set('actor', '{"mbox":"mailto:kim@example.org"}');
    const { session } = await openCmi5(lms, launch, launchedWindow(url.href));
    expect(session.start).toMatchObject({ store: 'none', notices: [{ key: 'cmi5LaunchInvalid', tone: 'error' }] });
    expect(launch.tokenFetched).toBe(0);
  });

  test('the learner preferences are read before the first statement; the language chooses the course language', async () => {
    const lms = newLms();
    const launch = lms.launch({ languagePreference: 'en-GB,da' });
    const { session } = await openCmi5(lms, launch);
    expect(session.start.language).toBe('en-GB');
    await settle();
    const first = lms.requests.findIndex((r) => r.resource === 'statements');
    const prefs = lms.requests.findIndex((r) => r.resource === 'agents/profile');
    expect(prefs).toBeGreaterThanOrEqual(0);
    expect(prefs).toBeLessThan(first);
    await exitSession(session);
    expect(lms.violations).toEqual([]);
  });

  test('an LRS that refuses (401) keeps everything and tells the learner; when it takes statements again, all arrive', async () => {
    const lms = newLms();
    const launch = lms.launch();
    const { session } = await openCmi5(lms, launch);
    const states: string[] = [];
    session.onSaveState((s, n) => states.push(n ? `${s}:${n.key}` : s));
    const { actor } = boot(session);
    await settle();
    let refusing = true;
    lms.fault = ({ resource }) => (refusing && resource !== 'agents/profile' ? { kind: 'status', status: 401 } : undefined);
    step(actor, { type: 'START' });
    doModule(actor, 'intro', { reflection: 'Kept while refused' });
    await settle(60_000);
    expect(states).toContain('failed:saveFailed');
    refusing = false;
    await settle(60_000);
    expect(debug(session).saveState).toBe('saved');
    await exitSession(session);
    expect(lms.violations).toEqual([]);
    const all = lms.statementsOf(launch.facts.registration);
    expect(all.some((s) => (result(s) as Json | undefined)?.response === 'Kept while refused')).toBe(true);
    expect(verbName(all[all.length - 1]!)).toBe('terminated');
  });
});

describe('cmi5: nothing after "terminated"', () => {
  type Kind = 'lose-answer' | 'slow' | 'down' | 500 | 503 | 429 | 401;
  const isTerminated = (body?: string) => !!body?.includes('/verbs/terminated');
  /** A session that ends while the LRS fails the "terminated" POST once, the way `kind` says. */
  async function endWith(kind: Kind) {
    const lms = newLms();
    const launch = lms.launch({ returnURL: 'https://lms.example.org/course/42' });
    const { session, w } = await openCmi5(lms, launch);
    const { actor } = boot(session);
    step(actor, { type: 'START' });
    doModule(actor, 'intro', { reflection: 'Before the end' });
    await settle();
    let failed = 0;
    lms.fault = ({ resource, method, body }) => {
      if (failed || resource !== 'statements' || method !== 'POST' || !isTerminated(body)) return undefined;
      failed++;
      if (kind === 'lose-answer' || kind === 'down') return { kind };
      // The LRS stores it after the AU stopped waiting (its client gives up after 30 s).
      if (kind === 'slow') return { kind: 'hold', release: new Promise<void>((r) => setTimeout(r, 45_000)) };
      return { kind: 'status', status: kind };
    };
    const before = lms.requests.length;
    await exitSession(session, 180_000);
    const after = lms.requests.slice(before);
    const terminatedAt = after.findIndex((r) => r.status === 200 && r.method === 'POST');
    return { lms, launch, w, failed, after, terminatedAt };
  }

  test.each(['lose-answer', 'slow'] as const)(
    'a "terminated" that arrived without the AU hearing so (%s) is neither asked about nor sent again',
    async (kind) => {
      const { lms, launch, w, failed, after } = await endWith(kind);
      expect(failed).toBe(1);
      expect(lms.violations).toEqual([]);
      // The one POST that carried it is the last request of the session.
      expect(after.filter((r) => r.resource === 'statements')).toHaveLength(1);
      expect(launch.progress.terminated).toBe(true);
      expect(definedVerbs(lms.statementsOf(launch.facts.registration))).toEqual(['initialized', 'terminated']);
      // The session is over for the AU too: the return URL, and a reload opens nothing.
      expect(w.assigned).toEqual(['https://lms.example.org/course/42']);
      const again = await openCmi5(lms, launch);
      expect(again.session.start).toMatchObject({ store: 'none', notices: [{ key: 'cmi5SessionEnded' }] });
      expect(lms.violations).toEqual([]);
    },
  );

  test('a "terminated" that may have arrived (no answer, 500) is not sent again: the session ends without it', async () => {
    for (const kind of ['down', 500] as const) {
      sessionStorage.clear();
      const { lms, launch, w, after } = await endWith(kind);
      expect(lms.violations).toEqual([]);
      expect(after.filter((r) => r.resource === 'statements')).toHaveLength(1);
      expect(launch.progress.terminated).toBe(false); // the LMS will record the session as abandoned
      expect(w.assigned).toEqual(['https://lms.example.org/course/42']);
    }
  });

  test.each([503, 429, 401] as const)('a "terminated" the LRS says it did not take (%s) is sent again, and arrives', async (status) => {
    const { lms, launch, w, failed, after } = await endWith(status);
    expect(failed).toBe(1);
    expect(lms.violations).toEqual([]);
    expect(after.filter((r) => r.resource === 'statements').map((r) => r.status)).toEqual([status, 200]);
    expect(definedVerbs(lms.statementsOf(launch.facts.registration))).toEqual(['initialized', 'terminated']);
    expect(w.assigned).toEqual(['https://lms.example.org/course/42']);
  });
});

describe('cmi5 when the page goes away', () => {
  test('pagehide sends the newest state and what is unsent on keepalive; terminated only when nothing else is left', async () => {
    const lms = newLms();
    const launch = lms.launch();
    const { session } = await openCmi5(lms, launch);
    const { actor } = boot(session);
    await settle();
    step(actor, { type: 'START' });
    doModule(actor, 'intro', { reflection: 'Written just before closing' });
    session.leave(false); // pagehide: no time passes, nothing was acknowledged yet
    await settle();
    expect(lms.violations).toEqual([]);
    const all = lms.statementsOf(launch.facts.registration);
    expect(all.some((s) => (result(s) as Json | undefined)?.response === 'Written just before closing')).toBe(true);
    // The state went too, so the next launch resumes; terminated did not race it.
    expect(lms.stateOf(launch, 'course-state')).toMatchObject({ saved: expect.any(String) });
    expect(definedVerbs(all)).toEqual(['initialized']);

    // With everything acknowledged, pagehide ends the session properly.
    const lms2 = newLms();
    const launch2 = lms2.launch();
    sessionStorage.clear();
    const b = await openCmi5(lms2, launch2);
    const two = boot(b.session);
    step(two.actor, { type: 'START' });
    await settle();
    b.session.leave(false);
    await settle();
    expect(lms2.violations).toEqual([]);
    expect(definedVerbs(lms2.statementsOf(launch2.facts.registration))).toEqual(['initialized', 'terminated']);
    // A reload of that tab (bfcache or F5) sends nothing after the "terminated" it handed over.
    const requests = lms2.requests.length;
    const c = await openCmi5(lms2, launch2);
    expect(c.session.start).toMatchObject({ store: 'none', notices: [{ key: 'cmi5SessionEnded' }] });
    expect(lms2.requests.length).toBe(requests);
    expect(lms2.violations).toEqual([]);
  });
});

describe('cmi5 and the course model', () => {
  test('the sample course has no cmi5 limits of its own: it keeps SCORM 2004’s room for texts', () => {
    expect(course.settings.limits.cmi5).toEqual(course.settings.limits.scorm2004);
  });
});
