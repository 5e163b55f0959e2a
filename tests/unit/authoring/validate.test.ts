/**
 * `npm run validate`: each kind of bad input, made in a temp copy of the sample course, must be
 * reported with its exact file, line and message, and make the command exit 1.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMain } from '../../../src/authoring/cli.ts';
import { validateCourse } from '../../../src/authoring/validate.ts';
import { formatIssue } from '../../../src/content-model/issues.ts';
import { at, captureIo, edit, editJson, sampleCopy } from './helpers.ts';

/** Runs the command on a copy; returns what it printed and its exit code. */
function validate(root: string) {
  const io = captureIo();
  const code = validateMain(at(root), io);
  return { code, lines: io.stdout };
}

/** Expects the command to fail and to print every expected line (exactly), plus its summary. */
function expectProblems(root: string, expected: string[]) {
  const { code, lines } = validate(root);
  expect(code).toBe(1);
  for (const e of expected) expect(lines, `printed:\n${lines.join('\n')}\n`).toContain(e);
  expect(lines.at(-1)).toMatch(/^\d+ problems? in \d+ files?\.$/);
  return lines;
}

describe('npm run validate', () => {
  it('passes the sample course (with its test-only <script> removed) with a one-line summary', () => {
    const { code, lines } = validate(sampleCopy());
    expect(lines).toEqual(['OK: sample-course 0.1.0, 3 modules, 2 languages (da, en), 108 strings per language: no problems.']);
    expect(code).toBe(0);
  });

  const cases: { kind: string; change: (root: string) => void; expected: string[] }[] = [
    {
      kind: 'unknown option in correct',
      change: (r) =>
        edit(r, 'content/modules/alpha.yaml', (t) => t.replace('options: [a, b, c], correct: [c]', 'options: [a, b, c], correct: [e]')),
      expected: ['content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"'],
    },
    {
      kind: 'single-choice question with two correct options',
      change: (r) =>
        edit(r, 'content/modules/alpha.yaml', (t) => t.replace('options: [a, b, c], correct: [c]', 'options: [a, b, c], correct: [b, c]')),
      expected: [
        'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct: a single-choice question needs exactly one correct option, found 2',
      ],
    },
    {
      kind: 'duplicate question id',
      change: (r) => edit(r, 'content/modules/alpha.yaml', (t) => t.replace('{ id: q2,', '{ id: q1,')),
      expected: [
        'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].id: duplicate question id "q1"',
        'content/modules/alpha.yaml:15: knowledgeCheck.questions[1].id: duplicate question id "q1"',
      ],
    },
    {
      kind: 'unknown objective',
      change: (r) =>
        edit(r, 'content/modules/beta.yaml', (t) =>
          t.replace('{ id: b2, type: single, objective: o1', '{ id: b2, type: single, objective: o9'),
        ),
      expected: ['content/modules/beta.yaml:15: bank[1].objective: unknown objective "o9" (this module has: o1)'],
    },
    {
      kind: 'page without an id',
      change: (r) => edit(r, 'content/modules/alpha.yaml', (t) => t.replace('  - id: two\n    blocks:', '  - blocks:')),
      expected: ['content/modules/alpha.yaml:9: pages[1].id: Invalid input: expected string, received undefined'],
    },
    {
      kind: 'YAML syntax error',
      change: (r) => edit(r, 'content/modules/beta.yaml', (t) => t.replace('selfAssessment: true', 'selfAssessment: [true')),
      expected: [
        'content/modules/beta.yaml:13: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    },
    {
      kind: 'JSON syntax error',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.replace('"title": "Beta",', '"title": "Beta"')),
      expected: ['locales/en/beta.json:3: is not valid JSON: Missing , between flow map items'],
    },
    {
      kind: 'missing translation key',
      change: (r) => editJson(r, 'locales/en/alpha.json', (d) => delete d.pages.two.title),
      expected: ['locales/en/alpha.json:21: pages.two.title: missing text'],
    },
    {
      kind: 'extra translation key',
      change: (r) => editJson(r, 'locales/en/beta.json', (d) => (d.pages.only.subtitle = 'Not in the content')),
      expected: ['locales/en/beta.json:18: pages.only.subtitle: unknown key: the content defines nothing here'],
    },
    {
      kind: 'empty string',
      change: (r) => editJson(r, 'locales/en/beta.json', (d) => (d.summary = '  ')),
      expected: ['locales/en/beta.json:3: summary: is empty'],
    },
    {
      kind: 'interpolation variable differs from the source language',
      change: (r) => editJson(r, 'locales/en/ui.json', (d) => (d.greeting = 'Hello {{nmae}}')),
      expected: [
        'locales/en/ui.json:6: greeting: interpolation variables differ from the source (locales/da/ui.json): missing {{name}}; has {{nmae}}, which the source does not',
      ],
    },
    {
      kind: 'Markdown link differs from the source language',
      change: (r) => {
        editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.blocks.text.body = 'Se [kilden](https://example.org/kilde).'));
        editJson(r, 'locales/en/beta.json', (d) => (d.pages.only.blocks.text.body = 'See [the source](https://example.org/source).'));
      },
      expected: [
        'locales/en/beta.json:12: pages.only.blocks.text.body: Markdown differs from the source (locales/da/beta.json): missing link to https://example.org/kilde; has link to https://example.org/source, which the source does not',
      ],
    },
    {
      kind: 'Markdown emphasis and paragraphs differ from the source language',
      change: (r) => editJson(r, 'locales/en/course.json', (d) => (d.final.intro = 'Four questions\n\nfrom the bank.')),
      expected: [
        'locales/en/course.json:6: final.intro: Markdown differs from the source (locales/da/course.json): missing **bold**; has paragraph, which the source does not',
      ],
    },
    {
      kind: '<script> in a string',
      change: (r) => editJson(r, 'locales/en/beta.json', (d) => (d.actionPlan.hint = 'A step <script src="x.js"></script>')),
      expected: [
        'locales/en/beta.json:48: actionPlan.hint: HTML tags differ from the source (locales/da/beta.json): has </script>, <script>, which the source does not',
        'locales/en/beta.json:48: actionPlan.hint: contains a <script> tag: scripts are never allowed in course text',
      ],
    },
    {
      kind: 'javascript: URL',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.blocks.warn.body = 'Pas [på](javascript:alert(1)).')),
      expected: [
        'locales/da/beta.json:15: pages.only.blocks.warn.body: contains a javascript: URL: links must use https:, http: or mailto:',
      ],
    },
    {
      kind: 'event-handler attribute',
      change: (r) =>
        editJson(r, 'locales/en/alpha.json', (d) => (d.pages.one.blocks.figure.caption = 'Figure <img src=x onerror=alert(1)>')),
      expected: [
        'locales/en/alpha.json:17: pages.one.blocks.figure.caption: contains an event-handler attribute (onerror=): not allowed in course text',
      ],
    },
    {
      kind: 'raw HTML in Markdown',
      change: (r) => editJson(r, 'locales/en/beta.json', (d) => (d.pages.only.blocks.text.body = 'Beta <b>text</b>.')),
      expected: [
        'locales/en/beta.json:12: pages.only.blocks.text.body: contains raw HTML (<b>, </b>): Markdown fields show HTML as literal text; use Markdown instead (**bold**, *emphasis*, [text](https://...))',
      ],
    },
    {
      kind: 'missing image file',
      change: (r) => rmSync(join(r, 'content/images/square.svg')),
      expected: ['content/modules/alpha.yaml:8: pages[0].blocks[1].src: image "content/images/square.svg" does not exist'],
    },
    {
      kind: 'image without alt text in one language',
      change: (r) => editJson(r, 'locales/en/alpha.json', (d) => delete d.pages.one.blocks.figure.alt),
      expected: [
        'locales/en/alpha.json:15: pages.one.blocks.figure.alt: image "images/square.svg" (content/modules/alpha.yaml:8) has no alt text in "en": describe it for learners who cannot see it',
      ],
    },
    {
      kind: 'module listed but its file missing',
      change: (r) =>
        edit(r, 'content/course.yaml', (t) => t.replace('modules: [intro, alpha, beta]', 'modules: [intro, alpha, beta, gamma]')),
      expected: ['content/course.yaml:6: modules[3]: module "gamma" is listed but content/modules/gamma.yaml does not exist'],
    },
    {
      kind: 'module file not listed in course.yaml',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('modules: [intro, alpha, beta]', 'modules: [intro, alpha]')),
      expected: [
        'content/modules/beta.yaml:1: module "beta" is not listed in content/course.yaml (modules:), so the course never shows it: add it there or delete the file',
        'locales/da/beta.json:1: no module "beta" in content/course.yaml, so nothing uses this file: rename it after a module or delete it',
      ],
    },
    {
      kind: 'objective never assessed',
      change: (r) =>
        edit(r, 'content/modules/alpha.yaml', (t) =>
          t
            .replace('{ id: q2, type: multiple, objective: o2', '{ id: q2, type: multiple, objective: o1')
            .replace('{ id: b2, type: multiple, objective: o2', '{ id: b2, type: multiple, objective: o1'),
        ),
      expected: [
        'content/modules/alpha.yaml:3: objectives[1]: objective "o2" is never assessed: no knowledge-check or bank question has objective: o2',
      ],
    },
    {
      kind: 'final.draw larger than the bank',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('draw: 4', 'draw: 40')),
      expected: ["content/course.yaml:10: final.draw: draws 40 questions but the modules' banks hold only 5"],
    },
    {
      kind: 'mastery score above 1',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('masteryScore: 0.75', 'masteryScore: 1.5')),
      expected: ['content/course.yaml:12: final.masteryScore: Too big: expected number to be <=1'],
    },
    {
      kind: 'unknown gating value',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('gating: final-after-modules', 'gating: strict')),
      expected: ['content/course.yaml:5: gating: Invalid option: expected one of "free"|"sequential"|"final-after-modules"'],
    },
    {
      kind: 'bad default language code',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('defaultLanguage: da', 'defaultLanguage: Danish')),
      expected: ['content/course.yaml:4: defaultLanguage: must be a language code such as "da"'],
    },
    {
      kind: 'locale folder that is not a language code',
      change: (r) => cpSync(join(r, 'locales/en'), join(r, 'locales/EN_us'), { recursive: true }),
      expected: ['locales/EN_us: "EN_us" is not a language code: name the folder with a lower-case code such as "de", "pt" or "pt-BR"'],
    },
    {
      kind: 'locale file missing',
      change: (r) => rmSync(join(r, 'locales/en/beta.json')),
      expected: [
        'locales/en/beta.json: missing file: language "en" has no text for module "beta" (translate locales/da/beta.json, or use npm run i18n:export and i18n:import)',
      ],
    },
    {
      kind: 'unknown block tone',
      change: (r) => edit(r, 'content/modules/beta.yaml', (t) => t.replace('tone: warning', 'tone: loud')),
      expected: ['content/modules/beta.yaml:8: pages[0].blocks[1].tone: Invalid option: expected one of "info"|"tip"|"warning"'],
    },
    {
      kind: 'question tied to no objective',
      change: (r) =>
        edit(r, 'content/modules/beta.yaml', (t) =>
          t.replace('{ id: q1, type: single, objective: o1, options: [a, b]', '{ id: q1, type: single, options: [a, b]'),
        ),
      expected: ['content/modules/beta.yaml:11: knowledgeCheck.questions[0].objective: Invalid input: expected string, received undefined'],
    },
    {
      kind: 'locale file for a module the course does not have',
      change: (r) => cpSync(join(r, 'locales/en/beta.json'), join(r, 'locales/en/gamma.json')),
      expected: [
        'locales/en/gamma.json:1: no module "gamma" in content/course.yaml, so nothing uses this file: rename it after a module or delete it',
      ],
    },
    {
      kind: 'module .yml file',
      change: (r) => renameSync(join(r, 'content/modules/beta.yaml'), join(r, 'content/modules/beta.yml')),
      expected: [
        'content/course.yaml:6: modules[2]: module "beta" is listed but content/modules/beta.yaml does not exist',
        'content/modules/beta.yml:1: module files must end in .yaml: rename it to beta.yaml',
      ],
    },
  ];

  it(`covers at least 25 kinds of bad input`, () => expect(cases.length).toBeGreaterThanOrEqual(25));

  for (const c of cases)
    it(`reports ${c.kind} with file and line`, () => {
      const root = sampleCopy();
      c.change(root);
      expectProblems(root, c.expected);
    });

  it("still runs its own checks when loadCourse stops at course.yaml, and prints the loader's issues too", () => {
    const root = sampleCopy({ keepScript: true });
    edit(root, 'content/course.yaml', (t) =>
      t.replace('masteryScore: 0.75', 'masteryScore: 1.5').replace('gating: final-after-modules', 'gating: strict'),
    );
    mkdirSync(join(root, 'content/modules/extra'), { recursive: true });
    writeFileSync(join(root, 'content/modules/gamma.yaml'), 'id: gamma\npages: []\n');
    const lines = expectProblems(root, [
      'content/course.yaml:5: gating: Invalid option: expected one of "free"|"sequential"|"final-after-modules"',
      'content/course.yaml:12: final.masteryScore: Too big: expected number to be <=1',
      'content/modules/gamma.yaml:1: module "gamma" is not listed in content/course.yaml (modules:), so the course never shows it: add it there or delete the file',
      'locales/da/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
      'locales/en/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
    ]);
    expect(lines.at(-1)).toBe('5 problems in 4 files.');
  });

  it('lists problems sorted by file and line, each once', () => {
    const root = sampleCopy({ keepScript: true });
    edit(root, 'content/modules/alpha.yaml', (t) => t.replace('correct: [c]', 'correct: [e]'));
    const { issues } = validateCourse({ root, uiRoot: root });
    const lines = issues.map(formatIssue);
    expect(lines).toEqual([
      'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"',
      'locales/da/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
      'locales/en/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
    ]);
  });

  it('answers --help and rejects unknown options with exit code 2', () => {
    const io = captureIo();
    expect(validateMain(['--bogus'], io)).toBe(2);
    expect(io.stderr[0]).toContain("Unknown option '--bogus'");
    expect(validateMain(['--help'], captureIo())).toBe(0);
  });
});
