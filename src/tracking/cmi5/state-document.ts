/**
 * The course's saved state in the xAPI State API (cmi5 section 10 leaves every stateId but
 * LMS.LaunchData to the AU): one JSON document per learner, AU and registration, holding the same
 * encoding SCORM keeps in suspend_data (engine/snapshot.ts) and which cmi5 defined statements the LRS
 * has acknowledged in this registration. A State API document has no size limit of its own.
 *
 * Writing is coalesced: one PUT in flight, and only the newest document is sent next; a failed PUT is
 * retried after growing delays for as long as the page lives. Concurrency: the document's ETag is sent
 * as If-Match (If-None-Match: * before it exists); on 412 the ETag is read again and the PUT repeated,
 * since this session is the document's only writer.
 */
import type { Logger } from '../log.ts';
import type { Timers } from '../scheduler.ts';
import type { Agent } from './launch.ts';
import type { XapiClient, XapiResult } from './xapi-client.ts';

export const STATE_ID = 'course-state';
export const STATE_FORMAT = 1;

/** What the AU keeps in the State API. */
export interface CourseStateDocument {
  format: typeof STATE_FORMAT;
  /** The engine's saved state (engine/snapshot.ts), as in SCORM's suspend_data. */
  saved?: string;
  /** cmi5 defined statements the LRS acknowledged in this registration (9.3: completed and passed once each). */
  sent: { completed?: boolean; passed?: boolean };
  /**
   * The result of the last "passed" or "failed" this registration sent: what the LMS holds. A Review or
   * Browse launch shows it, since nothing computed in a read-only session reaches the LMS.
   */
  result?: RecordedVerdict;
}

export interface RecordedVerdict {
  success: 'passed' | 'failed';
  /** The score sent with it, 0..1. */
  scaled: number;
}

const verdictOf = (v: unknown): RecordedVerdict | undefined => {
  if (!v || typeof v !== 'object') return undefined;
  const { success, scaled } = v as Record<string, unknown>;
  if ((success !== 'passed' && success !== 'failed') || typeof scaled !== 'number' || !(scaled >= 0 && scaled <= 1)) return undefined;
  return { success, scaled };
};

export interface StateScope {
  activityId: string;
  agent: Agent;
  registration: string;
}

export function stateQuery(scope: StateScope, stateId: string): Record<string, string> {
  return { activityId: scope.activityId, agent: JSON.stringify(scope.agent), registration: scope.registration, stateId };
}

export type ReadResult = { ok: true; document?: unknown; etag?: string } | { ok: false; error: string; status: number };

/** Reads a state document; 404 is an empty store (a first launch), anything else that fails is an error. */
export async function readState(client: XapiClient, scope: StateScope, stateId: string): Promise<ReadResult> {
  const r = await client.request('GET', 'activities/state', { query: stateQuery(scope, stateId) });
  if (r.status === 404) return { ok: true };
  if (!r.ok) return { ok: false, error: r.error ?? `HTTP ${r.status}`, status: r.status };
  let doc = r.body;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      // not JSON: kept as text
    }
  }
  return { ok: true, ...(doc !== undefined ? { document: doc } : {}), ...(r.etag ? { etag: r.etag } : {}) };
}

/** A stored document as ours: anything else (another format, not an object) is read as unreadable. */
export function parseCourseState(doc: unknown): CourseStateDocument | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  if (d.format !== STATE_FORMAT) return undefined;
  const sent = (d.sent && typeof d.sent === 'object' ? d.sent : {}) as Record<string, unknown>;
  const result = verdictOf(d.result);
  return {
    format: STATE_FORMAT,
    ...(typeof d.saved === 'string' ? { saved: d.saved } : {}),
    sent: { ...(sent.completed === true ? { completed: true } : {}), ...(sent.passed === true ? { passed: true } : {}) },
    ...(result ? { result } : {}),
  };
}

