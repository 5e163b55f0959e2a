/**
 * The cmi5 transport: how the session's batches become xAPI (the Transport seam, ../transport.ts).
 *
 *   interactions ─► cmi5 allowed statements (interactions.ts) ─┐
 *   the report   ─► cmi5 defined statements when they become due ─┼─► the statement queue (in order,
 *                   (completed, passed; failed when it is final)   │    retried, never lost)
 *                ─► the saved state ─► the State API document (coalesced, retried)
 *   terminate    ─► everything above acknowledged, then "terminated" (always last), then the LMS's
 *                   returnURL
 *
 * The LRS is asynchronous: `deliver` hands everything to the queue and the state writer at once (they
 * keep it and retry) and answers `pending` until the LRS has acknowledged it; the session then hears
 * `onSettled` (ok, or why not) and tells the learner.
 *
 * cmi5's rules this keeps (spec 9.3, 10.2.2): "initialized" first and "terminated" last in a session;
 * at most one of passed / failed per session, completed and passed at most once per registration (the
 * acknowledged ones are kept in the state document, and an uncertain case is checked with the LRS);
 * a failed final assessment is reported as "failed" only once no pass can follow in the session (no
 * attempts left, or the session ends), so a later pass is never blocked; nothing but initialized and
 * terminated in Browse and Review mode.
 */
import type { Course } from '../../content-model/types.ts';
import { decodeSnapshot, finalStatus, type LearnerRecord } from '../../engine/index.ts';
import type { Logger } from '../log.ts';
import type { Report } from '../report.ts';
import type { Timers } from '../scheduler.ts';
import type { Batch, Delivery, Transport } from '../transport.ts';
import { interactionStatement, moduleCompletedStatement, type TextSource } from './interactions.ts';
import type { Cmi5Launch } from './launch.ts';
import { type StateWriter, STATE_FORMAT, type CourseStateDocument, type RecordedVerdict } from './state-document.ts';
import { type StatementQueue, type QueueHealth } from './statement-queue.ts';
import { definedStatement, type DefinedVerb, type LaunchData, type StatementSession } from './statements.ts';
import type { XapiClient } from './xapi-client.ts';

export interface Cmi5TransportOptions {
  course: Course;
  client: XapiClient;
  launch: Cmi5Launch;
  launchData: LaunchData;
  queue: StatementQueue;
  state: StateWriter;
  /** What the state document said at launch. */
  stored: CourseStateDocument;
  timers: Timers;
  logger: Logger;
  session: StatementSession;
  /** When the AU was initialized (durations count from here). */
  startedAt: number;
  /** The course's texts, for activity definitions. */
  texts?: TextSource;
  /** The learner's language, then the course's default. */
  languages: string[];
  /** Modules finished before this session (not reported again). */
  finishedModules: ReadonlySet<string>;
  /** Final-assessment attempts submitted before this session (submittedAttempts). */
  attemptsBefore: number;
  /** Where to go after "terminated" (LMS.LaunchData returnURL). */
  navigate?: (url: string) => void;
  /** The learner's language preference changed (agent profile). */
  setLanguage?: (language: string) => void;
  /** "terminated" was acknowledged, or handed over for good (it is never sent twice): this launch session is over. */
  onTerminated?: () => void;
}

type Sent = Partial<Record<DefinedVerb, boolean>>;

/** Final-assessment attempts submitted (an attempt in progress does not count). */
export function submittedAttempts(record: LearnerRecord): number {
  return record.past.length + (record.latest?.correct !== undefined ? 1 : 0);
}

export class Cmi5Transport implements Transport {
  private readonly o: Cmi5TransportOptions;
  /** Defined statements queued in this session. */
  private readonly session: Sent = {};
  /** Defined statements acknowledged (or queued) in this registration. */
  private readonly registration: { completed?: boolean; passed?: boolean };
  /** The last verdict sent in this registration (kept in the state document for a later Review). */
  private verdict: RecordedVerdict | undefined;
  private readonly finished = new Set<string>();
  private lastReport: Report | undefined;
  private closed = false;
  private terminated = false;
  private settledListeners = new Set<(ok: boolean) => void>();
  private language: string | undefined;
  /** The stored state could not be read at launch: never write over it. */
  private leaveState = false;

  constructor(options: Cmi5TransportOptions) {
    this.o = options;
    this.registration = { ...options.stored.sent };
    this.verdict = options.stored.result;
    for (const m of options.finishedModules) this.finished.add(m);
    options.queue.setSettled((ok, health) => this.settled(ok, health));
    options.state.setSettled((ok) => this.settled(ok, ok ? 'idle' : 'retrying'));
  }

  /** The saved state could not be read at launch: it is not written in this session (it may hold more). */
  keepStateAlone(): void {
    this.leaveState = true;
  }

  get mode(): LaunchData['launchMode'] {
    return this.o.launchData.launchMode;
  }

  get open(): boolean {
    return !this.closed;
  }

  get recording(): boolean {
    return !this.closed && this.mode === 'Normal';
  }

  get lost(): boolean {
    return false; // an LRS that does not answer is retried, never given up on
  }

  /** Whether everything handed over is acknowledged. */
  get idle(): boolean {
    return this.o.queue.length === 0 && this.o.state.clean;
  }

