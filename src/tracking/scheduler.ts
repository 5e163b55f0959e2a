/**
 * When to commit. One timer at most, so at most one commit is ever pending or running:
 *
 * - `now`: a meaningful event (page turn, submitted answer, module completed, attempt submitted):
 *   commit on the next tick, so that the learner's click is handled and rendered first and several
 *   changes from one click go in one commit;
 * - `soon`: typing and choosing (reflection, plan, a selection not yet submitted, a rating): commit after
 *   a pause in the changes (`debounceMs`), but no later than `maxWaitMs` after the first of them;
 * - `retry`: a failed commit is retried after growing delays (bounded); changes made meanwhile ride
 *   along with the retry.
 *
 * Nothing is ever scheduled without a change to save, so an idle learner causes no commits.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export type Urgency = 'now' | 'soon';

export interface SchedulerOptions {
  timers: Timers;
  debounceMs: number;
  maxWaitMs: number;
  /** Delays before each retry of a failed commit; after the last one the failure is lasting. */
  retryDelays: readonly number[];
  run: () => void;
}

export class CommitScheduler {
  private handle: unknown;
  private kind: Urgency | 'retry' | undefined;
  private due = 0;
  private firstChange = 0;
  private retries = 0;

  constructor(private readonly options: SchedulerOptions) {}

  get pending(): Urgency | 'retry' | undefined {
    return this.kind;
  }

  /** A change to save. */
  request(urgency: Urgency): void {
    const { timers, debounceMs, maxWaitMs } = this.options;
    const now = timers.now();
    if (this.kind === 'retry' || this.kind === 'now') return; // already on its way
    if (urgency === 'now') return this.set('now', 0);
    if (this.kind !== 'soon') this.firstChange = now;
    const latest = this.firstChange + maxWaitMs;
    this.set('soon', Math.max(0, Math.min(now + debounceMs, latest) - now));
  }

  /** The last commit failed: retry later. Returns false when the retries are used up. */
  retry(): boolean {
    const delay = this.options.retryDelays[this.retries];
    if (delay === undefined) {
      this.retries = 0;
      return false;
    }
    this.retries++;
    this.set('retry', delay);
    return true;
  }

  /** The last commit succeeded. */
  succeeded(): void {
    this.retries = 0;
  }

  get retryCount(): number {
    return this.retries;
  }

  cancel(): void {
    if (this.kind !== undefined) this.options.timers.clearTimeout(this.handle);
    this.kind = undefined;
    this.handle = undefined;
  }

  private set(kind: Urgency | 'retry', ms: number): void {
    this.cancel();
    this.kind = kind;
    this.due = this.options.timers.now() + ms;
    this.handle = this.options.timers.setTimeout(() => {
      this.kind = undefined;
      this.handle = undefined;
      this.options.run();
    }, ms);
  }

  /** When the pending commit is due (for tests and the inspector). */
  get dueAt(): number | undefined {
    return this.kind === undefined ? undefined : this.due;
  }
}
