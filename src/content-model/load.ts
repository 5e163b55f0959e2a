/**
 * The one content pipeline (Node only). `checkCourse` reads `content/` and `locales/` once and runs
 * every check there is: the schemas, the cross-references, every string present and expected, the
 * translations' placeholders and markup, unsafe markup, Markdown images, string lengths, nesting,
 * unused files. `npm run validate`, the dev server, `vite build` and `npm run package` all run it, so
 * they find the same problems and word them the same way, each with its file and line.
 *
 * The default language is the source and must be complete. Any other language that lacks strings is
 * a draft: not an error, but a state with a measure (how many strings it has) and a list of gaps. A
 * draft is left out of a build unless asked for (`drafts: 'include'`, `npm run package -- --drafts`),
 * and the preview shows it with its gaps marked (`drafts: 'mark'`); either way a gap is filled with the
 * source language's text, so a draft never stops another language.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { COURSE_NAMESPACE, CourseFiles, getAt, isObject, listLanguages, stringLeaves, UI_NAMESPACE } from './course-files.ts';
import { courseHtmlProblem } from './html-allowlist.ts';
import { ContentError, formatPath, sortIssues, type ContentIssue } from './issues.ts';
import { renderMarkdown } from './markdown.ts';
import { moduleModel, readFigure } from './module-model.ts';
import { quotaProblem } from './quota.ts';
import { hasNesting, resolveNesting, type NestingScope } from './nesting.ts';
import type { QuestionInFile } from '../question-types/index.ts';
import { checkQuestionFile } from '../question-types/schemas.ts';
import { courseSchema, moduleSchema, type CourseFile, type ModuleFile } from './schema.ts';
import { isIssue, type SourceFile } from './source-file.ts';
import { closestName, unknownKeyMessage } from './suggest.ts';
import { compareWithSource, lengthProblem, markdownImageProblems, unsafeMarkup } from './text-checks.ts';
import { courseTextSlots, moduleTextSlots, type TextKind, type TextSlot } from './text-spec.ts';
import type { Course, LanguageTexts, Module, TextLimits, TextTree } from './types.ts';
import { limitsSource, TARGET_IDS, type TargetId } from '../targets/index.ts';

export { figureLabels, moduleModel, readFigure } from './module-model.ts';
export { listLanguages } from './course-files.ts';

export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/** Shown before a gap's source-language text in the preview, so an author sees what is not translated. */
export const GAP_MARK = '[untranslated]';

export type DraftMode = 'exclude' | 'include' | 'mark';

export interface LoadOptions {
  /**
   * Where the player's own strings (`locales/<lang>/ui.json`) live when a course has none of its own:
   * the test courses borrow the product's. A course's own `locales/<lang>/ui.json` always wins.
   */
  uiRoot?: string;
  /**
   * Languages that are not complete: left out (`exclude`, the default: what a package ships),
   * included with their gaps filled from the source language (`include`), or included with every gap
   * marked `[untranslated]` before the source text (`mark`, the preview).
   */
  drafts?: DraftMode;
}

/** A string a draft language does not have yet (or a whole file it lacks). */
export interface Gap extends ContentIssue {
  /** How many of the source language's strings this gap stands for (a missing file: all of its strings). */
  strings: number;
}

export interface LanguageProgress {
  lang: string;
  /** Strings of the source language. */
  total: number;
  /** Of those, how many this language has (present and not empty). */
  translated: number;
  complete: boolean;
  gaps: Gap[];
}

export interface LoadedCourse {
  course: Course;
  texts: Record<string, LanguageTexts>;
  /** Absolute paths of every file read, for watchers. */
  files: string[];
  /** Every language but the source one, with how far it has come. */
  progress: LanguageProgress[];
  /** The languages in `course.languages` that are drafts (included on request, gaps filled). */
  drafts: string[];
}

export interface CourseCheck {
  /** Every problem, sorted by file and line. Empty when the course is valid. */
  issues: ContentIssue[];
  /** The loaded course, when there is no problem. */
  loaded?: LoadedCourse;
  progress: LanguageProgress[];
  /** Absolute paths of every file read, for watchers. */
  files: string[];
}

/** Collects issues while loading; each check adds to it instead of stopping at the first problem. */
class IssueList {
  readonly all: ContentIssue[] = [];
  add(src: SourceFile | string, path: readonly PropertyKey[], message: string, line?: number): void {
    if (typeof src === 'string') this.all.push({ file: src, line, path: formatPath(path) || undefined, message });
    else this.all.push({ file: src.file, line: line ?? src.lineOf(path), path: formatPath(path) || undefined, message });
  }
  push(issue: ContentIssue): void {
    this.all.push(issue);
  }
}