export interface StateWriterOptions {
  client: XapiClient;
  scope: StateScope;
  timers: Timers;
  logger: Logger;
  etag?: string;
  /** Whether the document exists already (read at launch). */
  exists: boolean;
  retryDelays?: readonly number[];
  onSettled?: (ok: boolean, refused: boolean) => void;
}

export class StateWriter {
  private next: CourseStateDocument | undefined;
  private lastSent: string | undefined;
  private running: Promise<void> | undefined;
  private timer: unknown;
  private failures = 0;
  private etag: string | undefined;
  private exists: boolean;
  private waiters: Array<() => void> = [];
  private readonly delays: readonly number[];

  private readonly o: StateWriterOptions;

  constructor(options: StateWriterOptions) {
    const o = (this.o = { ...options });
    this.etag = o.etag;
    this.exists = o.exists;
    this.delays = o.retryDelays ?? [1000, 2000, 4000, 8000, 16_000, 30_000];
  }

  setSettled(listener: (ok: boolean, refused: boolean) => void): void {
    this.o.onSettled = listener;
  }

  /** Whether the newest document is stored. */
  get clean(): boolean {
    return this.next === undefined && !this.running;
  }

  /** Seeds what the LRS holds (read at launch), so an unchanged document is not sent again. */
  held(doc: CourseStateDocument): void {
    this.lastSent = JSON.stringify(doc);
  }

  put(doc: CourseStateDocument): void {
    const text = JSON.stringify(doc);
    if (text === this.lastSent && !this.running) return;
    this.next = doc;
    this.kick(false);
  }

  kick(force = true): void {
    if (this.running || !this.next) return;
    if (this.timer !== undefined) {
      if (!force) return;
      this.o.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.next && this.timer === undefined) this.kick(false);
      else if (!this.next) {
        // Told only now that nothing runs: whoever hears it may check that all is clean.
        this.o.onSettled?.(true, false);
        for (const w of this.waiters.splice(0)) w();
      }
    });
  }

  drain(): Promise<void> {
    if (this.clean) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.kick(false);
    });
  }

  /** The page is going away: the newest document on `keepalive`, without waiting for the answer. */
  sendOnUnload(): void {
    const doc = this.next;
    if (!doc) return;
    void this.o.client.request('PUT', 'activities/state', {
      query: stateQuery(this.o.scope, STATE_ID),
      body: doc,
      headers: this.concurrency(),
      keepalive: true,
    });
  }

  private concurrency(): Record<string, string> {
    if (this.etag) return { 'If-Match': this.etag };
    return this.exists ? {} : { 'If-None-Match': '*' };
  }

  private async run(): Promise<void> {
    const doc = this.next!;
    const text = JSON.stringify(doc);
    let r = await this.send(doc);
    if (r.status === 412) {
      // Someone else wrote it (another window of the same registration): take its ETag and write ours over it.
      const fresh = await this.o.client.request('GET', 'activities/state', { query: stateQuery(this.o.scope, STATE_ID) });
      this.exists = fresh.status !== 404;
      this.etag = fresh.etag;
      this.o.logger.warn('the saved state changed elsewhere since it was read; this session writes its own over it');
      r = await this.send(doc);
    }
    if (r.ok) {
      if (this.next === doc) this.next = undefined;
      this.lastSent = text;
      this.exists = true;
      this.etag = r.etag ?? undefined;
      this.failures = 0;
      return;
    }
    this.failures++;
    const delay = this.delays[Math.min(this.failures - 1, this.delays.length - 1)]!;
    this.o.logger.warn(`saving the state failed (${r.error ?? r.status}); retry ${this.failures} in ${delay} ms`, { status: r.status });
    this.o.onSettled?.(false, r.status === 401 || r.status === 403);
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      this.kick(false);
    }, delay);
  }

  private send(doc: CourseStateDocument): Promise<XapiResult> {
    return this.o.client.request('PUT', 'activities/state', {
      query: stateQuery(this.o.scope, STATE_ID),
      body: doc,
      headers: this.concurrency(),
    });
  }
}
