/**
 * `npm run validate`: everything loadCourse checks (schemas, cross-references, every string present,
 * non-empty and expected) plus what it does not: objectives no question assesses, module files the
 * course does not list, locale files nothing uses, locale folders that are not language codes, images
 * without alt text, translations whose placeholders or markup differ from the source language, and
 * unsafe markup. Every problem comes with its file and, where the format has one, its line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, formatPath, type ContentIssue } from '../content-model/issues.ts';
import { loadCourse, type LoadedCourse } from '../content-model/load.ts';
import type { SourceFile } from '../content-model/source-file.ts';
import { compareWithSource, unsafeMarkup } from './markup.ts';
import { COURSE_NAMESPACE, CourseFiles, getAt, isObject, stringLeaves, UI_NAMESPACE, type CourseLocation } from './course-files.ts';

export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

export interface ValidationResult {
  /** Every problem, sorted by file and line. Empty when the course is valid. */
  issues: ContentIssue[];
  /** The loaded course, when loadCourse succeeded. */
  loaded?: LoadedCourse;
}

class Issues {
  readonly all: ContentIssue[] = [];
  at(src: SourceFile, path: readonly PropertyKey[], message: string): void {
    this.all.push({ file: src.file, line: src.lineOf(path), path: formatPath(path) || undefined, message });
  }
  file(file: string, message: string, line?: number): void {
    this.all.push({ file, line, message });
  }
}

const describeNamespace = (ns: string) =>
  ns === COURSE_NAMESPACE ? 'the course' : ns === UI_NAMESPACE ? "the player's own strings" : `module "${ns}"`;

/** Makes the loader's generic messages point at something the author can act on. */
function refineLoaderIssues(loader: ContentIssue[], files: CourseFiles): ContentIssue[] {
  const course = files.courseFile;
  const modules = files.moduleIds;
  const def = files.defaultLanguage;
  return loader.map((issue) => {
    if (!issue.message.startsWith('cannot be read')) return issue;
    const mod = /^content\/modules\/([^/]+)\.yaml$/.exec(issue.file);
    if (mod && course) {
      const raw = getAt(course.data, ['modules']);
      const index = Array.isArray(raw) ? raw.indexOf(mod[1]) : -1;
      if (index >= 0 && modules.includes(mod[1]!))
        return {
          file: course.file,
          line: course.lineOf(['modules', index]),
          path: `modules[${index}]`,
          message: `module "${mod[1]}" is listed but ${issue.file} does not exist`,
        };
    }
    const loc = /(?:^|\/)locales\/([^/]+)\/([^/]+)\.json$/.exec(issue.file);
    if (loc) {
      const [, lang, ns] = loc;
      const what = describeNamespace(ns!);
      const message =
        lang === def
          ? `missing file: the source language (${lang}) has no text for ${what}`
          : `missing file: language "${lang}" has no text for ${what} (translate locales/${def}/${ns}.json, or use npm run i18n:export and i18n:import)`;
      return { ...issue, message };
    }
    return issue;
  });
}

function checkObjectivesAssessed(files: CourseFiles, issues: Issues): void {
  for (const id of files.moduleIds) {
    const src = files.moduleFile(id);
    const data = src?.data;
    if (!src || !isObject(data) || !Array.isArray(data.objectives)) continue;
    const questions = [
      ...(Array.isArray(getAt(data, ['knowledgeCheck', 'questions'])) ? (getAt(data, ['knowledgeCheck', 'questions']) as unknown[]) : []),
      ...(Array.isArray(data.bank) ? data.bank : []),
    ];
    const assessed = new Set(questions.map((q) => getAt(q, ['objective'])));
    data.objectives.forEach((o, i) => {
      if (typeof o === 'string' && !assessed.has(o))
        issues.at(src, ['objectives', i], `objective "${o}" is never assessed: no knowledge-check or bank question has objective: ${o}`);
    });
  }
}

function checkModuleFiles(files: CourseFiles, issues: Issues): void {
  const dir = join(files.root, 'content/modules');
  if (!existsSync(dir) || !files.courseFile) return;
  const listed = new Set(files.moduleIds);
  for (const name of readdirSync(dir).sort()) {
    const rel = `content/modules/${name}`;
    if (/\.yml$/.test(name)) {
      issues.file(rel, `module files must end in .yaml: rename it to ${name.replace(/\.yml$/, '.yaml')}`, 1);
      continue;
    }
    const m = /^(.+)\.yaml$/.exec(name);
    if (!m || listed.has(m[1]!)) continue;
    const src = files.read(join(dir, name));
    issues.file(
      rel,
      `module "${m[1]}" is not listed in content/course.yaml (modules:), so the course never shows it: add it there or delete the file`,
      src?.lineOf(['id']) ?? 1,
    );
  }
}

