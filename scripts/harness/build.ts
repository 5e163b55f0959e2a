/**
 * Builds the player for the browser tests, once per run: the sample course (or the real one) for a
 * SCORM version, into .cache/builds/<name>/. Uses Vite's JavaScript API with the repository's config.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface BuildTarget {
  name: string;
  courseRoot: string;
  scormVersion: '1.2' | '2004';
}

export const SAMPLE_2004: BuildTarget = { name: 'sample-scorm2004', courseRoot: 'tests/sample-course', scormVersion: '2004' };
export const SAMPLE_12: BuildTarget = { name: 'sample-scorm12', courseRoot: 'tests/sample-course', scormVersion: '1.2' };
export const REAL_12: BuildTarget = { name: 'course-scorm12', courseRoot: '.', scormVersion: '1.2' };

export const buildDir = (t: BuildTarget) => resolve(repoRoot, '.cache/builds', t.name);

export async function buildPlayer(t: BuildTarget): Promise<string> {
  const outDir = buildDir(t);
  const previous = {
    COURSE_ROOT: process.env.COURSE_ROOT,
    SCORM_VERSION: process.env.SCORM_VERSION,
    OUT_DIR: process.env.OUT_DIR,
    NODE_ENV: process.env.NODE_ENV,
  };
  // A production build, as `npm run package` makes it, even from inside vitest (which sets NODE_ENV=test).
  Object.assign(process.env, { COURSE_ROOT: t.courseRoot, SCORM_VERSION: t.scormVersion, OUT_DIR: outDir, NODE_ENV: 'production' });
  try {
    await build({ configFile: resolve(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'warn', mode: 'production' });
  } finally {
    for (const [k, v] of Object.entries(previous))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  return outDir;
}
