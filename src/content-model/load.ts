/**
 * Loads a course from disk (Node only): reads `content/` and `locales/`, validates every file against
 * the schemas and the cross-references between them, and returns the course model with its texts, or
 * throws a ContentError that lists every problem with its file, line and path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { ContentError, formatPath, type ContentIssue } from './issues.ts';
import { quotaProblem } from './quota.ts';
import { courseSchema, moduleSchema, type ModuleFile } from './schema.ts';
import { isIssue, readSourceFile, type SourceFile } from './source-file.ts';
import { courseTextSlots, moduleTextSlots, type TextSlot } from './text-spec.ts';
import type { Block, Course, LanguageTexts, Module, Page, Question, TextLimits, TextTree } from './types.ts';
import { limitsSource, TARGET_IDS, type TargetId } from '../targets/index.ts';

export interface LoadedCourse {
  course: Course;
  texts: Record<string, LanguageTexts>;
  /** Absolute paths of every file read, for watchers. */
  files: string[];
}

/** Collects issues while loading; each check adds to it instead of stopping at the first problem. */
class IssueList {
  readonly all: ContentIssue[] = [];
  add(src: SourceFile | string, path: readonly PropertyKey[], message: string): void {
    if (typeof src === 'string') this.all.push({ file: src, path: formatPath(path) || undefined, message });
    else this.all.push({ file: src.file, line: src.lineOf(path), path: formatPath(path) || undefined, message });
  }
}

function parseWith<T extends z.ZodType>(schema: T, src: SourceFile, issues: IssueList): z.infer<T> | undefined {
  const result = schema.safeParse(src.data);
  if (result.success) return result.data;
  for (const i of result.error.issues) {
    // Point at each unknown key itself, so the line is the key's line.
    if (i.code === 'unrecognized_keys')
      for (const key of i.keys) issues.add(src, [...i.path, key], 'unknown key (allowed keys are in docs/content-format.md)');
    else issues.add(src, i.path, i.message);
  }
  return undefined;
}

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

function checkModule(file: ModuleFile, src: SourceFile, expectedId: string, root: string, issues: IssueList): Module {
  if (file.id !== expectedId) issues.add(src, ['id'], `is "${file.id}" but the file and course.yaml call this module "${expectedId}"`);
  const reportDuplicates = (ids: string[], at: (i: number) => PropertyKey[], what: string) => {
    const dup = duplicates(ids);
    ids.forEach((id, i) => dup.has(id) && issues.add(src, at(i), `duplicate ${what} id "${id}"`));
  };
  reportDuplicates(file.objectives, (i) => ['objectives', i], 'objective');
  reportDuplicates(
    file.pages.map((p) => p.id),
    (i) => ['pages', i, 'id'],
    'page',
  );
  file.pages.forEach((p, pi) => {
    reportDuplicates(
      p.blocks.map((b) => b.id),
      (i) => ['pages', pi, 'blocks', i, 'id'],
      'block',
    );
    p.blocks.forEach((b, bi) => {
      if (b.type === 'image' && !existsSync(join(root, 'content', b.src)))
        issues.add(src, ['pages', pi, 'blocks', bi, 'src'], `image "content/${b.src}" does not exist`);
      if (b.type === 'figure' && !existsSync(join(root, 'content', b.src)))
        issues.add(src, ['pages', pi, 'blocks', bi, 'src'], `figure "content/${b.src}" does not exist`);
      if (b.type === 'decision') reportDuplicates(b.options, (i) => ['pages', pi, 'blocks', bi, 'options', i], 'option');
    });
  });
  const kc = file.knowledgeCheck?.questions ?? [];
  const questionIds = [...kc.map((q) => q.id), ...file.bank.map((q) => q.id)];
  reportDuplicates(
    questionIds,
    (i) => (i < kc.length ? ['knowledgeCheck', 'questions', i, 'id'] : ['bank', i - kc.length, 'id']),
    'question',
  );

  const checkQuestion = (q: ModuleFile['bank'][number], at: PropertyKey[]) => {
    if (!file.objectives.includes(q.objective))
      issues.add(
        src,
        [...at, 'objective'],
        `unknown objective "${q.objective}" (this module has: ${file.objectives.join(', ') || 'none'})`,
      );
    reportDuplicates(q.options, (i) => [...at, 'options', i], 'option');
    q.correct.forEach((c, i) => {
      if (!q.options.includes(c)) issues.add(src, [...at, 'correct', i], `unknown option "${c}"`);
    });
    if (q.type === 'single' && q.correct.length !== 1)
      issues.add(src, [...at, 'correct'], `a single-choice question needs exactly one correct option, found ${q.correct.length}`);
  };
  kc.forEach((q, i) => checkQuestion(q, ['knowledgeCheck', 'questions', i]));
  file.bank.forEach((q, i) => checkQuestion(q, ['bank', i]));
  return moduleModel(file, root);
}

