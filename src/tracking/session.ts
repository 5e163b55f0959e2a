/**
 * The tracking session: the one implementation of the Session contract, for every transport. It
 * LISTENS to the course machine (through the Follower) and reports through a Transport; it never sends
 * anything to the machine and never drives the view, which only hears about the save state.
 *
 *   snapshot / event ─► Follower: what changed? which interactions? ─► schedule (now | soon)
 *       ─► flush: transport.deliver(interactions in order, then the state) ─► saved | retrying | failed
 *
 * - Nothing unsaved is ever given up: a failed flush is retried (growing delays, then steadily, also
 *   while the learner is idle), and when the LMS comes back everything still unsaved goes with it.
 * - The page lifecycle is the app's (src/app/page-lifecycle.ts): it brings the view's drafts to the
 *   machine and then calls `flush` (page hidden), `leave` (pagehide) or `returned` (pageshow from the
 *   back/forward cache). The session is closed only when the page really goes away or the learner
 *   exits; a page that may come back stays in its session with everything stored.
 * - Nothing here may throw into the machine or the view: every entry point is guarded.
 */
import type { Course } from '../content-model/types.ts';
import type { CourseActor, Notice, SaveState, Session, SessionStart } from '../session/index.ts';
import { decodeSnapshot, loadSavedState, savedOf, savedStateLoaded } from '../engine/index.ts';
import { Follower, type FollowerSink } from './follow.ts';
import type { Logger } from './log.ts';
import { buildReport, type InteractionReport } from './report.ts';
import { CommitScheduler, type Timers, type Urgency } from './scheduler.ts';
import type { Batch, Delivery, Journaled, Transport } from './transport.ts';

export const NOTICES = {
  saveFailed: { key: 'saveFailed', tone: 'error' },
  textTooLong: { key: 'textTooLong', tone: 'warning' },
  connectionLost: { key: 'connectionLost', tone: 'error' },
  standaloneOnly: { key: 'standaloneOnly', tone: 'info' },
  exitFailed: { key: 'exitFailed', tone: 'error' },
  sessionEnded: { key: 'sessionEnded', tone: 'error' },
  slowLms: { key: 'slowLms', tone: 'info' },
  savedElsewhere: { key: 'savedElsewhere', tone: 'warning' },
} as const satisfies Record<string, Notice>;

export interface TrackingSessionOptions {
  course: Course;
  /** Absent when no session could be opened with the LMS: the learner works on, nothing is stored. */
  transport?: Transport;
  start: SessionStart;
  logger: Logger;
  timers: Timers;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelays?: readonly number[];
  steadyRetryMs?: number;
  /** A flush slower than this makes the LMS "slow": commits are spaced out and the learner is told calmly. */
  slowMs?: number;
}

/** How often the end of a visit is tried at once before the learner is told. */
const SETTLE_ROUNDS = 3;
/** A slow LMS: the next commit waits this many times as long as the last one took (at most 15 s). */
const SLOW_SPACING = 3;
const MAX_HOLD_MS = 15_000;

export class TrackingSession implements Session {
  readonly start: SessionStart;
  private readonly o: TrackingSessionOptions;
  private readonly scheduler: CommitScheduler;
  private readonly follower: Follower;
  private readonly saveListeners = new Set<(state: SaveState, notice?: Notice) => void>();
  private saveState: SaveState;
  /** The problem the learner is told about (a failed save, a lost connection, a failed exit), if any. */
  private problem: Notice | undefined;
  private slow = false;
  private savedElsewhere = false;
  private tooLong = false;
  private notified: { state: SaveState; notice: string | undefined } | undefined;

  /** Interactions not yet acknowledged by the transport, oldest first. */
  private readonly outbox: Journaled[] = [];
  private seq = 0;
  private language: string | undefined;
  private dirty = false;
  private flushing = false;
  /** Terminated: nothing more can be stored in this page. */
  private closed = false;
  /** Unreadable saved data is left untouched until the learner has made some progress. */
  private protectSaved = false;
  private readonly startedAt: number;
  /** The saved-state code (its own chunk) is on its way: a save waits for it. */
  private awaitingCode = false;

