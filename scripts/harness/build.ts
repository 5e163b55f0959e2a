/**
 * The builds the browser tests and the benchmark serve: the sample course (or the real one) for a
 * package target, into .cache/builds/<name>/, built as `npm run package` builds them.
 */
import { resolve } from 'node:path';
import { buildPlayer as build, repoRoot } from '../../src/packaging/build-player.ts';
import type { TargetId } from '../../src/targets/index.ts';

export { repoRoot };

export interface BuildTarget {
  name: string;
  courseRoot: string;
  target: TargetId;
}

export const SAMPLE_2004: BuildTarget = { name: 'sample-scorm2004', courseRoot: 'tests/sample-course', target: 'scorm2004' };
export const SAMPLE_12: BuildTarget = { name: 'sample-scorm12', courseRoot: 'tests/sample-course', target: 'scorm12' };
export const REAL_12: BuildTarget = { name: 'course-scorm12', courseRoot: '.', target: 'scorm12' };
export const SAMPLE_CMI5: BuildTarget = { name: 'sample-cmi5', courseRoot: 'tests/sample-course', target: 'cmi5' };

export const buildDir = (t: BuildTarget) => resolve(repoRoot, '.cache/builds', t.name);

export function buildPlayer(t: BuildTarget): Promise<string> {
  return build(t.courseRoot, t.target, buildDir(t));
}
