/** Scoring, as pure functions of the course model and the learner's record. */
import type { Question } from '../content-model/types.ts';
import type { FinalAttempt, QuestionRecord } from './record.ts';

/** All-or-nothing: the chosen set equals the correct set. */
export function isCorrect(question: Question, choice: readonly string[]): boolean {
  return choice.length === question.correct.length && question.correct.every((c) => choice.includes(c));
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
