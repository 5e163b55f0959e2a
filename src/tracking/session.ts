/**
 * The tracking session: the one implementation of the Session contract, for every transport. It
 * LISTENS to the course machine (through the Follower) and reports through a Transport; it never sends
 * anything to the machine and never drives the view, which only hears about the save state.
 *
 *   snapshot / event ─► Follower: what changed? which interactions? ─► schedule (now | soon)
 *       ─► flush: transport.deliver(interactions in order, then the state) ─► saved | retrying | failed
 *
 * Nothing here may throw into the machine or the view: every entry point is guarded.
 */
import type { Course } from '../content-model/types.ts';
import type { CourseActor, Notice, SaveState, Session, SessionStart } from '../session/index.ts';
import { decodeSnapshot, savedOf } from '../engine/index.ts';
import { Follower, type FollowerSink, type Snapshot } from './follow.ts';
import type { Logger } from './log.ts';
import { buildReport, type InteractionReport } from './report.ts';
import { CommitScheduler, type Timers, type Urgency } from './scheduler.ts';
import type { Batch, Delivery, Journaled, Transport } from './transport.ts';

export const NOTICES = {
  saveFailed: { key: 'saveFailed', tone: 'error' },
  textTooLong: { key: 'textTooLong', tone: 'warning' },
  connectionLost: { key: 'connectionLost', tone: 'error' },
  standaloneOnly: { key: 'standaloneOnly', tone: 'info' },
} as const satisfies Record<string, Notice>;

export interface TrackingSessionOptions {
  course: Course;
  /** Absent when no session could be opened with the LMS: the learner works on, nothing is stored. */
  transport?: Transport;
  start: SessionStart;
  logger: Logger;
  timers: Timers;
  /** Where visibilitychange and pagehide are heard. */
  win?: Window;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelays?: readonly number[];
}

export class TrackingSession implements Session {
  readonly start: SessionStart;
  private readonly o: TrackingSessionOptions;
  private readonly scheduler: CommitScheduler;
  private readonly follower: Follower;
  private readonly saveListeners = new Set<(state: SaveState, notice?: Notice) => void>();
  private saveState: SaveState;
  private notice: Notice | undefined;

  /** Interactions not yet acknowledged by the transport, oldest first. */
  private readonly outbox: Journaled[] = [];
  private seq = 0;
  private language: string | undefined;
  private dirty = false;
  private flushing = false;
  private closed = false;
  private tooLong = false;
  /** Unreadable saved data is left untouched until the learner has made some progress. */
  private protectSaved = false;
  private readonly startedAt: number;

  private readonly onVisibility = () => this.guard('visibilitychange', () => this.handleVisibility());
  private readonly onPageHide = () => this.guard('pagehide', () => this.finish('pagehide'));