/**
 * The course model of a module file: course-wide question and objective ids, and each figure's labels
 * read from its SVG. No checks here: `checkModule` reports what is wrong before this is trusted.
 */
export function moduleModel(file: ModuleFile, root: string): Module {
  const question = (q: ModuleFile['bank'][number]): Question => ({
    id: `${file.id}.${q.id}`,
    localId: q.id,
    moduleId: file.id,
    type: q.type,
    objective: `${file.id}.${q.objective}`,
    options: q.options,
    correct: q.correct,
  });
  // A figure's labels are the `data-label` keys of its SVG's text elements: the locale files hold their words.
  const pages: Page[] = file.pages.map((p) => ({
    id: p.id,
    blocks: p.blocks.map((b): Block => (b.type === 'figure' ? { ...b, labels: figureLabels(join(root, 'content', b.src)) } : b)),
  }));
  return {
    id: file.id,
    principle: file.principle,
    objectives: file.objectives,
    pages,
    questions: (file.knowledgeCheck?.questions ?? []).map(question),
    reflection: file.reflection,
    selfAssessment: file.selfAssessment,
    bank: file.bank.map(question),
  };
}

/** The `data-label` keys of an SVG file, in document order, without repeats ([] when it cannot be read). */
export function figureLabels(file: string): string[] {
  let svg: string;
  try {
    svg = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...new Set([...svg.matchAll(/\bdata-label\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]!))];
}

/** Checks one namespace's text against its slots: every required string present and non-empty, nothing extra. */
export function checkTexts(src: SourceFile, slots: TextSlot[], issues: IssueList): TextTree {
  const data = src.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    issues.add(src, [], 'must be a JSON object of strings');
    return {};
  }
  const tree = data as TextTree;
  const wanted = new Set(slots.map((s) => s.path.join('.')));
  for (const s of slots) {
    let node: unknown = tree;
    for (const k of s.path) node = node && typeof node === 'object' ? (node as TextTree)[k] : undefined;
    if (node === undefined) {
      if (!s.optional) issues.add(src, s.path, 'missing text');
    } else if (typeof node !== 'string') issues.add(src, s.path, 'must be a string');
    else if (!node.trim()) issues.add(src, s.path, 'is empty');
  }
  const walk = (node: TextTree, path: string[]) => {
    for (const [k, v] of Object.entries(node)) {
      const p = [...path, k];
      if (typeof v === 'object' && v !== null) {
        if ([...wanted].some((w) => w.startsWith(p.join('.') + '.'))) walk(v, p);
        else issues.add(src, p, 'unknown key: the content defines nothing here');
      } else if (!wanted.has(p.join('.'))) issues.add(src, p, 'unknown key: the content defines nothing here');
    }
  };
  walk(tree, []);
  return tree;
}

/** Keys of a tree, as dotted paths, for comparing a translation's `ui.json` with the source language's. */
export function leafPaths(tree: TextTree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leafPaths(v, [...prefix, k]) : [[...prefix, k]]));
}

export function listLanguages(root: string, defaultLanguage: string): string[] {
  const dir = join(root, 'locales');
  const found = existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => statSync(join(dir, d)).isDirectory())
        .sort()
    : [];
  return [defaultLanguage, ...found.filter((l) => l !== defaultLanguage)];
}

export interface LoadOptions {
  /**
   * Where the player's own strings (`locales/<lang>/ui.json`) live when a course has none of its own:
   * the test courses borrow the product's. A course's own `locales/<lang>/ui.json` always wins.
   */
  uiRoot?: string;
}

