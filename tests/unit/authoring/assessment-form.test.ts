/**
 * The figures behind the assessment rules are not vacuous: on a bank built to leak its answers, each
 * measure sees the leak, and the cue simulation (the engine's draw and scoring) lets the cue pass.
 */
import { describe, expect, it } from 'vitest';
import {
  correctAreLongest,
  CUE_STRATEGIES,
  formFigures,
  simulateFinal,
  type ChoiceQuestion,
} from '../../../src/authoring/assessment-form.ts';
import type { Course, LanguageTexts, Module } from '../../../src/content-model/types.ts';

/** A course of `modules` modules with five bank questions each; `text(q, o)` writes option o of q. */
function leakyCourse(
  shuffle: boolean,
  text: (q: ChoiceQuestion, o: string) => string,
  modules = 4,
): { course: Course; texts: LanguageTexts } {
  const mods = Array.from({ length: modules }, (_, m) => ({
    id: `m${m}`,
    principle: m + 1,
    objectives: ['o1'],
    pages: [],
    questions: [],
    reflection: false,
    selfAssessment: false,
    bank: Array.from({ length: 5 }, (_, i) => ({
      id: `m${m}.b${i}`,
      localId: `b${i}`,
      moduleId: `m${m}`,
      type: i === 4 ? ('multiple' as const) : ('single' as const),
      objective: `m${m}.o1`,
      options: ['a', 'b', 'c', 'd'],
      correct: i === 4 ? ['b', 'c'] : ['b'],
    })),
  })) satisfies Module[];
  const bank = mods.flatMap((m) => m.bank);
  const course = {
    id: 'leaky',
    version: '1.0.0',
    defaultLanguage: 'en',
    languages: ['en'],
    settings: {
      gating: 'free',
      knowledgeCheck: { attempts: 2, shuffle: true },
      final: { draw: 10, perModule: 1, shuffle, masteryScore: 0.8, attempts: 3 },
      completion: { completedWhen: 'all-modules', successFrom: 'final' },
      limits: { scorm12: { reflection: 100, actionStep: 50 }, scorm2004: { reflection: 100, actionStep: 50 } },
    },
    modules: mods,
    bank,
  } as unknown as Course;
  const modulesText = Object.fromEntries(
    mods.map((m) => [
      m.id,
      {
        bank: Object.fromEntries(
          m.bank.map((q) => [
            q.localId,
            { prompt: 'p', options: Object.fromEntries(q.options.map((o) => [o, { text: text(q, o), feedback: 'f' }])) },
          ]),
        ),
      },
    ]),
  );
  return { course, texts: { course: {}, ui: {}, modules: modulesText } };
}

const strategy = (name: string) => CUE_STRATEGIES.find((s) => s.name === name)!;
const longerWhenRight = (q: ChoiceQuestion, o: string) => (q.correct.includes(o) ? 'the right one, at length' : 'wrong');

describe('assessment form figures', () => {
  it('see a bank whose answers are the longest options, always at b', () => {
    const { course, texts } = leakyCourse(true, longerWhenRight);
    const f = formFigures(course, texts);
    expect(f.singles).toHaveLength(16);
    expect(f.longestCorrect).toHaveLength(16);
    expect(f.positions).toEqual([0, 16, 0, 0]);
    expect(f.correctCounts).toEqual(new Map([[2, 4]]));
    expect(f.longestSetCorrect).toHaveLength(4);
    expect(f.meanRatio).toBeGreaterThan(4);
    expect(f.byModule.get('m0')).toMatchObject({ singles: 4 });
  });

  it('count a tie for the longest as the longest', () => {
    const { course, texts } = leakyCourse(true, () => 'same length');
    expect(formFigures(course, texts).singles.every(correctAreLongest)).toBe(true);
  });

  it('let "the longest" pass a bank that leaks by length, and "always b" pass one that leaks by position when unshuffled', () => {
    const byLength = leakyCourse(true, longerWhenRight);
    expect(
      simulateFinal(byLength.course, byLength.texts, strategy('the longest, and the longest two for multiple answer'), 500).passed,
    ).toBe(500);
    expect(simulateFinal(byLength.course, byLength.texts, strategy('always the longest'), 500).meanScore).toBeGreaterThan(0.75);
    const byPosition = leakyCourse(false, (q, o) => `option ${o} of ${q.id}`);
    expect(simulateFinal(byPosition.course, byPosition.texts, strategy('always b'), 500).meanScore).toBeGreaterThan(0.75);
    // Shuffled, the position tells nothing.
    const shuffled = leakyCourse(true, (q, o) => `option ${o} of ${q.id}`);
    expect(simulateFinal(shuffled.course, shuffled.texts, strategy('always b'), 500).passed).toBeLessThan(5);
  });

  it('gives the same figures for the same seed', () => {
    const { course, texts } = leakyCourse(true, (q, o) => `${o}${'x'.repeat((q.id.length * o.charCodeAt(0)) % 7)}`);
    const s = strategy('always the longest');
    expect(simulateFinal(course, texts, s, 300)).toEqual(simulateFinal(course, texts, s, 300));
  });
});