// --- schemas ----------------------------------------------------------------------------------------

type ZodDef = { type: string; shape?: Record<string, { _zod: { def: ZodDef } }>; element?: { _zod: { def: ZodDef } } } & Record<
  string,
  unknown
>;
const defOf = (s: unknown): ZodDef => (s as { _zod: { def: ZodDef } })._zod.def;

/** The keys an object of `schema` may have at `path` of `data` (for "did you mean"). */
function allowedKeysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let def = defOf(schema);
  let node = data;
  const unwrap = () => {
    for (;;) {
      if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) def = defOf(def.innerType);
      else if (def.type === 'pipe') def = defOf(def.in);
      else if (def.type === 'union') {
        const options = def.options as unknown[];
        const disc = def.discriminator as string | undefined;
        const value = disc && isObject(node) ? node[disc] : undefined;
        const pick = options.find((o) => {
          const d = defOf(o);
          const lit = d.shape?.[disc ?? '']?._zod.def as ZodDef | undefined;
          return lit && Array.isArray(lit.values) && (lit.values as unknown[]).includes(value);
        });
        if (!pick) return false;
        def = defOf(pick);
      } else return true;
    }
  };
  for (const key of path) {
    if (!unwrap()) return [];
    if (def.type === 'object' && def.shape) def = defOf(def.shape[String(key)]);
    else if (def.type === 'array' && def.element) def = defOf(def.element);
    else return [];
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key as string];
    if (!def) return [];
  }
  return unwrap() && def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function parseWith<T extends z.ZodType>(schema: T, src: SourceFile, what: string, issues: IssueList): z.infer<T> | undefined {
  if (!isObject(src.data)) {
    issues.add(src, [], `must be a YAML mapping of keys (${what}), but it holds ${describeValue(src.data)}`, 1);
    return undefined;
  }
  const result = schema.safeParse(src.data);
  if (result.success) return result.data;
  for (const i of result.error.issues) {
    // Point at each unknown key itself, so the line is the key's line.
    if (i.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, src.data, i.path);
      const where = i.path.length ? formatPath(i.path) : what;
      for (const key of i.keys) issues.add(src, [...i.path, key], unknownKeyMessage(key, allowed, where));
    } else issues.add(src, i.path, i.message);
  }
  return undefined;
}

const describeValue = (v: unknown) =>
  v === null ? 'nothing' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'a single string' : `a ${typeof v}`;

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

// --- modules ----------------------------------------------------------------------------------------

