/**
 * The XLIFF round trip: export a language's strings (source from the default language, any existing
 * translation as target, a note on where each string is used), and import a translated file back into
 * `locales/<lang>/`, checked first and written only when every unit is fine.
 */
import { translationOf, treeFrom, writeJsonIfChanged, type Catalog, type SourceString } from './catalog.ts';
import { COURSE_NAMESPACE, UI_NAMESPACE } from '../content-model/course-files.ts';
import { hashFilePath, readHashes, sourceHash, writeHashes } from './hashes.ts';
import { compareWithSource, placeholders, unsafeMarkup } from '../content-model/text-checks.ts';
import { pseudoLocalize } from './pseudo.ts';
import { LANGUAGE_CODE } from './validate.ts';
import { readXliff, targetStatus, TRANSLATED_STATES, writeXliff, type XliffFile, type XliffProblem, type XliffUnit } from './xliff.ts';

/** What a string is, in words a translator can use: "answer option b of knowledge-check question q1". */
export function describeString(ns: string, path: readonly string[]): string {
  if (ns === UI_NAMESPACE) return `the player's interface (${path.join('.')})`;
  const [a, b, c, d, e, f, g] = path;
  if (ns === COURSE_NAMESPACE) {
    const course: Record<string, string> = {
      title: 'the course title',
      description: 'the course description',
      audience: 'who the course is for',
      'final.title': 'the heading of the final assessment',
      'final.intro': 'the introduction to the final assessment',
      'closing.title': 'the heading of the closing page',
      'closing.intro': 'the introduction on the closing page',
      'closing.planIntro': 'the introduction to the action plan on the closing page',
    };
    return course[path.join('.')] ?? `course text ${path.join('.')}`;
  }
  const mod = `module "${ns}"`;
  const question = (kind: string, id: string, rest: (string | undefined)[]) => {
    const q = `${kind} question ${id}`;
    if (rest[0] === 'prompt') return `the question text of ${q}`;
    if (rest[0] === 'options' && rest[2] === 'text') return `answer option ${rest[1]} of ${q}`;
    if (rest[0] === 'options' && rest[2] === 'feedback') return `the feedback shown after choosing option ${rest[1]} of ${q}`;
    return `${q}, ${rest.join('.')}`;
  };
  const blockField: Record<string, string> = {
    body: 'the text',
    title: 'the heading',
    alt: 'the alt text (a description for learners who cannot see the image)',
    caption: 'the caption',
    decision: 'the decision the learner faces',
  };
  switch (a) {
    case 'title':
      return `the title of ${mod}`;
    case 'summary':
      return `the one-sentence summary of ${mod} in the menu`;
    case 'objectives':
      return `learning objective ${b} of ${mod}`;
    case 'pages':
      if (c === 'title') return `the heading of page "${b}" in ${mod}`;
      if (c === 'blocks' && d && e) return `${blockField[e] ?? e} of block "${d}" on page "${b}" in ${mod}`;
      break;
    case 'knowledgeCheck':
      if (b === 'intro') return `the introduction to the knowledge check of ${mod}`;
      if (b === 'questions' && c) return `${question('knowledge-check', c, [d, e, f, g])} in ${mod}`;
      break;
    case 'bank':
      if (b) return `${question('final-assessment', b, [c, d, e, f])} (from ${mod})`;
      break;
    case 'reflection':
      return b === 'prompt' ? `the reflection question of ${mod}` : `a hint for the reflection in ${mod}`;
    case 'selfAssessment':
      return b === 'question' ? `the self-assessment question of ${mod}` : `step ${c} of 5 on the self-assessment scale of ${mod}`;
    case 'actionPlan':
      return `a suggested next step for ${mod}, shown in the closing action plan`;
  }
  return `${mod}, ${path.join('.')}`;
}

const MARKDOWN_NOTE =
  'Markdown: keep **bold**, *emphasis*, [link text](url), list markers and blank lines between paragraphs; translate the link text, not the url.';

function unitNote(catalog: Catalog, lang: string, s: SourceString): string {
  const file = catalog.files.rel(catalog.files.localePath(lang, s.ns));
  const parts = [`Used for ${describeString(s.ns, s.path)}.`, `File ${file}, key ${s.path.join('.')}.`];
  parts.push(s.kind === 'markdown' ? MARKDOWN_NOTE : 'Plain text (no Markdown).');
  const vars = [...new Set(placeholders(s.text))];
  if (vars.length)
    parts.push(
      `Keep ${vars.join(', ')} (shown as ${vars.length === 1 ? 'a tag' : 'tags'}): the course fills ${vars.length === 1 ? 'it' : 'them'} in.`,
    );
  return parts.join(' ');
}

