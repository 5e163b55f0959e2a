/**
 * `npm start` / `npm run dev`: the Vite dev server serves the course standalone (scorm-again hosted in
 * the page, progress in browser storage) with the authors' inspector; a content change reloads it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { repoRoot } from '../../scripts/harness/build.ts';
import { buildPlayer } from '../../src/packaging/build-player.ts';
import { until } from '../../scripts/harness/learner.ts';
import { courseReady } from '../../scripts/harness/ready.ts';

let server: ViteDevServer;
let browser: Browser;
let url: string;
const course = mkdtempSync(join(tmpdir(), 'dev-course-'));

beforeAll(async () => {
  cpSync(resolve(repoRoot, 'tests/sample-course'), course, { recursive: true });
  process.env.COURSE_ROOT = course;
  server = await createServer({
    configFile: resolve(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    mode: 'development',
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  delete process.env.COURSE_ROOT;
  rmSync(course, { recursive: true, force: true });
});

/** A module as the dev server serves it to the page now (a virtual module's id, e.g. `virtual:texts/da/intro`). */
async function served(id: string): Promise<string> {
  const res = await fetch(new URL(`@id/__x00__${id}`, url));
  if (!res.ok) throw new Error(`${id}: ${res.status}`); // not "absent": a failed read proves nothing
  const code = await res.text();
  if (!code.includes('export default')) throw new Error(`${id}: not a text module`);
  return code;
}

/** Waits until the dev server serves `id` with `text` in it (`has`) or without it (`!has`). */
function untilServed(id: string, text: string, has: boolean): Promise<void> {
  return until(async () => (await served(id)).includes(text) === has, 20_000);
}

/**
 * What went wrong in a page, for the failure message when it never gets ready: its errors, failed
 * requests and error responses, and where it is.
 */
function pageLog(page: Page) {
  const lines: string[] = [];
  page.on('pageerror', (e) => lines.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && lines.push(`console error: ${m.text()}`));
  page.on('requestfailed', (r) => lines.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && lines.push(`${r.status()} ${r.url()}`));
  page.on('framenavigated', (f) => f === page.mainFrame() && lines.push(`navigated: ${f.url()}`));
  return {
    async ready(timeout: number): Promise<string> {
      try {
        return await courseReady(page, timeout);
      } catch (e) {
        const heading = await page
          .locator('h1')
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => '(none)');
        throw new Error(`${String(e)}\nfirst heading: ${heading}\n${lines.join('\n')}`);
      }
    },
  };
}

it('runs the course standalone with the inspector, and reloads on a content change', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  expect(await courseReady(page)).toBe('browser');
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  // The standalone notice: progress lives in this browser only.
  await until(
    () =>
      page
        .getByText(/kun i denne browser/i)
        .first()
        .isVisible(),
    10_000,
  );

  // The inspector shows the SCORM calls the course made to the runtime hosted in the page.
  await page.keyboard.press('Alt+Shift+KeyI');
  await page.getByRole('tab', { name: 'Call log' }).click();
  expect(await page.getByText('Initialize()').count()).toBeGreaterThan(0);

  // An author edits a module title: the preview reloads with the new text, at the same place.
  const file = join(course, 'locales/da/intro.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"title": "Introduktion"', '"title": "Ny introduktion"'));
  await until(() => page.getByRole('heading', { name: 'Ny introduktion' }).isVisible(), 20_000);
  await courseReady(page);
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();

  // A mistake in a content file: the error overlay names the file, the line and the path, and the
  // course stays up with the last good content.
  const yaml = join(course, 'content/modules/alpha.yaml');
  const good = readFileSync(yaml, 'utf8');
  writeFileSync(yaml, good.replace('correct: [c] }', 'correct: [e] }'));
  await until(() => page.locator('vite-error-overlay').isVisible(), 20_000);
  expect(await page.locator('vite-error-overlay').evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain(
    'content/modules/alpha.yaml:14: knowledgeCheck.questions[0].correct[0]: unknown option "e"',
  );
  writeFileSync(yaml, good);
  await until(async () => !(await page.locator('vite-error-overlay').isVisible()), 20_000);
  await courseReady(page);
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
}, 120_000);

it('switches the preview to SCORM 1.2 from the inspector, with the 1.2 runtime hosted in the page', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  await courseReady(page);
  await page.locator('#main h1').first().waitFor();
  await page.getByRole('button', { name: 'Inspector' }).click();
  await page.getByRole('tab', { name: 'Controls' }).click();
  await page.getByRole('combobox', { name: 'Package target' }).selectOption('scorm12');
  await page.waitForURL(/target=scorm12/);
  await courseReady(page);
  await page.locator('#main h1').first().waitFor();
  await page.getByRole('button', { name: 'Inspector' }).click();
  await page.getByRole('tab', { name: 'Call log' }).click();
  expect(await page.getByText('LMSInitialize()').count()).toBeGreaterThan(0);
  expect(await page.getByText(/^SCORM 1\.2/).count()).toBe(1);
}, 60_000);