/** The module's model, and whether its ids are unique (else the text slots derived from it are not to be trusted). */
function checkModule(
  file: ModuleFile,
  src: SourceFile,
  expectedId: string,
  root: string,
  issues: IssueList,
): { module: Module; uniqueIds: boolean } {
  let uniqueIds = true;
  if (file.id !== expectedId)
    issues.add(
      src,
      ['id'],
      `is "${file.id}" but course.yaml lists this file as module "${expectedId}": write id: ${expectedId} (a module's id is its file name)`,
    );
  const reportDuplicates = (ids: string[], at: (i: number) => PropertyKey[], what: string) => {
    const dup = duplicates(ids);
    if (dup.size) uniqueIds = false;
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
      if (b.type === 'figure') {
        const svg = join(root, 'content', b.src);
        if (!existsSync(svg)) issues.add(src, ['pages', pi, 'blocks', bi, 'src'], `figure "content/${b.src}" does not exist`);
        // What the SVG may hold (svg-tree.ts), each refusal at its own file and line (repeats are dropped).
        else for (const issue of readFigure(svg, `content/${b.src}`).issues) issues.push(issue);
      }
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

  const checkQuestion = (q: QuestionInFile, at: PropertyKey[]) => {
    if (!file.objectives.includes(q.objective)) {
      const near = closestName(q.objective, file.objectives);
      issues.add(
        src,
        [...at, 'objective'],
        `unknown objective "${q.objective}" (this module has: ${file.objectives.join(', ') || 'none'})${near ? `: did you mean "${near}"?` : ''}`,
      );
    }
    // The rest is the type's own business (src/question-types/<type>/schema.ts).
    checkQuestionFile(q, (path, message) => issues.add(src, [...at, ...path], message));
  };
  kc.forEach((q, i) => checkQuestion(q, ['knowledgeCheck', 'questions', i]));
  file.bank.forEach((q, i) => checkQuestion(q, ['bank', i]));

  // Every objective is assessed by at least one question.
  const assessed = new Set([...kc, ...file.bank].map((q) => q.objective));
  file.objectives.forEach((o, i) => {
    if (!assessed.has(o))
      issues.add(src, ['objectives', i], `objective "${o}" is never assessed: no knowledge-check or bank question has objective: ${o}`);
  });
  return { module: moduleModel(file, root, expectedId), uniqueIds };
}

// --- texts ------------------------------------------------------------------------------------------

const valueAt = (tree: unknown, path: readonly string[]): unknown => getAt(tree, path);

/** What a missing source-language string is, for the author: alt text gets its own message. */
type MissingMessage = (slot: TextSlot) => string;

/**
 * Checks one namespace's text against its slots. Unknown keys and non-strings are errors in any
 * language. A missing or empty string is an error in the source language; in a translation it is a
 * gap, returned for the language's progress.
 */
function checkTexts(
  src: SourceFile,
  slots: TextSlot[],
  issues: IssueList,
  missing: MissingMessage | undefined,
  source: TextTree | undefined,
): { tree: TextTree; gaps: Gap[] } {
  const gaps: Gap[] = [];
  if (!isObject(src.data)) {
    issues.add(src, [], `must be a JSON object of strings, but it holds ${describeValue(src.data)}`, 1);
    return { tree: {}, gaps };
  }
  const tree = src.data as TextTree;
  const wanted = new Set(slots.map((s) => s.path.join('.')));
  for (const s of slots) {
    const node = valueAt(tree, s.path);
    const empty = node === undefined || (typeof node === 'string' && !node.trim());
    if (node !== undefined && typeof node !== 'string') issues.add(src, s.path, `must be a string, not ${describeValue(node)}`);
    else if (!empty) continue;
    else if (missing) {
      if (!s.optional || node !== undefined) issues.add(src, s.path, node === undefined ? missing(s) : 'is empty');
    } else if (typeof valueAt(source, s.path) === 'string')
      gaps.push({ file: src.file, line: src.lineOf(s.path), path: s.path.join('.'), message: 'not translated yet', strings: 1 });
  }
  const walk = (node: TextTree, path: string[]) => {
    for (const [k, v] of Object.entries(node)) {
      const p = [...path, k];
      const prefix = p.join('.');
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        if ([...wanted].some((w) => w.startsWith(prefix + '.'))) walk(v, p);
        else issues.add(src, p, unknownTextKey(k, path, wanted));
      } else if (!wanted.has(prefix)) issues.add(src, p, unknownTextKey(k, path, wanted));
    }
  };
  walk(tree, []);
  return { tree, gaps };
}

/** The keys the content defines beside `key`, and the nearest to it. */
function unknownTextKey(key: string, parent: string[], wanted: Set<string>): string {
  const prefix = parent.length ? parent.join('.') + '.' : '';
  const siblings = [...new Set([...wanted].filter((w) => w.startsWith(prefix)).map((w) => w.slice(prefix.length).split('.')[0]!))];
  const near = closestName(key, siblings);
  if (near) return `unknown key "${key}": did you mean "${near}"?`;
  return `unknown key "${key}": the content defines nothing here (${parent.length ? parent.join('.') : 'the file'} has ${siblings.join(', ') || 'no keys'})`;
}

/** Keys of a tree, as dotted paths, for comparing a translation's `ui.json` with the source language's. */
export function leafPaths(tree: TextTree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leafPaths(v, [...prefix, k]) : [[...prefix, k]]));
}

/** i18next plural keys (`x_one`, `x_other`, `x_few`, ...) differ by language: they are compared as families. */
const pluralFamily = (p: string[]) => p.join('.').replace(/_(zero|one|two|few|many|other)$/, '');

/**
 * The player's own strings: the source language defines the keys; a translation must have no other,
 * and lacks some only as a draft.
 */
