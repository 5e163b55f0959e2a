/** One question of every type, and fast-check generators of their answers. */
import fc from 'fast-check';
import type { Question } from '../../../src/content-model/types.ts';
import { pair } from '../../../src/question-types/matching/model.ts';

const base = (localId: string) => ({ id: `p01.${localId}`, localId, moduleId: 'p01', objective: 'p01.o1' });

export const QUESTIONS: Question[] = [
  { ...base('q1'), type: 'single', options: ['a', 'b', 'c', 'd'], correct: ['b'] },
  { ...base('q2'), type: 'multiple', options: ['agree', 'disagree', 'maybe'], correct: ['agree', 'maybe'] },
  { ...base('q3'), type: 'ordering', items: ['a', 'b', 'c', 'd'] },
  {
    ...base('q4'),
    type: 'matching',
    items: ['budget', 'risk', 'people'],
    matches: ['cfo', 'ciso', 'hr', 'board'],
    correct: { budget: 'cfo', risk: 'ciso', people: 'hr' },
  },
];

/** Any finished answer a learner can give (right or wrong). */
export function anyAnswer(q: Question): fc.Arbitrary<string[]> {
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...q.options).map((o) => [o]);
    case 'multiple':
      return fc.subarray(q.options, { minLength: 1 }).map((s) => q.options.filter((o) => s.includes(o)));
    case 'ordering':
      return fc.shuffledSubarray(q.items, { minLength: q.items.length, maxLength: q.items.length });
    case 'matching':
      return fc.tuple(...q.items.map(() => fc.constantFrom(...q.matches))).map((ms) => q.items.map((i, n) => pair(i, ms[n]!)));
  }
}

/** Any answer in the making: finished or not (nothing yet, some items matched). */
export function anyPartialAnswer(q: Question): fc.Arbitrary<string[]> {
  if (q.type !== 'matching') return fc.oneof(fc.constant<string[]>([]), anyAnswer(q));
  return fc
    .tuple(...q.items.map(() => fc.option(fc.constantFrom(...q.matches), { nil: undefined })))
    .map((ms) => q.items.flatMap((i, n) => (ms[n] ? [pair(i, ms[n])] : [])));
}