  constructor(options: TrackingSessionOptions) {
    this.o = options;
    this.start = options.start;
    this.startedAt = options.timers.now();
    this.scheduler = new CommitScheduler({
      timers: options.timers,
      debounceMs: options.debounceMs ?? 1500,
      maxWaitMs: options.maxWaitMs ?? 10_000,
      retryDelays: options.retryDelays ?? [1000, 2000, 4000, 8000, 16_000],
      run: () => this.guard('scheduled commit', () => this.flush('scheduled')),
    });
    const sink: FollowerSink = {
      changed: (urgency, snapshot) => this.changed(urgency, snapshot),
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
    const transport = options.transport;
    this.saveState = !transport?.open ? 'failed' : this.recording ? 'saved' : 'off';
    const win = options.win;
    if (win && transport?.open) {
      try {
        win.document?.addEventListener('visibilitychange', this.onVisibility);
        win.addEventListener('pagehide', this.onPageHide);
      } catch (e) {
        options.logger.warn('could not listen for the page being hidden', { error: String(e) });
      }
    }
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
      if (!d.ok) {
        this.dirty = true;
        this.failed();
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

  async exit(): Promise<void> {
    this.guard('exit', () => this.finish('exit'));
  }

  // ── Following ──────────────────────────────────────────────────────────────────────────────────

  private changed(urgency: Urgency, _snapshot: Snapshot): void {
    if (this.closed) return;
    if (this.protectSaved) {
      if (!this.follower.hasProgress) return; // only moved around: keep the unreadable data for support
      this.protectSaved = false;
      this.o.logger.info('the learner made progress: the unreadable saved data is replaced');
    }
    this.request(urgency);
  }

  private enqueue(report: InteractionReport): void {
    this.outbox.push({ seq: ++this.seq, report });
  }

  // ── Saving ─────────────────────────────────────────────────────────────────────────────────────

  private request(urgency: Urgency): void {
    this.dirty = true;
    if (!this.recording) return;
    this.scheduler.request(urgency);
    if (this.saveState === 'saved') this.setSaveState('saving');
  }

  private handleVisibility(): void {
    const hidden = this.o.win?.document?.visibilityState === 'hidden';
    if (!hidden || !this.recording) return;
    this.follower.recordPlans();
    this.flush('hidden');
  }

  private batch(): Batch {
    const s = this.follower.latest;
    return {
      interactions: [...this.outbox],
      ...(s ? { report: buildReport(s.context.course, savedOf(s)) } : {}),
      keepSaved: this.protectSaved,
      ...(this.language !== undefined ? { language: this.language } : {}),
    };
  }

  private acknowledge(d: Delivery): void {
    this.outbox.splice(0, d.delivered);
    this.tooLong = d.tooLong;
  }

  /** Writes what changed and commits. Never re-entered; at most one runs at a time. */
  private flush(reason: 'scheduled' | 'hidden'): void {
    if (this.flushing || !this.recording) return;
    if (!this.dirty && reason !== 'hidden') return;
    this.scheduler.cancel();
    this.flushing = true;
    try {
      const d = this.o.transport!.deliver(this.batch());
      this.acknowledge(d);
      if (this.lost(d)) return;
      if (d.ok) {
        this.dirty = false;
        this.scheduler.succeeded();
        if (this.tooLong) this.setSaveState('failed', NOTICES.textTooLong);
        else this.setSaveState('saved');
      } else this.failed();
    } finally {
      this.flushing = false;
    }
  }

  private failed(): void {
    if (this.o.transport?.lost) return void this.lost();
    if (this.scheduler.retry()) {
      this.o.logger.warn(`saving failed; retry ${this.scheduler.retryCount} is scheduled`);
      this.setSaveState('retrying');
    } else {
      this.o.logger.error('saving failed repeatedly; progress is kept in memory and saved with the next change');
      this.setSaveState('failed', NOTICES.saveFailed);
    }
  }

  /** Whether the LMS went away; tells the learner once. */
  private lost(d?: Delivery): boolean {
    if (!(d?.lost ?? this.o.transport?.lost)) return false;
    this.scheduler.cancel();
    if (this.notice?.key !== NOTICES.connectionLost.key) this.setSaveState('failed', NOTICES.connectionLost);
    return true;
  }

  /** Ends the session once: last changes, exit and session time, then Terminate. */
  private finish(reason: 'exit' | 'pagehide'): void {
    if (this.closed) return;
    const transport = this.o.transport;
    if (this.recording) {
      this.follower.recordPlans();
      this.scheduler.cancel();
      const s = this.follower.latest;
      const finished = s ? buildReport(s.context.course, savedOf(s)).finished : false;
      const elapsed = this.o.timers.now() - this.startedAt;
      const d = transport!.finish(this.batch(), finished && !this.protectSaved, elapsed);
      this.acknowledge(d);
      this.closed = true;
      this.o.logger.info(`session ended (${reason})`, { ok: d.ok });
      if (!this.lost(d)) {
        if (d.ok) this.setSaveState(this.tooLong ? 'failed' : 'saved', this.tooLong ? NOTICES.textTooLong : undefined);
        else this.setSaveState('failed', NOTICES.saveFailed);
      }
    } else {
      this.closed = true;
      transport?.close();
      this.o.logger.info(`session ended (${reason})`);
    }
    this.scheduler.cancel();
    try {
      this.o.win?.document?.removeEventListener('visibilitychange', this.onVisibility);
      this.o.win?.removeEventListener('pagehide', this.onPageHide);
    } catch {
      // nothing to do
    }
  }

  // ── Save state and guards ──────────────────────────────────────────────────────────────────────

  private setSaveState(state: SaveState, notice?: Notice): void {
    if (state === this.saveState && notice?.key === this.notice?.key) return;
    this.saveState = state;
    this.notice = notice;
    for (const l of this.saveListeners) this.call(l);
  }

  private call(listener: (state: SaveState, notice?: Notice) => void): void {
    try {
      if (this.notice) listener(this.saveState, this.notice);
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
    return {
      saveState: this.saveState,
      ...(this.notice ? { notice: this.notice } : {}),
      dirty: this.dirty,
      pending: this.scheduler.pending,
      queued: this.outbox.length,
      closed: this.closed,
    };
  }
}
