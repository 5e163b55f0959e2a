/**
 * The course machine: the single truth of where the learner is and what they have answered.
 *
 *   boot ─► start ─► menu ─┬─► module (resume ─► page ⇄ check ⇄ reflection ⇄ self) ─► completed ─► menu
 *                          │                                                  (next module, the final or the results)
 *                          ├─► final  (routing ─► intro ─► taking ─► result)
 *                          └─► results (the closing module: scores, reflections, action plan)
 *
 * `completed` is the moment of completion: the module just finished, what was done and what comes
 * next. It is a resting place like the others (saved as `completed:<module>`), so a reload there
 * comes back to it.
 *
 * READ-ONLY (review and browse): the LMS stores nothing of this attempt, so the machine refuses every
 * event whose result could not be stored (the `recordable` guard), and lets the learner go anywhere
 * (the `readOnly` branches): nothing they do can be lost, because nothing they do is kept.
 *
 * `boot` restores a saved location; every other state is where a learner can rest. Learner data lives
 * in `context.record` (see record.ts); the tracker reads snapshots and the events this machine emits,
 * and never sends anything back but the learner's own actions.
 */
import { and, assertEvent, assign, emit, or, setup } from 'xstate';
import type { Block, Course, TextLimits } from '../content-model/types.ts';
import { drawQuestions } from './draw.ts';
import { canOpenModule, checkSettled, finalStatus, finalUnlocked, moduleById, moduleSteps, questionIndex } from './progress.ts';
import {
  decisionKey,
  emptyModuleRecord,
  emptyRecord,
  type FinalAttempt,
  type LearnerRecord,
  type ModuleRecord,
  type StepKey,
} from './record.ts';
import { countCorrect, isComplete, isCorrect, isValidAnswer, normaliseAnswer } from './scoring.ts';
import { textFits } from './room.ts';
import { parseLocation, type Location, type Resume } from './where.ts';

/** The result the LMS holds for this learner, as read at launch (a part that could not be read is absent). */
export interface RecordedResult {
  /** The LMS's own word: 'passed', 'failed', 'completed', 'incomplete', 'not attempted', ... */
  status?: string;
  /** The recorded score, 0..1. */
  score?: number;
}

/**
 * A read-only attempt: the LMS launched it in review (a finished attempt, looked at again) or browse
 * (a look around that is not recorded). Nothing the learner does in it is stored.
 */
export interface ReadOnly {
  mode: 'review' | 'browse';
  recorded: RecordedResult;
}

export interface EngineInput {
  /** Set in review and browse mode (see ReadOnly); absent in a normal attempt. */
  readOnly?: ReadOnly;
  course: Course;
  /** The longest texts the learner may keep (depends on the SCORM version's storage). */
  limits: TextLimits;
  /** The most characters the saved state may take (the LMS's suspend-data limit; none: unlimited). */
  savedStateLimit?: number;
  record?: LearnerRecord;
  resumeAt?: Location;
  /** A source of seeds: the learner's own (once, when the record has none) and each final attempt's. */
  newSeed?: () => number;
}

export interface EngineContext {
  course: Course;
  /** Set for the whole run in review and browse mode; never changes. */
  readOnly?: ReadOnly;
  limits: TextLimits;
  savedStateLimit: number;
  record: LearnerRecord;
  /** The module being taken (or last taken), and its current page. Read only while in `module`. */
  moduleId?: string;
  pageId?: string;
  /** Where a restored learner goes first (the saved location, taken apart). */
  resumeAt: Resume;
  newSeed: () => number;
}

export type EngineEvent =
  | { type: 'START' }
  | { type: 'MENU' }
  | { type: 'OPEN_MODULE'; moduleId: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'GOTO_PAGE'; pageId: string }
  /** A knowledge-check answer changes (its type's tokens: options, an order, pairs); [] clears it. */
  | { type: 'SELECT'; questionId: string; choice: string[] }
  | { type: 'SUBMIT_ANSWER'; questionId: string }
  | { type: 'SET_REFLECTION'; text: string }
  /** The learner makes the decision of a decision block on the current page (once: a decision stands). */
  | { type: 'DECIDE'; blockId: string; option: string }
  | { type: 'RATE'; value: number }
  | { type: 'OPEN_FINAL' }
  | { type: 'BEGIN_ATTEMPT' }
  | { type: 'ANSWER_FINAL'; questionId: string; choice: string[] }
  | { type: 'GOTO_QUESTION'; index: number }
  | { type: 'SUBMIT_FINAL' }
  | { type: 'OPEN_RESULTS' }
  | { type: 'SET_PLAN'; moduleId: string; text: string };

