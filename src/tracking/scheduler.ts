/**
 * When to commit. One timer at most, so at most one commit is ever pending or running:
 *
 * - `now`: a meaningful event (page turn, submitted answer, a final-assessment answer, module
 *   completed, attempt submitted): commit once the learner's click is handled and painted (after the
 *   next frame where the page has frames, else on the next tick), so several changes from one click go
 *   in one commit and the screen answers first;
 * - `soon`: typing and choosing (reflection, plan, a selection not yet submitted): commit after a pause
 *   in the changes (`debounceMs`), but no later than `maxWaitMs` after the first of them;
 * - `retry`: a failed commit is retried after growing delays, then every `steadyRetryMs` for as long as
 *   something is unsaved (also while the learner is idle); changes made meanwhile ride along;
 * - a slow LMS spaces commits out (`holdOff`), so it never takes most of the learner's time.
 *
 * Nothing is ever scheduled without a change to save, so an idle learner with nothing unsaved causes
 * no commits.
 */
import { DRAWING_ATTRIBUTE } from '../session/session.ts';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  /** Runs `fn` after the next paint (where the page paints); returns a cancel function. */
  afterPaint?(fn: () => void): () => void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** How long a commit waits for a screen that is still drawing: never so long that saving stalls. */
export const DRAWING_WAIT_MS = 2000;

/**
 * Timers for a page that paints: `afterPaint` waits for the next frame in which no view is still
 * drawing, and then a task (so the frame is on screen); a fallback timer serves pages that get no
 * frames (hidden, throttled), and a screen still drawing after DRAWING_WAIT_MS is waited for no longer.
 */
export function browserTimers(win: Window): Timers {
  return {
    ...realTimers,
    afterPaint(fn) {
      let done = false;
      let fallback: ReturnType<typeof setTimeout> | undefined;
      const givenUpAt = Date.now() + DRAWING_WAIT_MS;
      const run = () => {
        if (done) return;
        done = true;
        globalThis.clearTimeout(fallback);
        fn();
      };
      const drawing = () => {
        try {
          return Date.now() < givenUpAt && win.document.querySelector(`[${DRAWING_ATTRIBUTE}]`) !== null;
        } catch {
          return false;
        }
      };
      const nextFrame = () => {
        if (done) return;
        globalThis.clearTimeout(fallback);
        fallback = globalThis.setTimeout(() => (drawing() ? nextFrame() : run()), 100);
        try {
          win.requestAnimationFrame(() => (drawing() ? nextFrame() : globalThis.setTimeout(run, 0)));
        } catch {
          globalThis.setTimeout(run, 0);
        }
      };
      nextFrame();
      return () => {
        done = true;
        globalThis.clearTimeout(fallback);
      };
    },
  };
}

export type Urgency = 'now' | 'soon';

export interface SchedulerOptions {
  timers: Timers;
  debounceMs: number;
  maxWaitMs: number;
  /** Delays before the first retries of a failed commit; after the last one the failure is lasting. */
  retryDelays: readonly number[];
  /** While the failure lasts, commits are retried this often. */
  steadyRetryMs: number;
  run: () => void;
}

export class CommitScheduler {
  private handle: unknown;
  private cancelPaint: (() => void) | undefined;
  private kind: Urgency | 'retry' | undefined;
  private due = 0;
  private firstChange = 0;
  private retries = 0;
  private lasting = false;
  /** No commit before this time (a slow LMS). */
  private notBefore = 0;

  constructor(private readonly options: SchedulerOptions) {}

  get pending(): Urgency | 'retry' | undefined {
    return this.kind;
  }

  /** A change to save. */
  request(urgency: Urgency): void {
    const { timers, debounceMs, maxWaitMs } = this.options;
    const now = timers.now();
    // Already on its way; but while a lasting failure waits for its steady retry, the learner's next
    // change tries at once (the LMS may well be back).
    if (this.kind === 'now' || (this.kind === 'retry' && !this.lasting)) return;
    if (urgency === 'now') return this.set('now', Math.max(0, this.notBefore - now));
    if (this.kind !== 'soon') this.firstChange = now;
    const latest = this.firstChange + maxWaitMs;
    this.set('soon', Math.max(0, this.notBefore - now, Math.min(now + debounceMs, latest) - now));
  }

  /**
   * The last commit failed: retry later (growing delays, then steadily). Returns whether the failure
   * is lasting (the growing delays are used up).
   */
  retry(): { lasting: boolean } {
    const delay = this.options.retryDelays[this.retries];
    this.retries++;
    this.lasting = delay === undefined;
    this.set('retry', Math.max(delay ?? this.options.steadyRetryMs, this.notBefore - this.options.timers.now()));
    return { lasting: delay === undefined };
  }

  /** The last commit succeeded. */
  succeeded(): void {
    this.retries = 0;
    this.lasting = false;
  }

  /** No commit before `ms` from now (the LMS is slow). */
  holdOff(ms: number): void {
    this.notBefore = this.options.timers.now() + ms;
  }

  get retryCount(): number {
    return this.retries;
  }

  cancel(): void {
    if (this.kind !== undefined) this.options.timers.clearTimeout(this.handle);
    this.cancelPaint?.();
    this.cancelPaint = undefined;
    this.kind = undefined;
    this.handle = undefined;
  }

  private set(kind: Urgency | 'retry', ms: number): void {
    this.cancel();
    this.kind = kind;
    this.due = this.options.timers.now() + ms;
    const fire = () => {
      this.kind = undefined;
      this.handle = undefined;
      this.cancelPaint = undefined;
      this.options.run();
    };
    const { afterPaint } = this.options.timers;
    if (kind === 'now' && ms === 0 && afterPaint) {
      this.cancelPaint = afterPaint(fire);
      return;
    }
    this.handle = this.options.timers.setTimeout(fire, ms);
  }

  /** When the pending commit is due (for tests and the inspector). */
  get dueAt(): number | undefined {
    return this.kind === undefined ? undefined : this.due;
  }
}
