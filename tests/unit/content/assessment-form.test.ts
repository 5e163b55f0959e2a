/**
 * A reader who did not take the course cannot pass by form (issue 14; the rules are in
 * docs/writing-style.md). Checked in every language over every module's knowledge check and bank: the
 * correct option is rarely the longest, correct positions are spread, multiple-answer items vary, and
 * in 10,000 simulated final attempts, drawn and scored by the engine's own code, no cue strategy passes
 * 1 %. Each message names the module, the item and the figures, so the author knows what to change;
 * `npm run assessment:report` prints the same figures for the whole course.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  correctAreLongest,
  CUE_STRATEGIES,
  describeLengths,
  formFigures,
  simulateFinal,
  type CueStrategy,
  type ItemForm,
} from '../../../src/authoring/assessment-form.ts';
import { loadCourse } from '../../../src/content-model/load.ts';

const { course, texts } = loadCourse(resolve(import.meta.dirname, '../../..'));
const ATTEMPTS = 10_000;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
const list = (items: ItemForm[]) => items.map((i) => `\n  ${i.label}: ${describeLengths(i)}`).join('');

describe.each(course.languages)('the assessment in %s gives nothing away by form', (lang) => {
  const f = formFigures(course, texts[lang]!);

  it('the correct option is the longest in at most 30 % of single-choice items', () => {
    expect(f.singles.length).toBeGreaterThan(40);
    expect(
      f.longestCorrect.length,
      `${lang}: the correct option is the longest in ${f.longestCorrect.length} of ${f.singles.length} single-choice items (${pct(f.longestCorrect.length, f.singles.length)}; at most 30 %):${list(f.longestCorrect)}`,
    ).toBeLessThanOrEqual(0.3 * f.singles.length);
  });

  it.each(course.modules.map((m) => m.id))('in %s the correct option is the longest in at most half of its single-choice items', (id) => {
    const m = f.byModule.get(id) ?? { singles: 0, longest: [] };
    expect(
      m.longest.length,
      `${lang}/${id}: the correct option is the longest in ${m.longest.length} of its ${m.singles} single-choice items (at most half):${list(m.longest)}`,
    ).toBeLessThanOrEqual(m.singles / 2);
  });

  it('options are of similar length: the correct one is on average at most 1.2 times the wrong ones', () => {
    expect(f.meanRatio, `${lang}: the correct option is on average ${f.meanRatio.toFixed(2)} times the mean wrong option`).toBeLessThanOrEqual(1.2);
  });

  it('each position a-d holds the correct option in 15-35 % of single-choice items (file order)', () => {
    const where = (p: number) =>
      f.singles
        .filter((i) => i.question.options.indexOf(i.question.correct[0]!) === p)
        .map((i) => i.label)
        .join(', ');
    for (const p of [0, 1, 2, 3]) {
      const n = f.positions[p]!;
      const message = `${lang}: position ${'abcd'[p]} holds the correct option in ${n} of ${f.singles.length} single-choice items (${pct(n, f.singles.length)}; 15-35 %): ${where(p)}`;
      expect(n, message).toBeGreaterThanOrEqual(0.15 * f.singles.length);
      expect(n, message).toBeLessThanOrEqual(0.35 * f.singles.length);
    }
  });

  it('multiple-answer items vary their number of correct options, and the correct ones are rarely the longest', () => {
    const counts = [...f.correctCounts].sort(([a], [b]) => a - b);
    const most = Math.max(...counts.map(([, n]) => n));
    expect(
      most,
      `${lang}: correct options per multiple-answer item ${counts.map(([k, n]) => `${k}: ${n}`).join(', ')} (no one number in more than 60 %)`,
    ).toBeLessThanOrEqual(0.6 * f.multiples.length);
    expect(
      f.longestSetCorrect.length,
      `${lang}: the correct options are the longest in ${f.longestSetCorrect.length} of ${f.multiples.length} multiple-answer items (at most 30 %):${list(f.multiples.filter(correctAreLongest))}`,
    ).toBeLessThanOrEqual(0.3 * f.multiples.length);
  });

  it.each(CUE_STRATEGIES.map((s) => [s.name, s] as const))(
    'a guesser who picks "%s" passes under 1 % of 10,000 simulated final attempts',
    (name, strategy) => {
      const r = simulateFinal(course, texts[lang]!, strategy, ATTEMPTS);
      expect(r.attempts).toBe(ATTEMPTS);
      expect(
        r.passed,
        `${lang}: "${name}" passes ${r.passed} of ${ATTEMPTS} attempts (${pct(r.passed, ATTEMPTS)}), mean score ${(100 * r.meanScore).toFixed(1)} %`,
      ).toBeLessThan(0.01 * ATTEMPTS);
    },
  );

  it('the simulation is the real assessment: a learner who knows every answer passes every attempt, one who knows none passes none', () => {
    const knows: CueStrategy = { name: 'knows every answer', choose: (q) => [...q.correct] };
    const knowsNone: CueStrategy = { name: 'knows no answer', choose: (q) => [q.options.find((o) => !q.correct.includes(o))!] };
    expect(simulateFinal(course, texts[lang]!, knows, 500)).toMatchObject({ passed: 500, meanScore: 1 });
    expect(simulateFinal(course, texts[lang]!, knowsNone, 500)).toMatchObject({ passed: 0, meanScore: 0 });
  });
});
