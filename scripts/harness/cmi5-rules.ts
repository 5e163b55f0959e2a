/**
 * The cmi5 rules an LMS checks of an AU's requests, written from the cmi5 specification (AICC
 * CMI-5_Spec_Current, sections 7-11) and the requirement ids of ADL's cmi5 conformance test suite
 * (CATAPULT, requirements/requirements.json). Every statement is also checked against xAPI itself with
 * Learning Locker's validator (@learninglocker/xapi-validation), so nothing passes for being merely
 * plausible. The test LMS (cmi5-lms.ts) refuses what breaks a rule, as a strict LMS would, and keeps a
 * list of every violation with its requirement id.
 */
import validateStatement from '@learninglocker/xapi-validation';

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
};

export const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};

export interface Violation {
  /** The requirement id of the cmi5 conformance suite, e.g. "9.3.0.0-4", or "xAPI". */
  requirement: string;
  message: string;
  statementId?: string;
}

export type Json = Record<string, unknown>;

export interface SessionFacts {
  actor: Json;
  registration: string;
  activityId: string;
  sessionId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  contextTemplate: Json;
}

/** What the registration has seen across its sessions (9.3: completed and passed once per registration). */
export interface RegistrationFacts {
  completed: boolean;
  passed: boolean;
}

/** Per session: what was accepted so far. */
export interface SessionProgress {
  learnerPrefsFetched: boolean;
  initialized: boolean;
  terminated: boolean;
  defined: Set<string>;
  /** Timestamps (ms) of initialized and of the latest statement: cmi5 orders statements by timestamp. */
  initializedAt?: number;
  latestAt?: number;
}

