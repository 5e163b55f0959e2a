/**
 * Source hashes: for each translated string, a short hash of the source-language text it was
 * translated from, kept in `i18n/<lang>.sources.json` under the course root:
 *
 *   { "p01:pages.why.title": "3f2a9c1b0d4e", ... }
 *
 * When the source text changes, its hash no longer matches and the translation counts as outdated.
 * The XLIFF import records the hash of the `<source>` the translator saw; `i18n:status --update-hashes`
 * records the current source for every translation present (after a review, or for hand edits).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translationOf, writeJsonIfChanged, type Catalog } from './catalog.ts';
import { isObject } from '../content-model/course-files.ts';

export const HASH_DIR = 'i18n';

/** 12 hex digits of SHA-256: short enough to read, long enough never to collide by chance. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

export function hashFilePath(catalog: Catalog, lang: string): string {
  return join(catalog.files.root, HASH_DIR, `${lang}.sources.json`);
}

export function readHashes(catalog: Catalog, lang: string): Map<string, string> {
  const path = hashFilePath(catalog, lang);
  if (!existsSync(path)) return new Map();
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isObject(data)) return new Map();
    return new Map(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** Writes the hashes in the catalog's order, dropping ids the source no longer has. Returns whether it wrote. */
export function writeHashes(catalog: Catalog, lang: string, hashes: Map<string, string>): boolean {
  const out: Record<string, string> = {};
  for (const { strings } of catalog.namespaces) for (const s of strings) if (hashes.has(s.id)) out[s.id] = hashes.get(s.id)!;
  return writeJsonIfChanged(hashFilePath(catalog, lang), out);
}

/** Marks every translation present in `lang` as made from the current source text. */
export function updateHashes(catalog: Catalog, lang: string): { recorded: number; written: boolean } {
  const hashes = new Map<string, string>();
  for (const { strings } of catalog.namespaces)
    for (const s of strings) if (translationOf(catalog, lang, s) !== undefined) hashes.set(s.id, sourceHash(s.text));
  return { recorded: hashes.size, written: writeHashes(catalog, lang, hashes) };
}
