/**
 * Opening a cmi5 session (spec 8-11), for a cmi5 build launched with cmi5 parameters:
 *
 *   1. the launch URL: endpoint, fetch, actor, registration, activityId (launch.ts)
 *   2. the auth token, fetched once (POST to the fetch URL) and kept for this browser tab, so a reload of
 *      the page goes on in the same session instead of asking the one-time URL again
 *   3. LMS.LaunchData from the State API: context template, launch mode, mastery score, return URL
 *   4. the learner preferences agent profile (read before any statement, 11.0): the language
 *   5. the course's own state document: the saved progress and which defined statements were sent
 *   6. "initialized" (once per session), then a TrackingSession over the cmi5 transport
 *
 * Nothing here throws. A launch that names cmi5 parameters but cannot be opened gives the learner a
 * session that keeps their work in memory and a plain notice; the problems go to the log.
 */
import type { Course } from '../../content-model/types.ts';
import type { RecordedResult } from '../../engine/machine.ts';
import { decodeSnapshot, loadSavedState } from '../../engine/index.ts';
import type { Notice, Session, SessionStart } from '../../session/index.ts';
import { buildReport } from '../report.ts';
import type { Logger } from '../log.ts';
import type { Timers } from '../scheduler.ts';
import { NOTICES, TrackingSession } from '../session.ts';
import { Cmi5Transport, submittedAttempts } from './cmi5-transport.ts';
import { describe, type TextSource } from './interactions.ts';
import { parseLaunch, type Cmi5Launch } from './launch.ts';
import { parseCourseState, readState, STATE_FORMAT, STATE_ID, StateWriter, type CourseStateDocument } from './state-document.ts';
import { StatementQueue, type KeyValueStore } from './statement-queue.ts';
import { definedStatement, EXT_SESSION_ID, uuid, type LaunchData, type LaunchMode, type StatementSession } from './statements.ts';
import { fetchAuthToken, XapiClient, type FetchLike } from './xapi-client.ts';

export const CMI5_NOTICES = {
  launchInvalid: { key: 'cmi5LaunchInvalid', tone: 'error' },
  sessionEnded: { key: 'cmi5SessionEnded', tone: 'warning' },
} as const satisfies Record<string, Notice>;

export interface OpenCmi5Options {
  win: Window;
  logger: Logger;
  timers: Timers;
  fetch?: FetchLike;
  /** Where the token, the session's progress and its unsent statements are kept (sessionStorage). */
  store?: KeyValueStore;
  texts?: TextSource;
  timeoutMs?: number;
  retryDelays?: readonly number[];
  steadyRetryMs?: number;
  debounceMs?: number;
  maxWaitMs?: number;
}

/** What this tab remembers of a cmi5 session (keyed by the fetch URL, which is unique per launch). */
interface TabSession {
  token: string;
  initialized?: boolean;
  terminated?: boolean;
}

const MODES: Record<LaunchMode, SessionStart['mode']> = { Normal: 'normal', Browse: 'browse', Review: 'review' };

function tabStore(win: Window): KeyValueStore | undefined {
  try {
    const s = win.sessionStorage;
    const probe = '__cmi5_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return { get: (k) => s.getItem(k), set: (k, v) => s.setItem(k, v), remove: (k) => s.removeItem(k) };
  } catch {
    return undefined;
  }
}

const wait = (timers: Timers, ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));

/** Retries a read a few times when no answer came (the LRS may be waking up); a refusal is final. */
async function withRetries<T extends { ok: boolean; status?: number }>(
  timers: Timers,
  fn: () => Promise<T>,
  delays = [500, 1500, 3000],
): Promise<T> {
  let r = await fn();
  for (const d of delays) {
    if (r.ok || (r.status !== undefined && r.status !== 0 && r.status < 500)) return r;
    await wait(timers, d);
    r = await fn();
  }
  return r;
}

export function parseLaunchData(doc: unknown): LaunchData | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  const template = d.contextTemplate;
  if (!template || typeof template !== 'object' || Array.isArray(template)) return undefined;
  const mode = d.launchMode;
  if (mode !== 'Normal' && mode !== 'Browse' && mode !== 'Review') return undefined;
  const mastery = typeof d.masteryScore === 'number' && d.masteryScore >= 0 && d.masteryScore <= 1 ? d.masteryScore : undefined;
  return {
    contextTemplate: template as LaunchData['contextTemplate'],
    launchMode: mode,
    moveOn: typeof d.moveOn === 'string' ? d.moveOn : 'NotApplicable',
    ...(mastery !== undefined ? { masteryScore: mastery } : {}),
    ...(typeof d.returnURL === 'string' && d.returnURL ? { returnURL: d.returnURL } : {}),
    ...(typeof d.launchParameters === 'string' ? { launchParameters: d.launchParameters } : {}),
  };
}