export class TranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationError';
  }
}

export interface ExportOptions {
  /** Fill every target with pseudo-localised source text (for a test locale such as `qps`). */
  pseudo?: boolean;
}

export interface ExportResult {
  xml: string;
  units: number;
  withTarget: number;
  outdated: number;
}

export function exportXliff(catalog: Catalog, lang: string, options: ExportOptions = {}): ExportResult {
  if (!LANGUAGE_CODE.test(lang)) throw new TranslationError(`"${lang}" is not a language code (such as "de", "pt" or "pt-BR")`);
  if (lang === catalog.sourceLanguage) throw new TranslationError(`"${lang}" is the source language: export a target language`);
  const hashes = readHashes(catalog, lang);
  let withTarget = 0;
  let outdated = 0;
  const files: XliffFile[] = catalog.namespaces.map(({ ns, strings }) => ({
    original: `${ns}.json`,
    note:
      ns === UI_NAMESPACE
        ? "The player's own interface strings (buttons, menus, messages)."
        : `${ns === COURSE_NAMESPACE ? 'Course-wide text' : `Text of module "${ns}"`}, from ${catalog.files.rel(catalog.files.localePath(catalog.sourceLanguage, ns))}.`,
    units: strings.map((s): XliffUnit => {
      const unit: XliffUnit = { id: s.id, resname: s.path.join('.'), source: s.text, notes: [unitNote(catalog, lang, s)] };
      const existing = options.pseudo ? pseudoLocalize(s.text, { brackets: s.kind === 'plain' }) : translationOf(catalog, lang, s);
      if (existing !== undefined) {
        unit.target = existing;
        withTarget++;
        const recorded = hashes.get(s.id);
        if (!options.pseudo && recorded !== undefined && recorded !== sourceHash(s.text)) {
          unit.state = 'needs-review-translation';
          unit.notes.push('The source text has changed since this translation was made: review it.');
          outdated++;
        } else unit.state = 'translated';
      }
      return unit;
    }),
  }));
  const xml = writeXliff({ sourceLanguage: catalog.sourceLanguage, targetLanguage: lang, productName: catalog.files.courseId, files });
  return { xml, units: catalog.byId.size, withTarget, outdated };
}

export interface ImportOptions {
  /** Import into this language instead of the file's `target-language`. */
  lang?: string;
  /**
   * Accept units without a target (or with an empty one) and files that lack some strings: those keep
   * their current translation, if any. Without it, the file must translate every string.
   */
  partial?: boolean;
  /** Check only; write nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  lang?: string;
  errors: XliffProblem[];
  warnings: XliffProblem[];
  imported: number;
  /** Units left out because their XLIFF state says the target is not a translation, counted by state. */
  notTranslated: Map<string, number>;
  /** Files written (relative to the course root), and files already up to date. */
  written: string[];
  unchanged: string[];
}

const MAX_MISSING_LISTED = 20;

function lineOf(text: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}

