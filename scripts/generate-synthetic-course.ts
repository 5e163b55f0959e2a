/**
 * Writes a synthetic course (by default 100 modules in 3 languages) through the normal content format,
 * for the benchmark's scaling figures: `tsx scripts/generate-synthetic-course.ts <dir> [modules] [langs]`.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

const WORDS =
  'digital service borger data leder kommune region styrelse platform proces værdi mål ansvar forandring team kultur eksperiment beslutning'.split(
    ' ',
  );

function words(n: number, seed: number): string {
  return Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');
}

export function generateSyntheticCourse(
  dir: string,
  moduleCount = 100,
  languages = ['da', 'en', 'de'],
  uiFrom = resolve(import.meta.dirname, '..'),
): string {
  const ids = Array.from({ length: moduleCount }, (_, i) => `m${String(i + 1).padStart(3, '0')}`);
  mkdirSync(join(dir, 'content/modules'), { recursive: true });
  writeFileSync(
    join(dir, 'content/course.yaml'),
    stringify({
      id: 'synthetic',
      version: '1.0.0',
      defaultLanguage: languages[0],
      gating: 'free',
      modules: ids,
      knowledgeCheck: { attempts: 2 },
      final: { draw: 20, shuffle: true, masteryScore: 0.8, attempts: 3 },
      completion: { completedWhen: 'all-modules-and-final', successFrom: 'final' },
      limits: { scorm12: { reflection: 20, actionStep: 10 }, scorm2004: { reflection: 400, actionStep: 100 } },
    }),
  );
  const question = (id: string) => ({ id, type: 'single', objective: 'o1', options: ['a', 'b', 'c'], correct: ['b'] });
  const questionText = (seed: number) => ({
    prompt: words(25, seed),
    options: Object.fromEntries(['a', 'b', 'c'].map((o, i) => [o, { text: words(8, seed + i), feedback: words(20, seed + i) }])),
  });
  ids.forEach((id, index) => {
    writeFileSync(
      join(dir, `content/modules/${id}.yaml`),
      stringify({
        id,
        principle: index + 1,
        objectives: ['o1', 'o2'],
        pages: ['p1', 'p2', 'p3', 'p4'].map((p) => ({
          id: p,
          blocks: [
            { id: 'text', type: 'text' },
            { id: 'note', type: 'callout', tone: 'tip' },
          ],
        })),
        knowledgeCheck: { questions: [question('q1'), question('q2'), { ...question('q3'), objective: 'o2' }] },
        reflection: true,
        selfAssessment: true,
        bank: [question('b1'), question('b2'), { ...question('b3'), objective: 'o2' }],
      }),
    );
  });
  for (const lang of languages) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true });
    const ui = existsUi(uiFrom, lang) ? lang : 'en';
    cpSync(join(uiFrom, 'locales', ui, 'ui.json'), join(dir, 'locales', lang, 'ui.json'));
    writeFileSync(
      join(dir, 'locales', lang, 'course.json'),
      JSON.stringify(
        {
          title: `Synthetic (${lang})`,
          description: words(30, 1),
          final: { title: 'Final', intro: words(40, 2) },
          closing: { title: 'Results', intro: words(40, 3), planIntro: words(15, 4) },
        },
        null,
        2,
      ),
    );
    ids.forEach((id, i) => {
      const tree = {
        title: `${lang} ${id}`,
        summary: words(15, i),
        objectives: { o1: words(10, i), o2: words(10, i + 1) },
        pages: Object.fromEntries(
          ['p1', 'p2', 'p3', 'p4'].map((p, j) => [
            p,
            { title: words(5, i + j), blocks: { text: { body: words(180, i + j) }, note: { title: words(3, j), body: words(40, i) } } },
          ]),
        ),
        knowledgeCheck: { questions: { q1: questionText(i), q2: questionText(i + 1), q3: questionText(i + 2) } },
        reflection: { prompt: words(20, i), hint: words(10, i) },
        selfAssessment: { question: words(15, i), steps: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [String(n), words(12, i + n)])) },
        actionPlan: { hint: words(12, i) },
        bank: { b1: questionText(i + 3), b2: questionText(i + 4), b3: questionText(i + 5) },
      };
      writeFileSync(join(dir, 'locales', lang, `${id}.json`), JSON.stringify(tree, null, 2));
    });
  }
  return dir;
}

function existsUi(root: string, lang: string): boolean {
  return existsSync(join(root, 'locales', lang, 'ui.json'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, langs] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx scripts/generate-synthetic-course.ts <dir> [modules=100] [languages=da,en,de]');
    process.exit(2);
  }
  generateSyntheticCourse(resolve(dir), Number(count ?? 100), (langs ?? 'da,en,de').split(','));
  console.log(`wrote a synthetic course to ${dir}`);
}