export function loadCourse(root: string, options: LoadOptions = {}): LoadedCourse {
  const issues = new IssueList();
  const files: string[] = [];
  const read = (rel: string, base = root): SourceFile | undefined => {
    const abs = join(base, rel);
    files.push(abs);
    const src = readSourceFile(abs, base === root ? rel : relative(root, abs).split(sep).join('/'));
    if (isIssue(src)) {
      issues.all.push(src);
      return undefined;
    }
    return src;
  };

  const courseSrc = read('content/course.yaml');
  const courseFile = courseSrc && parseWith(courseSchema, courseSrc, issues);
  if (!courseSrc || !courseFile) throw new ContentError(issues.all);

  const dupModules = duplicates(courseFile.modules);
  courseFile.modules.forEach((id, i) => dupModules.has(id) && issues.add(courseSrc, ['modules', i], `module "${id}" is listed twice`));
  const modules: Module[] = [];
  for (const id of courseFile.modules) {
    const src = read(`content/modules/${id}.yaml`);
    const parsed = src && parseWith(moduleSchema, src, issues);
    if (src && parsed) modules.push(checkModule(parsed, src, id, root, issues));
  }
  const principles = modules.filter((m) => m.principle !== undefined).map((m) => String(m.principle));
  for (const p of duplicates(principles)) issues.add(courseSrc, ['modules'], `two modules claim principle ${p}`);

  const bank = modules.flatMap((m) => m.bank);
  // Only when every module was read: a module that failed would otherwise show up as a small bank too.
  if (modules.length === courseFile.modules.length && courseFile.final.draw > bank.length)
    issues.add(courseSrc, ['final', 'draw'], `draws ${courseFile.final.draw} questions but the modules' banks hold only ${bank.length}`);
  const quota = modules.length === courseFile.modules.length && quotaProblem(bank, courseFile.final.draw, courseFile.final.perModule);
  if (quota) issues.add(courseSrc, ['final', 'perModule'], quota);

  const languages = listLanguages(root, courseFile.defaultLanguage);
  if (!existsSync(join(root, 'locales', courseFile.defaultLanguage)))
    issues.add(courseSrc, ['defaultLanguage'], `no folder locales/${courseFile.defaultLanguage}/ holds the default language's text`);

  const texts: Record<string, LanguageTexts> = {};
  let sourceUi: TextTree | undefined;
  for (const lang of languages) {
    const courseTextSrc = read(`locales/${lang}/course.json`);
    const ownUi = existsSync(join(root, 'locales', lang, 'ui.json'));
    const uiSrc = read(`locales/${lang}/ui.json`, ownUi ? root : (options.uiRoot ?? root));
    const ui = uiSrc && checkUi(uiSrc, sourceUi, courseFile.defaultLanguage, issues);
    if (lang === courseFile.defaultLanguage) sourceUi = ui;
    const lt: LanguageTexts = {
      course: courseTextSrc ? checkTexts(courseTextSrc, courseTextSlots(), issues) : {},
      ui: ui ?? {},
      modules: {},
    };
    for (const m of modules) {
      const src = read(`locales/${lang}/${m.id}.json`);
      if (src) lt.modules[m.id] = checkTexts(src, moduleTextSlots(m), issues);
    }
    texts[lang] = lt;
  }

  if (issues.all.length) throw new ContentError(issues.all);
  const course: Course = {
    id: courseFile.id,
    ...(courseFile.iri ? { iri: courseFile.iri } : {}),
    version: courseFile.version,
    defaultLanguage: courseFile.defaultLanguage,
    languages,
    settings: {
      gating: courseFile.gating,
      knowledgeCheck: courseFile.knowledgeCheck,
      final: courseFile.final,
      completion: courseFile.completion,
      limits: resolveLimits(courseFile.limits),
    },
    modules,
    bank,
  };
  return { course, texts, files };
}

/** The player's own strings: the source language defines the keys; a translation must have exactly those. */
function checkUi(src: SourceFile, sourceUi: TextTree | undefined, sourceLang: string, issues: IssueList): TextTree | undefined {
  const data = src.data as TextTree;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    issues.add(src, [], 'must be a JSON object of strings');
    return undefined;
  }
  for (const p of leafPaths(data)) {
    const v = p.reduce<unknown>((n, k) => (n as TextTree)[k], data);
    if (typeof v !== 'string') issues.add(src, p, 'must be a string');
    else if (!v.trim()) issues.add(src, p, 'is empty');
  }
  if (sourceUi) {
    // i18next plural keys (`x_one`, `x_other`, `x_few`, ...) differ by language: compare their families.
    const family = (p: string[]) => p.join('.').replace(/_(zero|one|two|few|many|other)$/, '');
    const have = new Set(leafPaths(data).map(family));
    const want = new Set(leafPaths(sourceUi).map(family));
    for (const k of want) if (!have.has(k)) issues.add(src, k.split('.'), `missing text (present in locales/${sourceLang}/ui.json)`);
    for (const k of have) if (!want.has(k)) issues.add(src, k.split('.'), `unknown key (not in locales/${sourceLang}/ui.json)`);
  }
  return data;
}

/** Every target's text limits: those course.yaml gives, and for a target it leaves out, its `limitsFrom` target's. */
export function resolveLimits(given: Partial<Record<TargetId, TextLimits>>): Record<TargetId, TextLimits> {
  const keys = new Set(Object.keys(given).filter((k) => given[k as TargetId]));
  return Object.fromEntries(TARGET_IDS.map((t) => [t, given[limitsSource(t, keys)]!])) as Record<TargetId, TextLimits>;
}
