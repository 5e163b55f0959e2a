/**
 * Our typed, defensive wrapper around an LMS's run-time API.
 *
 * - Only the string "true" counts as success (for Initialize, SetValue, Commit and Terminate), and only
 *   together with error code 0. A GetValue succeeds when the error code is 0.
 * - GetLastError is read after every call; when it is not 0, GetErrorString and GetDiagnostic are read
 *   and logged with it.
 * - A strict lifecycle: not-started -> initialised -> terminated. Nothing but Initialize is sent before
 *   Initialize succeeded, nothing at all after Terminate, and Terminate is sent at most once.
 * - Nothing the LMS does can throw out of here: a method that throws (an LMS frame that went away, a
 *   broken adapter) gives a failed result. When the API is no longer reachable, the connection is
 *   marked lost and refuses further calls until `recheck()` finds it again.
 * - Every call is recorded in the call log (see call-log.ts) with its duration; slow calls are logged.
 */
import { recordCall, clip } from './call-log.ts';
import type { Logger } from '../log.ts';
import { METHODS, type MethodRole, type ScormApi, type ScormVersion } from './types.ts';

export type Lifecycle = 'not-started' | 'initialised' | 'terminated';

export interface CallResult {
  ok: boolean;
  /** The returned value (GetValue's data); '' when the call failed. */
  value: string;
  /** GetLastError after the call, or -1 when the call threw, -2 when it was refused. */
  error: number;
}

/** Error codes that mean "this element has no value (yet)" rather than a fault, when reading. */
const NOT_SET_ON_GET: Record<ScormVersion, number[]> = {
  '1.2': [401], // "Not implemented": optional elements an LMS may lack (e.g. student_preference)
  '2004': [403, 401], // "Data Model Element Value Not Initialized" (RTE 3.1.7.6), and "Not implemented"
};

export interface ConnectionOptions {
  logger: Logger;
  now?: () => number;
  /** A call taking longer than this is logged as slow (the learner's browser waited that long). */
  slowMs?: number;
  /** Whether the API object is still where it was found; asked after a call threw. */
  stillPresent?: () => boolean;
}

export class ScormConnection {
  state: Lifecycle = 'not-started';
  /** The API went away (a call threw and it can no longer be found): no further calls are made. */
  lost = false;
  private readonly now: () => number;
  private readonly slowMs: number;
  private readonly names: (typeof METHODS)[ScormVersion];

  constructor(
    readonly api: ScormApi,
    readonly version: ScormVersion,
    private readonly options: ConnectionOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.slowMs = options.slowMs ?? 1000;
    this.names = METHODS[version];
  }

  get active(): boolean {
    return this.state === 'initialised' && !this.lost;
  }

  initialize(): CallResult {
    if (this.state !== 'not-started') return this.refuse('initialize', [''], `the session is ${this.state}`);
    const r = this.call('initialize', ['']);
    if (r.ok) this.state = 'initialised';
    return r;
  }

  /** Sends Terminate once; afterwards the session is over whatever the LMS answered. */
  terminate(): CallResult {
    if (this.state !== 'initialised') return this.refuse('terminate', [''], `the session is ${this.state}`);
    const r = this.call('terminate', ['']);
    this.state = 'terminated';
    return r;
  }

  getValue(element: string): CallResult {
    if (this.state !== 'initialised') return this.refuse('getValue', [element], `the session is ${this.state}`);
    return this.call('getValue', [element]);
  }

  setValue(element: string, value: string): CallResult {
    if (this.state !== 'initialised') return this.refuse('setValue', [element, value], `the session is ${this.state}`);
    return this.call('setValue', [element, value]);
  }

  commit(): CallResult {
    if (this.state !== 'initialised') return this.refuse('commit', [''], `the session is ${this.state}`);
    return this.call('commit', ['']);
  }

  /**
   * After the API went away: whether it is reachable again (the same object, where it was found). A
   * connection that was lost is usable again once it is back.
   */
  recheck(): boolean {
    if (!this.lost) return true;
    if (this.options.stillPresent && safe(this.options.stillPresent, false)) {
      this.lost = false;
      this.options.logger.info('the LMS API is reachable again');
      return true;
    }
    return false;
  }