function checkUi(src: SourceFile, sourceUi: TextTree | undefined, sourceFile: string, issues: IssueList): { tree?: TextTree; gaps: Gap[] } {
  const gaps: Gap[] = [];
  if (!isObject(src.data)) {
    issues.add(src, [], `must be a JSON object of strings, but it holds ${describeValue(src.data)}`, 1);
    return { gaps };
  }
  const data = src.data as TextTree;
  for (const p of leafPaths(data)) {
    const v = valueAt(data, p);
    if (typeof v !== 'string') issues.add(src, p, `must be a string, not ${describeValue(v)}`);
    else if (!v.trim() && !sourceUi) issues.add(src, p, 'is empty');
  }
  if (sourceUi) {
    const present = (p: string[]) => {
      const v = valueAt(data, p);
      return typeof v === 'string' && !!v.trim();
    };
    const have = new Set(leafPaths(data).filter(present).map(pluralFamily));
    const all = new Set(leafPaths(data).map(pluralFamily));
    const want = new Map<string, string[]>();
    for (const p of leafPaths(sourceUi)) want.set(pluralFamily(p), [...(want.get(pluralFamily(p)) ?? []), p.join('.')]);
    for (const [k, members] of want)
      if (!have.has(k))
        gaps.push({ file: src.file, line: src.lineOf(k.split('.')), path: k, message: 'not translated yet', strings: members.length });
    for (const k of all)
      if (!want.has(k)) {
        const parts = k.split('.');
        const parent = parts.slice(0, -1).join('.');
        const siblings = [...want.keys()].filter((w) => parent === w.split('.').slice(0, -1).join('.')).map((w) => w.split('.').at(-1)!);
        const near = closestName(parts.at(-1)!, siblings);
        issues.add(src, parts, `unknown key (not in ${sourceFile})${near ? `: did you mean "${near}"?` : ''}`);
      }
  }
  return { tree: data, gaps };
}

// --- the pipeline -----------------------------------------------------------------------------------

const describeNamespace = (ns: string) =>
  ns === COURSE_NAMESPACE ? 'the course' : ns === UI_NAMESPACE ? "the player's own strings" : `module "${ns}"`;

