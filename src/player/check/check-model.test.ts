import { describe, expect, it } from 'vitest';
import type { Question } from '../../content-model/types.ts';
import { questionState } from './check-model.ts';

const single: Question = {
  id: 'm.q1',
  localId: 'q1',
  moduleId: 'm',
  type: 'single',
  objective: 'm.o1',
  options: ['a', 'b', 'c'],
  correct: ['c'],
};
const ordering: Question = { id: 'm.q3', localId: 'q3', moduleId: 'm', type: 'ordering', objective: 'm.o1', items: ['x', 'y', 'z'] };

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

  it('can submit only a finished answer: a choice, or a full order', () => {
    expect(questionState(single, { choice: [], tries: 0, submitted: false }, 2).complete).toBe(false);
    expect(questionState(single, { choice: ['a'], tries: 0, submitted: false }, 2).complete).toBe(true);
    expect(questionState(ordering, undefined, 2).complete).toBe(false);
    expect(questionState(ordering, { choice: ['y', 'x', 'z'], tries: 0, submitted: false }, 2).complete).toBe(true);
    expect(questionState(ordering, { choice: ['x', 'y', 'z'], tries: 1, submitted: true }, 2)).toMatchObject({
      phase: 'settled',
      correct: true,
    });
  });
});