  /** Whether an error code from GetValue only means the element has no value. */
  isNotSet(r: CallResult): boolean {
    return NOT_SET_ON_GET[this.version].includes(r.error);
  }

  private refuse(role: MethodRole, args: string[], why: string): CallResult {
    const reason = this.lost ? 'the LMS connection was lost' : why;
    recordCall({ time: this.now(), method: this.names[role], args, error: -2, ms: 0, refused: reason });
    this.options.logger.debug(`${this.names[role]} not sent: ${reason}`, { args: args.map(clip) });
    return { ok: false, value: '', error: -2 };
  }

  private call(role: MethodRole, args: string[]): CallResult {
    if (this.lost) return this.refuse(role, args, 'the LMS connection was lost');
    const method = this.names[role];
    const started = this.now();
    let raw: unknown;
    let threw: string | undefined;
    try {
      const fn = (this.api as unknown as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new TypeError(`${method} is not a function`);
      raw = (fn as (...a: string[]) => unknown).apply(this.api, args);
    } catch (e) {
      threw = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const ms = this.now() - started;
    const result = threw === undefined ? (typeof raw === 'string' ? raw : String(raw ?? '')) : undefined;

    let error = -1;
    let errorString: string | undefined;
    let diagnostic: string | undefined;
    if (threw === undefined) {
      error = this.lastError();
      if (error !== 0) {
        errorString = this.ask('getErrorString', String(error));
        diagnostic = this.ask('getDiagnostic', String(error));
      }
    }
    recordCall({
      time: started,
      method,
      args,
      ...(result !== undefined ? { result } : {}),
      error,
      ...(errorString !== undefined ? { errorString } : {}),
      ...(diagnostic !== undefined ? { diagnostic } : {}),
      ms,
      ...(threw !== undefined ? { threw } : {}),
    });

    const { logger } = this.options;
    if (ms >= this.slowMs) logger.warn(`slow LMS call: ${method} took ${ms} ms`, { args: args.map(clip) });
    if (threw !== undefined) {
      logger.error(`${method} threw: ${threw}`, { args: args.map(clip) });
      if (this.options.stillPresent && !safe(this.options.stillPresent, false)) {
        this.lost = true;
        logger.error('the LMS API is no longer reachable; progress is kept in memory only');
      }
      return { ok: false, value: '', error: -1 };
    }

    // A boolean true, "TRUE" or 1 is not the string "true": not success. A GetValue that answers
    // anything but a string (undefined, null) has not been read: unknown, never empty.
    // A value next to a "not initialised / not implemented" code is a value: some runtimes leave the
    // previous call's code standing (scorm-again does, after a 403), and reading it as "no value" would
    // report a stored `completed` as empty.
    const ok =
      role === 'getValue'
        ? typeof raw === 'string' && (error === 0 || (raw !== '' && NOT_SET_ON_GET[this.version].includes(error)))
        : raw === 'true' && error === 0;
    if (!ok) {
      const notSet = role === 'getValue' && NOT_SET_ON_GET[this.version].includes(error);
      const details = { args: args.map(clip), result, error, errorString, diagnostic };
      if (notSet) logger.debug(`${method}(${args[0]}) has no value (error ${error})`, details);
      else
        logger.warn(
          `${method}${role === 'getValue' || role === 'setValue' ? `(${args[0]})` : ''} failed: returned ${JSON.stringify(result)}, error ${error} ${errorString ?? ''}`.trim(),
          details,
        );
    }
    return { ok, value: ok && role === 'getValue' ? (result ?? '') : '', error };
  }

  private lastError(): number {
    try {
      const fn = (this.api as unknown as Record<string, unknown>)[this.names.getLastError];
      const code = typeof fn === 'function' ? (fn as () => unknown).call(this.api) : '';
      const n = Number.parseInt(String(code ?? ''), 10);
      return Number.isFinite(n) ? n : 0;
    } catch {
      return -1;
    }
  }

  private ask(role: 'getErrorString' | 'getDiagnostic', code: string): string | undefined {
    try {
      const fn = (this.api as unknown as Record<string, unknown>)[this.names[role]];
      return typeof fn === 'function' ? String((fn as (c: string) => unknown).call(this.api, code) ?? '') : undefined;
    } catch {
      return undefined;
    }
  }
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
