/**
 * What a question type is, as one unit, in three files of its folder:
 *
 *   model.ts   its text slots, how an answer is judged and normalised, how it is kept in the saved state
 *              and how it is reported to an LMS: pure (no React, no DOM, no zod), imported by the
 *              engine, tracking and the content model, and so shipped in the player;
 *   schema.ts  its shape in a module file and the checks its schema cannot express: build time only
 *              (the loader), so the validation library never reaches the player;
 *   *View.tsx  the controls the knowledge check and the final share, and its part of the feedback:
 *              imported by the player only.
 *
 * An answer is always a list of tokens (`string[]`), whose meaning the type defines: the chosen option
 * ids, the items in the learner's order, `item=match` pairs. A list of ids survives a course update
 * (it is keyed by ids, never by position) and is what the engine's events and the record carry.
 */
import type { CmiAnswer } from './cmi.ts';

export type Answer = readonly string[];

/** What every question has, whatever its type. Ids are course-wide (`<module>.<local id>`). */
export interface QuestionBase {
  /** Course-wide id, `<module>.<local id>`. */
  id: string;
  localId: string;
  moduleId: string;
  /** Course-wide objective id, `<module>.<objective>`. */
  objective: string;
}

/** A question as written in a module file: what its type's schema accepts. */
export type QuestionFile<Q extends QuestionBase> = Omit<Q, 'localId' | 'moduleId'>;

/** A string the type needs, relative to the question's own key (its `prompt` is always needed). */
export interface QuestionTextSlot {
  path: string[];
  kind?: 'plain' | 'markdown';
}

export interface QuestionTypeModel<Q extends QuestionBase & { type: string }> {
  readonly type: Q['type'];
  /** The type's strings besides the prompt. */
  textSlots(q: Q): QuestionTextSlot[];

  /** Well-formed for this question (known ids, no repeats), though perhaps not finished. */
  isValid(q: Q, answer: Answer): boolean;
  /** Finished: can be submitted, and counts as answered in the final assessment. */
  isComplete(q: Q, answer: Answer): boolean;
  isCorrect(q: Q, answer: Answer): boolean;
  /** The canonical form of a valid answer (for example a choice in option order). */
  normalise(q: Q, answer: Answer): string[];
  /** A correct answer: what the check shows when the tries are used up. */
  correctAnswer(q: Q): string[];
  /** Where "Try again" starts from: nothing, or the learner's last answer to correct. */
  retry(q: Q, answer: Answer): string[];
  /** The answer whose saved form is longest (the suspend-data budget is built from it). */
  longestAnswer(q: Q): string[];

  /** The saved state's form of an answer: one string, no commas inside a token. */
  encode(q: Q, answer: Answer): string;
  /** The answer back from its saved form; undefined when it no longer fits the question. */
  decode(q: Q, text: string): string[] | undefined;

  /** How the answer is reported to an LMS: the interaction type and both versions' patterns. */
  cmi(q: Q, answer: Answer): CmiAnswer;
}

/** The saved form shared by the types whose tokens are ids or `id=id` pairs: tokens joined by commas. */
export const tokenCodec = {
  encode: (answer: Answer): string => answer.join(','),
  split: (text: string): string[] => (text ? text.split(',') : []),
};

export const unique = (items: Answer): boolean => new Set(items).size === items.length;
