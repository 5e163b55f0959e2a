/**
 * The authoring commands, as functions that take their arguments and an output and return the exit
 * code, so that the tests run them without a child process. scripts/*.ts are one-line wrappers.
 *
 * Exit codes: 0 fine, 1 problems found (in the content or the XLIFF file), 2 wrong usage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatIssue } from '../content-model/issues.ts';
import { GAP_MARK, type LanguageProgress } from '../content-model/load.ts';
import { buildCatalog, CatalogError, type Catalog } from './catalog.ts';
import { stringLeaves } from '../content-model/course-files.ts';
import { hashFilePath, updateHashes } from './hashes.ts';
import { formatStatus, languageStatus } from './status.ts';
import { exportXliff, formatProblem, importXliff, TranslationError } from './translate.ts';
import { progressPercent, validateCourse } from './validate.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => void process.stdout.write(line + '\n'),
  err: (line) => void process.stderr.write(line + '\n'),
};

const COMMON = {
  course: { type: 'string', default: '.' },
  'ui-root': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMON_HELP = [
  '  --course <dir>    the course: the folder with content/ and locales/ (default: .)',
  "  --ui-root <dir>   where locales/<lang>/ui.json (the player's strings) live (default: the current",
  '                    folder, as in the build: the repository root when run with npm run)',
];

class UsageError extends Error {}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function location(values: { course?: string | boolean; 'ui-root'?: string | boolean }) {
  const root = resolve(String(values.course ?? '.'));
  if (!existsSync(root)) throw new UsageError(`--course ${String(values.course)}: no such folder`);
  return { root, uiRoot: resolve(typeof values['ui-root'] === 'string' ? values['ui-root'] : '.') };
}

function run(io: Io, usage: string[], body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err('');
      for (const l of usage) io.err(l);
      return 2;
    }
    if (e instanceof CatalogError || e instanceof TranslationError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// --- validate -------------------------------------------------------------------------------------

const VALIDATE_USAGE = [
  'Usage: npm run validate -- [--course <dir>] [--ui-root <dir>]',
  '',
  'Checks the course and prints each problem as file:line: message.',
  ...COMMON_HELP,
];

export function validateMain(argv: string[], io: Io = processIo): number {
  return run(io, VALIDATE_USAGE, () => {
    const { values } = parse(argv, {});
    if (values.help) return (VALIDATE_USAGE.forEach((l) => io.out(l)), 0);
    const { issues, loaded, progress } = validateCourse(location(values));
    const drafts = progress.filter((p) => !p.complete);
    if (issues.length) {
      for (const i of issues) io.out(formatIssue(i));
      for (const l of draftLines(drafts)) io.out(l);
      io.out(`${plural(issues.length, 'problem')} in ${plural(new Set(issues.map((i) => i.file)).size, 'file')}.`);
      return 1;
    }
    const c = loaded!.course;
    const texts = loaded!.texts[c.defaultLanguage]!;
    const strings =
      stringLeaves(texts.course).length +
      stringLeaves(texts.ui).length +
      Object.values(texts.modules).reduce((n, t) => n + stringLeaves(t).length, 0);
    const complete = c.languages.filter((l) => !loaded!.drafts.includes(l));
    const languages = drafts.length
      ? `${plural(complete.length, 'complete language')} (${complete.join(', ')}) and ${plural(drafts.length, 'draft')} (${drafts.map((d) => d.lang).join(', ')})`
      : `${plural(c.languages.length, 'language')} (${c.languages.join(', ')})`;
    io.out(
      `OK: ${c.id} ${c.version}, ${plural(c.modules.length, 'module')}, ${languages}, ${plural(strings, 'string')} per language: no problems.`,
    );
    for (const l of draftLines(drafts)) io.out(l);
    return 0;
  });
}

const MAX_GAPS_LISTED = 10;

/** How far each draft has come, its first gaps, and what a draft means for the preview and the package. */
function draftLines(drafts: LanguageProgress[]): string[] {
  const out: string[] = [];
  for (const d of drafts) {
    const missing = d.total - d.translated;
    out.push(
      `${d.lang}: draft, ${progressPercent(d)} translated (${d.translated.toLocaleString('en')} of ${d.total.toLocaleString('en')} strings; ${missing.toLocaleString('en')} not translated yet):`,
    );
    for (const g of d.gaps.slice(0, MAX_GAPS_LISTED)) out.push(`  ${formatIssue(g)}${g.strings > 1 ? ` (${g.strings} strings)` : ''}`);
    if (d.gaps.length > MAX_GAPS_LISTED)
      out.push(`  ... and ${d.gaps.length - MAX_GAPS_LISTED} more (npm run i18n:status -- --details lists every string)`);
  }
  if (drafts.length)
    out.push(
      `A draft is left out of packages (npm run package -- --drafts includes it, its gaps in the source language); the preview shows it with every gap marked ${GAP_MARK}.`,
    );
  return out;
}

// --- i18n:status ----------------------------------------------------------------------------------

const STATUS_USAGE = [
  'Usage: npm run i18n:status -- [--details] [--strict] [--update-hashes <lang>|all] [--course <dir>] [--ui-root <dir>]',
  '',
  'Shows, per language, how many strings are translated, outdated (the source changed since) and missing.',
  '  --details               list every missing and outdated string',
  '  --strict                exit 1 when any string is missing or outdated',
  '  --update-hashes <lang>  mark the current translations of <lang> (or all) as up to date with the source',
  ...COMMON_HELP,
];