/** Domain events for listeners such as the tracker; emitted after the context is updated. */
export type EngineEmitted =
  | { type: 'answer.submitted'; questionId: string; choice: string[]; correct: boolean; kind: 'check' }
  | { type: 'attempt.submitted'; attempt: number; correct: number; max: number; answers: Record<string, string[]> }
  | { type: 'module.completed'; moduleId: string }
  | { type: 'decision.made'; moduleId: string; pageId: string; blockId: string; option: string };

type Ctx = { context: EngineContext };

const currentModule = (context: EngineContext) => moduleById(context.course, context.moduleId ?? '');

const moduleRecord = (context: EngineContext, id = context.moduleId ?? ''): ModuleRecord =>
  context.record.modules[id] ?? emptyModuleRecord();

const withModule = (context: EngineContext, id: string, change: (m: ModuleRecord) => ModuleRecord): LearnerRecord => ({
  ...context.record,
  modules: { ...context.record.modules, [id]: change(moduleRecord(context, id)) },
});

/** Records that the learner is on `step`: their resume point and, if further, their furthest step. */
function visit(context: EngineContext, step: StepKey): LearnerRecord {
  const m = currentModule(context);
  if (!m) return context.record;
  const steps = moduleSteps(m);
  return withModule(context, m.id, (r) => ({
    ...r,
    at: step,
    furthest: r.furthest && steps.indexOf(r.furthest) >= steps.indexOf(step) ? r.furthest : step,
  }));
}

const pageIds = (context: EngineContext) => currentModule(context)?.pages.map((p) => p.id) ?? [];
const pagePosition = (context: EngineContext) => pageIds(context).indexOf(context.pageId ?? '');
const currentAttempt = (context: EngineContext) => context.record.latest;
const withAttempt = (context: EngineContext, change: (a: FinalAttempt) => FinalAttempt): LearnerRecord =>
  context.record.latest ? { ...context.record, latest: change(context.record.latest) } : context.record;

/** The module to enter and its page: the page the learner rested on; the last after it for an activity; else the first. */
function entry(context: EngineContext, moduleId: string): Pick<EngineContext, 'moduleId' | 'pageId'> {
  const m = moduleById(context.course, moduleId)!;
  const at = context.record.modules[moduleId]?.at;
  // An activity (check, reflection, self-assessment) comes after the last page, where Back returns to.
  const pageId =
    at?.startsWith('page:') && m.pages.some((p) => `page:${p.id}` === at)
      ? at.slice(5)
      : at && !at.startsWith('page:') && moduleSteps(m).includes(at)
        ? m.pages.at(-1)!.id
        : m.pages[0]!.id;
  return { moduleId, pageId };
}

const questionOf = (context: EngineContext, localId: string) => currentModule(context)?.questions.find((q) => q.localId === localId);

/** A decision block on the current page. */
const decisionOf = (context: EngineContext, blockId: string): Extract<Block, { type: 'decision' }> | undefined => {
  const block = currentModule(context)
    ?.pages.find((p) => p.id === context.pageId)
    ?.blocks.find((b) => b.id === blockId);
  return block?.type === 'decision' ? block : undefined;
};

const randomSeed = () => Math.floor(Math.random() * 2 ** 32);

const withSeed = (record: LearnerRecord, newSeed: () => number): LearnerRecord =>
  record.seed !== undefined ? record : { ...record, seed: newSeed() >>> 0 };

/**
 * Read-only, at a module's end: the module is not finished by looking at it (that could not be stored),
 * so the learner goes back to the menu; a module the record has as finished shows its moment of completion.
 */
const READ_ONLY_END = [
  { guard: and(['readOnly', 'moduleDone']), target: '#course.completed' },
  { guard: 'readOnly', target: '#course.menu' },
] as const;