export function importXliff(catalog: Catalog, xml: string, options: ImportOptions = {}): ImportResult {
  const result: ImportResult = { errors: [], warnings: [], imported: 0, notTranslated: new Map(), written: [], unchanged: [] };
  const parsed = readXliff(xml);
  result.errors.push(...parsed.problems);
  if (parsed.problems.length && parsed.units.length === 0) return result;

  const text = xml.replace(/\r\n?/g, '\n');
  const src = catalog.sourceLanguage;
  const wrongSource = parsed.sourceLanguages.find((l) => l !== src);
  if (wrongSource)
    result.errors.push({
      line: lineOf(text, /source-language\s*=/),
      message: `source-language is "${wrongSource}" but the course's source language is "${src}"`,
    });
  const lang = options.lang ?? (parsed.targetLanguages.length === 1 ? parsed.targetLanguages[0] : undefined);
  if (!lang) {
    const message = parsed.targetLanguages.length
      ? `the file has several target languages (${parsed.targetLanguages.join(', ')}): import one at a time`
      : 'no target-language on <file>: pass --lang <code>';
    result.errors.push({ line: lineOf(text, /<(?:[\w.-]+:)?file\b/), message });
    return result;
  }
  result.lang = lang;
  if (lang === src)
    result.errors.push({
      line: lineOf(text, /target-language\s*=/),
      message: `target-language "${lang}" is the source language: importing would overwrite the source text`,
    });
  else if (!LANGUAGE_CODE.test(lang))
    result.errors.push({
      line: lineOf(text, /target-language\s*=/),
      message: `"${lang}" is not a language code (such as "de", "pt" or "pt-BR")`,
    });

  const imported = new Map<string, { text: string; source: string }>();
  const seen = new Map<string, number>();
  for (const u of parsed.units) {
    const err = (message: string, line = u.targetLine) => result.errors.push({ line, id: u.id, message });
    if (!u.id) continue;
    if (seen.has(u.id)) {
      err(`duplicate unit id (first at line ${seen.get(u.id)})`, u.line);
      continue;
    }
    seen.set(u.id, u.line);
    const s = catalog.byId.get(u.id);
    if (!s) {
      err('unknown id: the course has no such string (removed or renamed since the export?)', u.line);
      continue;
    }
    const status = u.target === undefined ? 'translated' : targetStatus(u);
    if (status === 'unknown-state') {
      err(
        `state="${u.state}" is not an XLIFF 1.2 state: a translation is ${TRANSLATED_STATES.join(', ')} (or approved="yes"); needs-translation and the other needs-* states are not`,
      );
      continue;
    }
    if (status === 'not-translated') {
      // The CAT tool says this target is not a translation (often a copy of the source): never imported.
      result.notTranslated.set(u.state!, (result.notTranslated.get(u.state!) ?? 0) + 1);
      if (!options.partial)
        err(`state="${u.state}": the target is not translated yet (import with --partial to keep the current translation)`);
      continue;
    }
    if (u.target === undefined || !u.target.trim()) {
      if (!options.partial)
        err(
          u.target === undefined
            ? 'no <target>: the string is not translated (import with --partial to keep the current translation)'
            : 'empty <target>',
        );
      continue;
    }
    for (const message of compareWithSource(s.text, u.target, s.kind, `${src} source`)) err(message);
    const sourceUnsafe = new Set(unsafeMarkup(s.text, s.kind));
    for (const message of unsafeMarkup(u.target, s.kind)) if (!sourceUnsafe.has(message)) err(message);
    if (u.source !== s.text)
      result.warnings.push({
        line: u.line,
        id: u.id,
        message: 'the source text has changed since this file was exported: imported, and marked outdated',
      });
    imported.set(u.id, { text: u.target, source: u.source });
  }
  if (!options.partial) {
    const absent = [...catalog.byId.keys()].filter((id) => !seen.has(id));
    for (const id of absent.slice(0, MAX_MISSING_LISTED))
      result.errors.push({
        id,
        message: 'no unit for this string (added to the source after the export?): export again, or import with --partial',
      });
    if (absent.length > MAX_MISSING_LISTED)
      result.errors.push({ message: `... and ${absent.length - MAX_MISSING_LISTED} more strings have no unit` });
  }
  result.imported = imported.size;
  if (result.errors.length || options.dryRun) return result;

  const hashes = readHashes(catalog, lang);
  const keptHashes = new Map<string, string>();
  for (const { ns, strings } of catalog.namespaces) {
    const entries: { path: string[]; value: string }[] = [];
    for (const s of strings) {
      const got = imported.get(s.id);
      const value = got?.text ?? translationOf(catalog, lang, s);
      if (value === undefined) continue;
      entries.push({ path: s.path, value });
      if (got) keptHashes.set(s.id, sourceHash(got.source));
      else if (hashes.has(s.id)) keptHashes.set(s.id, hashes.get(s.id)!);
    }
    const path = catalog.files.localePath(lang, ns);
    if (!entries.length) continue;
    (writeJsonIfChanged(path, treeFrom(entries)) ? result.written : result.unchanged).push(catalog.files.rel(path));
  }
  if (writeHashes(catalog, lang, keptHashes)) result.written.push(catalog.files.rel(hashFilePath(catalog, lang)));
  return result;
}

/** `file.xlf:12: p01:title: message` */
export function formatProblem(file: string, p: XliffProblem): string {
  return `${file}${p.line ? `:${p.line}` : ''}: ${p.id ? `${p.id}: ` : ''}${p.message}`;
}
