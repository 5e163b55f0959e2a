/**
 * The statement queue: every statement the AU makes goes here first, and leaves only when the LRS has
 * acknowledged it. Order is kept (cmi5 orders by timestamp, and "terminated" must come last); one
 * request is in flight at a time; a failure is retried after growing delays and then every `maxDelay`,
 * for as long as the page lives. Nothing is ever dropped because the LRS was slow, down or refused:
 *
 *   200 / 204           stored: drop them
 *   0, 408, 429, 5xx    no answer or a failure that may have come after storing ("uncertain"): before
 *                       sending them again, ask the LRS for each by id (GET ?statementId), so a retry
 *                       never sends a statement twice
 *   409                 some ids exist already: the same check, then what is missing is sent again
 *   401, 403            refused (an expired or revoked token): kept, retried, and the learner is told
 *   400                 a batch with a statement the LRS will never take: sent one by one to find it,
 *                       and only that one is set aside (logged, kept in `setAside`), so it cannot hold
 *                       back the rest
 *
 * The closing statement ("terminated", `enqueueClosing`) is the exception to asking: nothing may reach
 * the LRS after it (cmi5 9.3.8; a strict LMS refuses every request of the session once it has it), so
 * a send of it that may have arrived (no answer, or 500/502/504) is neither checked nor repeated: the
 * session is over either way, and an LMS that never got it records the session as abandoned (9.3.10).
 * An answer that says it was not taken (401, 403, 408, 429, 503) is retried as always, and so is a
 * send that failed while the browser was offline (nothing left the machine).
 *
 * The queue is mirrored into a store (sessionStorage) after every change, so a reload of the page in the
 * same session sends what the last page could not.
 */
import type { Logger } from '../log.ts';
import type { Timers } from '../scheduler.ts';
import type { Statement } from './statements.ts';
import type { XapiClient, XapiResult } from './xapi-client.ts';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export type QueueHealth = 'idle' | 'sending' | 'retrying' | 'refused';

export interface QueueOptions {
  client: XapiClient;
  timers: Timers;
  logger: Logger;
  /** Delays before each retry; after the last, retries go on at the last delay. */
  retryDelays?: readonly number[];
  batchSize?: number;
  store?: KeyValueStore;
  storeKey?: string;
  /** Completes statements right before they are sent (the activity definitions' texts). */
  prepare?: (statements: Statement[]) => Promise<void>;
  /** Told whenever the queue empties (ok) or a send fails (why). */
  onSettled?: (ok: boolean, health: QueueHealth) => void;
}

interface Item {
  statement: Statement;
  /** A send of it may have reached the LRS: check before sending it again. */
  uncertain: boolean;
  /** The session's last statement: nothing may follow it, not even a question about it. */
  closing?: boolean;
}

const UNCERTAIN = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;
/** An answer saying the request was not carried out (so sending it again cannot make it twice). */
const NOT_TAKEN = (status: number) => status === 401 || status === 403 || status === 408 || status === 429 || status === 503;

