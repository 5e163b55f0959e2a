/**
 * The translation tools on temp copies of the sample course: status with outdated detection, the
 * XLIFF 1.2 export, the checked import with line numbers, the lossless round trip, and a
 * pseudo-locale added through XLIFF that loads and builds with no code change.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as VirtualCourse from 'virtual:course';
import { describe, expect, it } from 'vitest';
import { xliff12ToJs } from 'xliff';
import { buildCatalog } from '../../../src/authoring/catalog.ts';
import { exportMain, importMain, statusMain, validateMain } from '../../../src/authoring/cli.ts';
import { pseudoLocalize } from '../../../src/authoring/pseudo.ts';
import { readXliff } from '../../../src/authoring/xliff.ts';
import { loadCourse } from '../../../src/content-model/load.ts';
import { coursePlugin, textNamespaces } from '../../../src/content-model/vite-plugin.ts';
import { at, captureIo, editJson, readText, sampleCopy, tempDir } from './helpers.ts';

const LOCALE_FILES = ['course.json', 'intro.json', 'alpha.json', 'beta.json', 'omega.json', 'ui.json'];

function run(main: (argv: string[], io: ReturnType<typeof captureIo>) => number, argv: string[]) {
  const io = captureIo();
  const code = main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

function exportTo(root: string, lang: string, extra: string[] = []): string {
  const file = join(root, `${lang}.xlf`);
  const r = run(exportMain, [...at(root), '--target', lang, '--out', file, ...extra]);
  expect(r.code, r.err.join('\n')).toBe(0);
  return file;
}

const snapshot = (root: string, lang: string) =>
  Object.fromEntries(
    LOCALE_FILES.map((f) => [f, { text: readText(root, `locales/${lang}/${f}`), mtime: statSync(join(root, 'locales', lang, f)).mtimeMs }]),
  );

/** The line (1-based) of the first occurrence of `needle` at or after the occurrence of `after`. */
function lineOf(text: string, needle: string, after?: string): number {
  const from = after === undefined ? 0 : text.indexOf(after);
  const i = text.indexOf(needle, from);
  expect(i, `${needle} not found`).toBeGreaterThanOrEqual(0);
  return text.slice(0, i).split('\n').length;
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#13;/g, '\r').replace(/&amp;/g, '&');
const encodeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/**
 * What a CAT tool does: a target for every unit, made from its source text with the placeholders
 * (`<ph>` tags) left as they are and `translate` applied to the text between them.
 */
function translateUnits(xml: string, translate: (text: string) => string): string {
  return xml.replace(
    /(<source>)([\s\S]*?)(<\/source>)(\n\s*<target[^>]*>[\s\S]*?<\/target>)?/g,
    (_all, open: string, inner: string, close: string) => {
      const target = inner
        .split(/(<ph\b[^>]*>[\s\S]*?<\/ph>)/)
        .map((part, i) => (i % 2 ? part : encodeXml(translate(decodeXml(part)))))
        .join('');
      return `${open}${inner}${close}\n        <target state="translated">${target}</target>`;
    },
  );
}

describe('npm run i18n:status', () => {
  it('shows a table per locale; translations without a recorded hash count as translated, with a hint', () => {
    const root = sampleCopy();
    const r = run(statusMain, at(root));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'en (source: da)',
      '  file                    strings  translated  outdated  missing  done',
      '  locales/en/course.json        7           7         0        0  100%',
      '  locales/en/intro.json        21          21         0        0  100%',
      '  locales/en/alpha.json        46          46         0        0  100%',
      '  locales/en/beta.json         30          30         0        0  100%',
      '  locales/en/omega.json        57          57         0        0  100%',
      '  locales/en/ui.json            4           4         0        0  100%',
      '  total                       165         165         0        0  100%',
      '  165 translations have no recorded source hash, so they cannot be checked for being outdated;',
      '  once they are checked, run: npm run i18n:status -- --update-hashes en',
    ]);
  });

  it('counts a translation as outdated once its source text changes, and as missing when absent or empty', () => {
    const root = sampleCopy();
    expect(run(statusMain, [...at(root), '--update-hashes', 'en']).out[0]).toBe(
      'en: 165 translations marked up to date with the current source (wrote i18n/en.sources.json)',
    );
    const hashes = JSON.parse(readText(root, 'i18n/en.sources.json')) as Record<string, string>;
    expect(Object.keys(hashes)[0]).toBe('course:title');
    expect(hashes['alpha:title']).toMatch(/^[0-9a-f]{12}$/);
    expect(readText(root, 'i18n/en.sources.json').endsWith('}\n')).toBe(true);

    editJson(root, 'locales/da/alpha.json', (d) => (d.title = 'Alfa, nu med ny titel'));
    editJson(root, 'locales/da/ui.json', (d) => (d.nav.next = 'Videre'));
    editJson(root, 'locales/en/beta.json', (d) => {
      delete d.summary;
      d.title = ' ';
    });
    const r = run(statusMain, [...at(root), '--details', '--strict']);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'en (source: da)',
      '  file                    strings  translated  outdated  missing   done',
      '  locales/en/course.json        7           7         0        0   100%',
      '  locales/en/intro.json        21          21         0        0   100%',
      '  locales/en/alpha.json        46          45         1        0  97.8%',
      '  locales/en/beta.json         30          28         0        2  93.3%',
      '  locales/en/omega.json        57          57         0        0   100%',
      '  locales/en/ui.json            4           3         1        0    75%',
      '  total                       165         161         2        2  97.5%',
      '  outdated  alpha:title  (locales/da/alpha.json:2)',
      '  missing   beta:title  (locales/da/beta.json:2)',
      '  missing   beta:summary  (locales/da/beta.json:3)',
      '  outdated  ui:nav.next  (locales/da/ui.json:3)',
    ]);
    // Marking them reviewed makes them current again; missing stays missing.
    run(statusMain, [...at(root), '--update-hashes', 'all']);
    expect(run(statusMain, at(root)).out).toContain('  total                       165         163         0        2  98.7%');
  });

  it('refuses --update-hashes for a language the course does not have', () => {
    const r = run(statusMain, [...at(sampleCopy()), '--update-hashes', 'de']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('--update-hashes de: not a translation of this course (en)');
  });
});