function checkLocaleFolders(files: CourseFiles, issues: Issues): void {
  const known = new Set(files.namespaces());
  for (const lang of files.localeFolders()) {
    if (!LANGUAGE_CODE.test(lang))
      issues.file(
        `locales/${lang}`,
        `"${lang}" is not a language code: name the folder with a lower-case code such as "de", "pt" or "pt-BR"`,
      );
    if (!files.courseFile) continue;
    for (const name of readdirSync(join(files.root, 'locales', lang)).sort()) {
      const m = /^(.+)\.json$/.exec(name);
      if (m && !known.has(m[1]!))
        issues.file(
          `locales/${lang}/${name}`,
          `no module "${m[1]}" in content/course.yaml, so nothing uses this file: rename it after a module or delete it`,
          1,
        );
    }
  }
}

function checkImageAlt(files: CourseFiles, languages: string[], issues: Issues): ContentIssue[] {
  const found: ContentIssue[] = [];
  for (const id of files.moduleIds) {
    const msrc = files.moduleFile(id);
    const pages = getAt(msrc?.data, ['pages']);
    if (!msrc || !Array.isArray(pages)) continue;
    pages.forEach((page, pi) => {
      const blocks = getAt(page, ['blocks']);
      const pageId = getAt(page, ['id']);
      if (typeof pageId !== 'string' || !Array.isArray(blocks)) return;
      blocks.forEach((block, bi) => {
        if (getAt(block, ['type']) !== 'image' || typeof getAt(block, ['id']) !== 'string') return;
        const path = ['pages', pageId, 'blocks', getAt(block, ['id']) as string, 'alt'];
        const where = `${msrc.file}:${msrc.lineOf(['pages', pi, 'blocks', bi]) ?? 1}`;
        for (const lang of languages) {
          const lsrc = files.localeFile(lang, id);
          if (!lsrc) continue; // missing or broken: the loader says so
          const alt = getAt(lsrc.data, path);
          if (typeof alt === 'string' && alt.trim()) continue;
          const issue: ContentIssue = {
            file: lsrc.file,
            line: lsrc.lineOf(path),
            path: path.join('.'),
            message: `image "${String(getAt(block, ['src']))}" (${where}) has no alt text in "${lang}": describe it for learners who cannot see it`,
          };
          issues.all.push(issue);
          found.push(issue);
        }
      });
    });
  }
  return found;
}

function checkTranslations(files: CourseFiles, languages: string[], issues: Issues): void {
  const def = files.defaultLanguage;
  if (!def) return;
  for (const ns of files.namespaces()) {
    const source = files.localeFile(def, ns);
    if (!source) continue;
    for (const lang of languages) {
      if (lang === def) continue;
      const target = files.localeFile(lang, ns);
      if (!target) continue;
      for (const { path, value } of stringLeaves(target.data)) {
        const original = getAt(source.data, path);
        if (typeof original !== 'string' || !value.trim()) continue;
        for (const message of compareWithSource(original, value, files.kindOf(ns, path), source.file)) issues.at(target, path, message);
      }
    }
  }
}

function checkUnsafe(files: CourseFiles, languages: string[], issues: Issues): void {
  for (const lang of languages)
    for (const ns of files.namespaces()) {
      const src = files.localeFile(lang, ns);
      if (!src) continue;
      for (const { path, value } of stringLeaves(src.data))
        for (const message of unsafeMarkup(value, files.kindOf(ns, path))) issues.at(src, path, message);
    }
}

export function validateCourse(location: CourseLocation): ValidationResult {
  const files = new CourseFiles(location);
  let loaded: LoadedCourse | undefined;
  let loaderIssues: ContentIssue[] = [];
  try {
    loaded = loadCourse(files.root, { uiRoot: files.uiRoot });
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    loaderIssues = refineLoaderIssues(e.issues, files);
  }

  const issues = new Issues();
  const languages = files.languages();
  checkModuleFiles(files, issues);
  checkLocaleFolders(files, issues);
  checkObjectivesAssessed(files, issues);
  const alt = checkImageAlt(files, languages, issues);
  checkTranslations(files, languages, issues);
  checkUnsafe(files, languages, issues);

  // A missing or empty alt text is reported once, with the image it belongs to, not also as "missing text".
  const altAt = new Set(alt.map((i) => `${i.file}|${i.path}`));
  const all = [...loaderIssues.filter((i) => !altAt.has(`${i.file}|${i.path}`)), ...issues.all];
  const seen = new Set<string>();
  const unique = all.filter((i) => {
    const key = `${i.file}|${i.line}|${i.path}|${i.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
  unique.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return { issues: unique, loaded };
}
