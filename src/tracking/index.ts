/**
 * Tracking: opens the learning session the bootstrap (src/app/start.tsx) asks for.
 *
 * The folder in three parts, with one seam between "what to report" and "how it is stored":
 *
 *   follow.ts      following the machine: what changed, which interactions its events make
 *   session.ts     the session: when to send (coalesced, after paint), retries, page lifecycle, finishing,
 *                  the save state the view hears; transport-neutral
 *   transport.ts   THE SEAM: a Transport takes, in order, the interactions and the state (report.ts:
 *                  status, score, objectives, location, saved state) and stores them its own way
 *   adapters/      the SCORM transport (scorm-transport.ts), one Dialect per SCORM version, standalone
 *
 * A new transport (xAPI / cmi5) plugs in here: implement `Transport` (transport.ts) in its own folder,
 * give its target a branch in `openSession` below that opens it and builds its SessionStart, and hand
 * it to a `TrackingSession`. Nothing in follow.ts, session.ts or report.ts needs to know about it.
 * cmi5 does so in cmi5/ (open.ts opens the launch, cmi5-transport.ts is the Transport); being
 * asynchronous (HTTP), it answers `pending` and tells the session later through `onSettled`.
 *
 * Opening a SCORM session:
 *   1. Look for the LMS API of this build's SCORM version (window.API for 1.2, window.API_1484_11 for
 *      2004) in this window, its parents and its opener's.
 *   2. None found: host scorm-again in the page (loaded lazily) with browser storage behind it, and tell
 *      the learner that progress is kept in this browser only.
 *   3. Initialize, read what the LMS knows (entry, mode, learner, language, mastery, suspend data), mark
 *      the attempt incomplete / suspended, and hand back a Session that follows the course machine.
 *
 * Nothing here throws: if even opening fails, the learner gets a session that keeps their work in memory
 * and a plain notice.
 */
import type { Course } from '../content-model/types.ts';
import { loadSavedState } from '../engine/index.ts';
import type { Notice, Session, SessionStart } from '../session/index.ts';
import type { Dialect, LmsStart } from './adapters/dialect.ts';
import { scorm12 } from './adapters/scorm12.ts';
import { scorm2004 } from './adapters/scorm2004.ts';
import { createLogger, type Logger } from './log.ts';
import { realTimers, type Timers } from './scheduler.ts';
import { ScormConnection } from './scorm-api/connection.ts';
import { findApi } from './scorm-api/discovery.ts';
import type { ScormApi, ScormVersion } from './scorm-api/types.ts';
import { buildTarget, isCmi5, TARGETS, type TargetId } from '../targets/index.ts';
import type { TextSource } from './cmi5/interactions.ts';
import type { FetchLike } from './cmi5/xapi-client.ts';
import { ScormTransport } from './adapters/scorm-transport.ts';
import { NOTICES, TrackingSession } from './session.ts';

export { getScormCallLog, clearScormCallLog, onScormCall, type CallLogEntry } from './scorm-api/call-log.ts';
export { getTrackingLog, clearTrackingLog, type LogEntry } from './log.ts';
export { NOTICES, TrackingSession } from './session.ts';
export type { Transport, Batch, Delivery, Journaled } from './transport.ts';
export type { ScormVersion } from './scorm-api/types.ts';
export type { TargetId } from '../targets/index.ts';

/** Browser storage keeps far more than an LMS; the standalone runtime is held to the 2004 limit. */
export const STANDALONE_SUSPEND_LIMIT = 64000;

export interface OpenSessionOptions {
  /** The package target to report as; defaults to the build's (`__PACKAGE_TARGET__`). */
  target?: TargetId;
  /** Where to look for the API (default: window). */
  win?: Window;
  /** Where the standalone runtime keeps its data (default: the window's localStorage, if usable). */
  storage?: Storage;
  logger?: Logger;
  timers?: Timers;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelays?: readonly number[];
  steadyRetryMs?: number;
  /** Calls slower than this are logged; a save slower than `slowSaveMs` spaces commits out. */
  slowMs?: number;
  slowSaveMs?: number;
  /** cmi5: the course's texts, for the activity definitions of its statements. */
  texts?: TextSource;
  /** cmi5: the fetch used for the LRS (default: the window's). */
  fetch?: FetchLike;
}

