/** Scoring, as pure functions of the course model and the learner's record. */
import type { Question } from '../content-model/types.ts';
import { modelOf } from '../question-types/index.ts';
import type { FinalAttempt, QuestionRecord } from './record.ts';

/** Whether an answer is right, by its question type's rule (all or nothing for every type). */
export function isCorrect(question: Question, answer: readonly string[]): boolean {
  return modelOf(question).isCorrect(question, answer);
}

/** Whether an answer is finished: it can be submitted, and counts as answered in the final assessment. */
export function isComplete(question: Question, answer: readonly string[]): boolean {
  return modelOf(question).isComplete(question, answer);
}

/** The canonical form of a valid answer (a choice in option order, pairs in item order): what the record keeps. */
export function normaliseAnswer(question: Question, answer: readonly string[]): string[] {
  return modelOf(question).normalise(question, answer);
}

/** Whether an answer is well-formed for its question (known ids, no repeats), though perhaps unfinished. */
export function isValidAnswer(question: Question, answer: readonly string[]): boolean {
  return modelOf(question).isValid(question, answer);
}

/** A knowledge-check question is settled when answered right, or when its tries are used up. */
export function isSettled(question: Question, record: QuestionRecord | undefined, attemptsAllowed: number): boolean {
  if (!record || !record.submitted || record.tries === 0) return false;
  return isCorrect(question, record.choice) || record.tries >= attemptsAllowed;
}

export interface Score {
  raw: number;
  max: number;
  /** 0..1, rounded to four decimals so that it is stable across encodings. */
  scaled: number;
}

export function scoreOf(correct: number, max: number): Score {
  return { raw: correct, max, scaled: max === 0 ? 0 : Math.round((correct / max) * 10000) / 10000 };
}

/** Counts the attempt's correct answers; a question no longer in the course counts as wrong. */
export function countCorrect(attempt: FinalAttempt, questions: ReadonlyMap<string, Question>): number {
  return attempt.drawn.filter((id) => questions.has(id) && isCorrect(questions.get(id)!, attempt.answers[id] ?? [])).length;
}

/** The score of a submitted attempt. */
export function attemptScore(attempt: FinalAttempt): Score | undefined {
  return attempt.correct === undefined ? undefined : scoreOf(attempt.correct, attempt.drawn.length);
}

export function isPassed(scaled: number, mastery: number): boolean {
  return scaled + 1e-9 >= mastery;
}
