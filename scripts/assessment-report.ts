/**
 * npm run assessment:report: the figures behind the assessment rules (docs/writing-style.md), per
 * language, with every item that breaks one named, and the cue simulation. Read-only; exits 1 when a
 * rule is broken, so it can be run before the tests.
 */
import { resolve } from 'node:path';
import { correctAreLongest, CUE_STRATEGIES, describeLengths, formFigures, simulateFinal } from '../src/authoring/assessment-form.ts';
import { ContentError, formatIssue } from '../src/content-model/issues.ts';
import { loadCourse } from '../src/content-model/load.ts';

const root = resolve(process.argv[2] ?? '.');
let loaded;
try {
  loaded = loadCourse(root);
} catch (e) {
  if (e instanceof ContentError) {
    console.error(e.issues.map(formatIssue).join('\n'));
    process.exit(1);
  }
  throw e;
}
const { course, texts } = loaded;
const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : '0.0'} %`;
let broken = 0;
const flag = (ok: boolean) => {
  if (!ok) broken++;
  return ok ? 'ok  ' : 'FAIL';
};

for (const lang of course.languages) {
  const f = formFigures(course, texts[lang]!);
  console.log(`\n== ${lang}: ${f.singles.length} single-choice and ${f.multiples.length} multiple-answer items`);
  console.log(
    `${flag(f.longestCorrect.length <= 0.3 * f.singles.length)} correct is the longest in ${f.longestCorrect.length} of ${f.singles.length} single-choice items (${pct(f.longestCorrect.length, f.singles.length)}; at most 30 %)`,
  );
  console.log(`     correct option over the mean wrong option, in characters: ${f.meanRatio.toFixed(2)} on average`);
  const ranks = Array.from({ length: 4 }, (_, i) => f.lengthRanks[i] ?? 0);
  console.log(`     the correct option is, by length: ${['longest', '2nd', '3rd', '4th'].map((r, i) => `${r} ${ranks[i]}`).join(', ')}`);
  for (const [m, e] of f.byModule)
    if (e.longest.length > e.singles / 2)
      console.log(`${flag(false)} ${m}: correct is the longest in ${e.longest.length} of ${e.singles} single-choice items (at most half)`);
  for (const item of f.longestCorrect) console.log(`     longest is correct: ${item.label} (${describeLengths(item)})`);
  const positions = f.positions.map((n, i) => `${'abcdefgh'[i]} ${n} (${pct(n, f.singles.length)})`).join(', ');
  const spread = f.positions.slice(0, 4).every((n) => n >= 0.15 * f.singles.length && n <= 0.35 * f.singles.length);
  console.log(`${flag(spread)} correct positions, file order: ${positions} (each of a-d 15-35 %)`);
  const counts = [...f.correctCounts].sort(([a], [b]) => a - b);
  const most = Math.max(0, ...counts.map(([, n]) => n));
  console.log(
    `${flag(most <= 0.6 * f.multiples.length)} correct options per multiple-answer item: ${counts.map(([k, n]) => `${k}: ${n}`).join(', ')} (no one number in more than 60 %)`,
  );
  console.log(
    `${flag(f.longestSetCorrect.length <= 0.3 * f.multiples.length)} correct options are the longest in ${f.longestSetCorrect.length} of ${f.multiples.length} multiple-answer items (at most 30 %)`,
  );
  for (const item of f.multiples.filter(correctAreLongest))
    console.log(`     longest are correct: ${item.label} (${describeLengths(item)})`);
  const { draw, perModule, masteryScore } = course.settings.final;
  console.log(`     final: ${draw} drawn, at least ${perModule} per module, ${masteryScore * 100} % to pass; 10,000 attempts per cue:`);
  for (const s of CUE_STRATEGIES) {
    const r = simulateFinal(course, texts[lang]!, s, 10_000);
    console.log(
      `${flag(r.passed < 100)} ${s.name}: passes ${r.passed} of ${r.attempts} (${pct(r.passed, r.attempts)}; under 1 %), mean score ${(100 * r.meanScore).toFixed(1)} %`,
    );
  }
}
console.log(broken ? `\n${broken} rule(s) broken` : '\nevery rule holds');
process.exitCode = broken ? 1 : 0;