export function checkCourse(root: string, options: LoadOptions = {}): CourseCheck {
  const files = new CourseFiles({ root, uiRoot: options.uiRoot });
  const issues = new IssueList();
  const done = (extra: Partial<CourseCheck> = {}): CourseCheck => ({
    issues: sortIssues(issues.all),
    progress: [],
    files: existing(files.asked),
    ...extra,
  });

  // 1. course.yaml: the frame. Without it nothing else can be checked.
  const courseLoad = files.load(files.coursePath);
  if (!courseLoad) {
    issues.add('content/course.yaml', [], 'does not exist: every course has one (see docs/content-format.md)');
    return done();
  }
  if (isIssue(courseLoad)) {
    issues.push(courseLoad);
    return done();
  }
  const courseSrc = courseLoad;
  const courseFile: CourseFile | undefined = parseWith(courseSchema, courseSrc, 'course.yaml', issues);

  // The module list and the source language, from the schema's result or, when it failed, read
  // leniently, so that the rest of the course is still checked.
  const rawModules = courseFile?.modules ?? (getAt(courseSrc.data, ['modules']) as unknown);
  const listed = Array.isArray(rawModules) ? rawModules.filter((x): x is string => typeof x === 'string') : [];
  const firstAt = new Map<string, number>();
  listed.forEach((id, i) => {
    if (!firstAt.has(id)) firstAt.set(id, i);
    else
      issues.add(
        courseSrc,
        ['modules', i],
        `module "${id}" is listed twice (first at line ${courseSrc.lineOf(['modules', firstAt.get(id)!])}): list each module once`,
      );
  });
  const moduleIds = [...firstAt.keys()];
  // A default language that is not a code is already reported by the schema: nothing more to say about languages.
  const defaultLanguage =
    courseFile?.defaultLanguage ?? (LANGUAGE_CODE.test(files.defaultLanguage ?? '') ? files.defaultLanguage : undefined);

  // 2. The modules, each once.
  const modules: Module[] = [];
  /** Modules whose ids are unique: their text slots can be checked key by key. */
  const reliable = new Set<string>();
  for (const id of moduleIds) {
    const path = files.moduleFilePath(id);
    const loaded = files.load(path);
    if (!loaded) {
      // A .yml file of that name is the same root cause: checkUnlistedModules names it.
      if (!existsSync(path.replace(/\.yaml$/, '.yml')))
        issues.add(courseSrc, ['modules', firstAt.get(id)!], `module "${id}" is listed but content/modules/${id}.yaml does not exist`);
      continue;
    }
    if (isIssue(loaded)) {
      issues.push(loaded);
      continue;
    }
    const parsed = parseWith(moduleSchema, loaded, 'a module', issues);
    if (!parsed) continue;
    const checked = checkModule(parsed, loaded, id, files.root, issues);
    modules.push(checked.module);
    if (checked.uniqueIds) reliable.add(id);
  }
  checkUnlistedModules(files, new Set(moduleIds), issues);

  if (courseFile) {
    const principles = modules.filter((m) => m.principle !== undefined).map((m) => String(m.principle));
    for (const p of duplicates(principles)) issues.add(courseSrc, ['modules'], `two modules claim principle ${p}`);
    // Only when every module was read: a module that failed would otherwise show up as a small bank too.
    const bankSize = modules.reduce((n, m) => n + m.bank.length, 0);
    if (modules.length === moduleIds.length && courseFile.final.draw > bankSize)
      issues.add(courseSrc, ['final', 'draw'], `draws ${courseFile.final.draw} questions but the modules' banks hold only ${bankSize}`);
    const quota =
      modules.length === moduleIds.length &&
      quotaProblem(
        modules.flatMap((m) => m.bank),
        courseFile.final.draw,
        courseFile.final.perModule,
      );
    if (quota) issues.add(courseSrc, ['final', 'perModule'], quota);
  }

  // 3. The languages: the source language first and complete; every other one complete or a draft.
  if (!defaultLanguage) return done();
  if (!existsSync(join(files.root, 'locales', defaultLanguage)))
    issues.add(courseSrc, ['defaultLanguage'], `no folder locales/${defaultLanguage}/ holds the default language's text`);
  const languages: string[] = [];
  for (const lang of listLanguages(files.root, defaultLanguage)) {
    if (LANGUAGE_CODE.test(lang)) languages.push(lang);
    else
      issues.add(
        `locales/${lang}`,
        [],
        `"${lang}" is not a language code: name the folder with a lower-case code such as "de", "pt" or "pt-BR"`,
      );
  }
  // A module file that is not listed is reported once, at the file: its locale files are not "unused" too.
  const known = new Set([COURSE_NAMESPACE, UI_NAMESPACE, ...moduleIds, ...moduleFileIds(files)]);
  checkUnusedLocaleFiles(files, languages, known, issues);

  const modulesById = new Map(modules.map((m) => [m.id, m]));
  const namespaces = [COURSE_NAMESPACE, ...moduleIds, UI_NAMESPACE];
  const slotsOf = (ns: string): TextSlot[] | undefined =>
    ns === COURSE_NAMESPACE ? courseTextSlots() : reliable.has(ns) ? moduleTextSlots(modulesById.get(ns)!) : undefined;
  const kindOf = (ns: string, path: readonly string[]): TextKind => {
    const slot = slotsOf(ns)?.find((s) => s.path.join('.') === path.join('.'));
    return slot ? slot.kind : files.kindOf(ns, path);
  };
  const missingMessage =
    (ns: string, lang: string): MissingMessage =>
    (slot) => {
      const m = modulesById.get(ns);
      if (m && slot.path[0] === 'pages' && slot.path[2] === 'blocks' && slot.path[4] === 'alt') {
        const page = m.pages.findIndex((p) => p.id === slot.path[1]);
        const block = m.pages[page]?.blocks.findIndex((b) => b.id === slot.path[3]) ?? -1;
        const b = m.pages[page]?.blocks[block];
        if (b && (b.type === 'image' || b.type === 'figure')) {
          const msrc = files.moduleFile(ns)!;
          return `${b.type} "${b.src}" (${msrc.file}:${msrc.lineOf(['pages', page, 'blocks', block]) ?? 1}) has no alt text in "${lang}": describe it for learners who cannot see it`;
        }
      }
      return 'missing text';
    };

  const texts: Record<string, LanguageTexts> = {};
  const progress: LanguageProgress[] = [];
  const sourceTrees = new Map<string, TextTree>();
  /** Source strings with a problem of their own (`ns:path`): a translation is not also compared with them. */
  const badSource = new Set<string>();
  const sourceFiles = new Map<string, SourceFile>();
  for (const lang of languages) {
    const isSource = lang === defaultLanguage;
    const lt: LanguageTexts = { course: {}, ui: {}, modules: {} };
    const gaps: Gap[] = [];
    /** Strings of this language with a problem of their own (`ns:path`): not reported again as rendered. */
    const badHere = new Set<string>();
    let total = 0;
    for (const ns of namespaces) {
      const path = files.localePath(lang, ns);
      const loaded = files.load(path);
      const sourceTree = sourceTrees.get(ns);
      const sourceCount = sourceTree ? (ns === UI_NAMESPACE ? leafPaths(sourceTree).length : stringLeaves(sourceTree).length) : 0;
      total += sourceCount;
      if (!loaded) {
        if (ns !== COURSE_NAMESPACE && ns !== UI_NAMESPACE && !modulesById.has(ns)) continue; // the module's own problem says it
        // Where the author would write it: the course's own folder (the player's ui.json may live elsewhere).
        const rel = `locales/${lang}/${ns}.json`;
        if (isSource) issues.add(rel, [], `missing file: the source language (${lang}) has no text for ${describeNamespace(ns)}`);
        else if (sourceCount)
          gaps.push({
            file: rel,
            message: `missing file: no text yet for ${describeNamespace(ns)} (translate locales/${defaultLanguage}/${ns}.json, or use npm run i18n:export and i18n:import)`,
            strings: sourceCount,
          });
        continue;
      }
      if (isIssue(loaded)) {
        issues.push(loaded);
        continue;
      }
      let tree: TextTree | undefined;
      if (ns === UI_NAMESPACE) {
        const ui = checkUi(
          loaded,
          isSource ? undefined : sourceTree,
          sourceFiles.get(ns)?.file ?? `locales/${defaultLanguage}/ui.json`,
          issues,
        );
        tree = ui.tree;
        gaps.push(...ui.gaps);
      } else {
        const slots = slotsOf(ns);
        if (!slots) {
          // The module's file is broken (it says so): its strings are still checked one by one.
          checkStrings(loaded, (p) => kindOf(ns, p), issues);
          continue;
        }
        const checked = checkTexts(loaded, slots, issues, isSource ? missingMessage(ns, lang) : undefined, sourceTree);
        tree = checked.tree;
        gaps.push(...checked.gaps);
      }
      if (!tree) continue;
      const bad = checkStrings(loaded, (p) => kindOf(ns, p), issues);
      for (const p of bad) badHere.add(`${ns}:${p}`);
      if (isSource) {
        sourceTrees.set(ns, tree);
        sourceFiles.set(ns, loaded);
        for (const p of bad) badSource.add(`${ns}:${p}`);
      } else if (sourceTree)
        checkTranslation(
          loaded,
          sourceTree,
          sourceFiles.get(ns)!.file,
          (p) => kindOf(ns, p),
          issues,
          (p) => bad.has(p.join('.')) || badSource.has(`${ns}:${p.join('.')}`),
        );
      if (ns === COURSE_NAMESPACE) lt.course = tree;
      else if (ns === UI_NAMESPACE) lt.ui = tree;
      else lt.modules[ns] = tree;
    }
    const nestingProblems = resolveLanguageNesting(lang, lt, isSource ? undefined : texts[defaultLanguage], files, kindOf, issues);
    if (isSource) for (const id of nestingProblems) badSource.add(id);
    const rendered = checkRendered(lang, lt, files, kindOf, new Set([...nestingProblems, ...badHere]), issues);
    if (isSource) for (const id of rendered) badSource.add(id);
    texts[lang] = lt;
    if (!isSource) {
      const missingStrings = gaps.reduce((n, g) => n + g.strings, 0);
      progress.push({ lang, total, translated: total - missingStrings, complete: gaps.length === 0, gaps });
    }
  }

  if (issues.all.length || !courseFile) return done({ progress });

  // 4. The course model, with the languages it ships.
  const drafts = options.drafts ?? 'exclude';
  const shipped = progress.filter((p) => p.complete || drafts !== 'exclude').map((p) => p.lang);
  for (const p of progress) {
    if (p.complete) continue;
    if (drafts === 'exclude') delete texts[p.lang];
    else texts[p.lang] = fillGaps(texts[p.lang]!, texts[defaultLanguage]!, drafts === 'mark');
  }
  const bank = modules.flatMap((m) => m.bank);
  const course: Course = {
    id: courseFile.id,
    ...(courseFile.iri ? { iri: courseFile.iri } : {}),
    version: courseFile.version,
    defaultLanguage,
    languages: [defaultLanguage, ...shipped],
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
  const draftLanguages = progress.filter((p) => !p.complete && shipped.includes(p.lang)).map((p) => p.lang);
  const loaded: LoadedCourse = { course, texts, files: existing(files.asked), progress, drafts: draftLanguages };
  return done({ loaded, progress });
}

/** The files that exist (watchers see new ones through their folders: a file a draft lacks may be added). */
const existing = (paths: Iterable<string>) => [...paths].filter((p) => existsSync(p));

/** Loads the course, or throws a ContentError that lists every problem with its file, line and path. */
export function loadCourse(root: string, options: LoadOptions = {}): LoadedCourse {
  const result = checkCourse(root, options);
  if (result.issues.length || !result.loaded) throw new ContentError(result.issues);
  return result.loaded;
}

// --- checks beyond the schemas ---------------------------------------------------------------------

function checkUnlistedModules(files: CourseFiles, listed: Set<string>, issues: IssueList): void {
  const dir = join(files.root, 'content/modules');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const rel = `content/modules/${name}`;
    if (/\.yml$/.test(name)) {
      issues.add(rel, [], `module files must end in .yaml: rename it to ${name.replace(/\.yml$/, '.yaml')}`, 1);
      continue;
    }
    const m = /^(.+)\.yaml$/.exec(name);
    if (!m || listed.has(m[1]!)) continue;
    const src = files.read(join(dir, name));
    issues.add(
      rel,
      [],
      `module "${m[1]}" is not listed in content/course.yaml (modules:), so the course never shows it: add it there or delete the file`,
      src?.lineOf(['id']) ?? 1,
    );
  }
}

