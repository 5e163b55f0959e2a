/**
 * Bad content fails the production build, and the error names the file, the line and the path; an
 * organisation's theme (content/theme.css, with its logo) is built into the package without code.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    await expect(
      build({ configFile: resolve(repo, 'vite.config.ts'), root: repo, logLevel: 'silent', mode: 'production' }),
    ).rejects.toThrow('content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"');
  } finally {
    for (const [k, v] of Object.entries(previous))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}, 60_000);

it("builds the organisation's theme and logo from content/theme.css over the default theme", async () => {
  const themed = mkdtempSync(join(tmpdir(), 'themed-build-'));
  try {
    cpSync(resolve(repo, 'tests/sample-course'), themed, { recursive: true });
    writeFileSync(
      join(themed, 'content/images/logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>',
    );
    writeFileSync(
      join(themed, 'content/theme.css'),
      ":root { --color-primary: #123456; --logo: url('./images/logo.svg'); --logo-width: 6rem; }\n",
    );
    const previous = { COURSE_ROOT: process.env.COURSE_ROOT, OUT_DIR: process.env.OUT_DIR };
    Object.assign(process.env, { COURSE_ROOT: themed, OUT_DIR: join(themed, 'out') });
    try {
      await build({ configFile: resolve(repo, 'vite.config.ts'), root: repo, logLevel: 'silent', mode: 'production' });
    } finally {
      for (const [k, v] of Object.entries(previous))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    const assets = readdirSync(join(themed, 'out/assets'));
    const css = assets
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(themed, 'out/assets', f), 'utf8'))
      .join('');
    // The organisation's value comes after the default one, so it wins.
    expect(css.lastIndexOf('--color-primary:#123456')).toBeGreaterThan(css.indexOf('--color-primary:#0b5394'));
    const logo = assets.find((f) => f.startsWith('logo-') && f.endsWith('.svg'));
    expect(logo, 'the logo ships in the package').toBeDefined();
    expect(css).toContain(logo);
  } finally {
    rmSync(themed, { recursive: true, force: true });
  }
}, 60_000);