describe('npm run i18n:export', () => {
  it('writes XLIFF 1.2: a file per namespace, a unit per string with a stable id, source, target and a note', async () => {
    const root = sampleCopy();
    const file = exportTo(root, 'en');
    const xml = readFileSync(file, 'utf8');
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'),
    ).toBe(true);
    expect(xml).toContain(
      [
        '  <file original="course.json" source-language="da" target-language="en" datatype="plaintext" product-name="sample-course">',
        '    <header>',
        '      <note>Course-wide text, from locales/da/course.json.</note>',
        '    </header>',
        '    <body>',
        '      <trans-unit id="course:title" resname="title" xml:space="preserve">',
        '        <source>Prøvekursus</source>',
        '        <target state="translated">Sample course</target>',
        '        <note from="developer">Used for the course title. File locales/en/course.json, key title. Plain text (no Markdown).</note>',
        '      </trans-unit>',
      ].join('\n'),
    );
    expect(xml).toContain(
      '        <note from="developer">Used for the text of block "text" on page "one" in module "alpha". File locales/en/alpha.json, key pages.one.blocks.text.body. Markdown: keep **bold**, *emphasis*, [link text](url), list markers and blank lines between paragraphs; translate the link text, not the url.</note>',
    );
    expect(xml).toContain('Used for the feedback shown after choosing option b of final-assessment question b2 (from module "beta").');
    // Placeholders are protected as <ph> tags, in the source and the target alike.
    expect(xml).toContain(
      '        <source>Hej <ph id="1">{{name}}</ph></source>\n        <target state="translated">Hello <ph id="1">{{name}}</ph></target>',
    );
    expect(xml).toContain('Keep {{name}} (shown as a tag): the course fills it in.');

    // Another XLIFF reader sees the same files, units, sources and targets.
    const js = await xliff12ToJs(xml);
    expect([js.sourceLanguage, js.targetLanguage]).toEqual(['da', 'en']);
    expect(Object.keys(js.resources)).toEqual(LOCALE_FILES);
    expect(Object.keys(js.resources['alpha.json']!)).toHaveLength(46);
    expect(js.resources['course.json']!['course:final.intro']).toMatchObject({
      source: 'Fire spørgsmål fra **banken**.',
      target: 'Four questions from the **bank**.',
    });
    const ids = Object.values(js.resources).flatMap((units) => Object.keys(units));
    expect(ids).toEqual([...buildCatalog({ root, uiRoot: root }).byId.keys()]);
  });

  it('leaves targets out for a new language, and marks outdated translations for review', () => {
    const root = sampleCopy();
    const de = readFileSync(exportTo(root, 'de'), 'utf8');
    expect(de).not.toContain('<target');
    expect(de.match(/<trans-unit /g)).toHaveLength(165);

    run(statusMain, [...at(root), '--update-hashes', 'en']);
    editJson(root, 'locales/da/alpha.json', (d) => (d.summary = 'Første princip, omskrevet.'));
    const en = readFileSync(exportTo(root, 'en'), 'utf8');
    expect(en).toContain(
      [
        '        <source>Første princip, omskrevet.</source>',
        '        <target state="needs-review-translation">First principle.</target>',
        '        <note from="developer">Used for the one-sentence summary of module "alpha" in the menu. File locales/en/alpha.json, key summary. Plain text (no Markdown).</note>',
        '        <note from="developer">The source text has changed since this translation was made: review it.</note>',
      ].join('\n'),
    );
  });

  it('rejects the source language and codes that are not language codes', () => {
    const root = sampleCopy();
    expect(run(exportMain, [...at(root), '--target', 'da']).err).toEqual(['"da" is the source language: export a target language']);
    expect(run(exportMain, [...at(root), '--target', 'German']).code).toBe(1);
    expect(run(exportMain, at(root)).code).toBe(2);
  });
});