function checkUnusedLocaleFiles(files: CourseFiles, languages: string[], known: Set<string>, issues: IssueList): void {
  for (const lang of languages) {
    const dir = join(files.root, 'locales', lang);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const m = /^(.+)\.json$/.exec(name);
      if (m && !known.has(m[1]!)) {
        const near = closestName(m[1]!, [...known]);
        issues.add(
          `locales/${lang}/${name}`,
          [],
          `no module "${m[1]}" in content/course.yaml, so nothing uses this file: ${near ? `did you mean ${near}.json? ` : ''}rename it after a module or delete it`,
          1,
        );
      }
    }
  }
}

/** A translation keeps the source's placeholders and markup. */
function checkTranslation(
  target: SourceFile,
  source: TextTree,
  sourceName: string,
  kindOf: (path: string[]) => TextKind,
  issues: IssueList,
  /** Strings reported already (unsafe, too long, or their source is): one root cause, one message. */
  skip: (path: string[]) => boolean,
): void {
  for (const { path, value } of stringLeaves(target.data)) {
    const original = valueAt(source, path);
    if (typeof original !== 'string' || !value.trim() || skip(path)) continue;
    for (const message of compareWithSource(original, value, kindOf(path), sourceName)) issues.add(target, path, message);
  }
}

/** What no string may be, in any language: unsafe, an image in Markdown, or far too long. Returns the paths (dotted) with a problem. */
function checkStrings(src: SourceFile, kindOf: (path: string[]) => TextKind, issues: IssueList): Set<string> {
  const bad = new Set<string>();
  for (const { path, value } of stringLeaves(src.data)) {
    const tooLong = lengthProblem(value);
    const problems = tooLong ? [tooLong] : [...unsafeMarkup(value, kindOf(path)), ...markdownImageProblems(value, kindOf(path))];
    for (const message of problems) issues.add(src, path, message);
    if (problems.length) bad.add(path.join('.'));
  }
  return bad;
}

