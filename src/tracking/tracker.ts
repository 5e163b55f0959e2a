/**
 * The tracker: one implementation of the Session for every SCORM version. It LISTENS to the course
 * machine (snapshots and emitted events) and reports to the LMS through a version's Dialect; it never
 * sends anything to the machine and never drives the view, which only hears about the save state.
 *
 *   snapshot / event ─► what changed? ─► schedule a commit (now | soon) ─► flush:
 *       interactions (appended at _count) ─► objectives ─► score ─► status ─► location ─► suspend data
 *       ─► exit ─► Commit ─► save state (saved | retrying | failed)
 *
 * Every value is compared with what the LMS already holds, so only changes are sent. Nothing here may
 * throw into the machine or the view: every entry point is guarded.
 */
import type { Course, Question } from '../content-model/types.ts';
import type { CourseActor, Notice, SaveState, Session, SessionStart } from '../session/index.ts';
import {
  decodeSnapshot,
  encodeSnapshot,
  isCorrect,
  savedOf,
  whereIs,
  type ModuleStep,
  questionIndex,
  type EngineEmitted,
  type LearnerRecord,
  type Location,
} from '../engine/index.ts';
import type { Dialect, LmsStart } from './adapters/dialect.ts';
import type { Logger } from './log.ts';
import { buildReport, choiceInteraction, textInteraction, type InteractionReport, type Report } from './report.ts';
import { CommitScheduler, type Timers, type Urgency } from './scheduler.ts';
import type { CallResult, ScormConnection } from './scorm-api/connection.ts';
import { cmiId } from './cmi/format.ts';

type Snapshot = ReturnType<CourseActor['getSnapshot']>;

export const NOTICES = {
  saveFailed: { key: 'saveFailed', tone: 'error' },
  textTooLong: { key: 'textTooLong', tone: 'warning' },
  connectionLost: { key: 'connectionLost', tone: 'error' },
  standaloneOnly: { key: 'standaloneOnly', tone: 'info' },
} as const satisfies Record<string, Notice>;

export interface TrackerOptions {
  course: Course;
  dialect: Dialect;
  /** Absent when no LMS session could be opened: the learner works on, nothing is stored. */
  connection?: ScormConnection;
  lms?: LmsStart;
  start: SessionStart;
  /** The suspend-data limit the tracker enforces (the spec's, or more for browser storage). */
  suspendDataLimit: number;
  logger: Logger;
  timers: Timers;
  /** Where visibilitychange and pagehide are heard. */
  win?: Window;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelays?: readonly number[];
}

interface PendingInteraction {
  report: InteractionReport;
  /** The index, once its id was set (from then on the rest goes to the same index). */
  index?: number;
  /** How many of its writes are done. */
  done: number;
}

const SUSPEND = /\.suspend_data$/;
const CRITICAL =
  /^cmi\.(suspend_data|location|core\.lesson_location|core\.lesson_status|completion_status|success_status|progress_measure|exit|core\.exit|score\.|core\.score\.)/;
/** Data-model errors: the LMS understood and refused this value; sending it again will not help. */
const isRejection = (error: number) => error >= 400 && error < 500;

export class Tracker implements Session {
  readonly start: SessionStart;
  private readonly o: TrackerOptions;
  private readonly scheduler: CommitScheduler;
  private readonly saveListeners = new Set<(state: SaveState, notice?: Notice) => void>();
  private saveState: SaveState;
  private notice: Notice | undefined;

  /** What the LMS holds, element by element (seeded from launch, updated on every accepted SetValue). */
  private readonly held = new Map<string, string>();
  /** Values the LMS refused as invalid, not sent again. */
  private readonly rejected = new Map<string, string>();
  private readonly objectiveIndex = new Map<string, number>();
  private nextObjective = 0;
  private nextInteraction = 0;
  private readonly queue: PendingInteraction[] = [];
  private language: string | undefined;

  private actor: CourseActor | undefined;
  private latest: Snapshot | undefined;
  private lastEncoded: string | undefined;
  private lastStructure: string | undefined;
  private dirty = false;
  private flushing = false;
  private closed = false;
  private tooLong = false;
  /** Unreadable saved data is left untouched until the learner has made some progress. */
  private protectSaved = false;
  private readonly startedAt: number;