describe('npm run i18n:import', () => {
  it('round trip: exporting a language and importing it back changes no file', () => {
    const root = sampleCopy();
    const before = snapshot(root, 'en');
    const file = exportTo(root, 'en');
    const r = run(importMain, [file, ...at(root)]);
    expect(r.code, r.out.join('\n')).toBe(0);
    expect(r.out).toEqual(['Imported 165 strings into en.', '  wrote i18n/en.sources.json', '  6 files already up to date']);
    expect(snapshot(root, 'en')).toEqual(before);
    // The hashes now say every translation is current.
    expect(run(statusMain, at(root)).out).toContain('  total                       165         165         0        0  100%');
    expect(run(statusMain, at(root)).out.join('\n')).not.toContain('no recorded source hash');
  });

  it('round trip: a deleted locale comes back byte for byte (two-space JSON, source key order, newline at the end)', () => {
    const root = sampleCopy();
    // The tools' format: the sample's files differ only by their missing final newline.
    for (const f of LOCALE_FILES)
      writeFileSync(join(root, 'locales/en', f), JSON.stringify(JSON.parse(readText(root, `locales/en/${f}`)), null, 2) + '\n');
    const before = Object.fromEntries(LOCALE_FILES.map((f) => [f, readText(root, `locales/en/${f}`)]));
    const file = exportTo(root, 'en');
    rmSync(join(root, 'locales/en'), { recursive: true });
    const r = run(importMain, [file, ...at(root)]);
    expect(r.code, r.out.join('\n')).toBe(0);
    expect(Object.fromEntries(LOCALE_FILES.map((f) => [f, readText(root, `locales/en/${f}`)]))).toEqual(before);
    // And once more: export again, import again, nothing moves.
    const again = exportTo(root, 'en');
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
    expect(run(importMain, [again, ...at(root)]).out).toEqual(['Imported 165 strings into en.', '  6 files already up to date']);
  });

  it('writes keys in the source order, whatever order the translation had', () => {
    const root = sampleCopy();
    editJson(root, 'locales/en/beta.json', (d) => {
      const { title, ...rest } = d;
      for (const k of Object.keys(d)) delete d[k];
      Object.assign(d, rest, { title });
    });
    const file = exportTo(root, 'en');
    expect(run(importMain, [file, ...at(root)]).out).toContain('  wrote locales/en/beta.json');
    expect(Object.keys(JSON.parse(readText(root, 'locales/en/beta.json')))[0]).toBe('title');
  });

  it('reports each error with its line in the XLIFF file, and then writes nothing', () => {
    const root = sampleCopy();
    const file = exportTo(root, 'en');
    let xml = readFileSync(file, 'utf8');
    const replace = (from: string, to: string) => {
      expect(xml).toContain(from);
      xml = xml.replace(from, to);
    };
    replace('<trans-unit id="alpha:title"', '<trans-unit id="alpha:titel"');
    replace('<target state="translated">Hello <ph id="1">{{name}}</ph></target>', '<target state="translated">Hello there</target>');
    replace(
      '<target state="translated">Four questions from the **bank**.</target>',
      '<target state="translated">Four questions from the bank.</target>',
    );
    replace('<target state="translated">First principle.</target>', '<target state="translated">  </target>');
    replace('\n        <target state="translated">Second principle.</target>', '');
    replace(
      '<target state="translated">A beta step</target>',
      '<target state="translated">A beta step &lt;script&gt;steal()&lt;/script&gt;</target>',
    );
    replace('<target state="translated">Take care.</target>', '<target state="translated">Take [care](javascript:alert(1)).</target>');
    const unit = /\n {6}<trans-unit id="intro:title"[\s\S]*?<\/trans-unit>/.exec(xml)![0];
    replace(unit, unit + unit);
    writeFileSync(file, xml);

    const before = snapshot(root, 'en');
    const r = run(importMain, [file, ...at(root)]);
    expect(r.code).toBe(1);
    const line = (needle: string, after?: string) => lineOf(xml, needle, after);
    const secondUnitLine = xml.slice(0, xml.indexOf('id="intro:title"', xml.indexOf('id="intro:title"') + 1)).split('\n').length;
    expect(r.out).toEqual([
      `${file}:${line('<target', 'id="course:final.intro"')}: course:final.intro: Markdown differs from the source (da source): missing **bold**`,
      `${file}:${secondUnitLine}: intro:title: duplicate unit id (first at line ${line('id="intro:title"')})`,
      `${file}:${line('id="alpha:titel"')}: alpha:titel: unknown id: the course has no such string (removed or renamed since the export?)`,
      `${file}:${line('<target', 'id="alpha:summary"')}: alpha:summary: empty <target>`,
      `${file}:${line('id="beta:summary"')}: beta:summary: no <target>: the string is not translated (import with --partial to keep the current translation)`,
      `${file}:${line('<target', 'id="beta:pages.only.blocks.warn.body"')}: beta:pages.only.blocks.warn.body: contains a javascript: URL: links must use https:, http: or mailto:`,
      `${file}:${line('<target', 'id="beta:actionPlan.hint"')}: beta:actionPlan.hint: HTML tags differ from the source (da source): has </script>, <script>, which the source does not`,
      `${file}:${line('<target', 'id="beta:actionPlan.hint"')}: beta:actionPlan.hint: contains a <script> tag: scripts are never allowed in course text`,
      `${file}:${line('<target', 'id="ui:greeting"')}: ui:greeting: interpolation variables differ from the source (da source): missing {{name}}`,
      `${file}: alpha:title: no unit for this string (added to the source after the export?): export again, or import with --partial`,
      '10 errors: nothing was imported.',
    ]);
    expect(snapshot(root, 'en')).toEqual(before);
    expect(existsSync(join(root, 'i18n'))).toBe(false);
  });

  it('reads what CAT tools write back (<g>, <mrk>, <x/>, CDATA, comments, CRLF) and reports errors at their literal lines', () => {
    const root = sampleCopy();
    const file = join(tempDir(), 'from-cat-tool.xlf');
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>', //                                                  1
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="urn:memoq">', // 2
      '  <file original="ui.json" source-language="da" target-language="de" datatype="plaintext">', // 3
      '    <body>', //                                                                                4
      '      <!-- <trans-unit id="ui:nav.back"> in a comment does not count -->', //                5
      '      <group id="nav">', //                                                                    6
      '        <trans-unit id="ui:nav.next" mq:status="Confirmed">', //                              7
      '          <source>Næste</source>', //                                                          8
      '          <target state="final"><mrk mtype="seg" mid="1">Weiter</mrk></target>', //           9
      '        </trans-unit>', //                                                                     10
      '      </group>', //                                                                            11
      '      <trans-unit id="ui:greeting">', //                                                     12
      '        <source>Hej <ph id="1">{{name}}</ph></source>', //                                    13
      '        <target>Hallo <x id="1"/>, <g id="9">willkommen</g><![CDATA[ & <hallo>]]></target>', // 14
      '      </trans-unit>', //                                                                       15
      '      <trans-unit id="ui:menu.title">', //                                                   16
      '        <source>Menu</source>', //                                                             17
      '        <target>Menü {{name}}</target>', //                                                    18
      '      </trans-unit>', //                                                                       19
      '      <trans-unit id="ui:nav.back">', //                                                     20
      '        <source>Tilbage</source>', //                                                          21
      '        <target><x id="7"/>Zurück</target>', //                                                22
      '      </trans-unit>', //                                                                       23
      '    </body>',
      '  </file>',
      '</xliff>',
    ];
    writeFileSync(file, lines.join('\r\n'));
    const r = run(importMain, [file, ...at(root), '--partial']);
    expect(r.out).toEqual([
      `${file}:22: ui:nav.back: <target>: <x id="7"/> refers to no placeholder of the source`,
      `${file}:14: ui:greeting: HTML tags differ from the source (da source): has <hallo>, which the source does not`,
      `${file}:18: ui:menu.title: interpolation variables differ from the source (da source): has {{name}}, which the source does not`,
      '3 errors: nothing was imported.',
    ]);
    expect(existsSync(join(root, 'locales/de'))).toBe(false);

    // Fixed, it imports: only the units it has (--partial), so de/ui.json is incomplete and says so.
    writeFileSync(
      file,
      lines.join('\r\n').replace('<![CDATA[ & <hallo>]]>', '<![CDATA[ & co]]>').replace('Menü {{name}}', 'Menü').replace('<x id="7"/>', ''),
    );
    const ok = run(importMain, [file, ...at(root), '--partial']);
    expect(ok.out).toEqual(['Imported 4 strings into de.', '  wrote locales/de/ui.json', '  wrote i18n/de.sources.json']);
    expect(readText(root, 'locales/de/ui.json')).toBe(
      '{\n  "nav": {\n    "next": "Weiter",\n    "back": "Zurück"\n  },\n  "greeting": "Hallo {{name}}, willkommen & co",\n  "menu": {\n    "title": "Menü"\n  }\n}\n',
    );
    expect(run(statusMain, at(root)).out).toContain('  locales/de/ui.json            4           4         0        0  100%');
  });

  it('honours XLIFF 1.2 states: needs-translation and the other needs-* are not translations; translated, signed-off, final and approved are', () => {
    const root = sampleCopy();
    const file = exportTo(root, 'de');
    // A CAT tool's pre-translation: every target a copy of the source, marked needs-translation ...
    let xml = translateUnits(readFileSync(file, 'utf8'), (t) => t).replace(
      /<target state="translated">/g,
      '<target state="needs-translation">',
    );
    // ... of which the translator finished four, each marked the way a different tool marks it.
    const finish = (id: string, state: string, text: string, approved = false) => {
      const re = new RegExp(`(<trans-unit id="${id}"[^>]*)(>[\\s\\S]*?<target) state="needs-translation">[^<]*</target>`);
      expect(re.test(xml), id).toBe(true);
      xml = xml.replace(re, `$1${approved ? ' approved="yes"' : ''}$2 state="${state}">${text}</target>`);
    };
    finish('course:title', 'translated', 'Musterkurs');
    finish('alpha:title', 'signed-off', 'Alpha');
    finish('beta:title', 'final', 'Beta');
    finish('intro:title', 'needs-review-translation', 'Einführung', true);
    writeFileSync(file, xml);

    const strict = run(importMain, [file, ...at(root)]);
    expect(strict.code).toBe(1);
    expect(strict.out[0]).toBe(
      `${file}:${lineOf(xml, '<target', 'id="course:description"')}: course:description: state="needs-translation": the target is not translated yet (import with --partial to keep the current translation)`,
    );
    expect(strict.out.at(-1)).toBe('161 errors: nothing was imported.');

    const partial = run(importMain, [file, ...at(root), '--partial']);
    expect(partial.code, partial.out.join('\n')).toBe(0);
    expect(partial.out.slice(0, 2)).toEqual([
      'Imported 4 strings into de.',
      '  161 units left out: the XLIFF state says not translated (161 needs-translation); i18n:status counts them as missing',
    ]);
    expect(JSON.parse(readText(root, 'locales/de/course.json'))).toEqual({ title: 'Musterkurs' });
    // Status says how little is done, not 100%.
    const status = run(statusMain, at(root)).out;
    expect(status).toContain('  total                       165           4         0      161   2.4%');

    // A state XLIFF 1.2 does not have is an error, not a guess.
    writeFileSync(file, xml.replace('state="final"', 'state="done"'));
    expect(run(importMain, [file, ...at(root), '--partial']).out[0]).toBe(
      `${file}:${lineOf(xml, '<target', 'id="beta:title"')}: beta:title: state="done" is not an XLIFF 1.2 state: a translation is translated, signed-off, final (or approved="yes"); needs-translation and the other needs-* states are not`,
    );
  });

  it('reports XML that is not well formed, and XLIFF 2.0, with their line', () => {
    const root = sampleCopy();
    const file = join(tempDir(), 'broken.xlf');
    writeFileSync(file, '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n    <body>\n  </file>\n</xliff>\n');
    expect(run(importMain, [file, ...at(root)]).out[0]).toBe(
      `${file}:5: not well-formed XML: Expected closing tag 'body' (opened in line 4, col 5) instead of closing tag 'file'.`,
    );
    writeFileSync(file, '<?xml version="1.0"?>\n<xliff version="2.0" srcLang="da" trgLang="de"/>\n');
    expect(run(importMain, [file, ...at(root)]).out[0]).toBe(
      `${file}:1: XLIFF version 2.0 is not supported: export and import use XLIFF 1.2`,
    );
  });

  it('marks a string outdated when it was translated from a source text that has changed since', () => {
    const root = sampleCopy();
    const file = exportTo(root, 'en');
    editJson(root, 'locales/da/beta.json', (d) => (d.title = 'Beta (ny)'));
    const r = run(importMain, [file, ...at(root)]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([
      `${file}:${lineOf(readFileSync(file, 'utf8'), 'id="beta:title"')}: beta:title: the source text has changed since this file was exported: imported, and marked outdated (warning)`,
    ]);
    expect(run(statusMain, at(root)).out).toContain('  locales/en/beta.json         30          29         1        0  96.6%');
  });

  it('refuses to import into the source language', () => {
    const root = sampleCopy();
    const file = exportTo(root, 'en');
    const r = run(importMain, [file, ...at(root), '--lang', 'da']);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`${file}:3: target-language "da" is the source language: importing would overwrite the source text`);
  });
});