export function statusMain(argv: string[], io: Io = processIo): number {
  return run(io, STATUS_USAGE, () => {
    const { values } = parse(argv, { details: { type: 'boolean' }, strict: { type: 'boolean' }, 'update-hashes': { type: 'string' } });
    if (values.help) return (STATUS_USAGE.forEach((l) => io.out(l)), 0);
    let catalog: Catalog = buildCatalog(location(values));
    const update = values['update-hashes'];
    if (update !== undefined) {
      const langs = update === 'all' ? catalog.targetLanguages : [update];
      for (const lang of langs) {
        if (!catalog.targetLanguages.includes(lang))
          throw new UsageError(
            `--update-hashes ${lang}: not a translation of this course (${catalog.targetLanguages.join(', ') || 'there are none'})`,
          );
        const { recorded, written } = updateHashes(catalog, lang);
        io.out(
          `${lang}: ${plural(recorded, 'translation')} marked up to date with the current source${written ? ` (wrote ${catalog.files.rel(hashFilePath(catalog, lang))})` : ' (no change)'}`,
        );
      }
      io.out('');
      catalog = buildCatalog(catalog.files);
    }
    const statuses = catalog.targetLanguages.map((l) => languageStatus(catalog, l));
    io.out(formatStatus(catalog, statuses, { details: values.details }));
    return values.strict && statuses.some((s) => s.missing || s.outdated) ? 1 : 0;
  });
}

// --- i18n:export ----------------------------------------------------------------------------------

const EXPORT_USAGE = [
  'Usage: npm run i18n:export -- --target <lang> [--out <file.xlf>] [--pseudo] [--course <dir>] [--ui-root <dir>]',
  '',
  'Writes an XLIFF 1.2 file with every string of the source language, any existing translation, and a',
  'note on where each string is used.',
  '  --target <lang>  the language to translate into, such as de',
  '  --out <file>     where to write (default: dist/i18n/<course id>.<source>-<target>.xlf under --course)',
  '  --pseudo         fill the targets with pseudo-translated text, to test a layout (use a code such as qps)',
  ...COMMON_HELP,
];

export function exportMain(argv: string[], io: Io = processIo): number {
  return run(io, EXPORT_USAGE, () => {
    const { values } = parse(argv, { target: { type: 'string' }, out: { type: 'string', short: 'o' }, pseudo: { type: 'boolean' } });
    if (values.help) return (EXPORT_USAGE.forEach((l) => io.out(l)), 0);
    if (!values.target) throw new UsageError('--target <lang> is required');
    const catalog = buildCatalog(location(values));
    const result = exportXliff(catalog, values.target, { pseudo: values.pseudo });
    const out = resolve(
      values.out ??
        resolve(catalog.files.root, 'dist/i18n', `${catalog.files.courseId ?? 'course'}.${catalog.sourceLanguage}-${values.target}.xlf`),
    );
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.xml);
    io.out(
      `Wrote ${relative(process.cwd(), out).startsWith('..') ? out : relative(process.cwd(), out)}: ${plural(result.units, 'string')} from ${catalog.sourceLanguage}, ${result.withTarget} already translated into ${values.target}` +
        (result.outdated ? ` (${result.outdated} outdated, marked needs-review-translation)` : '') +
        '.',
    );
    return 0;
  });
}

// --- i18n:import ----------------------------------------------------------------------------------

const IMPORT_USAGE = [
  'Usage: npm run i18n:import -- <file.xlf> [--lang <code>] [--partial] [--dry-run] [--course <dir>] [--ui-root <dir>]',
  '',
  'Checks a translated XLIFF 1.2 file and writes its targets to locales/<lang>/ (nothing is written if',
  'any unit has an error). Records the source text of each string, so i18n:status can tell when it changes.',
  "  --lang <code>  import into this language instead of the file's target-language",
  '  --partial      accept a file that does not translate every string (the rest keep their translation)',
  '  --dry-run      check only, write nothing',
  ...COMMON_HELP,
];

export function importMain(argv: string[], io: Io = processIo): number {
  return run(io, IMPORT_USAGE, () => {
    const { values, positionals } = parse(
      argv,
      { lang: { type: 'string' }, partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
      true,
    );
    if (values.help) return (IMPORT_USAGE.forEach((l) => io.out(l)), 0);
    if (positionals.length !== 1) throw new UsageError('give exactly one XLIFF file to import');
    const file = positionals[0]!;
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    const catalog = buildCatalog(location(values));
    const result = importXliff(catalog, readFileSync(file, 'utf8'), {
      lang: values.lang,
      partial: values.partial,
      dryRun: values['dry-run'],
    });
    for (const w of result.warnings) io.err(`${formatProblem(file, w)} (warning)`);
    if (result.errors.length) {
      for (const e of result.errors) io.out(formatProblem(file, e));
      io.out(`${plural(result.errors.length, 'error')}: nothing was imported.`);
      return 1;
    }
    if (values['dry-run']) {
      const left = [...result.notTranslated.values()].reduce((n, c) => n + c, 0);
      io.out(
        `${file}: ${plural(result.imported, 'string')} for ${result.lang}, no errors${left ? `, ${plural(left, 'unit')} left out (their state says not translated)` : ''} (dry run: nothing written).`,
      );
      return 0;
    }
    io.out(`Imported ${plural(result.imported, 'string')} into ${result.lang}.`);
    if (result.notTranslated.size) {
      const total = [...result.notTranslated.values()].reduce((n, c) => n + c, 0);
      const states = [...result.notTranslated].map(([state, n]) => `${n} ${state}`).join(', ');
      io.out(`  ${plural(total, 'unit')} left out: the XLIFF state says not translated (${states}); i18n:status counts them as missing`);
    }
    for (const w of result.written) io.out(`  wrote ${w}`);
    if (result.unchanged.length) io.out(`  ${plural(result.unchanged.length, 'file')} already up to date`);
    return 0;
  });
}
