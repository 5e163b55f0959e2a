/**
 * Builds the player for one course and one package target with Vite's JavaScript API and the
 * repository's config: what `npm run package` zips, and what the browser tests and the benchmark serve.
 * Always a production build, whatever the caller's environment says (vitest sets NODE_ENV=test).
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import type { TargetId } from '../targets/index.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Ship the languages that are not complete (drafts), their gaps in the source language. */
  drafts?: boolean;
}

export async function buildPlayer(courseRoot: string, target: TargetId, outDir: string, options: BuildOptions = {}): Promise<string> {
  const saved = {
    COURSE_DRAFTS: process.env.COURSE_DRAFTS,
    COURSE_ROOT: process.env.COURSE_ROOT,
    TARGET: process.env.TARGET,
    OUT_DIR: process.env.OUT_DIR,
    NODE_ENV: process.env.NODE_ENV,
  };
  // vite.config.ts reads these; they are put back afterwards so one process can build several targets.
  Object.assign(process.env, { COURSE_ROOT: courseRoot, TARGET: target, OUT_DIR: outDir, NODE_ENV: 'production' });
  if (options.drafts) process.env.COURSE_DRAFTS = 'include';
  else delete process.env.COURSE_DRAFTS;
  try {
    await build({ configFile: resolve(repoRoot, 'vite.config.ts'), root: repoRoot, mode: 'production', logLevel: 'warn' });
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  return outDir;
}