/** From the menu or a moment of completion: a module the gating opens, or any module when read-only. */
const MAY_OPEN_MODULE = or(['canOpenModule', and(['readOnly', 'moduleExists'])]);
/** The final once it is unlocked, or at any time when read-only (it can be looked through, not taken). */
const MAY_OPEN_FINAL = or(['finalUnlocked', 'readOnly']);

export const courseMachine = setup({
  types: {
    context: {} as EngineContext,
    events: {} as EngineEvent,
    input: {} as EngineInput,
    emitted: {} as EngineEmitted,
  },
  guards: {
    /**
     * The attempt records what the learner does (normal mode). Every event that would add to the record
     * is guarded by it, because in review and browse nothing can be stored, and a view that changed
     * would show the learner something the LMS does not hold:
     * - SELECT, SUBMIT_ANSWER: a knowledge-check answer (reported as an interaction, counts for completion);
     * - DECIDE: a decision stands once made, and is reported; a decision not stored would be a false one;
     * - SET_REFLECTION, SET_PLAN: the learner's own words, which they would expect to find again;
     * - RATE: the self-assessment (the results' radar, and what completes a module);
     * - BEGIN_ATTEMPT, ANSWER_FINAL, SUBMIT_FINAL: the final's attempts, answers and score, which decide
     *   the LMS's status: a retake in review would show a pass the LMS never gets.
     * Navigation (START, MENU, OPEN_*, NEXT, BACK, GOTO_*) is never guarded by it.
     */
    recordable: ({ context }: Ctx) => !context.readOnly,
    readOnly: ({ context }: Ctx) => !!context.readOnly,
    /** The current module is finished in the record (so its moment of completion is true to show). */
    moduleDone: ({ context }: Ctx) => !!moduleRecord(context).done,
    /** Read-only: any module of the course may be looked at (the gating protects a learning order that nothing here records). */
    moduleExists: ({ context, event }) => {
      assertEvent(event, 'OPEN_MODULE');
      return !!moduleById(context.course, event.moduleId);
    },
    resumeAtModule: ({ context }: Ctx) => context.resumeAt.at === 'module' && !!moduleById(context.course, context.resumeAt.moduleId),
    resumeAt: ({ context }: Ctx, params: { at: Resume['at'] }) => context.resumeAt.at === params.at,
    /** The saved place is the moment after a module that the record still has as finished. */
    resumeAtCompleted: ({ context }: Ctx) =>
      context.resumeAt.at === 'completed' && !!context.record.modules[context.resumeAt.moduleId]?.done,
    resumeStepIs: ({ context }: Ctx, params: { step: StepKey }) => {
      const at = moduleRecord(context).at;
      const m = currentModule(context);
      return at === params.step && !!m && moduleSteps(m).includes(at);
    },
    canOpenModule: ({ context, event }) => {
      assertEvent(event, 'OPEN_MODULE');
      return canOpenModule(context.course, context.record, event.moduleId);
    },
    hasNextPage: ({ context }: Ctx) => pagePosition(context) < pageIds(context).length - 1,
    hasPreviousPage: ({ context }: Ctx) => pagePosition(context) > 0,
    pageExists: ({ context, event }) => {
      assertEvent(event, 'GOTO_PAGE');
      return pageIds(context).includes(event.pageId);
    },
    hasCheck: ({ context }: Ctx) => !!currentModule(context)?.questions.length,
    hasReflection: ({ context }: Ctx) => !!currentModule(context)?.reflection,
    hasSelfAssessment: ({ context }: Ctx) => !!currentModule(context)?.selfAssessment,
    checkSettled: ({ context }: Ctx) => {
      const m = currentModule(context);
      return !!m && checkSettled(m, moduleRecord(context), context.course.settings.knowledgeCheck.attempts);
    },
    questionOpen: ({ context, event }) => {
      assertEvent(event, ['SELECT', 'SUBMIT_ANSWER']);
      const q = questionOf(context, event.questionId);
      if (!q) return false;
      const r = moduleRecord(context).answers[q.localId];
      const settled = !!r && r.submitted && (isCorrect(q, r.choice) || r.tries >= context.course.settings.knowledgeCheck.attempts);
      return !settled;
    },
    validChoice: ({ context, event }) => {
      assertEvent(event, 'SELECT');
      const q = questionOf(context, event.questionId);
      return !!q && isValidAnswer(q, event.choice);
    },
    hasUnsubmittedChoice: ({ context, event }) => {
      assertEvent(event, 'SUBMIT_ANSWER');
      const q = questionOf(context, event.questionId);
      const r = moduleRecord(context).answers[event.questionId];
      return !!q && !!r && !r.submitted && isComplete(q, r.choice);
    },
    openDecision: ({ context, event }) => {
      assertEvent(event, 'DECIDE');
      const block = decisionOf(context, event.blockId);
      return (
        !!block &&
        block.options.includes(event.option) &&
        moduleRecord(context).decisions?.[decisionKey(context.pageId ?? '', block.id)] === undefined
      );
    },
    reflectionFits: ({ context, event }) => {
      assertEvent(event, 'SET_REFLECTION');
      // Within the cap and within the saved state's room (src/engine/room.ts).
      const field = { kind: 'reflection' as const, moduleId: context.moduleId ?? '' };
      return textFits(context.course, context.record, context.limits, context.savedStateLimit, field, event.text);
    },
    validRating: ({ event }) => {
      assertEvent(event, 'RATE');
      return Number.isInteger(event.value) && event.value >= 1 && event.value <= 5;
    },
    rated: ({ context }: Ctx) => moduleRecord(context).rating !== undefined,
    finalUnlocked: ({ context }: Ctx) => finalUnlocked(context.course, context.record),
    attemptInProgress: ({ context }: Ctx) => finalStatus(context.course, context.record).inProgress,
    hasSubmittedAttempt: ({ context }: Ctx) => context.record.latest?.correct !== undefined,
    canStartAttempt: ({ context }: Ctx) => {
      const s = finalStatus(context.course, context.record);
      return !s.inProgress && !s.passed && s.attemptsLeft > 0;
    },
    drawnQuestion: ({ context, event }) => {
      assertEvent(event, 'ANSWER_FINAL');
      const q = questionIndex(context.course).get(event.questionId);
      return !!q && !!currentAttempt(context)?.drawn.includes(event.questionId) && isValidAnswer(q, event.choice);
    },
    questionInRange: ({ context, event }) => {
      assertEvent(event, 'GOTO_QUESTION');
      return event.index >= 0 && event.index < (currentAttempt(context)?.drawn.length ?? 0);
    },
    hasNextQuestion: ({ context }: Ctx) => {
      const a = currentAttempt(context);
      return !!a && a.index < a.drawn.length - 1;
    },
    hasPreviousQuestion: ({ context }: Ctx) => (currentAttempt(context)?.index ?? 0) > 0,
    allAnswered: ({ context }: Ctx) => {
      const a = currentAttempt(context);
      const questions = questionIndex(context.course);
      return (
        !!a &&
        a.drawn.every((id) => {
          const q = questions.get(id);
          return !!q && isComplete(q, a.answers[id] ?? []);
        })
      );
    },
    planFits: ({ context, event }) => {
      assertEvent(event, 'SET_PLAN');
      const field = { kind: 'plan' as const, moduleId: event.moduleId };
      return (
        !!moduleById(context.course, event.moduleId)?.selfAssessment &&
        textFits(context.course, context.record, context.limits, context.savedStateLimit, field, event.text)
      );
    },
  },
  actions: {
    openModule: assign(({ context, event }) => {
      assertEvent(event, 'OPEN_MODULE');
      return entry(context, event.moduleId);
    }),
    resumeModule: assign(({ context }) => entry(context, context.resumeAt.at === 'module' ? context.resumeAt.moduleId : '')),
    resumeCompleted: assign(({ context }) => (context.resumeAt.at === 'completed' ? { moduleId: context.resumeAt.moduleId } : {})),
    visitPage: assign(({ context }) => ({ record: visit(context, `page:${context.pageId}`) })),
    visitStep: assign(({ context }, params: { step: StepKey }) => ({ record: visit(context, params.step) })),
    nextPage: assign(({ context }) => ({ pageId: pageIds(context)[pagePosition(context) + 1] })),
    previousPage: assign(({ context }) => ({ pageId: pageIds(context)[pagePosition(context) - 1] })),
    lastPage: assign(({ context }) => ({ pageId: pageIds(context).at(-1) })),
    goToPage: assign(({ event }) => {
      assertEvent(event, 'GOTO_PAGE');
      return { pageId: event.pageId };
    }),
    select: assign(({ context, event }) => {
      assertEvent(event, 'SELECT');
      return {
        record: withModule(context, context.moduleId!, (r) => ({
          ...r,
          answers: {
            ...r.answers,
            [event.questionId]: {
              tries: r.answers[event.questionId]?.tries ?? 0,
              choice: normaliseAnswer(questionOf(context, event.questionId)!, event.choice),
              submitted: false,
            },
          },
        })),
      };
    }),
    submitAnswer: assign(({ context, event }) => {
      assertEvent(event, 'SUBMIT_ANSWER');
      return {
        record: withModule(context, context.moduleId!, (r) => {
          const a = r.answers[event.questionId]!;
          return { ...r, answers: { ...r.answers, [event.questionId]: { ...a, tries: a.tries + 1, submitted: true } } };
        }),
      };
    }),
    emitAnswer: emit(({ context, event }) => {
      assertEvent(event, 'SUBMIT_ANSWER');
      const q = questionOf(context, event.questionId);
      const choice = q ? moduleRecord(context).answers[q.localId]!.choice : [];
      return {
        type: 'answer.submitted' as const,
        questionId: q?.id ?? '',
        choice,
        correct: !!q && isCorrect(q, choice),
        kind: 'check' as const,
      };
    }),
    decide: assign(({ context, event }) => {
      assertEvent(event, 'DECIDE');
      const key = decisionKey(context.pageId!, event.blockId);
      return { record: withModule(context, context.moduleId!, (r) => ({ ...r, decisions: { ...r.decisions, [key]: event.option } })) };
    }),
    emitDecision: emit(({ context, event }) => {
      assertEvent(event, 'DECIDE');
      return {
        type: 'decision.made' as const,
        moduleId: context.moduleId ?? '',
        pageId: context.pageId ?? '',
        blockId: event.blockId,
        option: event.option,
      };
    }),
    setReflection: assign(({ context, event }) => {
      assertEvent(event, 'SET_REFLECTION');
      // An emptied text is no text: it is saved (and restored) as absent.
      return { record: withModule(context, context.moduleId!, (r) => ({ ...r, reflection: event.text || undefined })) };
    }),
    rate: assign(({ context, event }) => {
      assertEvent(event, 'RATE');
      return { record: withModule(context, context.moduleId!, (r) => ({ ...r, rating: event.value })) };
    }),
    completeModule: assign(({ context }) => ({
      record: withModule(context, context.moduleId!, (r) => ({ ...r, done: true, at: undefined })),
    })),
    emitModuleCompleted: emit(({ context }) => ({ type: 'module.completed' as const, moduleId: context.moduleId ?? '' })),
    startAttempt: assign(({ context }) => {
      const seed = context.newSeed() >>> 0;
      const { draw, shuffle, perModule } = context.course.settings.final;
      const drawn = drawQuestions(context.course.bank, draw, seed, shuffle, perModule);
      const { past, latest } = context.record;
      // The previous attempt keeps only its score: its answers were reported when it was submitted.
      const kept = latest?.correct !== undefined ? [...past, { correct: latest.correct, max: latest.drawn.length }] : past;
      return { record: { ...context.record, past: kept, latest: { seed, drawn, answers: {}, index: 0 } } };
    }),
    answerFinal: assign(({ context, event }) => {
      assertEvent(event, 'ANSWER_FINAL');
      const choice = normaliseAnswer(questionIndex(context.course).get(event.questionId)!, event.choice);
      return { record: withAttempt(context, (a) => ({ ...a, answers: { ...a.answers, [event.questionId]: choice } })) };
    }),
    goToQuestion: assign(({ context, event }) => {
      assertEvent(event, 'GOTO_QUESTION');
      return { record: withAttempt(context, (a) => ({ ...a, index: event.index })) };
    }),
    nextQuestion: assign(({ context }) => ({ record: withAttempt(context, (a) => ({ ...a, index: a.index + 1 })) })),
    previousQuestion: assign(({ context }) => ({ record: withAttempt(context, (a) => ({ ...a, index: a.index - 1 })) })),
    submitAttempt: assign(({ context }) => ({
      record: withAttempt(context, (a) => ({ ...a, correct: countCorrect(a, questionIndex(context.course)) })),
    })),
    emitAttempt: emit(({ context }) => {
      const a = currentAttempt(context)!;
      return {
        type: 'attempt.submitted' as const,
        attempt: context.record.past.length + 1,
        correct: a.correct ?? 0,
        max: a.drawn.length,
        answers: a.answers,
      };
    }),
    setPlan: assign(({ context, event }) => {
      assertEvent(event, 'SET_PLAN');
      return { record: withModule(context, event.moduleId, (r) => ({ ...r, plan: event.text || undefined })) };
    }),
  },
}).createMachine({
  id: 'course',
  context: ({ input }) => ({
    course: input.course,
    ...(input.readOnly ? { readOnly: input.readOnly } : {}),
    limits: input.limits,
    savedStateLimit: input.savedStateLimit ?? Number.POSITIVE_INFINITY,
    // The learner's seed is made once and then kept in the record (and so in the saved state).
    record: withSeed(input.record ?? emptyRecord(), input.newSeed ?? randomSeed),
    resumeAt: parseLocation(input.resumeAt ?? 'start') ?? { at: 'start' },
    newSeed: input.newSeed ?? randomSeed,
  }),
  initial: 'boot',
  states: {
    boot: {
      always: [
        { guard: 'resumeAtModule', target: 'module', actions: 'resumeModule' },
        { guard: 'resumeAtCompleted', target: 'completed', actions: 'resumeCompleted' },
        { guard: { type: 'resumeAt', params: { at: 'menu' } }, target: 'menu' },
        { guard: and([{ type: 'resumeAt', params: { at: 'final' as const } }, 'finalUnlocked']), target: 'final' },
        { guard: { type: 'resumeAt', params: { at: 'results' } }, target: 'results' },
        { guard: { type: 'resumeAt', params: { at: 'final' } }, target: 'menu' },
        { guard: { type: 'resumeAt', params: { at: 'completed' } }, target: 'menu' },
        { target: 'start' },
      ],
    },
    start: {
      on: { START: 'menu' },
    },
    menu: {
      on: {
        OPEN_MODULE: { guard: MAY_OPEN_MODULE, target: 'module', actions: 'openModule' },
        OPEN_FINAL: { guard: MAY_OPEN_FINAL, target: 'final' },
        OPEN_RESULTS: 'results',
      },
    },
    module: {
      initial: 'resume',
      on: { MENU: '#course.menu' },
      states: {
        resume: {
          always: [
            { guard: { type: 'resumeStepIs', params: { step: 'check' } }, target: 'check' },
            { guard: { type: 'resumeStepIs', params: { step: 'reflection' } }, target: 'reflection' },
            { guard: { type: 'resumeStepIs', params: { step: 'self' } }, target: 'self' },
            { target: 'page' },
          ],
        },
        page: {
          entry: 'visitPage',
          on: {
            NEXT: [
              { guard: 'hasNextPage', target: 'page', reenter: true, actions: 'nextPage' },
              { guard: 'hasCheck', target: 'check' },
              { guard: 'hasReflection', target: 'reflection' },
              { guard: 'hasSelfAssessment', target: 'self' },
              ...READ_ONLY_END,
              { target: '#course.completed', actions: ['completeModule', 'emitModuleCompleted'] },
            ],
            BACK: { guard: 'hasPreviousPage', target: 'page', reenter: true, actions: 'previousPage' },
            GOTO_PAGE: { guard: 'pageExists', target: 'page', reenter: true, actions: 'goToPage' },
            DECIDE: { guard: and(['recordable', 'openDecision']), actions: ['decide', 'emitDecision'] },
          },
        },
        check: {
          entry: { type: 'visitStep', params: { step: 'check' } },
          on: {
            SELECT: { guard: and(['recordable', 'questionOpen', 'validChoice']), actions: 'select' },
            SUBMIT_ANSWER: { guard: and(['recordable', 'questionOpen', 'hasUnsubmittedChoice']), actions: ['submitAnswer', 'emitAnswer'] },
            NEXT: [
              // Read-only: the check cannot be settled (answers are not taken), so it does not hold the learner.
              { guard: and(['readOnly', 'hasReflection']), target: 'reflection' },
              { guard: and(['readOnly', 'hasSelfAssessment']), target: 'self' },
              ...READ_ONLY_END,
              { guard: and(['checkSettled', 'hasReflection']), target: 'reflection' },
              { guard: and(['checkSettled', 'hasSelfAssessment']), target: 'self' },
              { guard: 'checkSettled', target: '#course.completed', actions: ['completeModule', 'emitModuleCompleted'] },
            ],
            BACK: { target: 'page', actions: 'lastPage' },
            GOTO_PAGE: { guard: 'pageExists', target: 'page', actions: 'goToPage' },
          },
        },
        reflection: {
          entry: { type: 'visitStep', params: { step: 'reflection' } },
          on: {
            SET_REFLECTION: { guard: and(['recordable', 'reflectionFits']), actions: 'setReflection' },
            NEXT: [
              { guard: 'hasSelfAssessment', target: 'self' },
              ...READ_ONLY_END,
              { target: '#course.completed', actions: ['completeModule', 'emitModuleCompleted'] },
            ],
            BACK: [
              { guard: 'hasCheck', target: 'check' },
              { target: 'page', actions: 'lastPage' },
            ],
            GOTO_PAGE: { guard: 'pageExists', target: 'page', actions: 'goToPage' },
          },
        },
        self: {
          entry: { type: 'visitStep', params: { step: 'self' } },
          on: {
            RATE: { guard: and(['recordable', 'validRating']), actions: 'rate' },
            NEXT: [...READ_ONLY_END, { guard: 'rated', target: '#course.completed', actions: ['completeModule', 'emitModuleCompleted'] }],
            BACK: [
              { guard: 'hasReflection', target: 'reflection' },
              { guard: 'hasCheck', target: 'check' },
              { target: 'page', actions: 'lastPage' },
            ],
            GOTO_PAGE: { guard: 'pageExists', target: 'page', actions: 'goToPage' },
          },
        },
      },
    },
    completed: {
      on: {
        MENU: 'menu',
        OPEN_MODULE: { guard: MAY_OPEN_MODULE, target: 'module', actions: 'openModule' },
        OPEN_FINAL: { guard: MAY_OPEN_FINAL, target: 'final' },
        OPEN_RESULTS: 'results',
      },
    },
    final: {
      initial: 'routing',
      on: { MENU: '#course.menu', OPEN_RESULTS: '#course.results' },
      states: {
        routing: {
          always: [
            { guard: 'attemptInProgress', target: 'taking' },
            { guard: 'hasSubmittedAttempt', target: 'result' },
            { target: 'intro' },
          ],
        },
        intro: {
          on: { BEGIN_ATTEMPT: { guard: and(['recordable', 'canStartAttempt']), target: 'taking', actions: 'startAttempt' } },
        },
        taking: {
          on: {
            ANSWER_FINAL: { guard: and(['recordable', 'drawnQuestion']), actions: 'answerFinal' },
            GOTO_QUESTION: { guard: 'questionInRange', actions: 'goToQuestion' },
            NEXT: { guard: 'hasNextQuestion', actions: 'nextQuestion' },
            BACK: { guard: 'hasPreviousQuestion', actions: 'previousQuestion' },
            SUBMIT_FINAL: { guard: and(['recordable', 'allAnswered']), target: 'result', actions: ['submitAttempt', 'emitAttempt'] },
          },
        },
        result: {
          on: { BEGIN_ATTEMPT: { guard: and(['recordable', 'canStartAttempt']), target: 'taking', actions: 'startAttempt' } },
        },
      },
    },
    results: {
      on: {
        SET_PLAN: { guard: and(['recordable', 'planFits']), actions: 'setPlan' },
        MENU: 'menu',
        OPEN_FINAL: { guard: MAY_OPEN_FINAL, target: 'final' },
      },
    },
  },
});

export type CourseMachine = typeof courseMachine;