  constructor(options: TrackingSessionOptions) {
    this.o = options;
    this.start = options.start;
    this.startedAt = options.timers.now();
    this.scheduler = new CommitScheduler({
      timers: options.timers,
      debounceMs: options.debounceMs ?? 1500,
      maxWaitMs: options.maxWaitMs ?? 10_000,
      retryDelays: options.retryDelays ?? [1000, 2000, 4000, 8000, 16_000],
      steadyRetryMs: options.steadyRetryMs ?? 30_000,
      run: () => this.guard('scheduled commit', () => this.flushNow()),
    });
    const sink: FollowerSink = {
      changed: (urgency) => this.changed(urgency),
      interaction: (report) => this.enqueue(report),
      isRecording: () => this.recording,
    };
    this.follower = new Follower(sink, { timers: options.timers, logger: options.logger, guard: (w, f) => this.guard(w, f) });

    if (options.start.saved && options.transport?.recording) {
      try {
        decodeSnapshot(options.start.saved, options.course);
      } catch {
        this.protectSaved = true;
        options.logger.warn('saved data is unreadable; it is kept in the LMS until the learner makes progress', {
          raw: options.start.saved,
        });
      }
    }
    this.saveState = !options.transport?.open ? 'failed' : this.recording ? 'saved' : 'off';
    // An asynchronous transport (cmi5) says later whether what it took was acknowledged.
    options.transport?.onSettled?.((ok) => this.guard('settled', () => this.settled(ok)));
  }

  /** Whether this session stores anything (normal mode, an open session). */
  private get recording(): boolean {
    return !!this.o.transport?.recording && !this.closed;
  }

  /** At launch, in normal mode: the attempt has begun (status `incomplete` if not attempted, exit `suspend`). */
  launch(): void {
    this.guard('launch', () => {
      if (!this.recording) return;
      const d = this.o.transport!.begin();
      if (d.pending) this.taken();
      else if (!d.ok) {
        this.dirty = true;
        this.failed(d);
      }
    });
  }

  // ── Session ────────────────────────────────────────────────────────────────────────────────────

  attach(actor: CourseActor): () => void {
    let detach: () => void = () => {};
    this.guard('attach', () => {
      detach = this.follower.attach(actor);
    });
    return () => detach();
  }

  setLanguage(language: string): void {
    this.guard('setLanguage', () => {
      if (!this.recording || !language) return;
      this.language = language;
      this.request('now');
    });
  }

  onSaveState(listener: (state: SaveState, notice?: Notice) => void): () => void {
    this.saveListeners.add(listener);
    this.call(listener);
    return () => this.saveListeners.delete(listener);
  }

  flush(): void {
    this.guard('flush', () => {
      if (this.dirty) this.flushNow();
    });
  }

  leave(persisted: boolean): void {
    this.guard('leave', () => {
      if (this.closed) return;
      if (!this.recording) {
        if (!persisted) this.close('pagehide');
        return;
      }
      this.settle();
      if (!persisted) this.close('pagehide');
    });
  }

  returned(): void {
    this.guard('returned', () => {
      // SCORM forbids opening a session again after Terminate: say so rather than "saved".
      if (this.closed && this.o.transport) this.tell('failed', NOTICES.sessionEnded);
      else if (this.dirty) this.request('now');
    });
  }

  async exit(): Promise<boolean> {
    // The state is written with the exit: the saved-state code must be there (it is, but for an exit in the first moments).
    if (this.recording && !savedStateLoaded()) await loadSavedState().catch(() => {});
    let ended = true;
    let waiting: Promise<boolean> | undefined;
    this.guard('exit', () => {
      if (this.closed) return;
      if (!this.recording) return this.close('exit');
      const d = this.settle();
      // An asynchronous transport: the exit waits for its answer.
      if (d.pending) return void (waiting = this.nextSettlement());
      if (!d.ok) {
        ended = false;
        this.exitFailed();
        return;
      }
      this.close('exit');
    });
    if (waiting) {
      ended = await waiting;
      this.guard('exit', () => {
        if (ended) this.close('exit');
        else this.exitFailed();
      });
    }
    return ended;
  }

  private exitFailed(): void {
    this.o.logger.error('the session could not be stored at exit; it stays open and is retried');
    this.tell('failed', NOTICES.exitFailed);
  }

  // ── Following ──────────────────────────────────────────────────────────────────────────────────