/**
 * What the LMS holds, for a Review or Browse launch to show: the last verdict this registration sent
 * ("passed" or "failed" with its score), else "completed" once that was sent; nothing known otherwise.
 */
export function recordedResult(doc: CourseStateDocument): RecordedResult {
  if (doc.result) return { status: doc.result.success, score: doc.result.scaled };
  if (doc.sent.passed) return { status: 'passed' };
  return doc.sent.completed ? { status: 'completed' } : {};
}

/** The first supported language of a cmi5 languagePreference ("da-DK,en-US"). */
function firstLanguage(pref: unknown): string | undefined {
  if (typeof pref !== 'string') return undefined;
  return pref
    .split(',')
    .map((l) => l.trim())
    .find(Boolean);
}

/**
 * Opens the cmi5 session when the page was launched with cmi5 parameters; `undefined` when it was not
 * (the caller then runs standalone, as a SCORM build without an LMS does).
 */
export async function openCmi5Session(course: Course, o: OpenCmi5Options): Promise<Session | undefined> {
  const parsed = parseLaunch(o.win.location.search);
  if (parsed.kind === 'none') return undefined;
  const common = {
    course,
    logger: o.logger,
    timers: o.timers,
    ...(o.debounceMs !== undefined ? { debounceMs: o.debounceMs } : {}),
    ...(o.maxWaitMs !== undefined ? { maxWaitMs: o.maxWaitMs } : {}),
    ...(o.retryDelays !== undefined ? { retryDelays: o.retryDelays } : {}),
    ...(o.steadyRetryMs !== undefined ? { steadyRetryMs: o.steadyRetryMs } : {}),
  };
  const offline = (notice: Notice, why: string, extra: Record<string, unknown> = {}) => {
    o.logger.error(`cmi5: ${why}; progress is kept in memory only`, extra);
    return new TrackingSession({ ...common, start: { mode: 'normal', target: 'cmi5', store: 'none', notices: [notice] } });
  };
  if (parsed.kind === 'invalid')
    return offline(CMI5_NOTICES.launchInvalid, 'the launch URL is not a cmi5 launch', { problems: parsed.problems });
  const launch = parsed.launch;
  const store = o.store ?? tabStore(o.win);
  const tabKey = `cmi5-session:${launch.fetch}`;
  let tab: TabSession | undefined;
  try {
    tab = JSON.parse(store?.get(tabKey) ?? 'null') as TabSession | undefined;
  } catch {
    tab = undefined;
  }
  const saveTab = () => {
    try {
      if (tab) store?.set(tabKey, JSON.stringify(tab));
    } catch {
      // storage full: the session still works, a reload would not
    }
  };
  if (tab?.terminated) return offline(CMI5_NOTICES.sessionEnded, 'this launch session has already ended (terminated)');

  // 2. The auth token, once.
  if (!tab?.token) {
    const t = await withRetries(o.timers, async () => {
      const r = await fetchAuthToken(launch.fetch, o.fetch, o.timeoutMs);
      return { ...r, status: r.ok ? 200 : r.retryable ? 0 : 400 };
    });
    if (!t.ok) return offline(NOTICES.connectionLost, `no auth token: ${t.reason}`);
    tab = { token: t.token };
    saveTab();
  }
  const client = new XapiClient({
    endpoint: launch.endpoint,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
  });
  client.setAuthToken(tab.token);
  const scope = { activityId: launch.activityId, agent: launch.actor, registration: launch.registration };

  // 3. LMS.LaunchData.
  const ld = await withRetries(o.timers, async () => {
    const r = await readState(client, scope, 'LMS.LaunchData');
    return r.ok ? r : { ...r, ok: false as const };
  });
  const launchData = ld.ok ? parseLaunchData(ld.document) : undefined;
  if (!launchData)
    return offline(NOTICES.connectionLost, 'LMS.LaunchData could not be read', { error: ld.ok ? 'missing or malformed' : ld.error });
  const sessionId = launchData.contextTemplate.extensions?.[EXT_SESSION_ID];
  if (typeof sessionId !== 'string' || !sessionId) o.logger.warn('cmi5: the context template has no session id');

  // 4. The learner's preferences: read before any statement is sent.
  const prefs = await withRetries(o.timers, () =>
    client.request('GET', 'agents/profile', { query: { agent: JSON.stringify(launch.actor), profileId: 'cmi5LearnerPreferences' } }),
  );
  const prefBody = prefs.ok && prefs.body && typeof prefs.body === 'object' ? (prefs.body as Record<string, unknown>) : {};
  if (!prefs.ok && prefs.status !== 404) o.logger.warn('cmi5: the learner preferences could not be read', { status: prefs.status });
  const language = firstLanguage(prefBody.languagePreference);

  // 5. The saved state. A failed read is unknown, never empty: then the state is not written this session.
  const read = await withRetries(o.timers, async () => {
    const r = await readState(client, scope, STATE_ID);
    return r.ok ? r : { ...r, ok: false as const };
  });
  const notices: Notice[] = [];
  let stored: CourseStateDocument = { format: STATE_FORMAT, sent: {} };
  let saved: string | undefined;
  let exists = false;
  let etag: string | undefined;
  if (!read.ok) {
    notices.push(NOTICES.saveFailed);
    o.logger.error('cmi5: the saved state could not be read; it is left alone in this session', { error: read.error });
  } else if (read.document !== undefined) {
    exists = true;
    etag = read.etag;
    const doc = parseCourseState(read.document);
    if (doc) {
      stored = doc;
      saved = doc.saved;
    } else saved = typeof read.document === 'string' ? read.document : JSON.stringify(read.document); // shown as unreadable, kept for support
  }

  const timers = o.timers;
  const session: StatementSession = { launch, launchData, newId: uuid };
  const queue = new StatementQueue({
    client,
    timers,
    logger: o.logger,
    ...(store ? { store, storeKey: `cmi5-queue:${launch.registration}:${String(sessionId ?? '')}` } : {}),
    ...(o.retryDelays ? { retryDelays: [...o.retryDelays, o.retryDelays[o.retryDelays.length - 1] ?? 30_000] } : {}),
    prepare: (list) =>
      describe(
        list,
        course,
        [...new Set([language, course.defaultLanguage].filter((l): l is string => !!l && course.languages.includes(l)))],
        o.texts,
      ),
  });
  const state = new StateWriter({
    client,
    scope,
    timers,
    logger: o.logger,
    exists,
    ...(etag ? { etag } : {}),
    ...(o.retryDelays ? { retryDelays: o.retryDelays } : {}),
  });
  if (read.ok && exists) state.held(stored);

  const startedAt = timers.now();
  if (!tab.initialized) {
    queue.enqueue([definedStatement(session, { verb: 'initialized', at: startedAt })]);
    tab.initialized = true;
    saveTab();
  }

  // What was done before this session: not reported again.
  let finishedModules = new Set<string>();
  let attemptsBefore = 0;
  if (saved) {
    // Reading a stored state takes the saved-state code (its own chunk): a resumed learner waits for it here.
    await loadSavedState();
    try {
      const restored = decodeSnapshot(saved, course);
      finishedModules = new Set(
        buildReport(course, restored)
          .objectives.filter((x) => x.status === 'completed')
          .map((x) => x.id),
      );
      attemptsBefore = submittedAttempts(restored.record);
    } catch {
      // unreadable: the session sets it aside
    }
  }

  const transport = new Cmi5Transport({
    course,
    client,
    launch,
    launchData,
    queue,
    state,
    stored,
    timers,
    logger: o.logger,
    session,
    startedAt,
    languages: [language, course.defaultLanguage].filter((l): l is string => !!l),
    finishedModules,
    attemptsBefore,
    navigate: (url) => o.win.location.assign(url),
    onTerminated: () => {
      if (tab) tab.terminated = true;
      saveTab();
    },
    setLanguage: (lang) => {
      void client
        .request('PUT', 'agents/profile', {
          query: { agent: JSON.stringify(launch.actor), profileId: 'cmi5LearnerPreferences' },
          body: { languagePreference: lang, audioPreference: prefBody.audioPreference === 'off' ? 'off' : 'on' },
        })
        .then((r) => {
          // The LMS may keep the preferences to itself (403): not an error (11.0).
          if (!r.ok && r.status !== 403) o.logger.warn('cmi5: the language preference was not stored', { status: r.status });
        });
    },
  });
  if (!read.ok) transport.keepStateAlone();
  const start: SessionStart = {
    mode: MODES[launchData.launchMode],
    ...(launchData.launchMode !== 'Normal' ? { recorded: recordedResult(stored) } : {}),
    target: 'cmi5',
    store: 'lms',
    notices,
    ...(saved !== undefined ? { saved } : {}),
    ...(typeof launch.actor.name === 'string' && launch.actor.name ? { learnerName: launch.actor.name } : {}),
    ...(language ? { language } : {}),
    ...(launchData.masteryScore !== undefined ? { masteryScore: launchData.masteryScore } : {}),
  };
  o.logger.info('cmi5 session opened', {
    mode: launchData.launchMode,
    resumes: saved !== undefined,
    masteryScore: launchData.masteryScore,
  });
  const tracking = new TrackingSession({ ...common, transport, start });
  tracking.launch();
  return tracking;
}

export type { Cmi5Launch };
