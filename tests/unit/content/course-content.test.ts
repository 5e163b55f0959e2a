/**
 * The real course, checked as a whole (issue: the course itself). Fails when any module loses a part,
 * a question loses its answer key or feedback, an objective goes unassessed, a string is missing in a
 * language, a module's estimated time leaves 8-12 minutes, or text is copied from the source column.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedRuns, type Fingerprint } from '../../../src/authoring/fingerprint.ts';
import { loadCourse } from '../../../src/content-model/load.ts';
import { activityMinutes, moduleMinutes, moduleWords, WORDS_PER_MINUTE } from '../../../src/content-model/reading-time.ts';
import { moduleTextSlots } from '../../../src/content-model/text-spec.ts';
import type { TextTree } from '../../../src/content-model/types.ts';
import { modelOf } from '../../../src/question-types/index.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { course, texts } = loadCourse(repo);
const principles = course.modules.filter((m) => m.principle !== undefined);
const at = (tree: TextTree, path: string[]): unknown => path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as TextTree)[k] : undefined), tree);

/**
 * The source's two titles, cited as titles in the start module's credit (in quotation marks): a
 * citation, not copying. The copying check reads the text around them, never across them.
 */
const CITED_TITLES = ['Digitalt Mindset og toplederkompetencer i den offentlige sektor?', 'Digital Transformation – 10 evner din organisation skal mestre'];
const withoutCitations = (s: string): string[] => CITED_TITLES.reduce((parts, t) => parts.flatMap((p) => p.split(`"${t}"`)), [s]);

function allStrings(tree: TextTree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : allStrings(v)));
}

