/** The pure half of every question type: judging, normalising, saving and the registry. */
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import type { Question } from '../../../src/content-model/types.ts';
import { toggle } from '../../../src/question-types/choice/model.ts';
import { modelOf, QUESTION_TYPE_IDS } from '../../../src/question-types/index.ts';
import { checkQuestionFile, questionSchema } from '../../../src/question-types/schemas.ts';
import { matchOrder } from '../../../src/question-types/matching/model.ts';
import { move, startOrder } from '../../../src/question-types/ordering/model.ts';
import { anyAnswer, anyPartialAnswer, QUESTIONS } from './questions.ts';

const cases = QUESTIONS.map((q) => [q.type, q] as const);

describe('every question type', () => {
  it('is registered once, by its type', () => {
    expect(QUESTION_TYPE_IDS).toEqual(['single', 'multiple', 'ordering', 'matching']);
    expect(QUESTIONS.map((q) => modelOf(q).type)).toEqual(QUESTION_TYPE_IDS);
  });

  test.each(cases)('%s: its correct answer is correct and finished; an empty one is neither', (_, q) => {
    const m = modelOf(q);
    expect(m.isCorrect(q, m.correctAnswer(q))).toBe(true);
    expect(m.isComplete(q, m.correctAnswer(q))).toBe(true);
    expect(m.isCorrect(q, [])).toBe(false);
    expect(m.isComplete(q, [])).toBe(false);
    expect(m.isValid(q, [])).toBe(true);
  });

  test.each(cases)('%s: right exactly when it equals the correct answer, once normalised', (_, q) => {
    const m = modelOf(q);
    fc.assert(
      fc.property(anyAnswer(q), (answer) => {
        expect(m.isValid(q, answer)).toBe(true);
        expect(m.isComplete(q, answer)).toBe(true);
        expect(m.isCorrect(q, answer)).toBe(m.normalise(q, answer).join() === m.correctAnswer(q).join());
      }),
    );
  });

  test.each(cases)('%s: saves and restores any answer in the making, in normal form', (_, q) => {
    const m = modelOf(q);
    fc.assert(
      fc.property(anyPartialAnswer(q), (answer) => {
        const normal = m.normalise(q, answer);
        expect(m.normalise(q, normal)).toEqual(normal);
        expect(m.decode(q, m.encode(q, normal))).toEqual(normal);
        expect(m.encode(q, normal).length).toBeLessThanOrEqual(m.encode(q, m.longestAnswer(q)).length);
      }),
    );
  });

  test.each(cases)('%s: refuses saved answers that do not fit the question', (_, q) => {
    const m = modelOf(q);
    for (const text of ['zz', 'a,a', 'zz=zz', 'budget=cfo,budget=hr', 'a,b,c,d,e']) {
      const decoded = m.decode(q, text);
      if (decoded !== undefined) expect(m.isValid(q, decoded)).toBe(true);
    }
    expect(m.decode(q, 'nothing-like-it')).toBeUndefined();
  });
});

describe('choice', () => {
  const [single, multiple] = QUESTIONS as [Extract<Question, { type: 'single' }>, Extract<Question, { type: 'multiple' }>];

  it('replaces a single choice and keeps a multiple choice in option order', () => {
    expect(toggle(single, ['a'], 'b', true)).toEqual(['b']);
    expect(toggle(multiple, ['maybe'], 'agree', true)).toEqual(['agree', 'maybe']);
    expect(toggle(multiple, ['agree', 'maybe'], 'agree', false)).toEqual(['maybe']);
  });

  it('takes at most one option in a single choice, and no option twice', () => {
    expect(modelOf(single).isValid(single, ['a', 'b'])).toBe(false);
    expect(modelOf(multiple).isValid(multiple, ['agree', 'agree'])).toBe(false);
    expect(modelOf(multiple).isValid(multiple, ['agree', 'nope'])).toBe(false);
  });
});