export const newProgress = (): SessionProgress => ({
  learnerPrefsFetched: false,
  initialized: false,
  terminated: false,
  defined: new Set(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Json).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
export const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const ids = (list: unknown): string[] => (Array.isArray(list) ? list.map((a) => String((a as Json)?.id)) : []);

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/**
 * An interaction activity as xAPI 1.0.3 defines it (Data 2.4.4.1, "Interaction Activities"), beyond
 * what the validator checks: the correct responses pattern and the response in the type's grammar
 * (choice `a[,]b`, sequencing `c[,]a[,]b`, matching `s[.]t[,]s[.]t`), naming only the definition's
 * components; component ids unique and free of the delimiters; and words a report can show: a name
 * and a description, and a description for every component.
 */
export function interactionProblems(st: Json): string[] {
  const object = (st.object ?? {}) as Json;
  const def = object.definition as Json | undefined;
  if (!def || def.type !== 'http://adlnet.gov/expapi/activities/cmi.interaction') return [];
  const out: string[] = [];
  const type = String(def.interactionType);
  const words = (m: unknown) => !!m && typeof m === 'object' && Object.values(m as Json).some((t) => typeof t === 'string' && t.trim());
  if (!words(def.name)) out.push('an interaction without a name');
  if (!words(def.description)) out.push('an interaction without a description');
  const lists: Record<string, string[]> = {};
  for (const list of COMPONENT_LISTS) {
    const items = def[list];
    if (items === undefined) continue;
    const got = ids(items);
    lists[list] = got;
    if (new Set(got).size !== got.length) out.push(`${list}: an id twice`);
    for (const [i, id] of got.entries()) {
      if (!id || /\[[,.:]\]/.test(id)) out.push(`${list}: id "${id}" is empty or holds a delimiter`);
      if (!words(((items as Json[])[i] as Json).description)) out.push(`${list}: component ${id} has no description`);
    }
  }
  const need: Record<string, string[]> = { choice: ['choices'], sequencing: ['choices'], matching: ['source', 'target'] };
  for (const list of need[type] ?? []) if (!lists[list]?.length) out.push(`${type} without ${list}`);
  /** The problem with a pattern (or response), if it breaks the grammar of the type. */
  const grammar = (pattern: string, what: string): string | undefined => {
    if (type === 'choice' || type === 'sequencing') {
      const parts = pattern === '' ? [] : pattern.split('[,]');
      const unknown = parts.filter((p) => !lists.choices?.includes(p));
      if (unknown.length) return `${what} "${pattern}" names ${unknown.join(', ')}, not among the choices`;
      if (new Set(parts).size !== parts.length) return `${what} "${pattern}" names a choice twice`;
      if (type === 'sequencing' && parts.length !== lists.choices?.length) return `${what} "${pattern}" does not order every choice`;
    }
    if (type === 'matching') {
      const pairs = pattern === '' ? [] : pattern.split('[,]').map((p) => p.split('[.]'));
      const bad = pairs.filter((p) => p.length !== 2 || !lists.source?.includes(p[0]!) || !lists.target?.includes(p[1]!));
      if (bad.length) return `${what} "${pattern}" has pairs that are not source[.]target`;
      if (new Set(pairs.map((p) => p[0])).size !== pairs.length) return `${what} "${pattern}" matches a source twice`;
    }
    return undefined;
  };
  const patterns = def.correctResponsesPattern;
  if (patterns !== undefined)
    for (const p of Array.isArray(patterns) ? patterns : [patterns]) {
      const problem = typeof p === 'string' ? grammar(p, 'correct responses pattern') : 'a correct responses pattern that is not a string';
      if (problem) out.push(problem);
    }
  const response = (st.result as Json | undefined)?.response;
  // The response is written as the pattern is (a submitted order is always whole).
  const problem = typeof response === 'string' ? grammar(response, 'response') : undefined;
  if (problem) out.push(problem);
  return out;
}

/** Checks one batch of statements against the session so far; nothing is changed (see `accept`). */
export function checkStatements(statements: Json[], facts: SessionFacts, progress: SessionProgress, reg: RegistrationFacts): Violation[] {
  const out: Violation[] = [];
  const v = (requirement: string, message: string, st?: Json) =>
    out.push({ requirement, message, ...(st?.id ? { statementId: String(st.id) } : {}) });
  const p: SessionProgress = { ...progress, defined: new Set(progress.defined) };
  const r = { ...reg };
  if (!p.learnerPrefsFetched) v('11.0.0.0-3', 'statements sent before the learner preferences were read');
  const seen = new Set<string>();
  for (const st of statements) {
    for (const w of validateStatement(st))
      v('4.1.0.0-1', `xAPI: ${w.constructor?.name ?? 'warning'} at ${(w as { path?: string[] }).path?.join('.') ?? '?'}`, st);
    if (typeof st.id !== 'string' || !UUID.test(st.id)) v('9.1.0.0-1', `statement id ${String(st.id)} is not a UUID`, st);
    else if (seen.has(st.id)) v('4.1.0.0-1', `statement id ${st.id} twice in one batch`, st);
    if (typeof st.id === 'string') seen.add(st.id);
    for (const problem of interactionProblems(st)) v('xAPI-2.4.4.1', problem, st);
    if (typeof st.timestamp !== 'string') v('9.7.0.0-1', 'no timestamp', st);
    else if (!/(Z|\+00:?(00)?)$/.test(st.timestamp)) v('9.7.0.0-2', `timestamp ${st.timestamp} is not UTC`, st);
    if (!sameJson(st.actor, facts.actor)) v('8.1.3.0-3', 'actor is not the launch actor', st);
    const ctx = (st.context ?? {}) as Json;
    if (!st.context) v('9.6.0.0-1', 'no context', st);
    if (ctx.registration !== facts.registration)
      v('9.6.1.0-1', `registration ${String(ctx.registration)} is not the launch registration`, st);
    const ext = (ctx.extensions ?? {}) as Json;
    if (ext[CMI5.sessionId] !== facts.sessionId) v('9.6.3.1-4', 'no session id, or another one', st);
    // The context template: every value present, none overwritten.
    const tpl = facts.contextTemplate;
    const tplActs = (tpl.contextActivities ?? {}) as Json;
    const acts = (ctx.contextActivities ?? {}) as Json;
    for (const [list, items] of Object.entries(tplActs))
      for (const id of ids(items)) if (!ids(acts[list]).includes(id)) v('10.2.1.0-6', `context lacks template activity ${list} ${id}`, st);
    for (const [k, val] of Object.entries((tpl.extensions ?? {}) as Json))
      if (!sameJson(ext[k], val)) v('10.2.1.0-7', `context extension ${k} differs from the template`, st);
    for (const [k, val] of Object.entries(tpl))
      if (k !== 'contextActivities' && k !== 'extensions' && !sameJson(ctx[k], val))
        v('10.2.1.0-7', `context ${k} differs from the template`, st);

    const verb = String((st.verb as Json | undefined)?.id ?? '');
    const at = typeof st.timestamp === 'string' ? Date.parse(st.timestamp) : NaN;
    if (p.initializedAt !== undefined && at < p.initializedAt) v('9.3.0.0-4', 'a statement timestamped before initialized', st);
    if (verb === VERB.terminated && p.latestAt !== undefined && at < p.latestAt)
      v('9.3.0.0-5', 'terminated timestamped before an earlier statement', st);
    if (Number.isFinite(at)) p.latestAt = Math.max(p.latestAt ?? at, at);
    const categories = ids(acts.category);
    const defined = categories.includes(CMI5.category);
    const moveOn = categories.includes(CMI5.moveOn);
    if (p.terminated) v('9.3.0.0-5', 'a statement after terminated', st);
    if (moveOn && (!defined || ![VERB.completed, VERB.passed, VERB.failed].includes(verb)))
      v('9.6.2.2-2', 'moveOn category on a statement that is not completed/passed/failed', st);
    if (!defined) {
      if (!p.initialized) v('7.1.3.0-1', 'a cmi5 allowed statement before initialized', st);
      continue;
    }
    const actor = st.actor as Json;
    if (actor?.objectType !== undefined && actor.objectType !== 'Agent') v('9.2.0.0-2', 'actor is not an Agent', st);
    const account = actor?.account as Json | undefined;
    if (!account?.homePage || !account?.name) v('9.2.0.0-3', 'actor has no account', st);
    if ((st.object as Json | undefined)?.id !== facts.activityId) v('8.1.5.0-6', 'object is not the AU (launch activityId)', st);
    const name = (Object.keys(VERB) as (keyof typeof VERB)[]).find((k) => VERB[k] === verb);
    if (!name) {
      v('9.3.0.0-1', `${verb} is not a verb an AU may use in a cmi5 defined statement`, st);
      continue;
    }
    if (!p.initialized && name !== 'initialized') v('9.3.0.0-4', `${name} before initialized`, st);
    if (p.defined.has(name)) v('9.3.0.0-2', `${name} twice in the session`, st);
    if ((name === 'passed' && p.defined.has('failed')) || (name === 'failed' && p.defined.has('passed')))
      v('9.3.0.0-3', 'both passed and failed in one session', st);
    if (name === 'completed' && r.completed) v('9.3.0.0-6', 'completed a second time in the registration', st);
    if (name === 'passed' && r.passed) v('9.3.0.0-7', 'passed a second time in the registration', st);
    if (name === 'failed' && r.passed) v('9.3.0.0-8', 'failed after passed in the registration', st);
    if (['completed', 'passed', 'failed'].includes(name) && facts.launchMode !== 'Normal')
      v(facts.launchMode === 'Browse' ? '10.2.2.0-9' : '10.2.2.0-11', `${name} in ${facts.launchMode} mode`, st);
    const res = st.result as Json | undefined;
    if (name === 'completed' && res?.completion !== true) v('9.5.3.0-1', 'completed without completion true', st);
    if (name !== 'completed' && res?.completion !== undefined) v('9.5.3.0-2', `completion on ${name}`, st);
    if (name === 'passed' && res?.success !== true) v('9.5.2.0-1', 'passed without success true', st);
    if (name === 'failed' && res?.success !== false) v('9.5.2.0-2', 'failed without success false', st);
    if (name !== 'passed' && name !== 'failed' && res?.success !== undefined) v('9.5.2.0-3', `success on ${name}`, st);
    if ((res?.success !== undefined || res?.completion !== undefined) && !moveOn)
      v('9.6.2.2-1', 'success or completion without the moveOn category', st);
    const score = res?.score as Json | undefined;
    if (score && name !== 'passed' && name !== 'failed') v('9.5.1.0-2', `score on ${name}`, st);
    if (score && score.raw !== undefined && (score.min === undefined || score.max === undefined))
      v('9.5.1.0-3', 'raw score without min and max', st);
    if (name !== 'initialized') {
      if (typeof res?.duration !== 'string')
        v(`9.5.4.1-${{ terminated: 1, completed: 2, passed: 3, failed: 4 }[name as 'terminated']}`, `${name} without a duration`, st);
      else if (!ISO_DURATION.test(res.duration)) v('4.1.0.0-1', `duration ${res.duration} is not ISO 8601`, st);
    }
    if ((name === 'passed' || name === 'failed') && facts.masteryScore !== undefined) {
      if (ext[CMI5.masteryScore] !== facts.masteryScore)
        v('9.6.3.2-2', `masteryscore extension ${String(ext[CMI5.masteryScore])} is not the launch data's ${facts.masteryScore}`, st);
      const scaled = typeof score?.scaled === 'number' ? score.scaled : undefined;
      if (scaled !== undefined && name === 'passed' && scaled < facts.masteryScore)
        v('9.3.4.0-2', `passed with ${scaled} below the mastery score`, st);
      if (scaled !== undefined && name === 'failed' && scaled >= facts.masteryScore)
        v('9.3.6.0-1', `failed with ${scaled} at or above the mastery score`, st);
    }
    p.defined.add(name);
    if (name === 'initialized') {
      p.initialized = true;
      p.initializedAt = at;
    }
    if (name === 'terminated') p.terminated = true;
    if (name === 'completed') r.completed = true;
    if (name === 'passed') r.passed = true;
  }
  return out;
}

/** Records an accepted batch in the session's and the registration's progress. */
export function accept(statements: Json[], progress: SessionProgress, reg: RegistrationFacts): void {
  for (const st of statements) {
    const at = typeof st.timestamp === 'string' ? Date.parse(st.timestamp) : NaN;
    if (Number.isFinite(at)) progress.latestAt = Math.max(progress.latestAt ?? at, at);
    const categories = ids(((st.context as Json)?.contextActivities as Json | undefined)?.category);
    if (!categories.includes(CMI5.category)) continue;
    const verb = String((st.verb as Json).id);
    const name = (Object.keys(VERB) as (keyof typeof VERB)[]).find((k) => VERB[k] === verb);
    if (!name) continue;
    progress.defined.add(name);
    if (name === 'initialized') {
      progress.initialized = true;
      progress.initializedAt = at;
    }
    if (name === 'terminated') progress.terminated = true;
    if (name === 'completed') reg.completed = true;
    if (name === 'passed') reg.passed = true;
  }
}
