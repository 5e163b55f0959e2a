/**
 * The statements a cmi5 AU sends, as pure functions (spec section 9):
 *
 * - cmi5 defined: initialized, completed, passed / failed (with the score), terminated; object = the AU
 *   (the launch's activityId), the cmi5 category, and the moveOn category on those with a success or
 *   completion; durations on completed, passed, failed and terminated; the LMS's mastery score on
 *   passed / failed.
 * - cmi5 allowed, for what SCORM reports as interactions: an answer (choice, with the response, the
 *   correct pattern and whether it was right), a reflection or action step (long-fill-in), a finished
 *   module, a final-assessment attempt; each on its own activity with a definition a report can read, and
 *   the AU as the parent. They never carry the cmi5 category.
 *
 * Every statement has an id (UUID), a UTC timestamp, the launch's actor and registration, and the
 * context template of LMS.LaunchData with nothing of it overwritten (10.2.1).
 */
import type { Agent, Cmi5Launch } from './launch.ts';

export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
} as const;

export type DefinedVerb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const EXT_SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const EXT_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
export const ASSESSMENT_TYPE = 'http://adlnet.gov/expapi/activities/assessment';
export const MODULE_TYPE = 'http://adlnet.gov/expapi/activities/module';

export type LanguageMap = Record<string, string>;

export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: 'choice' | 'long-fill-in' | 'sequencing' | 'matching' | 'other';
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LanguageMap }[];
    /** matching: what is matched (source) and what it is matched with (target). */
    source?: { id: string; description: LanguageMap }[];
    target?: { id: string; description: LanguageMap }[];
  };
}

export interface XapiContext {
  registration?: string;
  contextActivities?: Partial<Record<'parent' | 'grouping' | 'category' | 'other', XapiActivity[]>>;
  extensions?: Record<string, unknown>;
  language?: string;
  [key: string]: unknown;
}

export interface XapiResultObject {
  score?: { scaled: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResultObject;
  context: XapiContext;
  timestamp: string;
}

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What LMS.LaunchData says (10.2), as the AU uses it. */
export interface LaunchData {
  contextTemplate: XapiContext;
  launchMode: LaunchMode;
  moveOn: string;
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
  entitlementKey?: { courseStructure?: string; alternate?: string };
}

export interface StatementSession {
  launch: Cmi5Launch;
  launchData: LaunchData;
  /** Makes statement ids (UUID v4); tests pin it. */
  newId: () => string;
}

/** A UUID v4 from the platform's random source (randomUUID needs a secure context; getRandomValues does not). */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // not a secure context: fall through
    }
  }
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** ISO 8601 duration with centisecond precision (xAPI keeps 0.01 s): `PT1H2M3.45S`. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${Number(s.toFixed(2))}S` : ''}`;
}

/** UTC, as cmi5 requires (9.7). */
export const timestamp = (ms: number): string => new Date(ms).toISOString();

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The context: the template's, with ours added where the template says nothing (never overwriting it). */
export function contextFor(
  session: StatementSession,
  extra: { categories?: string[]; parent?: XapiActivity[]; extensions?: Record<string, unknown>; language?: string },
): XapiContext {
  const t = clone(session.launchData.contextTemplate ?? {});
  const ctx: XapiContext = { ...t, registration: session.launch.registration };
  const activities = { ...(t.contextActivities ?? {}) };
  const add = (list: 'parent' | 'category', items: XapiActivity[]) => {
    const have = activities[list] ?? [];
    activities[list] = [...have, ...items.filter((i) => !have.some((h) => h.id === i.id))];
  };
  if (extra.categories?.length)
    add(
      'category',
      extra.categories.map((id) => ({ id })),
    );
  if (extra.parent?.length) add('parent', extra.parent);
  ctx.contextActivities = activities;
  if (extra.extensions) ctx.extensions = { ...extra.extensions, ...(t.extensions ?? {}) };
  if (extra.language && t.language === undefined) ctx.language = extra.language;
  return ctx;
}

export interface DefinedInput {
  verb: DefinedVerb;
  at: number;
  /** completed, passed, failed, terminated. */
  durationMs?: number;
  /** passed / failed: the final assessment's best score. */
  score?: { raw: number; max: number; scaled: number };
}

export function definedStatement(session: StatementSession, input: DefinedInput): Statement {
  const { verb } = input;
  const judged = verb === 'passed' || verb === 'failed';
  const moveOn = judged || verb === 'completed';
  const result: XapiResultObject = {};
  if (verb === 'completed') result.completion = true;
  if (judged) {
    result.success = verb === 'passed';
    if (input.score) result.score = { scaled: input.score.scaled, raw: input.score.raw, min: 0, max: input.score.max };
  }
  if (verb !== 'initialized') result.duration = isoDuration(input.durationMs ?? 0);
  const mastery = session.launchData.masteryScore;
  return {
    id: session.newId(),
    actor: session.launch.actor,
    verb: VERBS[verb],
    object: { objectType: 'Activity', id: session.launch.activityId },
    ...(verb === 'initialized' ? {} : { result }),
    context: contextFor(session, {
      categories: moveOn ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY],
      ...(judged && mastery !== undefined ? { extensions: { [EXT_MASTERY]: mastery } } : {}),
    }),
    timestamp: timestamp(input.at),
  };
}

/** A cmi5 allowed statement about one of the course's activities, with the AU as its parent. */
export function allowedStatement(
  session: StatementSession,
  input: { verb: { id: string; display: LanguageMap }; object: XapiActivity; result?: XapiResultObject; at: number; language?: string },
): Statement {
  return {
    id: session.newId(),
    actor: session.launch.actor,
    verb: input.verb,
    object: { objectType: 'Activity', ...input.object },
    ...(input.result ? { result: input.result } : {}),
    context: contextFor(session, {
      parent: [{ objectType: 'Activity', id: session.launch.activityId }],
      ...(input.language ? { language: input.language } : {}),
    }),
    timestamp: timestamp(input.at),
  };
}

/** Whether a statement is cmi5 defined (it carries the cmi5 category). */
export function isDefined(s: Pick<Statement, 'context'>): boolean {
  return !!s.context.contextActivities?.category?.some((c) => c.id === CMI5_CATEGORY);
}

/** The verb name of a cmi5 defined statement, if it is one. */
export function definedVerbOf(s: Pick<Statement, 'verb' | 'context'>): DefinedVerb | undefined {
  if (!isDefined(s)) return undefined;
  return (Object.keys(VERBS) as (keyof typeof VERBS)[]).find((k) => VERBS[k].id === s.verb.id && k !== 'answered') as
    DefinedVerb | undefined;
}