describe('the course', () => {
  it('has a start module and the ten principles, in order, in Danish first and English', () => {
    expect(course.defaultLanguage).toBe('da');
    expect(course.languages).toEqual(expect.arrayContaining(['da', 'en']));
    expect(course.modules[0]!.id).toBe('start');
    expect(principles.map((m) => m.principle)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each(principles.map((m) => [m.id, m] as const))('%s has every part a principle module needs', (_, m) => {
    expect(m.objectives.length).toBeGreaterThanOrEqual(2);
    expect(m.objectives.length).toBeLessThanOrEqual(4);
    expect(m.pages.length).toBeGreaterThanOrEqual(3);
    expect(m.pages.length).toBeLessThanOrEqual(5);
    expect(m.reflection).toBe(true);
    expect(m.selfAssessment).toBe(true);
    expect(m.questions.length).toBeGreaterThanOrEqual(3);
    expect(m.bank.length).toBeGreaterThanOrEqual(3);
  });

  it.each(principles.map((m) => [m.id, m] as const))(
    '%s puts its case as a decision and teaches with a figure that has a caption and a text version in every language',
    (id, m) => {
      const blocks = m.pages.flatMap((p) => p.blocks.map((block) => ({ page: p.id, block })));
      expect(
        blocks.filter((b) => b.block.type === 'case').map((b) => `${b.page}.${b.block.id}`),
        `${id}: a case block is left; make it a decision (docs/content-format.md, Blocks)`,
      ).toEqual([]);
      expect(blocks.filter((b) => b.block.type === 'decision'), `${id}: needs one decision block`).toHaveLength(1);
      const figures = blocks.filter((b) => b.block.type === 'figure');
      expect(figures.length, `${id}: needs at least one figure block (an SVG under content/figures/)`).toBeGreaterThanOrEqual(1);
      for (const lang of course.languages)
        for (const f of figures)
          for (const slot of ['caption', 'description']) {
            const text = at(texts[lang]!.modules[id]!, ['pages', f.page, 'blocks', f.block.id, slot]);
            expect(typeof text === 'string' && text.trim().length > 0, `${lang}/${id}.json pages.${f.page}.blocks.${f.block.id}.${slot}`).toBe(true);
          }
    },
  );

  it('has a start module that explains why, with a decision, a check and a reflection', () => {
    const start = course.modules[0]!;
    expect(start.pages.length).toBeGreaterThanOrEqual(3);
    expect(start.pages.flatMap((p) => p.blocks).some((b) => b.type === 'decision')).toBe(true);
    expect(start.questions.length).toBeGreaterThanOrEqual(3);
    expect(start.reflection).toBe(true);
  });

  it('answer keys are sound: single-choice has exactly one correct option, multiple-choice at least one', () => {
    for (const q of [...course.modules.flatMap((m) => m.questions), ...course.bank]) {
      const model = modelOf(q);
      expect(model.isCorrect(q, model.correctAnswer(q)), q.id).toBe(true);
      if (q.type !== 'single' && q.type !== 'multiple') continue;
      expect(q.correct.every((c) => q.options.includes(c)), q.id).toBe(true);
      if (q.type === 'single') expect(q.correct, q.id).toHaveLength(1);
      else expect(q.correct.length, q.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('every question maps to an objective and every objective is checked by a question', () => {
    for (const m of course.modules) {
      const checked = new Set([...m.questions, ...m.bank].map((q) => q.objective));
      for (const o of m.objectives) expect(checked.has(`${m.id}.${o}`), `${m.id}.${o}`).toBe(true);
      for (const q of [...m.questions, ...m.bank]) expect(m.objectives.map((o) => `${m.id}.${o}`)).toContain(q.objective);
    }
  });

  it('the final assessment draws from a bank of at least 30, three or more per principle, with 80 % mastery', () => {
    expect(course.bank.length).toBeGreaterThanOrEqual(30);
    for (const m of principles) expect(m.bank.length, m.id).toBeGreaterThanOrEqual(3);
    expect(course.settings.final.masteryScore).toBe(0.8);
    expect(course.settings.final.shuffle).toBe(true);
    expect(course.settings.final.attempts).toBeGreaterThanOrEqual(1);
    expect(course.settings.final.draw).toBeLessThanOrEqual(course.bank.length);
  });

  it.each(course.languages)('every string exists and is non-empty in %s, with feedback on every option', (lang) => {
    for (const m of course.modules) {
      const tree = texts[lang]!.modules[m.id]!;
      for (const slot of moduleTextSlots(m)) {
        if (slot.optional) continue;
        const value = at(tree, slot.path);
        expect(typeof value === 'string' && value.trim().length > 0, `${lang}/${m.id}.json ${slot.path.join('.')}`).toBe(true);
      }
    }
  });

  // The estimate counts a real reflection (four minutes of writing) and what one learner reads on one path.
  it.each(course.languages.flatMap((lang) => course.modules.map((m) => [lang, m.id, m] as const)))(
    'in %s, %s takes 8 to 12 minutes by the estimate',
    (lang, id, m) => {
      const words = moduleWords(m, texts[lang]!.modules[id]!);
      const minutes = moduleMinutes(m, texts[lang]!.modules[id]!);
      const message = `${lang}/${id}: ${minutes} minutes (${Math.round(words)} words on one path at ${WORDS_PER_MINUTE} a minute, plus ${activityMinutes(m)} minutes of reflection, self-assessment and check)`;
      expect(minutes, message).toBeGreaterThanOrEqual(8);
      expect(minutes, message).toBeLessThanOrEqual(12);
    },
  );

  it('carries no personal contact details', () => {
    for (const lang of course.languages) {
      const strings = [...Object.values(texts[lang]!.modules).flatMap(allStrings), ...allStrings(texts[lang]!.course)];
      for (const s of strings) {
        expect(s, lang).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
        expect(s, lang).not.toMatch(/\b\d{4} ?\d{4}\b|\b\d{2} \d{2} \d{2} \d{2}\b/);
      }
    }
  });

  it.each(course.languages)('credits its source in the start module in %s: the column (December 2018) and the book, by title', (lang) => {
    const credit = allStrings(texts[lang]!.modules.start!).join('\n');
    for (const title of CITED_TITLES) expect(credit, `${lang}/start.json`).toContain(`"${title}"`);
    expect(credit, `${lang}/start.json`).toMatch(/(december|December) 2018/);
  });

  it('copies no sentence from the source column: no run of eight words appears in both', () => {
    // The source is not in the repository: its fingerprint is (npm run fingerprint makes it).
    const fingerprint = JSON.parse(readFileSync(resolve(repo, 'content/source-fingerprint.json'), 'utf8')) as Fingerprint;
    // A fingerprint of the whole column (about 900 words), not of a fragment.
    expect(fingerprint.runs.length).toBeGreaterThan(800);
    for (const lang of course.languages) {
      const strings = [...Object.values(texts[lang]!.modules).flatMap(allStrings), ...allStrings(texts[lang]!.course)];
      expect(copiedRuns(fingerprint, strings.flatMap(withoutCitations)), lang).toEqual([]);
    }
  });
});