/** The ids of the module files in content/modules/, listed or not. */
function moduleFileIds(files: CourseFiles): string[] {
  const dir = join(files.root, 'content/modules');
  return existsSync(dir) ? readdirSync(dir).flatMap((n) => /^(.+)\.ya?ml$/.exec(n)?.[1] ?? []) : [];
}

/** Resolves every `$t(...)` of a language in place; a reference that cannot be resolved is an error at its string. */
function resolveLanguageNesting(
  lang: string,
  lt: LanguageTexts,
  /** The source language's texts: a draft's gap is filled from there, so nesting may name it too. */
  fallback: LanguageTexts | undefined,
  files: CourseFiles,
  kindOf: (ns: string, path: readonly string[]) => TextKind,
  issues: IssueList,
): Set<string> {
  const failed = new Set<string>();
  const treeIn = (t: LanguageTexts | undefined, ns: string): TextTree | undefined =>
    ns === COURSE_NAMESPACE ? t?.course : ns === UI_NAMESPACE ? t?.ui : t?.modules[ns];
  const treeOf = (ns: string) => treeIn(lt, ns);
  const lookup: NestingScope['lookup'] = (ns, path) => {
    const own = valueAt(treeOf(ns), path);
    const v = typeof own === 'string' && own.trim() ? own : valueAt(treeIn(fallback, ns), path);
    return typeof v === 'string' ? { text: v, kind: kindOf(ns, path) } : undefined;
  };
  const keys: NestingScope['keys'] = (ns) => [
    ...new Set([...stringLeaves(treeOf(ns)), ...stringLeaves(treeIn(fallback, ns))].map((l) => l.path.join('.'))),
  ];
  const names = [COURSE_NAMESPACE, UI_NAMESPACE, ...Object.keys(lt.modules)];
  const changes: { ns: string; path: string[]; text: string }[] = [];
  for (const ns of names) {
    const tree = treeOf(ns);
    if (!tree) continue;
    for (const { path, value } of stringLeaves(tree)) {
      if (!hasNesting(value)) continue;
      const resolved = resolveNesting(value, kindOf(ns, path), { ns, lookup, keys });
      const src = files.localeFile(lang, ns);
      for (const p of resolved.problems)
        issues.push({ file: src?.file ?? `locales/${lang}/${ns}.json`, line: src?.lineOf(path), path: path.join('.'), message: p });
      if (resolved.problems.length) failed.add(`${ns}:${path.join('.')}`);
      changes.push({ ns, path, text: resolved.text });
    }
  }
  // Applied after every lookup, on copies, so that the files' parsed data stays as written.
  for (const { ns, path, text } of changes) {
    const copy = structuredClone(treeOf(ns)!);
    setAt(copy, path, text);
    if (ns === COURSE_NAMESPACE) lt.course = copy;
    else if (ns === UI_NAMESPACE) lt.ui = copy;
    else lt.modules[ns] = copy;
  }
  return failed;
}

