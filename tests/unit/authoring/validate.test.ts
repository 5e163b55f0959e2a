/**
 * `npm run validate`: each kind of bad input, made in a temp copy of the sample course, must be
 * reported with its exact file, line and message, and make the command exit 1. The loader that the
 * preview, the build and the package use must report exactly the same lines (one pipeline).
 */
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMain } from '../../../src/authoring/cli.ts';
import { validateCourse } from '../../../src/authoring/validate.ts';
import { ContentError, formatIssue } from '../../../src/content-model/issues.ts';
import { loadCourse } from '../../../src/content-model/load.ts';
import { at, captureIo, edit, editJson, sampleCopy } from './helpers.ts';

/** What the preview's overlay and a failed build list: the loader's problems, formatted. */
function loaderLines(root: string): string[] {
  try {
    loadCourse(root, { uiRoot: root });
  } catch (e) {
    if (e instanceof ContentError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

const write = (root: string, rel: string, data: string | Buffer) => writeFileSync(join(root, rel), data);

/** Runs the command on a copy; returns what it printed and its exit code. */
function validate(root: string) {
  const io = captureIo();
  const code = validateMain(at(root), io);
  return { code, lines: io.stdout };
}

/**
 * Expects the command to fail and to print exactly the expected problem lines (no follow-on errors),
 * plus its summary; and the loader to list the same lines, worded the same.
 */
function expectProblems(root: string, expected: string[]) {
  const { code, lines } = validate(root);
  expect(code).toBe(1);
  const problems = lines.slice(0, -1).filter((l) => !/^\s|^[a-z-]+: draft|^A draft/.test(l));
  expect(problems, `printed:\n${lines.join('\n')}\n`).toEqual(expected);
  expect(lines.at(-1)).toMatch(/^\d+ problems? in \d+ files?\.$/);
  expect(loaderLines(root)).toEqual(problems);
  return lines;
}

describe('npm run validate', () => {
  it('passes the sample course with a one-line summary', () => {
    const { code, lines } = validate(sampleCopy());
    expect(lines).toEqual(['OK: sample-course 0.1.0, 4 modules, 2 languages (da, en), 165 strings per language: no problems.']);
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
      expected: ['content/modules/beta.yaml:15: bank[1].objective: unknown objective "o9" (this module has: o1): did you mean "o1"?'],
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
        'content/modules/beta.yaml:13:1: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    },
    {
      kind: 'JSON missing comma',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.replace('"title": "Beta",', '"title": "Beta"')),
      expected: [
        'locales/en/beta.json:3:3: is not valid JSON: missing comma between two items (after the value that ends before this point)',
      ],
    },
    {
      kind: 'missing key in the source language',
      change: (r) => editJson(r, 'locales/da/alpha.json', (d) => delete d.pages.two.title),
      expected: ['locales/da/alpha.json:21: pages.two.title: missing text'],
    },
    {
      kind: 'extra translation key',
      change: (r) => editJson(r, 'locales/en/beta.json', (d) => (d.pages.only.subtitle = 'Not in the content')),
      expected: [
        'locales/en/beta.json:18: pages.only.subtitle: unknown key "subtitle": the content defines nothing here (pages.only has title, blocks)',
      ],
    },
    {
      kind: 'empty string',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.summary = '  ')),
      expected: ['locales/da/beta.json:3: summary: is empty'],
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
      expected: ['locales/en/beta.json:48: actionPlan.hint: contains a <script> tag: scripts are never allowed in course text'],
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
      kind: 'a hostile figure SVG (script, event handler, external link, foreignObject)',
      change: (r) =>
        write(
          r,
          'content/figures/steps.svg',
          [
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 160" onload="alert(1)">',
            '  <script>alert(document.cookie)</script>',
            '  <use href="https://evil.example/sprite.svg#icon"/>',
            '  <foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>',
            '  <text data-label="listen"/><text data-label="decide"/>',
            '</svg>',
          ].join('\n'),
        ),
      expected: [
        'content/figures/steps.svg:1: an event handler (onload="...") on <svg>: a figure runs nothing',
        'content/figures/steps.svg:2: a <script> element: a figure is a drawing and runs nothing',
        'content/figures/steps.svg:3: a link to "https://evil.example/sprite.svg#icon" on <use>: a figure may refer only to elements of its own file (href="#id")',
        'content/figures/steps.svg:4: a <foreignObject> element: a figure holds only SVG drawing elements',
      ],
    },
    {
      kind: 'a figure label without its words',
      change: (r) => editJson(r, 'locales/da/omega.json', (d) => delete d.pages.numbers.blocks.steps.labels.decide),
      expected: ['locales/da/omega.json:19: pages.numbers.blocks.steps.labels.decide: missing text'],
    },
    {
      kind: 'missing image file',
      change: (r) => rmSync(join(r, 'content/images/square.svg')),
      expected: ['content/modules/alpha.yaml:8: pages[0].blocks[1].src: image "content/images/square.svg" does not exist'],
    },
    {
      kind: 'image without alt text in the source language',
      change: (r) => editJson(r, 'locales/da/alpha.json', (d) => delete d.pages.one.blocks.figure.alt),
      expected: [
        'locales/da/alpha.json:15: pages.one.blocks.figure.alt: image "images/square.svg" (content/modules/alpha.yaml:8) has no alt text in "da": describe it for learners who cannot see it',
      ],
    },
    {
      kind: 'module listed but its file missing',
      change: (r) =>
        edit(r, 'content/course.yaml', (t) =>
          t.replace('modules: [intro, alpha, beta, omega]', 'modules: [intro, alpha, beta, omega, gamma]'),
        ),
      expected: ['content/course.yaml:6: modules[4]: module "gamma" is listed but content/modules/gamma.yaml does not exist'],
    },
    {
      kind: 'module file not listed in course.yaml',
      change: (r) =>
        edit(r, 'content/course.yaml', (t) => t.replace('modules: [intro, alpha, beta, omega]', 'modules: [intro, alpha, omega]')),
      expected: [
        'content/modules/beta.yaml:1: module "beta" is not listed in content/course.yaml (modules:), so the course never shows it: add it there or delete the file',
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
      expected: ["content/course.yaml:10: final.draw: draws 40 questions but the modules' banks hold only 7"],
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
      kind: 'locale file of the source language missing',
      change: (r) => rmSync(join(r, 'locales/da/beta.json')),
      expected: ['locales/da/beta.json: missing file: the source language (da) has no text for module "beta"'],
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
      kind: 'locale file named with a typo',
      change: (r) => renameSync(join(r, 'locales/da/alpha.json'), join(r, 'locales/da/alhpa.json')),
      expected: [
        'locales/da/alhpa.json:1: no module "alhpa" in content/course.yaml, so nothing uses this file: did you mean alpha.json? rename it after a module or delete it',
        'locales/da/alpha.json: missing file: the source language (da) has no text for module "alpha"',
      ],
    },
    {
      kind: 'module .yml file',
      change: (r) => renameSync(join(r, 'content/modules/beta.yaml'), join(r, 'content/modules/beta.yml')),
      expected: ['content/modules/beta.yml:1: module files must end in .yaml: rename it to beta.yaml'],
    },
    // The kinds the issue named (#15), and more of their family.
    {
      kind: 'trailing comma in a locale file',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.replace('"o1": "Understand beta"', '"o1": "Understand beta",')),
      expected: [
        'locales/en/beta.json:5:28: is not valid JSON: trailing comma before the closing }: JSON allows no comma after the last item; remove it',
      ],
    },
    {
      kind: 'comment in a locale file',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.replace('  "title": "Beta",', '  // the title\n  "title": "Beta",')),
      expected: [
        'locales/en/beta.json:2:3: is not valid JSON: JSON has no comments: remove it (a note for translators belongs in the XLIFF export)',
      ],
    },
    {
      kind: 'single quotes in a locale file',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.replace('"title": "Beta",', "'title': 'Beta',")),
      expected: ['locales/en/beta.json:2:3: is not valid JSON: strings and keys need double quotes (") in JSON, not single quotes'],
    },
    {
      kind: 'a line break inside a JSON string',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.replace('"Second principle."', '"Second\nprinciple."')),
      expected: ['locales/en/beta.json:3:21: is not valid JSON: a line break or tab inside a string: write it as \\n or \\t'],
    },
    {
      kind: 'a locale file cut short',
      change: (r) => edit(r, 'locales/en/beta.json', (t) => t.slice(0, t.indexOf('"knowledgeCheck"'))),
      expected: [
        'locales/en/beta.json:19:4: is not valid JSON: the file ends before the object opened on line 1 is closed: a } is missing',
      ],
    },
    {
      kind: 'the same key twice in a JSON object',
      change: (r) =>
        edit(r, 'locales/en/beta.json', (t) =>
          t.replace('"summary": "Second principle.",', '"summary": "Second principle.",\n  "title": "Beta again",'),
        ),
      expected: [
        'locales/en/beta.json:4: is not valid JSON for a course: the key "title" appears twice in one object (first on line 2); only the last would count: keep one',
      ],
    },
    {
      kind: 'a file saved as UTF-16',
      change: (r) =>
        write(
          r,
          'locales/en/beta.json',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(r, 'locales/en/beta.json'), 'utf8'), 'utf16le')]),
        ),
      expected: [
        'locales/en/beta.json:1: is saved as UTF-16 (little-endian): save it as UTF-8 (in VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8")',
      ],
    },
    {
      kind: 'a YAML file saved as UTF-16 without a byte-order mark',
      change: (r) =>
        write(r, 'content/modules/beta.yaml', Buffer.from(readFileSync(join(r, 'content/modules/beta.yaml'), 'utf8'), 'utf16le')),
      expected: [
        'content/modules/beta.yaml:1: is saved as UTF-16 (it has no byte-order mark, but every other byte is zero): save it as UTF-8 (in VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8")',
      ],
    },
    {
      kind: 'a file saved as Windows-1252',
      change: (r) => write(r, 'locales/da/beta.json', Buffer.from(readFileSync(join(r, 'locales/da/beta.json'), 'utf8'), 'latin1')),
      expected: [
        'locales/da/beta.json:5: is not valid UTF-8 (the first bad byte is on this line; the file was probably saved as Windows-1252 or ISO-8859-1): save it as UTF-8 (in VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8")',
      ],
    },
    {
      kind: 'an empty module file',
      change: (r) => write(r, 'content/modules/beta.yaml', ''),
      expected: ['content/modules/beta.yaml:1: is empty: see docs/content-format.md for what it holds'],
    },
    {
      kind: 'an empty locale file',
      change: (r) => write(r, 'locales/da/beta.json', '\n  \n'),
      expected: ['locales/da/beta.json:1: is empty (only white space): a locale file holds one JSON object, at least {}'],
    },
    {
      kind: 'a locale file that holds a list',
      change: (r) => write(r, 'locales/da/beta.json', '["Beta"]\n'),
      expected: ['locales/da/beta.json:1: must be a JSON object of strings, but it holds a list'],
    },
    {
      kind: 'a module file that holds one string',
      change: (r) => write(r, 'content/modules/beta.yaml', 'beta\n'),
      expected: ['content/modules/beta.yaml:1: must be a YAML mapping of keys (a module), but it holds a single string'],
    },
    {
      kind: 'a 5 MB string',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.blocks.text.body = 'Lorem ipsum. '.repeat(400_000))),
      expected: [
        'locales/da/beta.json:12: pages.only.blocks.text.body: is 5,200,000 characters long, more than the 10,000 a string may have (about four pages): split it into several blocks or pages',
      ],
    },
    {
      kind: 'a duplicated module id (a copied module file)',
      change: (r) => edit(r, 'content/modules/beta.yaml', (t) => t.replace('id: beta', 'id: alpha')),
      expected: [
        'content/modules/beta.yaml:1: id: is "alpha" but course.yaml lists this file as module "beta": write id: beta (a module\'s id is its file name)',
      ],
    },
    {
      kind: 'a module listed twice',
      change: (r) =>
        edit(r, 'content/course.yaml', (t) =>
          t.replace('modules: [intro, alpha, beta, omega]', 'modules: [intro, alpha, beta, omega, alpha]'),
        ),
      expected: ['content/course.yaml:6: modules[4]: module "alpha" is listed twice (first at line 6): list each module once'],
    },
    {
      kind: 'an unknown key in course.yaml, with a near name',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('knowledgeCheck:', 'knowlegeCheck:')),
      expected: ['content/course.yaml:7: knowlegeCheck: unknown key "knowlegeCheck": did you mean "knowledgeCheck"?'],
    },
    {
      kind: 'an unknown key in course.yaml, without a near name',
      change: (r) => edit(r, 'content/course.yaml', (t) => t.replace('  attempts: 2\nfinal:', '  attempts: 2\n  retries: 3\nfinal:')),
      expected: ['content/course.yaml:9: knowledgeCheck.retries: unknown key "retries": knowledgeCheck allows attempts, shuffle'],
    },
    {
      kind: 'an unknown key in a block, with a near name',
      change: (r) =>
        edit(r, 'content/modules/beta.yaml', (t) =>
          t.replace('{ id: warn, type: callout, tone: warning }', '{ id: warn, type: callout, tnoe: warning }'),
        ),
      expected: ['content/modules/beta.yaml:8: pages[0].blocks[1].tnoe: unknown key "tnoe": did you mean "tone"?'],
    },
    {
      kind: 'an unknown key in a locale file, with a near name',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.titel = 'x')),
      expected: ['locales/da/beta.json:18: pages.only.titel: unknown key "titel": did you mean "title"?'],
    },
    {
      kind: "an unknown key in the player's strings, with a near name",
      change: (r) => editJson(r, 'locales/en/ui.json', (d) => (d.nav.nxet = 'Next')),
      expected: ['locales/en/ui.json:5: nav.nxet: unknown key (not in locales/da/ui.json): did you mean "next"?'],
    },
    {
      kind: 'a Markdown image from another host',
      change: (r) =>
        editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.blocks.text.body = 'Se ![et spor](https://tracker.example.com/p.gif).')),
      expected: [
        "locales/da/beta.json:12: pages.only.blocks.text.body: shows an image from another host (https://tracker.example.com/p.gif): a course carries every image it shows (the LMS's security policy blocks outside images); put the file under content/images/ and use an image block",
      ],
    },
    {
      kind: 'a Markdown image of a local file',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.blocks.text.body = 'Se ![et billede](images/square.svg).')),
      expected: [
        'locales/da/beta.json:12: pages.only.blocks.text.body: has a Markdown image (images/square.svg), which the package does not carry: use an image block (type: image) with the file under content/images/',
      ],
    },
    {
      kind: 'a link that is not a full address',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.pages.only.blocks.text.body = 'Se [kilden](www.example.org/kilde).')),
      expected: [
        'locales/da/beta.json:12: pages.only.blocks.text.body: renders to a link to "www.example.org/kilde", which is not a full https:, http: or mailto: address',
      ],
    },
    {
      kind: 'nesting that names no string',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.summary = 'Om $t(course:titel)')),
      expected: [
        'locales/da/beta.json:3: summary: $t(course:titel) names no string: there is no "titel" in the course text of this language: did you mean $t(course:title)?',
      ],
    },
    {
      kind: 'nesting a Markdown field into a plain one',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.summary = 'Om $t(pages.only.blocks.text.body)')),
      expected: [
        'locales/da/beta.json:3: summary: $t(pages.only.blocks.text.body) pulls a Markdown field into a plain-text field, where its markup would show as written: nest a plain string',
      ],
    },
    {
      kind: 'nesting that loops',
      change: (r) =>
        editJson(r, 'locales/da/beta.json', (d) => {
          d.summary = 'Om $t(title)';
          d.title = 'Beta $t(summary)';
        }),
      expected: [
        'locales/da/beta.json:2: title: $t(summary) loops back to itself (beta:summary -> beta:title -> beta:summary): nesting must end in a string without $t(...)',
        'locales/da/beta.json:3: summary: $t(title) loops back to itself (beta:title -> beta:summary -> beta:title): nesting must end in a string without $t(...)',
      ],
    },
    {
      kind: 'nesting with options',
      change: (r) => editJson(r, 'locales/da/beta.json', (d) => (d.summary = 'Om $t(title, { "count": 2 })')),
      expected: [
        'locales/da/beta.json:3: summary: $t(title, { "count": 2 }): nesting with options is not supported: write the text out, or nest a string without options',
      ],
    },
    {
      kind: 'a tab used for indentation in YAML',
      change: (r) => edit(r, 'content/modules/beta.yaml', (t) => t.replace('  - id: only', '\t- id: only')),
      expected: ['content/modules/beta.yaml:5:1: is not valid YAML: Tabs are not allowed as indentation'],
    },
  ];

  it(`covers at least 25 kinds of bad input`, () => expect(cases.length).toBeGreaterThanOrEqual(25));

  for (const c of cases)
    it(`reports ${c.kind} with file and line`, () => {
      const root = sampleCopy();
      c.change(root);
      expectProblems(root, c.expected);
    });

  it('still checks modules and locales when course.yaml fails its schema, and lists everything at once', () => {
    const root = sampleCopy();
    edit(root, 'content/course.yaml', (t) =>
      t.replace('masteryScore: 0.75', 'masteryScore: 1.5').replace('gating: final-after-modules', 'gating: strict'),
    );
    mkdirSync(join(root, 'content/modules/extra'), { recursive: true });
    writeFileSync(join(root, 'content/modules/gamma.yaml'), 'id: gamma\npages: []\n');
    editJson(root, 'locales/da/intro.json', (d) => (d.pages.welcome.blocks.text.body += '\n\n<script>alert(1)</script>'));
    const lines = expectProblems(root, [
      'content/course.yaml:5: gating: Invalid option: expected one of "free"|"sequential"|"final-after-modules"',
      'content/course.yaml:12: final.masteryScore: Too big: expected number to be <=1',
      'content/modules/gamma.yaml:1: module "gamma" is not listed in content/course.yaml (modules:), so the course never shows it: add it there or delete the file',
      'locales/da/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
    ]);
    expect(lines.at(-1)).toBe('4 problems in 3 files.');
  });

  it('lists problems sorted by file and line, each once', () => {
    const root = sampleCopy();
    edit(root, 'content/modules/alpha.yaml', (t) => t.replace('correct: [c]', 'correct: [e]'));
    editJson(root, 'locales/en/intro.json', (d) => (d.pages.welcome.blocks.text.body = '<script>x</script>'));
    editJson(root, 'locales/da/intro.json', (d) => (d.pages.welcome.blocks.text.body = '<script>x</script>'));
    const { issues } = validateCourse({ root, uiRoot: root });
    expect(issues.map(formatIssue)).toEqual([
      'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"',
      'locales/da/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
      'locales/en/intro.json:12: pages.welcome.blocks.text.body: contains a <script> tag: scripts are never allowed in course text',
    ]);
  });

  describe('a language that is not complete is a draft: no problem, a measure and its gaps', () => {
    const draftCases: { kind: string; change: (root: string) => void; expected: string[] }[] = [
      {
        kind: 'one missing English key',
        change: (r) => editJson(r, 'locales/en/alpha.json', (d) => delete d.pages.two.title),
        expected: [
          'OK: sample-course 0.1.0, 4 modules, 1 complete language (da) and 1 draft (en), 165 strings per language: no problems.',
          'en: draft, 99.3% translated (164 of 165 strings; 1 not translated yet):',
          '  locales/en/alpha.json:21: pages.two.title: not translated yet',
        ],
      },
      {
        kind: 'an empty English string and a missing alt text',
        change: (r) => {
          editJson(r, 'locales/en/beta.json', (d) => (d.summary = ' '));
          editJson(r, 'locales/en/alpha.json', (d) => delete d.pages.one.blocks.figure.alt);
        },
        expected: [
          'OK: sample-course 0.1.0, 4 modules, 1 complete language (da) and 1 draft (en), 165 strings per language: no problems.',
          'en: draft, 98.7% translated (163 of 165 strings; 2 not translated yet):',
          '  locales/en/alpha.json:15: pages.one.blocks.figure.alt: not translated yet',
          '  locales/en/beta.json:3: summary: not translated yet',
        ],
      },
      {
        kind: 'a translation file missing',
        change: (r) => rmSync(join(r, 'locales/en/beta.json')),
        expected: [
          'OK: sample-course 0.1.0, 4 modules, 1 complete language (da) and 1 draft (en), 165 strings per language: no problems.',
          'en: draft, 81.8% translated (135 of 165 strings; 30 not translated yet):',
          '  locales/en/beta.json: missing file: no text yet for module "beta" (translate locales/da/beta.json, or use npm run i18n:export and i18n:import) (30 strings)',
        ],
      },
      {
        kind: 'a partial locales/de/',
        change: (r) => {
          mkdirSync(join(r, 'locales/de'));
          cpSync(join(r, 'locales/en/course.json'), join(r, 'locales/de/course.json'));
          writeFileSync(join(r, 'locales/de/ui.json'), JSON.stringify({ nav: { next: 'Weiter' } }));
        },
        expected: [
          'OK: sample-course 0.1.0, 4 modules, 2 complete languages (da, en) and 1 draft (de), 165 strings per language: no problems.',
          'de: draft, 4.8% translated (8 of 165 strings; 157 not translated yet):',
          '  locales/de/intro.json: missing file: no text yet for module "intro" (translate locales/da/intro.json, or use npm run i18n:export and i18n:import) (21 strings)',
          '  locales/de/alpha.json: missing file: no text yet for module "alpha" (translate locales/da/alpha.json, or use npm run i18n:export and i18n:import) (46 strings)',
          '  locales/de/beta.json: missing file: no text yet for module "beta" (translate locales/da/beta.json, or use npm run i18n:export and i18n:import) (30 strings)',
          '  locales/de/omega.json: missing file: no text yet for module "omega" (translate locales/da/omega.json, or use npm run i18n:export and i18n:import) (57 strings)',
          '  locales/de/ui.json:1: nav.back: not translated yet',
          '  locales/de/ui.json:1: greeting: not translated yet',
          '  locales/de/ui.json:1: menu.title: not translated yet',
        ],
      },
    ];
    for (const c of draftCases)
      it(`reports ${c.kind} as a draft, with its gaps by file and line, and exits 0`, () => {
        const root = sampleCopy();
        c.change(root);
        const { code, lines } = validate(root);
        expect(lines).toEqual([
          ...c.expected,
          'A draft is left out of packages (npm run package -- --drafts includes it, its gaps in the source language); the preview shows it with every gap marked [untranslated].',
        ]);
        expect(code).toBe(0);
        // The build and the preview load Danish (and every complete language) as if nothing were amiss.
        const shipped = loadCourse(root, { uiRoot: root });
        expect(shipped.course.languages).not.toContain(shipped.drafts[0] ?? 'none');
        expect(shipped.course.languages.slice(0, 1)).toEqual(['da']);
      });
  });

  it('answers --help and rejects unknown options with exit code 2', () => {
    const io = captureIo();
    expect(validateMain(['--bogus'], io)).toBe(2);
    expect(io.stderr[0]).toContain("Unknown option '--bogus'");
    expect(validateMain(['--help'], captureIo())).toBe(0);
  });
});
