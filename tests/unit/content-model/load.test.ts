/**
 * Bad content is rejected with the file, the line and the path inside it named; good content loads
 * into the language-neutral model with its texts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatIssue } from '../../../src/content-model/issues.ts';
import { loadCourse } from '../../../src/content-model/load.ts';

const repo = resolve(import.meta.dirname, '../../..');
const sample = resolve(repo, 'tests/sample-course');
const dirs: string[] = [];

/** A temp copy of the sample course with `edit` applied; returns the formatted issues of loading it. */
function problemsAfter(edit: (root: string) => void): string[] {
  const root = mkdtempSync(join(tmpdir(), 'bad-content-'));
  dirs.push(root);
  cpSync(sample, root, { recursive: true });
  edit(root);
  try {
    loadCourse(root, { uiRoot: repo });
  } catch (e) {
    if (e instanceof ContentError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

const replaceIn = (file: string, from: string | RegExp, to: string) => (root: string) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${from} not found in ${file}`);
  writeFileSync(path, next);
};

const editJson = (file: string, change: (data: any) => void) => (root: string) => {
  const path = join(root, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
};

afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('loadCourse', () => {
  it('loads the sample course', () => {
    const { course, texts } = loadCourse(sample, { uiRoot: repo });
    expect(course.languages).toEqual(['da', 'en']);
    expect(course.modules.map((m) => m.id)).toEqual(['intro', 'alpha', 'beta', 'omega']);
    expect(course.bank.map((q) => q.id)).toContain('alpha.b2');
    expect(course.modules[1]!.questions[0]).toMatchObject({ id: 'alpha.q1', objective: 'alpha.o1', correct: ['c'] });
    expect(texts.en!.modules.alpha!.title).toBe('Alpha');
  });

  it.each<[string, (root: string) => void, string]>([
    [
      'a correct answer that is not an option',
      replaceIn('content/modules/alpha.yaml', 'correct: [c] }', 'correct: [e] }'),
      'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"',
    ],
    [
      'a single-choice question with two correct options',
      replaceIn('content/modules/alpha.yaml', 'correct: [c] }', 'correct: [a, c] }'),
      'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct: a single-choice question needs exactly one correct option, found 2',
    ],
    [
      'an unknown question type',
      replaceIn(
        'content/modules/beta.yaml',
        'type: single, objective: o1, options: [a, b], correct: [b] }\nselfAssessment',
        'type: essay, objective: o1, options: [a, b], correct: [b] }\nselfAssessment',
      ),
      'content/modules/beta.yaml:11: knowledgeCheck.questions[0].type: Invalid option: expected one of "single"|"multiple"',
    ],
    [
      'an objective the module does not have',
      replaceIn(
        'content/modules/beta.yaml',
        'objective: o1, options: [a, b], correct: [b] }\nselfAssessment',
        'objective: o7, options: [a, b], correct: [b] }\nselfAssessment',
      ),
      'content/modules/beta.yaml:11: knowledgeCheck.questions[0].objective: unknown objective "o7" (this module has: o1)',
    ],
    [
      'a duplicate page id',
      replaceIn('content/modules/alpha.yaml', '  - id: two', '  - id: one'),
      'content/modules/alpha.yaml:9: pages[1].id: duplicate page id "one"',
    ],
    [
      'a duplicate question id across check and bank',
      replaceIn('content/modules/beta.yaml', '{ id: b1,', '{ id: q1,'),
      'content/modules/beta.yaml:14: bank[0].id: duplicate question id "q1"',
    ],
    [
      'an id with capitals',
      replaceIn('content/modules/intro.yaml', 'id: welcome', 'id: Welcome'),
      'content/modules/intro.yaml:4: pages[0].id: must be lower-case letters, digits and dashes (for example "p01")',
    ],
    [
      'a missing image file',
      replaceIn('content/modules/alpha.yaml', 'images/square.svg', 'images/circle.svg'),
      'content/modules/alpha.yaml:8: pages[0].blocks[1].src: image "content/images/circle.svg" does not exist',
    ],
    [
      'an image path leaving content/',
      replaceIn('content/modules/alpha.yaml', 'images/square.svg', '../square.svg'),
      'content/modules/alpha.yaml:8: pages[0].blocks[1].src: must stay inside content/',
    ],
    [
      'an unknown key in a module',
      replaceIn('content/modules/beta.yaml', 'selfAssessment: true', 'selfAssessment: true\nsurvey: true'),
      'content/modules/beta.yaml:13: survey: unknown key',
    ],
    [
      'a module listed but missing',
      replaceIn('content/course.yaml', '[intro, alpha, beta, omega]', '[intro, alpha, beta, omega, delta]'),
      'content/course.yaml:6: modules[4]: module "delta" is listed but content/modules/delta.yaml does not exist',
    ],
    [
      'a module file whose id differs',
      replaceIn('content/modules/beta.yaml', 'id: beta', 'id: betta'),
      'content/modules/beta.yaml:1: id: is "betta" but course.yaml lists this file as module "beta": write id: beta (a module\'s id is its file name)',
    ],
    [
      'a mastery score above 1',
      replaceIn('content/course.yaml', 'masteryScore: 0.75', 'masteryScore: 75'),
      'content/course.yaml:12: final.masteryScore: Too big: expected number to be <=1',
    ],
    [
      'a draw larger than the bank',
      replaceIn('content/course.yaml', 'draw: 4', 'draw: 40'),
      "content/course.yaml:10: final.draw: draws 40 questions but the modules' banks hold only 7",
    ],
    ['YAML that does not parse', replaceIn('content/modules/intro.yaml', 'pages:', 'pages: [\n'), 'content/modules/intro.yaml:'],
    [
      'JSON that does not parse',
      replaceIn('locales/en/beta.json', '"title": "Beta",', '"title": "Beta"'),
      'locales/en/beta.json:3:3: is not valid JSON: missing comma',
    ],
    [
      'a missing string in the source language',
      editJson('locales/da/alpha.json', (d) => delete d.pages.two.blocks.story.decision),
      'locales/da/alpha.json:24: pages.two.blocks.story.decision: missing text',
    ],
    ['an empty string', editJson('locales/da/beta.json', (d) => (d.summary = '  ')), 'locales/da/beta.json:3: summary: is empty'],
    [
      'a text key the content does not define',
      editJson('locales/en/intro.json', (d) => (d.pages.welcome.blocks.extra = { body: 'x' })),
      'locales/en/intro.json:18: pages.welcome.blocks.extra: unknown key "extra": the content defines nothing here (pages.welcome.blocks has text, note)',
    ],
    [
      'a text that is not a string',
      editJson('locales/da/intro.json', (d) => (d.title = 3)),
      'locales/da/intro.json:2: title: must be a string',
    ],
  ])('rejects %s', (_, edit, expected) => {
    const problems = problemsAfter(edit);
    expect(
      problems.some((p) => p.startsWith(expected)),
      `got:\n${problems.join('\n')}`,
    ).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsAfter((root) => {
      replaceIn('content/modules/alpha.yaml', 'correct: [c] }', 'correct: [e] }')(root);
      editJson('locales/da/beta.json', (d) => (d.summary = ''))(root);
    });
    expect(problems).toHaveLength(2);
  });
});
