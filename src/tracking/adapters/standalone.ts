/**
 * Standalone: no LMS was found, so the page hosts its own SCORM runtime (scorm-again, loaded lazily for
 * the build's version) and installs it where an LMS would have put it. The tracker then talks to it
 * exactly as to an LMS. Every Commit and Terminate is stored in browser storage (through scorm-again's
 * `httpService` hook, so a storage failure makes Commit return "false" like any failing LMS), and the
 * stored CMI is loaded back into the runtime on the next visit with `entry` = `resume`.
 */
import type { IHttpService, ResultObject, Settings } from 'scorm-again';
import type { Logger } from '../log.ts';
import { API_NAME, type ScormApi, type ScormVersion } from '../scorm-api/types.ts';
import { loadScormAgain, type ScormAgainApi } from './scorm-again.ts';

export const STORAGE_FORMAT = 1;

export interface StoredCmi {
  format: number;
  savedAt: string;
  cmi: Record<string, unknown>;
}

export interface StandaloneOptions {
  courseId: string;
  version: ScormVersion;
  win: Window;
  storage: Storage | undefined;
  logger: Logger;
}

export interface Standalone {
  api: ScormApi;
  runtime: ScormAgainApi;
  storageKey: string;
}

export const storageKey = (courseId: string, version: ScormVersion) => `scorm-standalone:${courseId}:${version}`;
/** Where the pre-tracking placeholder kept the snapshot and the language. */
const legacyKeys = (courseId: string) => ({ snapshot: `course:${courseId}`, language: `course:${courseId}:lang` });

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function readStored(storage: Storage | undefined, key: string, logger: Logger): StoredCmi | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as unknown;
    if (isObject(parsed) && parsed.format === STORAGE_FORMAT && isObject(parsed.cmi)) return parsed as unknown as StoredCmi;
    logger.warn('stored standalone progress has an unknown format; starting without it', { raw });
  } catch (e) {
    logger.warn('stored standalone progress could not be read; starting without it', { error: String(e) });
  }
  return undefined;
}

/** The CMI as an LMS would hand it back at the next launch: entry from the last exit, no session values. */
export function relaunchCmi(cmi: Json, version: ScormVersion): Json {
  const copy = JSON.parse(JSON.stringify(cmi)) as Json;
  if (version === '1.2') {
    const core = isObject(copy.core) ? copy.core : (copy.core = {});
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    delete core.exit;
    delete core.session_time;
    delete core.total_time;
  } else {
    copy.entry = copy.exit === 'suspend' ? 'resume' : '';
    delete copy.exit;
    delete copy.session_time;
    delete copy.total_time;
  }
  return copy;
}

function legacyCmi(storage: Storage | undefined, courseId: string, version: ScormVersion): Json | undefined {
  try {
    const keys = legacyKeys(courseId);
    const snapshot = storage?.getItem(keys.snapshot);
    if (!snapshot) return undefined;
    const language = storage?.getItem(keys.language) ?? '';
    return version === '1.2'
      ? { suspend_data: snapshot, core: { entry: 'resume' }, student_preference: { language } }
      : { suspend_data: snapshot, entry: 'resume', learner_preference: { language } };
  } catch {
    return undefined;
  }
}

export async function openStandalone(options: StandaloneOptions): Promise<Standalone> {
  const { courseId, version, win, storage, logger } = options;
  const key = storageKey(courseId, version);
  const Runtime = await loadScormAgain(version);
  let runtime: ScormAgainApi | undefined;

  const store = (): ResultObject => {
    try {
      if (!storage) throw new Error('browser storage is not available');
      const rendered = runtime!.renderCMIToJSONObject() as Json;
      const record: StoredCmi = {
        format: STORAGE_FORMAT,
        savedAt: new Date().toISOString(),
        cmi: (isObject(rendered.cmi) ? rendered.cmi : rendered) as Json,
      };
      storage.setItem(key, JSON.stringify(record));
      return { result: 'true', errorCode: 0 };
    } catch (e) {
      logger.error('progress could not be stored in this browser', { error: String(e) });
      // 1.2: 101 General Exception; 2004: 391 General Commit Failure.
      return { result: 'false', errorCode: version === '1.2' ? 101 : 391 };
    }
  };
  const httpService: IHttpService = {
    processHttpRequest: () => store(),
    updateSettings: () => {},
  };
  const settings: Settings = {
    autocommit: false,
    lmsCommitUrl: 'browser-storage',
    httpService,
    logLevel: 4,
    onLogMessage: (level, message) => logger.debug(`scorm-again [${String(level)}]: ${message}`),
  };
  runtime = new Runtime(settings);

  const stored = readStored(storage, key, logger);
  const initial = stored ? relaunchCmi(stored.cmi, version) : legacyCmi(storage, courseId, version);
  if (initial) {
    try {
      runtime.loadFromJSON(initial);
      logger.info(stored ? 'restored progress saved in this browser' : 'restored progress saved by the earlier placeholder');
    } catch (e) {
      logger.warn('stored standalone progress could not be loaded; starting without it', { error: String(e) });
      runtime = new Runtime(settings);
    }
  }
  (win as unknown as Json)[API_NAME[version]] = runtime;
  return { api: runtime as unknown as ScormApi, runtime, storageKey: key };
}
