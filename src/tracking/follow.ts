/**
 * Following the course machine: what changed in a snapshot (and how soon it is worth saving), and
 * which interactions the machine's events make. Transport-neutral: it knows nothing of SCORM; what it
 * finds goes to a sink (the session), which decides when and how it is sent.
 */
import type { Course, Question } from '../content-model/types.ts';
import type { CourseActor } from '../session/index.ts';
import {
  packSnapshot,
  questionIndex,
  savedOf,
  whereIs,
  type EngineEmitted,
  type LearnerRecord,
  type Location,
  type ModuleStep,
} from '../engine/index.ts';
import { cmiId } from './cmi/format.ts';
import type { Logger } from './log.ts';
import { decisionInteraction, questionInteraction, textInteraction, type InteractionReport } from './report.ts';
import type { Timers, Urgency } from './scheduler.ts';

export type Snapshot = ReturnType<CourseActor['getSnapshot']>;

export interface FollowerSink {
  /** The learner's state changed (`now`: a step worth saving at once; `soon`: typing, choosing). */
  changed(urgency: Urgency, snapshot: Snapshot): void;
  /** A learner response to report, in the order they happened (a revised slot replaces its earlier version). */
  interaction(report: InteractionReport): void;
  /** Whether anything is recorded at all (events are not turned into interactions otherwise). */
  isRecording(): boolean;
}

export class Follower {
  private actor: CourseActor | undefined;
  /** The latest snapshot seen. */
  latest: Snapshot | undefined;
  private lastEncoded: string | undefined;
  private lastStructure: string | undefined;

  // When things were shown, for interaction latency and timestamps.
  private checkShownAt = new Map<string, number>();
  private lastAnswerAt = new Map<string, number>();
  private reflectionShownAt = new Map<string, number>();
  private reflectionEditedAt = new Map<string, number>();
  private finalShownAt = new Map<string, number>();
  private finalAnswered = new Map<string, { shownAt?: number; answeredAt: number }>();
  private shownQuestion: string | undefined;
  /** When the current page was shown, for a decision's latency. */
  private pageShownAt: number | undefined;
  /** The last text recorded as an interaction, by interaction id (reflections and plans). */
  private readonly recordedTexts = new Map<string, string>();
  private questions: { course: Course; index: Map<string, Question> } | undefined;

  constructor(
    private readonly sink: FollowerSink,
    private readonly o: { timers: Timers; logger: Logger; guard: (what: string, fn: () => void) => void },
  ) {}

  attach(actor: CourseActor): () => void {
    const stop: Array<() => void> = [];
    const { guard } = this.o;
    this.actor = actor;
    this.observe(actor.getSnapshot(), true);
    const sub = actor.subscribe({
      next: (s) => guard('snapshot', () => this.observe(s, false)),
      error: (e) => this.o.logger.error('the course machine failed', { error: String(e) }),
    });
    stop.push(() => sub.unsubscribe());
    const on = <T extends EngineEmitted['type']>(type: T, handler: (e: Extract<EngineEmitted, { type: T }>) => void) => {
      const s = actor.on(type, (e) => guard(type, () => handler(e as Extract<EngineEmitted, { type: T }>)));
      stop.push(() => s.unsubscribe());
    };
    on('answer.submitted', (e) => this.answerSubmitted(e));
    on('attempt.submitted', (e) => this.attemptSubmitted(e));
    on('module.completed', (e) => this.moduleCompleted(e));
    on('decision.made', (e) => this.decisionMade(e));
    return () => {
      for (const s of stop) guard('detach', s);
      if (this.actor === actor) this.actor = undefined;
    };
  }

  /** Whether the learner has made any progress at all (more than looking around). */
  get hasProgress(): boolean {
    const record = this.latest?.context.record;
    return !!record && !isEmpty(record);
  }

