/** Where one knowledge-check question stands, derived from the learner's record. */
import type { Question } from '../../content-model/types.ts';
import type { QuestionRecord } from '../../engine/record.ts';
import { isCorrect, isSettled } from '../../engine/scoring.ts';

/**
 * open:    the learner is choosing (first time, or again after "Try again")
 * retry:   submitted, wrong, tries left: feedback shows, "Try again" clears the choice
 * settled: right, or out of tries: feedback and the correct answer show, the question is closed
 */
export type QuestionPhase = 'open' | 'retry' | 'settled';

export interface QuestionState {
  phase: QuestionPhase;
  choice: string[];
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
    correct: submitted && isCorrect(q, choice),
    triesLeft: Math.max(0, attempts - (rec?.tries ?? 0)),
  };
}

/** The choice after the learner (un)ticks `option`, in the question's own option order. */
export function nextChoice(q: Question, current: readonly string[], option: string, checked: boolean): string[] {
  if (q.type === 'single') return checked ? [option] : [];
  const set = new Set(current);
  if (checked) set.add(option);
  else set.delete(option);
  return q.options.filter((o) => set.has(o));
}