it('keeps the Inspector button off the course: beside the column on a desktop, after the page on a phone', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await page.goto(url);
  await courseReady(page);
  await page.locator('#main h1').first().waitFor();
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor(); // a long page: rows all the way down
  /** The course's text and controls that the toggle's box meets, scrolled to the top and to the end. */
  const covered = () =>
    page.evaluate(() => {
      const hits = new Set<string>();
      for (const y of [0, document.documentElement.scrollHeight]) {
        document.documentElement.style.scrollBehavior = 'auto';
        window.scrollTo(0, y);
        const t = document.querySelector('.inspector__toggle')!.getBoundingClientRect();
        for (const el of document.querySelectorAll<HTMLElement>('#root *')) {
          const content =
            el.matches('button, a, input, textarea, select, img, svg') ||
            [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
          if (!content) continue;
          for (const r of el.getClientRects())
            if (r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom)
              hits.add(`${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 30)}"`);
        }
      }
      return [...hits];
    });
  for (const viewport of [
    { width: 375, height: 812 },
    { width: 768, height: 1024 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    expect(await covered(), `${viewport.width} px`).toEqual([]);
  }
  await page.close();
}, 60_000);

it('keeps the scroll position when a content change reloads the preview', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 320 } });
  await page.goto(url);
  await courseReady(page);
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  const y = await page.evaluate(() => {
    scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    return Math.round(scrollY);
  });
  expect(y, 'the menu is taller than the small window').toBeGreaterThan(100);

  const file = join(course, 'locales/da/beta.json');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace('"title": "Beta"', '"title": "Beta, rettet"'));
  await until(() => page.getByText('Beta, rettet').first().isVisible(), 20_000);
  await courseReady(page);
  await expect.poll(() => page.evaluate(() => Math.round(scrollY)), { timeout: 10_000 }).toBe(y);
  writeFileSync(file, good);
  // Put back and served before the next test opens its page, so that no reload of this edit reaches it.
  await untilServed('virtual:texts/da/beta', 'Beta, rettet', false);
  await page.close();
}, 60_000);

it('shows a plain string nested into Markdown as text: no iframe, form, full-screen link or refresh reaches the page', async () => {
  const hostile =
    '<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><button>Log ind</button></form>' +
    '<a href="https://evil.example/" style="position:fixed;inset:0">x</a><meta http-equiv="refresh" content="0;url=https://evil.example/">';
  const files = ['da', 'en'].map((lang) => join(course, `locales/${lang}/intro.json`));
  const before = files.map((f) => readFileSync(f, 'utf8'));
  for (const f of files) {
    const data = JSON.parse(readFileSync(f, 'utf8'));
    data.pages.welcome.blocks.note.title = hostile; // a plain field: shown as text by React
    data.pages.welcome.blocks.text.body += ' $t(pages.welcome.blocks.note.title)'; // pulled into Markdown
    writeFileSync(f, JSON.stringify(data, null, 2));
  }
  // The page opens once the dev server serves the change: opened sooner, it could get the old text and
  // miss the reload that the change sends (it goes to the pages connected at that moment).
  await untilServed('virtual:texts/en/intro', 'evil.example', true);
  const page = await browser.newPage();
  const log = pageLog(page);
  const outside: string[] = [];
  page.on('request', (r) => !r.url().startsWith(url) && !r.url().startsWith('data:') && outside.push(r.url()));
  try {
    await page.goto(`${url}?jump=intro`);
    await log.ready(30_000);
    await page.getByRole('heading', { level: 1, name: 'Velkommen' }).waitFor({ timeout: 15_000 });
    const prose = page.locator('.prose').first();
    await until(
      async () => (await prose.textContent({ timeout: 1000 }))?.includes('<iframe src="https://evil.example/">') ?? false,
      10_000,
    );
    expect(await page.locator('iframe, form, meta[http-equiv="refresh"], a[href^="https://evil"]').count()).toBe(0);
    expect(outside).toEqual([]);
  } finally {
    files.forEach((f, i) => writeFileSync(f, before[i]!));
    await page.close();
    await untilServed('virtual:texts/en/intro', 'evil.example', false);
  }
}, 60_000);

it('keeps the preview working while the course is packaged beside it: a build leaves the dev server’s pre-bundled files alone', async () => {
  // An author previews with `npm start` and runs `npm run package` in another terminal (the suite does
  // the same: builds run while this file's dev server is up). The build's first-screen render once
  // re-optimized into node_modules/.vite/deps and replaced what the preview serves.
  const page = await browser.newPage();
  try {
    await page.goto(`${url}?jump=intro`);
    await courseReady(page, 30_000); // the dev server has pre-bundled what the player imports
    const deps = resolve(server.config.cacheDir, 'deps/_metadata.json');
    const before = readFileSync(deps, 'utf8');
    const out = mkdtempSync(join(tmpdir(), 'dev-build-'));
    try {
      await buildPlayer(course, 'scorm2004', out);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Start kurset'); // the first screen was rendered
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(readFileSync(deps, 'utf8'), 'the build rewrote the dev server’s pre-bundle cache').toBe(before);
    await page.reload();
    expect(await courseReady(page, 30_000)).toBe('browser');
    await page.getByRole('heading', { level: 1, name: 'Velkommen' }).waitFor();
  } finally {
    await page.close();
  }
}, 120_000);

it('shows a draft language in the preview with its gaps marked, and Danish as before', async () => {
  const de = join(course, 'locales/de');
  mkdirSync(de);
  cpSync(join(course, 'locales/en/course.json'), join(de, 'course.json'));
  const page = await browser.newPage();
  try {
    await page.goto(`${url}?lang=de`);
    await courseReady(page);
    // What de has is shown; what it lacks is the Danish text after the mark.
    await page.getByRole('button', { name: '[untranslated] Start kurset' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sample course' }).waitFor();
    await page.goto(url);
    await courseReady(page);
    await page.getByRole('button', { name: 'Start kurset' }).waitFor();
  } finally {
    rmSync(de, { recursive: true, force: true });
    await page.close();
  }
}, 60_000);
