/**
 * What a build makes the browser fetch before the first content, read from the build itself: the
 * launch page, the scripts and styles it links (the entry and its static imports, which Vite lists as
 * modulepreload links), and the first screen's text in the default language. Bytes are deterministic,
 * so the budget tests and the benchmark share this.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  file: string;
  raw: number;
  gzip: number;
}

export function sizeOf(dir: string, file: string): BuiltFile {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).split('\\').join('/')];
  });
}

/** The first screen's namespaces: the player's strings and the course's own, in one language. */
/**
 * Gzip bytes the real course's LMS build may move until its first screen is interactive: asserted by
 * tests/browser/budget.test.ts, reported by the benchmark. It was 145 KB until saved-state format 2
 * (fflate, its dictionary and the text room, about 10 KB) had to be on the launch path: a resumed
 * learner's state is decoded before the first screen answers. The start and the menu are pre-rendered
 * and answer taps before any of this runs. To win it back: load the codec beside the player.
 */
export const FIRST_LOAD_BUDGET = 158_000;

export const FIRST_SCREEN_NAMESPACES = ['ui', 'course'];

/**
 * The launch page and what it links for the first screen; a low-priority preload (the text the first
 * tap leads to, fetched after the first screen) is not part of it.
 */
export function firstLoad(dir: string, language: string): BuiltFile[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+)"[^>]*>/g)]
    .filter((m) => !/fetchpriority="low"/.test(m[0]))
    .map((m) => m[1]!);
  const texts = listFiles(dir).filter((f) => FIRST_SCREEN_NAMESPACES.some((ns) => f.startsWith(`assets/texts/${language}-${ns}-`)));
  return ['index.html', ...linked, ...texts].map((f) => sizeOf(dir, f));
}
