/**
 * The strings to translate: every string of the source (default) language's locale files, in the
 * order the files have them, each with a stable id `<namespace>:<key.path>` (`p01:pages.why.title`,
 * `ui:nav.next`) and whether it is Markdown. Export, import and status all work from this list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TextKind } from '../content-model/text-spec.ts';
import { CourseFiles, getAt, isObject, stringLeaves, type CourseLocation } from '../content-model/course-files.ts';

export interface SourceString {
  /** `<namespace>:<key.path>` */
  id: string;
  ns: string;
  path: string[];
  text: string;
  kind: TextKind;
  /** Line of the string in the source file. */
  line?: number;
}

export interface NamespaceStrings {
  ns: string;
  strings: SourceString[];
}

export interface Catalog {
  files: CourseFiles;
  sourceLanguage: string;
  /** Every language folder except the source language's, sorted. */
  targetLanguages: string[];
  namespaces: NamespaceStrings[];
  byId: Map<string, SourceString>;
}

/** Raised when the course is too broken to know what to translate (no course.yaml, no source files). */
export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

export const stringId = (ns: string, path: readonly string[]): string => `${ns}:${path.join('.')}`;

export function parseStringId(id: string): { ns: string; path: string[] } | undefined {
  const m = /^([^:\s]+):(\S+)$/.exec(id);
  return m ? { ns: m[1]!, path: m[2]!.split('.') } : undefined;
}

export function buildCatalog(location: CourseLocation | CourseFiles): Catalog {
  const files = location instanceof CourseFiles ? location : new CourseFiles(location);
  if (!files.courseFile)
    throw new CatalogError(`${files.rel(files.root) || '.'}: content/course.yaml is missing or not valid YAML (run npm run validate)`);
  const sourceLanguage = files.defaultLanguage;
  if (!sourceLanguage) throw new CatalogError('content/course.yaml: defaultLanguage is not set (run npm run validate)');
  const namespaces: NamespaceStrings[] = [];
  const byId = new Map<string, SourceString>();
  for (const ns of files.namespaces()) {
    const src = files.localeFile(sourceLanguage, ns);
    if (!src) {
      const path = files.rel(files.localePath(sourceLanguage, ns));
      throw new CatalogError(`${path}: the source language's file is missing or not valid JSON (run npm run validate)`);
    }
    const strings = stringLeaves(src.data).map(({ path, value }): SourceString => ({
      id: stringId(ns, path),
      ns,
      path,
      text: value,
      kind: files.kindOf(ns, path),
      line: src.lineOf(path),
    }));
    for (const s of strings) byId.set(s.id, s);
    namespaces.push({ ns, strings });
  }
  const targetLanguages = files.languages().filter((l) => l !== sourceLanguage);
  return { files, sourceLanguage, targetLanguages, namespaces, byId };
}

/** A language's current text for a namespace as a plain object ({} when the file is missing or broken). */
export function localeTree(catalog: Catalog, lang: string, ns: string): Record<string, unknown> {
  const data = catalog.files.localeFile(lang, ns)?.data;
  return isObject(data) ? data : {};
}

/** The translation of one string in a language, if it is a non-empty string. */
export function translationOf(catalog: Catalog, lang: string, s: SourceString): string | undefined {
  const v = getAt(localeTree(catalog, lang, s.ns), s.path);
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** Builds a nested tree from key paths, in the order given. */
export function treeFrom(entries: Iterable<{ path: readonly string[]; value: string }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { path, value } of entries) {
    let node = out;
    for (const k of path.slice(0, -1)) {
      if (!isObject(node[k])) node[k] = {};
      node = node[k] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return out;
}

/** The one format every tool writes JSON in: two-space indent, trailing newline. */
export function formatJson(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * Writes `data` as formatted JSON unless the file already holds the same data in the same key order
 * (however it is formatted), so that a no-op never touches a file. Returns whether it wrote.
 */
export function writeJsonIfChanged(path: string, data: unknown): boolean {
  if (existsSync(path)) {
    try {
      if (JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))) === JSON.stringify(data)) return false;
    } catch {
      // not valid JSON: overwrite
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatJson(data));
  return true;
}
