/**
 * Temp copies of tests/sample-course for the authoring tests: the tests change files freely and never
 * touch the repository's content. Each copy gets its own small ui.json (the sample course normally
 * borrows the repository's, which other work changes), so that lines and counts stay fixed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Io } from '../../../src/authoring/cli.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const sampleCourse = join(repoRoot, 'tests/sample-course');

const UI: Record<string, unknown> = {
  da: { nav: { next: 'Næste', back: 'Tilbage' }, greeting: 'Hej {{name}}', menu: { title: 'Menu' } },
  en: { nav: { next: 'Next', back: 'Back' }, greeting: 'Hello {{name}}', menu: { title: 'Menu' } },
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp dir (removed after the test file). */
export function tempDir(prefix = 'authoring-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the sample course with its own ui.json, valid for the validator. */
export function sampleCopy(): string {
  const root = tempDir('sample-course-');
  cpSync(sampleCourse, root, { recursive: true });
  for (const lang of ['da', 'en']) writeFileSync(join(root, 'locales', lang, 'ui.json'), JSON.stringify(UI[lang], null, 2) + '\n');
  return root;
}

/** Rewrites a file's text; fails the test if the edit changed nothing (the sample changed under us). */
export function edit(root: string, rel: string, change: (text: string) => string): void {
  const path = join(root, rel);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `edit of ${rel} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

/** Changes a JSON file's data and writes it back with two-space indentation (the sample's layout). */
export function editJson(root: string, rel: string, change: (data: any) => void): void {
  const path = join(root, rel);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}

export function readText(root: string, rel: string): string {
  return readFileSync(join(root, rel), 'utf8');
}

/** An Io that keeps what a command prints. */
export function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => void stdout.push(...l.split('\n')), err: (l) => void stderr.push(...l.split('\n')) };
}

/** Arguments that point a command at a copy (ui.json in the copy too). */
export const at = (root: string) => ['--course', root, '--ui-root', root];
