/** Bad content fails the production build, and the error names the file, the line and the path. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'bad-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('fails the build with every content problem named by file, line and path', async () => {
  cpSync(resolve(repo, 'tests/sample-course'), root, { recursive: true });
  const yaml = join(root, 'content/modules/alpha.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('correct: [c] }', 'correct: [e] }'));
  const previous = { COURSE_ROOT: process.env.COURSE_ROOT, OUT_DIR: process.env.OUT_DIR };
  Object.assign(process.env, { COURSE_ROOT: root, OUT_DIR: join(root, 'out') });
  try {
    await expect(build({ configFile: resolve(repo, 'vite.config.ts'), root: repo, logLevel: 'silent', mode: 'production' })).rejects.toThrow(
      'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"',
    );
  } finally {
    for (const [k, v] of Object.entries(previous)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}, 60_000);