describe('a pseudo-locale added through XLIFF', () => {
  it('imports, validates, loads with loadCourse and is built into virtual:course with its own text chunks', async () => {
    const root = sampleCopy();
    const file = exportTo(root, 'qps');
    // The translator's side: fill every target with accented, longer text, leaving the tags alone.
    writeFileSync(
      file,
      translateUnits(readFileSync(file, 'utf8'), (t) => pseudoLocalize(t)),
    );
    expect(readXliff(readFileSync(file, 'utf8')).units.every((u) => u.target)).toBe(true);
    const imported = run(importMain, [file, ...at(root)]);
    expect(imported.code, imported.out.join('\n')).toBe(0);
    expect(readdirSync(join(root, 'locales/qps')).sort()).toEqual([...LOCALE_FILES].sort());

    // Valid like any language, with no change to code or content/.
    const v = run(validateMain, at(root));
    expect(v.out).toEqual(['OK: sample-course 0.1.0, 4 modules, 3 languages (da, en, qps), 165 strings per language: no problems.']);
    const loaded = loadCourse(root, { uiRoot: root });
    expect(loaded.course.languages).toEqual(['da', 'en', 'qps']);
    expect(loaded.texts.qps!.modules.alpha!.title).toBe('Ááĺƒáá'); // "Alfa"
    expect(loaded.texts.qps!.ui.greeting).toBe('Ĥééĵ {{name}}'); // "Hej {{name}}"
    expect(Object.keys(textNamespaces(loaded, 'qps'))).toEqual(['ui', 'course', 'intro', 'alpha', 'beta', 'omega', 'bank', 'modules']);

    // A real Vite build with the course plugin: the pseudo-locale's namespaces are chunks it can load.
    const entry = join(root, 'entry.js');
    writeFileSync(entry, "export { course, textLoaders } from 'virtual:course';\n");
    const outDir = join(root, 'dist-test');
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [coursePlugin({ root, uiRoot: root })],
      build: { outDir, emptyOutDir: true, minify: false, lib: { entry, formats: ['es'], fileName: () => 'course.mjs' } },
    });
    const built = (await import(pathToFileURL(join(outDir, 'course.mjs')).href)) as typeof VirtualCourse;
    expect(built.course.languages).toEqual(['da', 'en', 'qps']);
    expect(Object.keys(built.textLoaders).filter((k) => k.startsWith('qps/'))).toEqual([
      'qps/ui',
      'qps/course',
      'qps/intro',
      'qps/alpha',
      'qps/beta',
      'qps/omega',
      'qps/bank',
      'qps/modules',
    ]);
    const alpha = (await built.textLoaders['qps/alpha']!()).default as Record<string, any>;
    expect(alpha.title).toBe('Ááĺƒáá');
    expect(alpha.pages.one.blocks.text.body).toBe(`<p>${pseudoLocalize('Tekst på side et.')}</p>`);
    const course = (await built.textLoaders['qps/course']!()).default as Record<string, any>;
    expect(course.final.intro).toBe(`<p>${pseudoLocalize('Fire spørgsmål fra ')}<strong>${pseudoLocalize('banken')}</strong>.</p>`);
  }, 30_000);

  it('export --pseudo fills the targets itself, and the result imports cleanly', () => {
    const root = sampleCopy();
    const file = exportTo(root, 'qps', ['--pseudo']);
    expect(readFileSync(file, 'utf8')).toContain('<target state="translated">⟦Ĥééĵ <ph id="1">{{name}}</ph>⟧</target>');
    expect(run(importMain, [file, ...at(root)]).code).toBe(0);
    expect(run(validateMain, at(root)).code).toBe(0);
  });
});

describe('pseudoLocalize', () => {
  it('keeps placeholders, tags, entities, link targets and code as they are', () => {
    expect(pseudoLocalize('Hi {{name}}, see [the guide](https://example.org/a_b) or `code` &amp; <b>x</b>')).toBe(
      'Ĥíí {{name}}, šéééé [ţĥéé ĝúúííðéé](https://example.org/a_b) ööŕ `code` &amp; <b>ẋ</b>',
    );
  });
});
