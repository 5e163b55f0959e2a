/**
 * What the learner has done: the persistent part of the machine's context. Keyed by stable ids only
 * (module, page and question ids), never by language or position, so saved progress survives a
 * translation and restores what still matches after a course update.
 */

/** Where inside a module the learner is: a page (by id) or one of the module's activities. */
export type StepKey = `page:${string}` | 'check' | 'reflection' | 'self';

export interface QuestionRecord {
  /** The current answer, in its type's tokens (src/question-types): chosen options, an order, pairs. */
  choice: string[];
  /** How many times an answer was submitted. */
  tries: number;
  /** Whether `choice` is the submitted answer (false while the learner changes it for a retry). */
  submitted: boolean;
}

export interface ModuleRecord {
  /** The step the learner was last on, to resume there. */
  at?: StepKey;
  /** The furthest step reached, for progress. */
  furthest?: StepKey;
  done: boolean;
  answers: Record<string, QuestionRecord>;
  reflection?: string;
  /** Self-assessment, 1..5. */
  rating?: number;
  /** One next step for the personal action plan. */
  plan?: string;
  /** The option chosen in each decision block, keyed `<page id>.<block id>`; absent when none was made. */
  decisions?: Record<string, string>;
}

export interface FinalAttempt {
  /** Seeds the draw and the option order, so a restored attempt shows exactly the same questions. */
  seed: number;
  /** Course-wide question ids in the order shown. */
  drawn: string[];
  answers: Record<string, string[]>;
  /** Question being shown (index into `drawn`). */
  index: number;
  /** Number of questions answered correctly, once the attempt is submitted. */
  correct?: number;
}

/** The result of a submitted attempt that is no longer the latest: only its score is kept. */
export interface PastAttempt {
  correct: number;
  max: number;
}

export interface LearnerRecord {
  /**
   * The learner's own seed: the order of a knowledge check's options and of an ordering question's
   * items. Made once, at the first launch, and saved, so the same learner always sees the same order.
   */
  seed?: number;
  modules: Record<string, ModuleRecord>;
  /** Earlier submitted attempts at the final assessment, oldest first. */
  past: PastAttempt[];
  /** The latest attempt, in progress or submitted. */
  latest?: FinalAttempt;
}

export const emptyRecord = (): LearnerRecord => ({ modules: {}, past: [] });

export const emptyModuleRecord = (): ModuleRecord => ({ done: false, answers: {} });

/** The key of a decision block in `ModuleRecord.decisions` (ids never contain a dot). */
export const decisionKey = (pageId: string, blockId: string) => `${pageId}.${blockId}`;
