import { describe, expect, it } from 'vitest';
import type { Question } from '../../content-model/types.ts';
import { nextChoice, questionState } from './check-model.ts';

const single: Question = {
  id: 'm.q1',
  localId: 'q1',
  moduleId: 'm',
  type: 'single',
  objective: 'm.o1',
  options: ['a', 'b', 'c'],
  correct: ['c'],
};
const multiple: Question = { ...single, id: 'm.q2', localId: 'q2', type: 'multiple', correct: ['a', 'b'] };

describe('knowledge-check question state', () => {
  it('is open until submitted, then retry while tries remain, then settled', () => {
    expect(questionState(single, undefined, 2)).toMatchObject({ phase: 'open', choice: [], triesLeft: 2 });
    expect(questionState(single, { choice: ['a'], tries: 0, submitted: false }, 2).phase).toBe('open');
    expect(questionState(single, { choice: ['a'], tries: 1, submitted: true }, 2)).toMatchObject({
      phase: 'retry',
      correct: false,
      triesLeft: 1,
    });
    expect(questionState(single, { choice: [], tries: 1, submitted: false }, 2).phase).toBe('open'); // after "Try again"
    expect(questionState(single, { choice: ['b'], tries: 2, submitted: true }, 2)).toMatchObject({
      phase: 'settled',
      correct: false,
      triesLeft: 0,
    });
    expect(questionState(single, { choice: ['c'], tries: 1, submitted: true }, 2)).toMatchObject({ phase: 'settled', correct: true });
  });

  it('replaces a single choice and keeps a multiple choice in option order', () => {
    expect(nextChoice(single, ['a'], 'b', true)).toEqual(['b']);
    expect(nextChoice(multiple, ['c'], 'a', true)).toEqual(['a', 'c']);
    expect(nextChoice(multiple, ['a', 'c'], 'a', false)).toEqual(['c']);
  });
});
