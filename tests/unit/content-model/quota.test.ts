/**
 * `final.perModule` in course.yaml: the loader accepts a quota the banks can meet and names the
 * problem, with the file and line, when they cannot (too small a bank, or too small a draw).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatIssue } from '../../../src/content-model/issues.ts';
import { loadCourse } from '../../../src/content-model/load.ts';

const repo = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** The sample course (banks of 1, 2 and 2 questions) with its `final:` draw and quota set. */
function sampleWith(draw: number, quota: string) {
  const root = mkdtempSync(join(tmpdir(), 'quota-'));
  dirs.push(root);
  cpSync(resolve(repo, 'tests/sample-course'), root, { recursive: true });
  const file = join(root, 'content/course.yaml');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('draw: 4')) throw new Error('test setup: "draw: 4" not found in the sample course.yaml');
  writeFileSync(file, text.replace('draw: 4', `draw: ${draw}${quota}`));
  return root;
}

function problems(root: string): string[] {
  try {
    loadCourse(root, { uiRoot: repo });
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.issues.map(formatIssue);
    throw e;
  }
}

describe('final.perModule', () => {
  it('defaults to no quota, and loads a quota the banks can meet', () => {
    expect(loadCourse(sampleWith(4, ''), { uiRoot: repo }).course.settings.final.perModule).toBe(0);
    expect(loadCourse(sampleWith(4, '\n  perModule: 1'), { uiRoot: repo }).course.settings.final.perModule).toBe(1);
  });

  it('rejects a quota that a module bank cannot give, naming the module', () => {
    expect(problems(sampleWith(5, '\n  perModule: 2'))).toEqual([
      'content/course.yaml:11: final.perModule: asks 2 questions from every module, but not every bank holds that many (intro has 1)',
    ]);
  });

  it('rejects a quota larger than the draw', () => {
    expect(problems(sampleWith(2, '\n  perModule: 1'))).toEqual([
      'content/course.yaml:11: final.perModule: asks 1 questions from each of 4 modules (4 in all), but final.draw is 2',
    ]);
  });

  it('rejects a quota that is not a whole number of zero or more', () => {
    expect(problems(sampleWith(4, '\n  perModule: -1'))[0]).toMatch(/^content\/course\.yaml:11: final\.perModule: /);
  });
});
