/**
 * The final assessment's draw: every module with a bank gives its quota (`final.perModule`) to every
 * attempt, the rest is spread evenly, nothing is drawn twice, and the same seed draws the same
 * attempt. Proven over many banks, quotas and seeds (fast-check), and on the real course.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/content-model/load.ts';
import { quotaProblem } from '../../../src/content-model/quota.ts';
import { drawQuestions } from '../../../src/engine/draw.ts';
import { optionOrder, type ChoiceQuestion } from '../../../src/question-types/choice/model.ts';

function bankOf(sizes: number[]): ChoiceQuestion[] {
  return sizes.flatMap((n, m) =>
    Array.from({ length: n }, (_, i) => ({
      id: `m${m}.b${i}`,
      localId: `b${i}`,
      moduleId: `m${m}`,
      type: 'single' as const,
      objective: `m${m}.o1`,
      options: ['a', 'b', 'c', 'd'],
      correct: ['a'],
    })),
  );
}

const perModuleCounts = (drawn: string[]) => {
  const counts = new Map<string, number>();
  for (const id of drawn) counts.set(id.split('.')[0]!, (counts.get(id.split('.')[0]!) ?? 0) + 1);
  return counts;
};

/** A bank of 1-12 modules with 0-6 questions each, a quota the bank can meet, a count and a seed. */
const drawCase = fc
  .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 })
  .filter((sizes) => sizes.some((n) => n > 0))
  .chain((sizes) => {
    const withBank = sizes.filter((n) => n > 0);
    const maxQuota = Math.min(...withBank);
    const total = withBank.reduce((a, b) => a + b, 0);
    return fc.integer({ min: 0, max: maxQuota }).chain((perModule) =>
      fc.record({
        sizes: fc.constant(sizes),
        perModule: fc.constant(perModule),
        count: fc.integer({ min: Math.max(1, perModule * withBank.length), max: total }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        shuffled: fc.boolean(),
      }),
    );
  });

describe('drawQuestions', () => {
  it('gives every module with a bank its quota, spreads the rest evenly and never repeats (property)', () => {
    fc.assert(
      fc.property(drawCase, ({ sizes, perModule, count, seed, shuffled }) => {
        const bank = bankOf(sizes);
        expect(quotaProblem(bank, count, perModule)).toBeUndefined();
        const drawn = drawQuestions(bank, count, seed, shuffled, perModule);
        expect(drawn).toHaveLength(count);
        expect(new Set(drawn).size).toBe(count);
        for (const id of drawn) expect(bank.some((q) => q.id === id)).toBe(true);
        const counts = perModuleCounts(drawn);
        sizes.forEach((n, m) => {
          if (n > 0) expect(counts.get(`m${m}`) ?? 0, `m${m}`).toBeGreaterThanOrEqual(perModule);
        });
        // Evenly: a module that still has questions left never has two fewer than another module.
        const left = sizes.map((n, m) => [n - (counts.get(`m${m}`) ?? 0), counts.get(`m${m}`) ?? 0] as const);
        const most = Math.max(...left.map(([, c]) => c));
        for (const [remaining, c] of left) if (remaining > 0) expect(most - c).toBeLessThanOrEqual(1);
        // The same seed draws the same attempt (a relaunch shows the same questions in the same order).
        expect(drawQuestions(bank, count, seed, shuffled, perModule)).toEqual(drawn);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a quota the bank cannot meet instead of drawing short (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (sizes, perModule, seed) => {
          const bank = bankOf(sizes);
          const tooFewInABank = sizes.some((n) => n < perModule);
          const count = Math.min(bank.length, perModule * sizes.length - 1);
          expect(quotaProblem(bank, count, perModule)).toBeDefined();
          expect(() => drawQuestions(bank, count, seed, true, perModule)).toThrow(/final assessment/);
          if (tooFewInABank) expect(quotaProblem(bank, bank.length, perModule)).toMatch(/not every bank holds that many/);
        },
      ),
    );
  });

  it('names the modules that are short and the numbers that do not add up', () => {
    const bank = bankOf([3, 1, 4]);
    expect(quotaProblem(bank, 8, 2)).toBe('asks 2 questions from every module, but not every bank holds that many (m1 has 1)');
    expect(quotaProblem(bankOf([3, 3, 3]), 5, 2)).toBe('asks 2 questions from each of 3 modules (6 in all), but final.draw is 5');
    expect(quotaProblem(bank, 2, 0)).toBeUndefined();
  });

  it('option order is a permutation, the same for the same attempt, and the file order when not shuffled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const [q] = bankOf([1]);
        const order = optionOrder(q!, seed, true);
        expect([...order].sort()).toEqual(q!.options);
        expect(optionOrder(q!, seed, true)).toEqual(order);
        expect(optionOrder(q!, seed, false)).toEqual(q!.options);
      }),
    );
  });
});

describe('the real course', () => {
  const { course } = loadCourse(resolve(import.meta.dirname, '../../..'));
  const principles = course.modules.filter((m) => m.principle !== undefined);

  it('tests every principle in every attempt: its quota is set, and 2,000 seeded draws keep it', () => {
    const { draw, perModule, shuffle } = course.settings.final;
    expect(perModule).toBeGreaterThanOrEqual(1);
    for (let seed = 0; seed < 2000; seed++) {
      const counts = perModuleCounts(drawQuestions(course.bank, draw, seed * 2654435761, shuffle, perModule));
      for (const m of principles) expect(counts.get(m.id) ?? 0, `seed ${seed}: ${m.id}`).toBeGreaterThanOrEqual(perModule);
    }
  });
});