  // When things were shown, for interaction latency and timestamps.
  private checkShownAt = new Map<string, number>();
  private lastAnswerAt = new Map<string, number>();
  private reflectionShownAt = new Map<string, number>();
  private reflectionEditedAt = new Map<string, number>();
  private finalShownAt = new Map<string, number>();
  private finalAnswered = new Map<string, { shownAt?: number; answeredAt: number }>();
  private shownQuestion: string | undefined;
  /** The last text recorded as an interaction, by interaction id (reflections and plans). */
  private readonly recordedTexts = new Map<string, string>();
  private questions: { course: Course; index: Map<string, Question> } | undefined;

  private readonly onVisibility = () => this.guard('visibilitychange', () => this.handleVisibility());
  private readonly onPageHide = () => this.guard('pagehide', () => this.finish('pagehide'));

  constructor(options: TrackerOptions) {
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
    const { lms, connection } = options;
    if (lms) {
      for (const [element, value] of Object.entries(lms.status)) this.held.set(element, value);
      lms.objectiveIds.forEach((id, i) => {
        if (id) this.objectiveIndex.set(id, i);
        this.held.set(`cmi.objectives.${i}.id`, id);
      });
      this.nextObjective = lms.objectiveIds.length;
      this.nextInteraction = lms.interactionCount;
      const suspend = `cmi.suspend_data`;
      this.held.set(suspend, lms.suspendData ?? '');
      this.held.set(options.dialect.version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location', lms.location ?? '');
      if (lms.language) this.held.set(options.dialect.languageWrite('')[0], lms.language);
      if (lms.suspendData) {
        try {
          decodeSnapshot(lms.suspendData, options.course);
        } catch {
          this.protectSaved = true;
          options.logger.warn('saved data is unreadable; it is kept in the LMS until the learner makes progress', { raw: lms.suspendData });
        }
      }
    }
    this.saveState = !connection || !connection.active ? 'failed' : this.recording ? 'saved' : 'off';
    const win = options.win;
    if (win && connection?.active) {
      try {
        win.document?.addEventListener('visibilitychange', this.onVisibility);
        win.addEventListener('pagehide', this.onPageHide);
      } catch (e) {
        options.logger.warn('could not listen for the page being hidden', { error: String(e) });
      }
    }
  }

  /** Whether this session writes anything (normal mode, an open LMS session). */
  private get recording(): boolean {
    return !!this.o.connection?.active && this.o.lms?.mode === 'normal' && !this.closed;
  }

  /** At launch, in normal mode: status `incomplete` if the course was not attempted, exit `suspend`. */
  launch(): void {
    this.guard('launch', () => {
      if (!this.recording || !this.o.lms) return;
      const writes = this.o.dialect.launchWrites(this.o.lms).filter(([e, v]) => this.held.get(e) !== v);
      if (!writes.length) return;
      let ok = true;
      for (const [e, v] of writes) ok = this.write(e, v).ok && ok;
      ok = this.o.connection!.commit().ok && ok;
      if (!ok) {
        this.dirty = true;
        this.failed();
      }
    });
  }

  // ── Session ────────────────────────────────────────────────────────────────────────────────────

  attach(actor: CourseActor): () => void {
    const stop: Array<() => void> = [];
    this.guard('attach', () => {
      this.actor = actor;
      this.observe(actor.getSnapshot(), true);
      const sub = actor.subscribe({
        next: (s) => this.guard('snapshot', () => this.observe(s, false)),
        error: (e) => this.o.logger.error('the course machine failed', { error: String(e) }),
      });
      stop.push(() => sub.unsubscribe());
      const on = <T extends EngineEmitted['type']>(type: T, handler: (e: Extract<EngineEmitted, { type: T }>) => void) => {
        const s = actor.on(type, (e) => this.guard(type, () => handler(e as Extract<EngineEmitted, { type: T }>)));
        stop.push(() => s.unsubscribe());
      };
      on('answer.submitted', (e) => this.answerSubmitted(e));
      on('attempt.submitted', (e) => this.attemptSubmitted(e));
      on('module.completed', (e) => this.moduleCompleted(e));
    });
    return () => {
      for (const s of stop) this.guard('detach', s);
      if (this.actor === actor) this.actor = undefined;
    };
  }

  setLanguage(language: string): void {
    this.guard('setLanguage', () => {
      if (!this.recording || !language) return;
      this.language = language;
      this.changed('now');
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

  // ── Following the machine ──────────────────────────────────────────────────────────────────────

  private observe(s: Snapshot, baseline: boolean): void {
    if (this.closed) return;
    const now = this.o.timers.now();
    this.noteTimes(s, now);
    this.latest = s;
    const saved = savedOf(s);
    const { location, record } = saved;
    const encoded = encodeSnapshot(saved);
    const structure = structureOf(record, location);
    if (baseline || this.lastEncoded === undefined) {
      this.lastEncoded = encoded;
      this.lastStructure = structure;
      this.baselineTexts(record);
      return;
    }
    if (encoded === this.lastEncoded) return;
    const urgent = structure !== this.lastStructure;
    this.lastEncoded = encoded;
    this.lastStructure = structure;
    if (this.protectSaved) {
      if (isEmpty(record)) return; // only moved around: keep the unreadable data for support
      this.protectSaved = false;
      this.o.logger.info('the learner made progress: the unreadable saved data is replaced');
    }
    this.changed(urgent ? 'now' : 'soon');
  }

  private noteTimes(s: Snapshot, now: number): void {
    const where = whereIs(s);
    const prev = this.latest && whereIs(this.latest);
    const moduleId = where.at === 'module' ? where.moduleId : '';
    const stepWas = (step: ModuleStep) => prev?.at === 'module' && prev.moduleId === moduleId && prev.step === step;
    const stepIs = (step: ModuleStep) => where.at === 'module' && where.step === step;
    if (stepIs('check') && !stepWas('check')) {
      this.checkShownAt.set(moduleId, now);
      this.lastAnswerAt.delete(moduleId);
    }
    if (stepIs('reflection') && !stepWas('reflection')) this.reflectionShownAt.set(moduleId, now);
    if (
      stepIs('reflection') &&
      this.latest?.context.record.modules[moduleId]?.reflection !== s.context.record.modules[moduleId]?.reflection
    )
      this.reflectionEditedAt.set(moduleId, now);

    const latest = s.context.record.latest;
    const before = this.latest?.context.record.latest;
    if (latest && before?.seed !== latest.seed) {
      this.finalShownAt.clear();
      this.finalAnswered.clear();
      this.shownQuestion = undefined;
    }
    if (where.at === 'final' && where.step === 'taking' && latest) {
      const shown = latest.drawn[latest.index];
      if (shown && shown !== this.shownQuestion) this.finalShownAt.set(shown, now);
      this.shownQuestion = shown;
      if (before && before.seed === latest.seed)
        for (const id of latest.drawn)
          if ((latest.answers[id] ?? []).join() !== (before.answers[id] ?? []).join()) {
            const shownAt = this.finalShownAt.get(id);
            this.finalAnswered.set(id, shownAt === undefined ? { answeredAt: now } : { shownAt, answeredAt: now });
          }
    } else this.shownQuestion = undefined;
  }

  /** Texts restored from a finished module or the plan count as recorded already. */
  private baselineTexts(record: LearnerRecord): void {
    for (const [id, m] of Object.entries(record.modules)) {
      if (m.done && m.reflection) this.recordedTexts.set(cmiId('reflection', id), m.reflection);
      if (m.plan) this.recordedTexts.set(cmiId('plan', id), m.plan);
    }
  }

  private questionById(course: Course, id: string): Question | undefined {
    if (this.questions?.course !== course) this.questions = { course, index: questionIndex(course) };
    return this.questions.index.get(id);
  }

  private answerSubmitted(e: Extract<EngineEmitted, { type: 'answer.submitted' }>): void {
    const s = this.actor?.getSnapshot() ?? this.latest;
    if (!s || !this.recording) return;
    const q = this.questionById(s.context.course, e.questionId);
    if (!q) return this.o.logger.warn(`submitted answer to an unknown question ${e.questionId}`);
    const now = this.o.timers.now();
    const shown = Math.max(this.checkShownAt.get(q.moduleId) ?? -Infinity, this.lastAnswerAt.get(q.moduleId) ?? -Infinity);
    const tries = s.context.record.modules[q.moduleId]?.answers[q.localId]?.tries;
    this.lastAnswerAt.set(q.moduleId, now);
    this.enqueue(
      choiceInteraction(
        'kc',
        q,
        e.choice,
        e.correct,
        Number.isFinite(shown) ? { shownAt: shown, answeredAt: now } : { answeredAt: now },
        `Knowledge check${tries ? `, try ${tries}` : ''}`,
      ),
    );
    this.changed('now');
  }

  private attemptSubmitted(e: Extract<EngineEmitted, { type: 'attempt.submitted' }>): void {
    const s = this.actor?.getSnapshot() ?? this.latest;
    if (!s || !this.recording) return;
    const now = this.o.timers.now();
    const drawn = s.context.record.latest?.drawn ?? Object.keys(e.answers);
    for (const id of drawn) {
      const q = this.questionById(s.context.course, id);
      if (!q) continue;
      const choice = e.answers[id] ?? [];
      const times = this.finalAnswered.get(id) ?? { answeredAt: now };
      this.enqueue(choiceInteraction('final', q, choice, isCorrect(q, choice), times, `Final assessment, attempt ${e.attempt}`));
    }
    this.changed('now');
  }

  private moduleCompleted(e: Extract<EngineEmitted, { type: 'module.completed' }>): void {
    const s = this.actor?.getSnapshot() ?? this.latest;
    if (!s || !this.recording) return;
    const text = s.context.record.modules[e.moduleId]?.reflection;
    if (text)
      this.recordText('reflection', e.moduleId, text, this.reflectionShownAt.get(e.moduleId), this.reflectionEditedAt.get(e.moduleId));
    this.changed('now');
  }

  /** Plans are recorded when the learner leaves (page hidden, pagehide, Exit), if they changed. */
  private recordPlans(): void {
    const record = this.latest?.context.record;
    if (!record || !this.recording) return;
    for (const [id, m] of Object.entries(record.modules)) if (m.plan) this.recordText('plan', id, m.plan);
  }

  private recordText(source: 'reflection' | 'plan', moduleId: string, text: string, shownAt?: number, editedAt?: number): void {
    const id = cmiId(source, moduleId);
    if (this.recordedTexts.get(id) === text) return;
    this.recordedTexts.set(id, text);
    const answeredAt = editedAt ?? this.o.timers.now();
    this.enqueue(
      textInteraction(source, moduleId, text, shownAt !== undefined && shownAt <= answeredAt ? { shownAt, answeredAt } : { answeredAt }),
    );
  }

  private enqueue(report: InteractionReport): void {
    this.queue.push({ report, done: 0 });
  }

  // ── Saving ─────────────────────────────────────────────────────────────────────────────────────

  private changed(urgency: Urgency): void {
    this.dirty = true;
    if (!this.recording) return;
    this.scheduler.request(urgency);
    if (this.saveState === 'saved') this.setSaveState('saving');
  }

  private handleVisibility(): void {
    const hidden = this.o.win?.document?.visibilityState === 'hidden';
    if (!hidden || !this.recording) return;
    this.recordPlans();
    this.flush('hidden');
  }

  /** Writes what changed and commits. Never re-entered; at most one runs at a time. */
  private flush(reason: 'scheduled' | 'hidden'): void {
    if (this.flushing || !this.recording) return;
    if (!this.dirty && reason !== 'hidden') return;
    this.scheduler.cancel();
    this.flushing = true;
    try {
      const wrote = this.writeAll();
      const committed = this.o.connection!.commit();
      if (this.lost()) return;
      if (wrote && committed.ok) {
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
    if (this.lost()) return;
    if (this.scheduler.retry()) {
      this.o.logger.warn(`saving failed; retry ${this.scheduler.retryCount} is scheduled`);
      this.setSaveState('retrying');
    } else {
      this.o.logger.error('saving failed repeatedly; progress is kept in memory and saved with the next change');
      this.setSaveState('failed', NOTICES.saveFailed);
    }
  }

  /** Whether the LMS went away; tells the learner once. */
  private lost(): boolean {
    if (!this.o.connection?.lost) return false;
    this.scheduler.cancel();
    if (this.notice?.key !== NOTICES.connectionLost.key) this.setSaveState('failed', NOTICES.connectionLost);
    return true;
  }

  /** Interactions, then the state. Returns false when something that matters was not accepted. */
  private writeAll(): boolean {
    let ok = this.writeInteractions();
    const s = this.latest;
    if (s) ok = this.writeState(buildReport(s.context.course, savedOf(s))) && ok;
    if (this.language !== undefined) {
      const [e, v] = this.o.dialect.languageWrite(this.language);
      if (this.held.get(e) !== v && this.rejected.get(e) !== v) this.write(e, v);
    }
    return ok;
  }

  private writeInteractions(): boolean {
    const conn = this.o.connection!;
    while (this.queue.length) {
      const item = this.queue[0]!;
      if (item.index === undefined) {
        // Appended: the new index is the LMS's _count (never an existing interaction).
        const count = conn.getValue(this.o.dialect.interactionCount);
        const n = Number.parseInt(count.value, 10);
        item.index = count.ok && Number.isInteger(n) && n >= 0 ? n : this.nextInteraction;
      }
      const writes = this.o.dialect.interactionWrites(item.index, item.report);
      for (; item.done < writes.length; item.done++) {
        const [e, v] = writes[item.done]!;
        const r = this.write(e, v);
        if (r.ok) continue;
        if (item.done === 0 || !isRejection(r.error)) {
          if (item.done === 0) item.index = undefined; // the id did not land: find the index again next time
          return false;
        }
        this.o.logger.warn(`interaction ${item.report.id}: ${e} was refused; the rest of it is still recorded`);
      }
      this.nextInteraction = Math.max(this.nextInteraction, item.index + 1);
      this.queue.shift();
    }
    return true;
  }

  private writeState(report: Report): boolean {
    const { dialect, lms, suspendDataLimit, logger } = this.o;
    if (!lms) return true;
    if (this.protectSaved) return true;
    let ok = true;
    this.tooLong = false;
    let skipPrefix: string | undefined;
    const writes = dialect.stateWrites(report, (id) => this.objectiveIndexOf(id), lms);
    for (const [e, v] of writes) {
      if (skipPrefix && e.startsWith(skipPrefix)) continue;
      if (this.held.get(e) === v || this.rejected.get(e) === v) continue;
      if (SUSPEND.test(e) && v.length > suspendDataLimit) {
        this.tooLong = true;
        logger.error(
          `the saved state is ${v.length} characters, more than the ${suspendDataLimit} this LMS keeps; the last state that fitted stays saved`,
          {
            length: v.length,
            limit: suspendDataLimit,
          },
        );
        continue;
      }
      const r = this.write(e, v);
      if (r.ok) continue;
      const objectiveId = /^(cmi\.objectives\.\d+\.)id$/.exec(e);
      if (objectiveId) skipPrefix = objectiveId[1];
      if (isRejection(r.error)) {
        this.rejected.set(e, v);
        if (!CRITICAL.test(e)) continue;
      }
      ok = false;
    }
    return ok;
  }

  private objectiveIndexOf(id: string): number {
    let n = this.objectiveIndex.get(id);
    if (n === undefined) {
      n = this.nextObjective++;
      this.objectiveIndex.set(id, n);
    }
    return n;
  }

  private write(element: string, value: string): CallResult {
    const r = this.o.connection!.setValue(element, value);
    if (r.ok) this.held.set(element, value);
    return r;
  }

  /** Ends the session once: last changes, exit and session time, then Terminate. */
  private finish(reason: 'exit' | 'pagehide'): void {
    if (this.closed) return;
    const conn = this.o.connection;
    if (this.recording) {
      this.recordPlans();
      this.scheduler.cancel();
      const wrote = this.writeAll();
      const finished = this.latest ? buildReport(this.latest.context.course, savedOf(this.latest)).finished : false;
      const elapsed = this.o.timers.now() - this.startedAt;
      for (const [e, v] of this.o.dialect.exitWrites(finished && !this.protectSaved, elapsed)) if (this.held.get(e) !== v) this.write(e, v);
      this.closed = true;
      const done = conn!.terminate();
      this.o.logger.info(`session ended (${reason})`, { wrote, terminated: done.ok });
      if (!this.lost()) {
        if (wrote && done.ok) this.setSaveState(this.tooLong ? 'failed' : 'saved', this.tooLong ? NOTICES.textTooLong : undefined);
        else this.setSaveState('failed', NOTICES.saveFailed);
      }
    } else {
      this.closed = true;
      if (conn?.active) conn.terminate();
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
      queued: this.queue.length,
      closed: this.closed,
    };
  }
}

/** The parts of the state whose change is worth an immediate commit (everything but typing and choosing). */
function structureOf(record: LearnerRecord, location: Location): string {
  return JSON.stringify([
    location,
    Object.entries(record.modules).map(([id, m]) => [
      id,
      m.at,
      m.furthest,
      m.done,
      Object.entries(m.answers).flatMap(([q, a]) => (a.tries ? [[q, a.tries]] : [])),
    ]),
    record.past.length,
    record.latest ? [record.latest.seed, record.latest.index, record.latest.correct ?? null] : null,
  ]);
}

function isEmpty(record: LearnerRecord): boolean {
  return Object.keys(record.modules).length === 0 && record.past.length === 0 && !record.latest;
}