export async function openSession(course: Course, options: OpenSessionOptions = {}): Promise<Session> {
  const logger = options.logger ?? createLogger();
  const target = options.target ?? buildTarget();
  const version = TARGETS[target].scormVersion;
  const dialect = dialectOf(version);
  try {
    // A cmi5 build launched by a cmi5 LMS tracks over xAPI; opened without cmi5 parameters it runs
    // standalone like a SCORM build that finds no LMS.
    const win = options.win ?? defaultWindow();
    if (isCmi5(target) && win) {
      // Its own chunk: SCORM builds never load it.
      const { openCmi5Session } = await import('./cmi5/open.ts');
      const cmi5 = await openCmi5Session(course, {
        win,
        logger,
        timers: options.timers ?? realTimers,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.texts ? { texts: options.texts } : {}),
        ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
        ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
        ...(options.retryDelays !== undefined ? { retryDelays: options.retryDelays } : {}),
        ...(options.steadyRetryMs !== undefined ? { steadyRetryMs: options.steadyRetryMs } : {}),
      });
      if (cmi5) return cmi5;
    }
    return await open(course, version, dialect, logger, options);
  } catch (e) {
    logger.error('tracking could not start; progress is kept in memory only', {
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
    return new TrackingSession({
      course,
      start: { mode: 'normal', target: dialect.target, store: 'none', notices: [NOTICES.saveFailed] },
      logger,
      timers: options.timers ?? realTimers,
    });
  }
}

/**
 * The dialect of a SCORM version. A package only ever speaks its own build's version, so in a build the
 * choice is made by the build's target (a constant the bundler folds), and the other version's code is
 * left out of the package; the dev server (which switches versions) and the tests keep both.
 */
function dialectOf(version: ScormVersion): Dialect {
  if (import.meta.env.PROD) return __PACKAGE_TARGET__ === 'scorm12' ? scorm12 : scorm2004;
  return version === '1.2' ? scorm12 : scorm2004;
}

function defaultWindow(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

function usableStorage(win: Window | undefined): Storage | undefined {
  try {
    const s = win?.localStorage;
    if (!s) return undefined;
    const probe = '__tracking_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return undefined; // sandboxed frame, privacy mode, full storage
  }
}

async function open(
  course: Course,
  version: ScormVersion,
  dialect: Dialect,
  logger: Logger,
  options: OpenSessionOptions,
): Promise<Session> {
  const win = options.win ?? defaultWindow();
  const timers = options.timers ?? realTimers;
  const notices: Notice[] = [];
  let store: SessionStart['store'] = 'lms';
  let suspendDataLimit = dialect.suspendDataLimit;

  const found = win ? findApi(win, version) : undefined;
  let api: ScormApi;
  if (found) {
    api = found.api;
    logger.info(`SCORM ${version} API found (${found.via}, ${found.depth} level(s) up)`);
  } else {
    logger.info(`no SCORM ${version} API found: running standalone, progress kept in this browser`);
    if (!win) throw new Error('no window to host a standalone runtime in');
    // Its own chunk, with the runtime it hosts: an LMS launch never loads it.
    const { openStandalone } = await import('./adapters/standalone.ts');
    const standalone = await openStandalone({ courseId: course.id, version, win, storage: options.storage ?? usableStorage(win), logger });
    api = standalone.api;
    store = 'browser';
    suspendDataLimit = STANDALONE_SUSPEND_LIMIT;
    notices.push(NOTICES.standaloneOnly);
  }

  const stillPresent = () => (win ? findApi(win, version)?.api === api : true);
  const connection = new ScormConnection(api, version, {
    logger,
    now: timers.now,
    stillPresent,
    ...(options.slowMs !== undefined ? { slowMs: options.slowMs } : {}),
  });
  let init = connection.initialize();
  if (!init.ok && !connection.lost && version === '2004' && init.error === 103) {
    logger.warn('the LMS says the session is already initialised; continuing in it');
    connection.state = 'initialised';
    init = { ...init, ok: true };
  }
  if (!init.ok && !connection.lost) init = connection.initialize(); // one more try: some LMSs are slow to get ready

  const common = {
    course,
    logger,
    timers,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ...(options.retryDelays !== undefined ? { retryDelays: options.retryDelays } : {}),
    ...(options.steadyRetryMs !== undefined ? { steadyRetryMs: options.steadyRetryMs } : {}),
    ...(options.slowSaveMs !== undefined ? { slowMs: options.slowSaveMs } : {}),
  };
  if (!init.ok) {
    logger.error('the LMS did not open a session; progress is kept in memory only');
    return new TrackingSession({
      ...common,
      start: { mode: 'normal', target: dialect.target, store: 'none', notices: [...notices, NOTICES.connectionLost] },
    });
  }

  const lms: LmsStart = dialect.readStart(connection, logger);
  const savedUnknown = lms.unknown.includes(dialect.suspendData);
  if (lms.unknown.length)
    logger.warn('some launch data could not be read; nothing is written over it until it can be', { unknown: lms.unknown });
  const start: SessionStart = {
    mode: lms.mode,
    recorded: dialect.recorded(lms.status),
    ...(savedUnknown ? { savedUnknown } : {}),
    target: dialect.target,
    store,
    notices,
    ...(lms.suspendData !== undefined ? { saved: lms.suspendData } : {}),
    ...(lms.learnerName !== undefined ? { learnerName: lms.learnerName } : {}),
    ...(lms.language !== undefined ? { language: lms.language } : {}),
    ...(lms.masteryScore !== undefined ? { masteryScore: lms.masteryScore } : {}),
  };
  logger.info('session opened', {
    entry: lms.entry,
    mode: lms.mode,
    resumes: lms.suspendData !== undefined,
    masteryScore: lms.masteryScore,
  });
  // Reading the stored state takes the saved-state code (its own chunk): only a resumed learner waits for it here.
  if (start.saved !== undefined) await loadSavedState();
  const transport = new ScormTransport({ dialect, connection, lms, suspendDataLimit, savedUnknown, logger });
  const session = new TrackingSession({ ...common, transport, start });
  session.launch();
  return session;
}