/** Every Markdown string, rendered as the build renders it, is course HTML (src/content-model/html-allowlist.ts). */
function checkRendered(
  lang: string,
  lt: LanguageTexts,
  files: CourseFiles,
  kindOf: (ns: string, path: readonly string[]) => TextKind,
  skip: Set<string>,
  issues: IssueList,
): Set<string> {
  const failed = new Set<string>();
  const trees: [string, TextTree][] = [[COURSE_NAMESPACE, lt.course], ...Object.entries(lt.modules)];
  for (const [ns, tree] of trees)
    for (const { path, value } of stringLeaves(tree)) {
      if (kindOf(ns, path) !== 'markdown' || skip.has(`${ns}:${path.join('.')}`)) continue;
      const problem = courseHtmlProblem(renderMarkdown(value));
      if (!problem) continue;
      const src = files.localeFile(lang, ns);
      issues.push({
        file: src?.file ?? `locales/${lang}/${ns}.json`,
        line: src?.lineOf(path),
        path: path.join('.'),
        message: `renders to ${problem}`,
      });
      failed.add(`${ns}:${path.join('.')}`);
    }
  return failed;
}

function setAt(tree: TextTree, path: readonly string[], value: string): void {
  let node = tree;
  for (const k of path.slice(0, -1)) node = (isObject(node[k]) ? node[k] : (node[k] = {})) as TextTree;
  node[path.at(-1)!] = value;
}

/** A draft's text with every gap filled from the source language (marked, in the preview). */
function fillGaps(draft: LanguageTexts, source: LanguageTexts, mark: boolean): LanguageTexts {
  const fill = (target: TextTree, from: TextTree, ui: boolean): TextTree => {
    const out = structuredClone(target);
    const present = new Set(
      leafPaths(target)
        .filter((p) => {
          const v = valueAt(target, p);
          return typeof v === 'string' && !!v.trim();
        })
        .map((p) => (ui ? pluralFamily(p) : p.join('.'))),
    );
    for (const p of leafPaths(from)) {
      if (present.has(ui ? pluralFamily(p) : p.join('.'))) continue;
      const v = valueAt(from, p);
      if (typeof v === 'string') setAt(out, p, mark ? markGap(v) : v);
    }
    return out;
  };
  const modules: Record<string, TextTree> = {};
  for (const [id, tree] of Object.entries(source.modules)) modules[id] = fill(draft.modules[id] ?? {}, tree, false);
  return { course: fill(draft.course, source.course, false), ui: fill(draft.ui, source.ui, true), modules };
}

/**
 * The source text with the gap mark in front. The mark reads the same in a plain and a Markdown field:
 * brackets with no link definition are text in Markdown.
 */
function markGap(text: string): string {
  return `${GAP_MARK} ${text}`;
}

/** Every target's text limits: those course.yaml gives, and for a target it leaves out, its `limitsFrom` target's. */
export function resolveLimits(given: Partial<Record<TargetId, TextLimits>>): Record<TargetId, TextLimits> {
  const keys = new Set(Object.keys(given).filter((k) => given[k as TargetId]));
  return Object.fromEntries(TARGET_IDS.map((t) => [t, given[limitsSource(t, keys)]!])) as Record<TargetId, TextLimits>;
}
