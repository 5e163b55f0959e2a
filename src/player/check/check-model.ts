/** Where one knowledge-check question stands, derived from the learner's record. */
import type { Question } from '../../content-model/types.ts';
import type { QuestionRecord } from '../../engine/record.ts';
import { isComplete, isCorrect, isSettled } from '../../engine/scoring.ts';

/**
 * open:    the learner is answering (first time, or again after "Try again")
 * retry:   submitted, wrong, tries left: feedback shows, "Try again" reopens the question
 * settled: right, or out of tries: feedback and the correct answer show, the question is closed
 */
export type QuestionPhase = 'open' | 'retry' | 'settled';

export interface QuestionState {
  phase: QuestionPhase;
  choice: string[];
  /** The answer is finished: it can be submitted. */
  complete: boolean;
  /** The shown (submitted) answer is right. */
  correct: boolean;
  triesLeft: number;
}

export function questionState(q: Question, rec: QuestionRecord | undefined, attempts: number): QuestionState {
  const submitted = !!rec && rec.submitted && rec.tries > 0;
  const choice = rec?.choice ?? [];
  return {
    phase: isSettled(q, rec, attempts) ? 'settled' : submitted ? 'retry' : 'open',
    choice,
    complete: isComplete(q, choice),
    correct: submitted && isCorrect(q, choice),
    triesLeft: Math.max(0, attempts - (rec?.tries ?? 0)),
  };
}