  private changed(urgency: Urgency): void {
    if (this.closed) return;
    if (this.protectSaved) {
      if (!this.follower.hasProgress) return; // only moved around: keep the unreadable data for support
      this.protectSaved = false;
      this.o.logger.info('the learner made progress: the unreadable saved data is replaced');
    }
    this.request(urgency);
  }

  private enqueue(report: InteractionReport): void {
    // A revised text still waiting to be sent replaces its earlier version, in place.
    const waiting = report.slot !== undefined ? this.outbox.find((j) => j.report.slot === report.slot) : undefined;
    if (waiting) waiting.report = report;
    else this.outbox.push({ seq: ++this.seq, report });
  }

  // ── Saving ─────────────────────────────────────────────────────────────────────────────────────

  private request(urgency: Urgency): void {
    this.dirty = true;
    if (!this.recording) return;
    this.scheduler.request(urgency);
    if (this.saveState === 'saved') this.tell('saving');
  }

  private batch(): Batch {
    const s = this.follower.latest;
    return {
      interactions: [...this.outbox],
      // Without the saved-state code the state cannot be written: the LMS keeps what it holds (see `settle`).
      ...(s && savedStateLoaded() ? { report: buildReport(s.context.course, savedOf(s)) } : {}),
      keepSaved: this.protectSaved,
      ...(this.language !== undefined ? { language: this.language } : {}),
    };
  }

  private acknowledge(d: Delivery): void {
    this.outbox.splice(0, d.delivered);
    this.tooLong = d.tooLong;
    this.savedElsewhere ||= d.savedElsewhere;
  }

  /** Writes what changed and commits. Never re-entered; at most one runs at a time. */
  private flushNow(): void {
    if (this.flushing || !this.recording) return;
    if (!this.withSavedStateCode()) return;
    this.scheduler.cancel();
    this.flushing = true;
    try {
      const started = this.o.timers.now();
      const d = this.o.transport!.deliver(this.batch());
      this.paced(this.o.timers.now() - started);
      this.acknowledge(d);
      if (d.pending) this.taken();
      else if (d.ok) this.succeeded();
      else this.failed(d);
    } finally {
      this.flushing = false;
    }
  }

  /** An asynchronous transport took everything: "saving" until it settles (a known problem stays shown). */
  private taken(): void {
    this.dirty = false;
    if (this.saveState === 'saved' || this.saveState === 'saving') this.tell('saving');
  }

  private readonly settlements: Array<(ok: boolean) => void> = [];

  /** The next answer of an asynchronous transport. */
  private nextSettlement(): Promise<boolean> {
    return new Promise((resolve) => this.settlements.push(resolve));
  }

  /**
   * An asynchronous transport's answer: all acknowledged, or a send failed (it retries on its own). An
   * exit waiting for it hears "stored", or "not stored" once the failure is lasting (as for SCORM).
   */
  private settled(ok: boolean): void {
    if (ok) {
      if (this.scheduler.pending === 'retry') this.scheduler.cancel(); // nothing left to retry
      // Changes since the transport took the last batch go now; else all is stored.
      if (this.dirty && this.recording) this.flushNow();
      else this.succeeded();
      for (const resolve of this.settlements.splice(0)) resolve(true);
      return;
    }
    if (!this.closed && this.scheduler.pending !== 'retry')
      this.failed({ ok: false, delivered: 0, lost: false, tooLong: false, savedElsewhere: false });
    if (this.saveState === 'failed') for (const resolve of this.settlements.splice(0)) resolve(false);
  }

  /** The end of a visit: everything, exit and session time, committed; tried a few times at once. */
  private settle(): Delivery {
    this.scheduler.cancel();
    const s = this.follower.latest;
    // The page may go before the saved-state code has arrived (a fresh learner's first moments): then
    // the interactions and the end of the visit are written, never a state in place of a better one.
    const withState = this.withSavedStateCode();
    const finished = withState && !!s && buildReport(s.context.course, savedOf(s)).finished && !this.protectSaved;
    let d: Delivery | undefined;
    for (let round = 0; round < SETTLE_ROUNDS && !d?.ok && !d?.lost && !d?.pending; round++) {
      d = this.o.transport!.settle(this.batch(), finished, this.o.timers.now() - this.startedAt);
      this.acknowledge(d);
    }
    if (d!.pending) this.taken();
    else if (d!.ok) this.succeeded();
    else this.failed(d!);
    if (!withState && s) this.request('now'); // the state is still to be written, once the code is there
    return d!;
  }

