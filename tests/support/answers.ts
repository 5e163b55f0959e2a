/** Right and wrong answers to any question, in its type's tokens, for tests that play a learner. */
import type { Question } from '../../src/content-model/types.ts';
import { modelOf } from '../../src/question-types/index.ts';
import { pair } from '../../src/question-types/matching/model.ts';

export const rightAnswer = (q: Question): string[] => modelOf(q).correctAnswer(q);

/** A finished answer that is wrong: a wrong option, the order reversed, the first item mismatched. */
export function wrongAnswer(q: Question): string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return [q.options.find((o) => !q.correct.includes(o))!];
    case 'ordering':
      return [...q.items].reverse();
    case 'matching':
      return q.items.map((i, n) => pair(i, n === 0 ? q.matches.find((m) => m !== q.correct[i])! : q.correct[i]!));
  }
}