  onSettled(listener: (ok: boolean) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  begin(): Delivery {
    return this.result(0);
  }

  deliver(batch: Batch): Delivery {
    if (!this.recording) return this.result(0);
    const delivered = this.take(batch, false);
    // The session asks again (its retry): cut short any wait before the next try.
    this.o.queue.kick(true);
    this.o.state.kick(true);
    return this.result(delivered);
  }

  /** The end of a visit: everything goes, as in `deliver` (the session stays open). */
  settle(batch: Batch): Delivery {
    return this.deliver(batch);
  }

  /** The session ends: a "failed" that is now final, then "terminated" after everything else. */
  terminate(leaving = false): void {
    if (this.closed) return;
    if (this.recording && this.lastReport) {
      const final = this.definedFor(this.lastReport, this.o.timers.now(), true);
      this.o.queue.enqueue(final);
      // A "failed" made final now: the state document keeps the verdict beside it.
      if (final.length && !this.leaveState) this.o.state.put(this.document(this.lastReport));
    }
    this.end(this.o.timers.now() - this.o.startedAt, leaving);
  }

  /** Statements for the batch, and the state; `ending`: the session ends now. */
  private take(batch: Batch, ending: boolean): number {
    const { course, queue, session } = this.o;
    const now = this.o.timers.now();
    const lang = this.o.languages[0];
    const statements = batch.interactions.map((j) => interactionStatement(session, course, j.report, lang));
    const report = batch.report;
    if (report) {
      for (const o of report.objectives)
        if (o.status === 'completed' && !this.finished.has(o.id)) {
          this.finished.add(o.id);
          statements.push(moduleCompletedStatement(session, course, o.id, now, lang));
        }
      statements.push(...this.definedFor(report, now, ending));
      this.lastReport = report;
    }
    queue.enqueue(statements);
    if (report && !batch.keepSaved && !this.leaveState) this.o.state.put(this.document(report));
    if (batch.language && batch.language !== this.language) {
      this.language = batch.language;
      this.o.setLanguage?.(batch.language);
    }
    return batch.interactions.length;
  }

  /** The cmi5 defined statements due now, in the order cmi5 wants them. */
  private definedFor(report: Report, at: number, ending: boolean) {
    const out = [];
    const durationMs = at - this.o.startedAt;
    if (report.completion === 'completed' && !this.registration.completed && !this.session.completed) {
      this.session.completed = this.registration.completed = true;
      out.push(definedStatement(this.o.session, { verb: 'completed', at, durationMs }));
    }
    const judged = this.session.passed || this.session.failed;
    if (report.success === 'passed' && !judged && !this.registration.passed && report.score) {
      this.session.passed = this.registration.passed = true;
      this.verdict = { success: 'passed', scaled: report.score.scaled };
      out.push(definedStatement(this.o.session, { verb: 'passed', at, durationMs, score: report.score }));
    } else if (report.success === 'failed' && !judged && !this.registration.passed && report.score) {
      // Only once no pass can follow in this session, and only for an attempt made in it.
      const record = decodeSnapshot(report.suspendData, this.o.course).record;
      const final = finalStatus(this.o.course, record);
      const newAttempt = submittedAttempts(record) > this.o.attemptsBefore;
      if (newAttempt && (ending || (final.attemptsLeft === 0 && !final.inProgress))) {
        this.session.failed = true;
        this.verdict = { success: 'failed', scaled: report.score.scaled };
        out.push(definedStatement(this.o.session, { verb: 'failed', at, durationMs, score: report.score }));
      }
    }
    return out;
  }

  private document(report: Report): CourseStateDocument {
    return {
      format: STATE_FORMAT,
      saved: report.suspendData,
      sent: { ...(this.registration.completed ? { completed: true } : {}), ...(this.registration.passed ? { passed: true } : {}) },
      ...(this.verdict ? { result: this.verdict } : {}),
    };
  }

  /** Terminated, once everything before it is acknowledged; then the LMS's return URL. */
  private end(sessionMs: number, leaving: boolean): void {
    this.closed = true;
    const { queue, state, session } = this.o;
    const terminated = () =>
      definedStatement(session, { verb: 'terminated', at: Math.max(this.o.timers.now(), this.o.startedAt), durationMs: sessionMs });
    if (leaving) {
      // No time to wait for answers: the state and the statements on keepalive; "terminated" only if
      // nothing else is left, since keepalive requests may arrive in any order and nothing may follow it.
      const nothingLeft = state.clean && queue.length === 0;
      state.sendOnUnload();
      queue.freeze();
      if (nothingLeft) queue.enqueueClosing(terminated());
      queue.sendOnUnload();
      // Handed over for good: a reload of this tab must not send anything after it.
      if (nothingLeft) this.o.onTerminated?.();
      return;
    }
    void (async () => {
      await state.drain();
      await queue.drain();
      queue.enqueueClosing(terminated());
      await queue.drain();
      if (queue.closingUnconfirmed) this.o.logger.warn('cmi5: "terminated" may not have reached the LRS; the session ends without it');
      this.terminated = true;
      this.o.onTerminated?.();
      this.o.logger.info('cmi5 session terminated');
      const url = this.o.launchData.returnURL;
      if (url && this.o.navigate) this.o.navigate(url);
    })();
  }

  /** Whether "terminated" has been acknowledged. */
  get ended(): boolean {
    return this.terminated;
  }

  private settled(ok: boolean, health: QueueHealth): void {
    if (ok && !this.idle) return; // the other half (statements or state) is still on its way
    if (!ok) this.o.logger.debug(`LRS delivery not settled: ${health}`);
    for (const l of this.settledListeners) l(ok);
  }

  private result(delivered: number): Delivery {
    const pending = !this.idle;
    return { ok: !pending, delivered, lost: false, tooLong: false, savedElsewhere: false, ...(pending ? { pending: true } : {}) };
  }

  /** For tests. */
  get lastReported(): Report | undefined {
    return this.lastReport;
  }
}