  /**
   * Whether the saved-state code is there to write the state with. If not, it is loaded, and what
   * is unsaved goes as soon as it has arrived; a failed load is a failed save, retried as one.
   */
  private withSavedStateCode(): boolean {
    if (savedStateLoaded()) return true;
    this.dirty = true;
    if (this.awaitingCode) return false;
    this.awaitingCode = true;
    loadSavedState().then(
      () =>
        this.guard('saved-state code', () => {
          this.awaitingCode = false;
          if (this.dirty && this.recording) this.request('now');
        }),
      (e: unknown) =>
        this.guard('saved-state code', () => {
          this.awaitingCode = false;
          this.o.logger.warn('the saved-state code could not be loaded; saving is retried', { error: String(e) });
          if (this.recording) this.failed({ ok: false, delivered: 0, lost: false, tooLong: false, savedElsewhere: false });
        }),
    );
    return false;
  }

  private succeeded(): void {
    this.dirty = false;
    this.scheduler.succeeded();
    if (this.tooLong) this.tell('failed', NOTICES.textTooLong);
    else this.tell('saved');
  }

  private failed(d: Delivery): void {
    this.dirty = true;
    if (this.closed) return;
    const { lasting } = this.scheduler.retry();
    if (d.lost) {
      this.o.logger.error('the LMS is not reachable; everything unsaved is kept and sent when it is back');
      return this.tell('failed', NOTICES.connectionLost);
    }
    if (!lasting) {
      this.o.logger.warn(`saving failed; retry ${this.scheduler.retryCount} is scheduled`);
      return this.tell('retrying', this.problem);
    }
    this.o.logger.error('saving keeps failing; everything unsaved is kept and retried');
    this.tell('failed', this.problem?.key === NOTICES.exitFailed.key ? this.problem : NOTICES.saveFailed);
  }

  /** A slow LMS: space the commits out, and say so calmly. */
  private paced(tookMs: number): void {
    const slow = tookMs >= (this.o.slowMs ?? 1500);
    if (slow) this.scheduler.holdOff(Math.min(MAX_HOLD_MS, tookMs * SLOW_SPACING));
    if (slow !== this.slow) {
      this.slow = slow;
      this.o.logger[slow ? 'warn' : 'info'](
        slow ? `the LMS is slow (${tookMs} ms to save); saving is spaced out` : 'the LMS is quick again',
      );
    }
  }

  private close(reason: 'exit' | 'pagehide'): void {
    this.scheduler.cancel();
    this.closed = true;
    this.o.transport?.terminate(reason === 'pagehide');
    this.o.logger.info(`session ended (${reason})`);
  }

  // ── Save state and guards ──────────────────────────────────────────────────────────────────────

  private tell(state: SaveState, problem?: Notice): void {
    this.saveState = state;
    this.problem = problem;
    const notice = this.currentNotice();
    if (this.notified && this.notified.state === state && this.notified.notice === notice?.key) return;
    this.notified = { state, notice: notice?.key };
    for (const l of this.saveListeners) this.call(l);
  }

  /** The one notice to show: a problem first, then saved progress left alone, then a slow LMS. */
  private currentNotice(): Notice | undefined {
    if (this.problem) return this.problem;
    if (this.savedElsewhere) return NOTICES.savedElsewhere;
    if (this.slow && this.saveState !== 'off') return NOTICES.slowLms;
    return undefined;
  }

  private call(listener: (state: SaveState, notice?: Notice) => void): void {
    try {
      const notice = this.currentNotice();
      if (notice) listener(this.saveState, notice);
      else listener(this.saveState);
    } catch (e) {
      this.o.logger.error('a save-state listener threw', { error: String(e) });
    }
  }

  /** Runs `fn`, logging instead of throwing: nothing from tracking reaches the machine or the view. */
  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.o.logger.error(`tracking failed in ${what}`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }

  /** For tests and the dev inspector. */
  debugState(): { saveState: SaveState; notice?: Notice; dirty: boolean; pending: string | undefined; queued: number; closed: boolean } {
    const notice = this.currentNotice();
    return {
      saveState: this.saveState,
      ...(notice ? { notice } : {}),
      dirty: this.dirty,
      pending: this.scheduler.pending,
      queued: this.outbox.length,
      closed: this.closed,
    };
  }
}