describe('ordering', () => {
  const q = QUESTIONS[2] as Extract<Question, { type: 'ordering' }>;

  it('starts from an order of the learner’s own: a full order, never the right one, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const order = startOrder(q, seed);
        expect([...order].sort()).toEqual([...q.items].sort());
        expect(order).not.toEqual(q.items);
        expect(startOrder(q, seed)).toEqual(order);
      }),
    );
  });

  it('moves an item up or down, staying inside the list', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('takes only a full order of its own items', () => {
    const m = modelOf(q);
    expect(m.isValid(q, ['a', 'b'])).toBe(false);
    expect(m.isValid(q, ['a', 'b', 'c', 'c'])).toBe(false);
    expect(m.isValid(q, ['d', 'c', 'b', 'a'])).toBe(true);
    expect(m.retry(q, ['d', 'c', 'b', 'a'])).toEqual(['d', 'c', 'b', 'a']); // "Try again" starts from the last order
  });
});

describe('matching', () => {
  const q = QUESTIONS[3] as Extract<Question, { type: 'matching' }>;

  it('takes pairs of its own items and matches, one per item, in item order', () => {
    const m = modelOf(q);
    expect(m.isValid(q, ['risk=ciso', 'budget=cfo'])).toBe(true);
    expect(m.normalise(q, ['risk=ciso', 'budget=cfo'])).toEqual(['budget=cfo', 'risk=ciso']);
    expect(m.isComplete(q, ['risk=ciso', 'budget=cfo'])).toBe(false);
    expect(m.isValid(q, ['budget=cfo', 'budget=hr'])).toBe(false);
    expect(m.isValid(q, ['budget=cto'])).toBe(false);
    expect(m.isValid(q, ['budget'])).toBe(false);
    // One match may fit several items (it is then wrong for one of them here).
    expect(m.isCorrect(q, ['budget=cfo', 'risk=cfo', 'people=hr'])).toBe(false);
  });

  it('offers the matches in the seeded order when shuffled, else as written', () => {
    expect(matchOrder(q, 5, false)).toEqual(q.matches);
    expect([...matchOrder(q, 5, true)].sort()).toEqual([...q.matches].sort());
    expect(matchOrder(q, 5, true)).toEqual(matchOrder(q, 5, true));
  });
});

describe('module-file checks', () => {
  const problems = (q: unknown): string[] => {
    const parsed = questionSchema.safeParse(q);
    if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    const out: string[] = [];
    checkQuestionFile(parsed.data, (path, message) => out.push(`${path.join('.')}: ${message}`));
    return out;
  };

  it('names an unknown type as such', () => {
    expect(problems({ id: 'q1', type: 'essay', objective: 'o1' })).toEqual([
      'type: Invalid option: expected one of "single"|"multiple"|"ordering"|"matching"',
    ]);
  });

  it('checks each type by its own rules', () => {
    expect(problems({ id: 'q1', type: 'ordering', objective: 'o1', items: ['a', 'b'] })).toEqual(['items: needs 3 to 6 items']);
    expect(problems({ id: 'q1', type: 'ordering', objective: 'o1', items: ['a', 'b', 'a'] })).toEqual([
      'items.0: duplicate item id "a"',
      'items.2: duplicate item id "a"',
    ]);
    expect(problems({ id: 'q1', type: 'ordering', objective: 'o1', items: ['a', 'b', 'c'], correct: ['a'] })).toEqual([
      ': Unrecognized key: "correct"',
    ]);
    expect(
      problems({ id: 'q1', type: 'matching', objective: 'o1', items: ['a', 'b', 'c'], matches: ['x', 'y'], correct: { a: 'x', b: 'z' } }),
    ).toEqual([
      'matches: needs at least as many matches as items (3), found 2',
      'correct.b: unknown match "z"',
      'correct: item "c" has no correct match',
    ]);
    expect(problems({ id: 'q1', type: 'single', objective: 'o1', options: ['a', 'b'], correct: ['a', 'b'] })).toEqual([
      'correct: a single-choice question needs exactly one correct option, found 2',
    ]);
  });
});