/** Whether the browser says it is offline (a request that failed then never left the machine). */
const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export class StatementQueue {
  private items: Item[] = [];
  private running: Promise<void> | undefined;
  private timer: unknown;
  private failures = 0;
  private waiters: Array<() => void> = [];
  health: QueueHealth = 'idle';
  /** Statements the LRS refused as invalid (400), one by one: kept for support, never resent. */
  readonly setAside: { statement: Statement; answer: string }[] = [];
  /** How many statements the LRS has acknowledged. */
  acknowledged = 0;
  private readonly delays: readonly number[];

  private readonly o: QueueOptions;

  constructor(options: QueueOptions) {
    const o = (this.o = { ...options });
    this.delays = o.retryDelays ?? [1000, 2000, 4000, 8000, 16_000, 30_000];
    const saved = o.store && o.storeKey ? o.store.get(o.storeKey) : null;
    if (saved) {
      try {
        const list = JSON.parse(saved) as Item[];
        // A statement a page sent before it went away may have been stored: check first. A closing
        // statement that may have been sent is over (nothing may follow it, not even the check).
        this.items = list
          .filter((i) => i && i.statement && i.statement.id && !(i.closing && i.uncertain))
          .map((i) => ({ statement: i.statement, uncertain: true, ...(i.closing ? { closing: true } : {}) }));
        if (this.items.length) o.logger.info(`${this.items.length} statement(s) left by the previous page are sent again`);
      } catch {
        o.logger.warn('the saved statement queue could not be read; it is ignored');
      }
    }
  }

  get length(): number {
    return this.items.length;
  }

  /** Who hears when the queue empties or a send fails (the transport, once it exists). */
  setSettled(listener: (ok: boolean, health: QueueHealth) => void): void {
    this.o.onSettled = listener;
  }

  /** The statements waiting, oldest first. */
  pending(): Statement[] {
    return this.items.map((i) => i.statement);
  }

  enqueue(statements: Statement[]): void {
    if (!statements.length) return;
    for (const statement of statements) this.items.push({ statement, uncertain: false });
    this.persist();
    this.kick(false);
  }

  /** The session's last statement ("terminated"): sent alone, after everything before it. */
  enqueueClosing(statement: Statement): void {
    this.items.push({ statement, uncertain: false, closing: true });
    this.persist();
    this.kick(false);
  }

  /**
   * Whether the closing statement was handed to the LRS without an answer that says it arrived: it is
   * not sent again (see the top of this file).
   */
  closingUnconfirmed = false;

  /** The page is going away: nothing is sent any more but by `sendOnUnload` (the store keeps the rest). */
  freeze(): void {
    this.frozen = true;
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private frozen = false;

  /** Sends now. `force` also cuts short a wait before a retry (the session asks again). */
  kick(force = true): void {
    if (this.running || this.frozen) return;
    if (this.timer !== undefined) {
      if (!force) return;
      this.o.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.items.length) return;
    this.running = this.run().finally(() => {
      this.running = undefined;
      // Statements enqueued while the last request was out go now; an empty queue wakes who waits for it.
      if (this.items.length && this.timer === undefined) this.kick(false);
      else if (!this.items.length) {
        this.o.onSettled?.(true, 'idle');
        for (const w of this.waiters.splice(0)) w();
      }
    });
  }

  /** Resolves once the queue is empty (statements enqueued meanwhile included). */
  drain(): Promise<void> {
    if (!this.items.length && !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.kick(false);
    });
  }

  /**
   * The page is going away: one last POST of what is certainly not stored yet, on `keepalive` so the
   * browser sends it after the page is gone (bodies up to 64 KiB). What it holds stays in the store.
   */
  sendOnUnload(statements = this.items.filter((i) => !i.uncertain).map((i) => i.statement)): boolean {
    const list: Statement[] = [];
    const encoder = new TextEncoder();
    let bytes = 2;
    for (const s of statements) {
      const size = encoder.encode(JSON.stringify(s)).length + 1; // the browser counts bytes
      if (bytes + size > 60_000) break;
      list.push(s);
      bytes += size;
    }
    if (!list.length) return false;
    void this.o.client.request('POST', 'statements', { body: list, keepalive: true });
    for (const i of this.items) if (list.includes(i.statement)) i.uncertain = true;
    this.persist();
    return list.length === statements.length;
  }

  private async run(): Promise<void> {
    let size = this.o.batchSize ?? 25;
    while (this.items.length) {
      this.setHealth('sending');
      // The closing statement goes alone, once everything before it is acknowledged.
      const closingAt = this.items.findIndex((i) => i.closing);
      const head = this.items.slice(0, closingAt === 0 ? 1 : closingAt > 0 ? Math.min(size, closingAt) : size);
      // Statements that may have been stored already: ask first, one by one.
      const unsure = head.filter((i) => i.uncertain);
      if (unsure.length) {
        for (const item of unsure) {
          const r = await this.o.client.request('GET', 'statements', { query: { statementId: item.statement.id } });
          if (r.status === 200) this.drop([item]);
          else if (r.status === 404) item.uncertain = false;
          else return this.failed(r);
        }
        this.persist();
        continue;
      }
      try {
        await this.o.prepare?.(head.map((i) => i.statement));
      } catch (e) {
        this.o.logger.warn('statements could not be completed before sending; they go as they are', { error: String(e) });
      }
      const r = await this.o.client.request('POST', 'statements', { body: head.map((i) => i.statement) });
      if (r.ok) {
        this.drop(head);
        size = this.o.batchSize ?? 25;
        this.failures = 0;
        continue;
      }
      if (r.status === 409 && head[0]!.closing) {
        this.drop(head); // its id is there: it arrived
        continue;
      }
      if (r.status === 409) {
        for (const i of head) i.uncertain = true;
        continue;
      }
      if (head[0]!.closing && !r.ok && r.status !== 400 && UNCERTAIN(r.status) && !NOT_TAKEN(r.status) && !offline()) {
        // It may have arrived: asking or sending it again could be a request after "terminated".
        this.o.logger.warn(`the closing statement may not have reached the LRS (${r.error ?? r.status}); it is not sent again`, {
          id: head[0]!.statement.id,
        });
        this.closingUnconfirmed = true;
        this.drop(head, false);
        continue;
      }
      if (r.status === 400) {
        if (head.length > 1) {
          size = 1; // find the one the LRS refuses
          continue;
        }
        const answer = r.error ?? 'HTTP 400';
        this.o.logger.error('the LRS refuses a statement as invalid; it is set aside and the rest go on', {
          id: head[0]!.statement.id,
          answer,
        });
        this.setAside.push({ statement: head[0]!.statement, answer });
        this.drop(head, false);
        continue;
      }
      if (UNCERTAIN(r.status) && !head[0]!.closing) for (const i of head) i.uncertain = true;
      return this.failed(r);
    }
    this.failures = 0;
    this.setHealth('idle');
  }

  private drop(items: Item[], stored = true): void {
    this.items = this.items.filter((i) => !items.includes(i));
    if (stored) this.acknowledged += items.length;
    this.persist();
  }

  private failed(r: XapiResult): void {
    this.failures++;
    const refused = r.status === 401 || r.status === 403;
    const delay = this.delays[Math.min(this.failures - 1, this.delays.length - 1)]!;
    this.o.logger.warn(`sending statements failed (${r.error ?? r.status}); retry ${this.failures} in ${delay} ms`, { status: r.status });
    this.persist();
    this.setHealth(refused ? 'refused' : 'retrying');
    this.o.onSettled?.(false, this.health);
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      this.kick(false);
    }, delay);
  }

  private setHealth(h: QueueHealth): void {
    this.health = h;
  }

  private persist(): void {
    const { store, storeKey } = this.o;
    if (!store || !storeKey) return;
    try {
      if (this.items.length) store.set(storeKey, JSON.stringify(this.items));
      else store.remove(storeKey);
    } catch {
      // storage full or unavailable: the queue still lives in memory
    }
  }

  /** For tests: whether a retry is waiting. */
  get waiting(): boolean {
    return this.timer !== undefined;
  }
}