  private observe(s: Snapshot, baseline: boolean): void {
    const now = this.o.timers.now();
    this.noteTimes(s, now);
    this.latest = s;
    const saved = savedOf(s);
    const { location, record } = saved;
    // The packed text, not the compressed one: it changes exactly when that would, and needs no compressor.
    const encoded = packSnapshot(saved, s.context.course);
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
    this.recordPlans(record);
    this.sink.changed(urgent ? 'now' : 'soon', s);
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
    if (where.at === 'module' && where.step === 'page' && !(stepWas('page') && prev?.at === 'module' && prev.pageId === where.pageId))
      this.pageShownAt = now;
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

  /**
   * An action-plan step is recorded as it is written (each time its text reaches the machine), as a
   * revisable slot: nothing of it is left for the end of the session.
   */
  private recordPlans(record: LearnerRecord): void {
    if (!this.sink.isRecording()) return;
    for (const [id, m] of Object.entries(record.modules)) if (m.plan) this.recordText('plan', id, m.plan);
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

  private current(): Snapshot | undefined {
    return this.actor?.getSnapshot() ?? this.latest;
  }

  private answerSubmitted(e: Extract<EngineEmitted, { type: 'answer.submitted' }>): void {
    const s = this.current();
    if (!s || !this.sink.isRecording()) return;
    const q = this.questionById(s.context.course, e.questionId);
    if (!q) return this.o.logger.warn(`submitted answer to an unknown question ${e.questionId}`);
    const now = this.o.timers.now();
    const shown = Math.max(this.checkShownAt.get(q.moduleId) ?? -Infinity, this.lastAnswerAt.get(q.moduleId) ?? -Infinity);
    const tries = s.context.record.modules[q.moduleId]?.answers[q.localId]?.tries;
    this.lastAnswerAt.set(q.moduleId, now);
    this.sink.interaction(
      questionInteraction(
        'kc',
        q,
        e.choice,
        Number.isFinite(shown) ? { shownAt: shown, answeredAt: now } : { answeredAt: now },
        `Knowledge check${tries ? `, try ${tries}` : ''}`,
      ),
    );
    this.sink.changed('now', s);
  }

  private attemptSubmitted(e: Extract<EngineEmitted, { type: 'attempt.submitted' }>): void {
    const s = this.current();
    if (!s || !this.sink.isRecording()) return;
    const now = this.o.timers.now();
    const drawn = s.context.record.latest?.drawn ?? Object.keys(e.answers);
    for (const id of drawn) {
      const q = this.questionById(s.context.course, id);
      if (!q) continue;
      const choice = e.answers[id] ?? [];
      const times = this.finalAnswered.get(id) ?? { answeredAt: now };
      this.sink.interaction(questionInteraction('final', q, choice, times, `Final assessment, attempt ${e.attempt}`, e.attempt));
    }
    this.sink.changed('now', s);
  }

  private moduleCompleted(e: Extract<EngineEmitted, { type: 'module.completed' }>): void {
    const s = this.current();
    if (!s || !this.sink.isRecording()) return;
    const text = s.context.record.modules[e.moduleId]?.reflection;
    if (text)
      this.recordText('reflection', e.moduleId, text, this.reflectionShownAt.get(e.moduleId), this.reflectionEditedAt.get(e.moduleId));
    this.sink.changed('now', s);
  }

  /** A decision is reported at once, as a neutral choice (it has no right answer and is never scored). */
  private decisionMade(e: Extract<EngineEmitted, { type: 'decision.made' }>): void {
    const s = this.current();
    if (!s || !this.sink.isRecording()) return;
    const page = s.context.course.modules.find((m) => m.id === e.moduleId)?.pages.find((p) => p.id === e.pageId);
    const block = page?.blocks.find((b) => b.id === e.blockId);
    if (block?.type !== 'decision') return this.o.logger.warn(`decision in an unknown block ${e.moduleId}/${e.pageId}/${e.blockId}`);
    const now = this.o.timers.now();
    const shownAt = this.pageShownAt;
    this.sink.interaction(
      decisionInteraction(
        e.moduleId,
        e.pageId,
        block,
        e.option,
        shownAt !== undefined ? { shownAt, answeredAt: now } : { answeredAt: now },
      ),
    );
    this.sink.changed('now', s);
  }

  private recordText(source: 'reflection' | 'plan', moduleId: string, text: string, shownAt?: number, editedAt?: number): void {
    const id = cmiId(source, moduleId);
    if (this.recordedTexts.get(id) === text) return;
    this.recordedTexts.set(id, text);
    const answeredAt = editedAt ?? this.o.timers.now();
    this.sink.interaction(
      textInteraction(source, moduleId, text, shownAt !== undefined && shownAt <= answeredAt ? { shownAt, answeredAt } : { answeredAt }),
    );
  }
}

/**
 * The parts of the state whose change is worth an immediate commit: everything but typing and a
 * knowledge-check selection not yet submitted. A final-assessment answer and a rating are answers.
 */
function structureOf(record: LearnerRecord, location: Location): string {
  return JSON.stringify([
    location,
    Object.entries(record.modules).map(([id, m]) => [
      id,
      m.at,
      m.furthest,
      m.done,
      m.rating ?? null,
      Object.entries(m.answers).flatMap(([q, a]) => (a.tries ? [[q, a.tries]] : [])),
    ]),
    record.past.length,
    record.latest ? [record.latest.seed, record.latest.index, record.latest.correct ?? null, record.latest.answers] : null,
  ]);
}

function isEmpty(record: LearnerRecord): boolean {
  return Object.keys(record.modules).length === 0 && record.past.length === 0 && !record.latest;
}
