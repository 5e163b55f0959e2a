/**
 * The one reader of a course's files. Each file is read and parsed once (cached) and on its own, so a
 * broken file never hides what the others say: the loader checks everything that parses, and the
 * translation tools work from the source language's files alone. It remembers every file it read,
 * for the dev server's watcher, and why a file could not be read.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentIssue } from './issues.ts';
import { moduleModel } from './module-model.ts';
import { moduleSchema } from './schema.ts';
import { isIssue, readSourceFile, type SourceFile } from './source-file.ts';
import { courseTextSlots, moduleTextSlots, type TextKind, type TextSlot } from './text-spec.ts';
import type { Module } from './types.ts';

/** The namespace of the player's own strings (`locales/<lang>/ui.json`). */
export const UI_NAMESPACE = 'ui';
/** The namespace of the course-wide strings (`locales/<lang>/course.json`). */
export const COURSE_NAMESPACE = 'course';

export interface CourseLocation {
  /** Folder with `content/` and `locales/`. */
  root: string;
  /**
   * Where the player's own strings (`locales/<lang>/ui.json`) live when a course has none of its own
   * (default: `root`): the test courses borrow the product's. A course's own `ui.json` always wins.
   */
  uiRoot?: string;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The value at a key path, or undefined. */
export function getAt(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const k of path) node = isObject(node) ? node[k] : undefined;
  return node;
}

/** Every string leaf of a JSON tree, in the file's order, with its key path. */
export function stringLeaves(tree: unknown, prefix: string[] = []): { path: string[]; value: string }[] {
  if (!isObject(tree)) return [];
  return Object.entries(tree).flatMap(([k, v]) => {
    const p = [...prefix, k];
    if (typeof v === 'string') return [{ path: p, value: v }];
    return isObject(v) ? stringLeaves(v, p) : [];
  });
}

/** The folders under `locales/`, sorted. */
export function localeFolders(root: string): string[] {
  const dir = join(root, 'locales');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => statSync(join(dir, d)).isDirectory())
        .sort()
    : [];
}

/** The default language first, then every other locale folder, sorted. */
export function listLanguages(root: string, defaultLanguage: string): string[] {
  return [defaultLanguage, ...localeFolders(root).filter((l) => l !== defaultLanguage)];
}

export class CourseFiles {
  readonly root: string;
  readonly uiRoot: string;
  /** Absolute paths of every file asked for (read or not), for watchers. */
  readonly asked = new Set<string>();
  private readonly cache = new Map<string, SourceFile | ContentIssue | undefined>();
  private readonly slotCache = new Map<string, Map<string, TextSlot> | undefined>();

  constructor(location: CourseLocation) {
    this.root = resolve(location.root);
    this.uiRoot = resolve(location.uiRoot ?? location.root);
  }

  /** A path relative to the course root, with forward slashes (as every message names files). */
  rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  /** The file parsed, the problem that stops it being read, or undefined when it does not exist. */
  load(abs: string): SourceFile | ContentIssue | undefined {
    this.asked.add(abs);
    if (!this.cache.has(abs)) this.cache.set(abs, existsSync(abs) ? readSourceFile(abs, this.rel(abs)) : undefined);
    return this.cache.get(abs);
  }

  /** The file parsed; undefined when it is missing or cannot be read (`load` says why). */
  read(abs: string): SourceFile | undefined {
    const src = this.load(abs);
    return src && !isIssue(src) ? src : undefined;
  }

  get coursePath(): string {
    return join(this.root, 'content/course.yaml');
  }

  get courseFile(): SourceFile | undefined {
    return this.read(this.coursePath);
  }

  /** `defaultLanguage` from course.yaml, if it is a string. */
  get defaultLanguage(): string | undefined {
    const v = getAt(this.courseFile?.data, ['defaultLanguage']);
    return typeof v === 'string' ? v : undefined;
  }

  get courseId(): string | undefined {
    const v = getAt(this.courseFile?.data, ['id']);
    return typeof v === 'string' ? v : undefined;
  }

  /** The module ids listed in course.yaml (the strings among them), in order, each once. */
  get moduleIds(): string[] {
    const v = getAt(this.courseFile?.data, ['modules']);
    return Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : [];
  }

  /** Every locale folder's name, sorted (whether or not it is a valid language code). */
  localeFolders(): string[] {
    return localeFolders(this.root);
  }

  /** The default language first, then every other locale folder (as the loader does). */
  languages(): string[] {
    const def = this.defaultLanguage;
    return def ? listLanguages(this.root, def) : this.localeFolders();
  }

  moduleFilePath(id: string): string {
    return join(this.root, 'content/modules', `${id}.yaml`);
  }

  moduleFile(id: string): SourceFile | undefined {
    return this.read(this.moduleFilePath(id));
  }

  /** Where a namespace's strings live for a language: `ui` in the course if it has its own, else beside the player. */
  localePath(lang: string, ns: string): string {
    const own = join(this.root, 'locales', lang, `${ns}.json`);
    if (ns !== UI_NAMESPACE || existsSync(own)) return own;
    return join(this.uiRoot, 'locales', lang, `${ns}.json`);
  }

  localeFile(lang: string, ns: string): SourceFile | undefined {
    return this.read(this.localePath(lang, ns));
  }

  /** The text namespaces, in the order the translation tools list them: course, modules, ui. */
  namespaces(): string[] {
    return [COURSE_NAMESPACE, ...this.moduleIds, UI_NAMESPACE];
  }

  /** The module as the text spec needs it, if its file is valid; undefined otherwise. */
  module(id: string): Module | undefined {
    const parsed = moduleSchema.safeParse(this.moduleFile(id)?.data);
    if (!parsed.success) return undefined;
    return moduleModel(parsed.data, this.root, id);
  }

  /** The text slots of a namespace, when its structure is known (not for `ui`, which has none). */
  slots(ns: string): TextSlot[] | undefined {
    if (ns === COURSE_NAMESPACE) return courseTextSlots();
    if (ns === UI_NAMESPACE) return undefined;
    const m = this.module(ns);
    return m ? moduleTextSlots(m) : undefined;
  }

  /** Whether the string at `path` is Markdown: from the text spec, else by the `body`/`intro` naming rule. */
  kindOf(ns: string, path: readonly string[]): TextKind {
    if (!this.slotCache.has(ns)) this.slotCache.set(ns, this.slots(ns) && new Map(this.slots(ns)!.map((s) => [s.path.join('.'), s])));
    const slot = this.slotCache.get(ns)?.get(path.join('.'));
    if (slot) return slot.kind;
    if (ns === UI_NAMESPACE) return 'plain';
    const last = path.at(-1);
    return last === 'body' || last === 'intro' || last === 'description' || last === 'consequence' || last === 'debrief'
      ? 'markdown'
      : 'plain';
  }
}
