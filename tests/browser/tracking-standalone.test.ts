/**
 * Tracking in Chromium, on the built sample course (SCORM 2004 build):
 *
 * 1. Standalone: no LMS anywhere, so the page hosts scorm-again itself (fetched lazily as its own
 *    chunk), says quietly that progress stays in this browser, and keeps the data in localStorage. The
 *    learner answers a question, reloads, and is back on the same step with the answer kept.
 * 2. In an LMS (scorm-again in the parent window, the course in an iframe), the course uses the LMS's
 *    API and never downloads the standalone runtime.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCourse } from '../../src/content-model/load.ts';
import { decodeSnapshot } from '../../src/engine/index.ts';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildDir, repoRoot, SAMPLE_2004 } from '../../scripts/harness/build.ts';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX } from '../../scripts/harness/lms-harness.ts';
import { courseReady } from '../../scripts/harness/ready.ts';
import { serveStatic, type StaticServer } from '../../scripts/harness/server.ts';

const STORAGE_KEY = 'scorm-standalone:sample-course:2004';
const RUNTIME_CHUNK = /\/assets\/scorm2004-[^/]*\.js$/;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(
    { '/course/': buildDir(SAMPLE_2004), [VENDOR_PREFIX]: VENDOR_DIR },
    { '/lms/index.html': harnessHtml({ version: '2004', courseUrl: '/course/index.html' }) },
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const { course } = loadCourse('tests/sample-course', { uiRoot: repoRoot });

async function stored(page: Page): Promise<{ cmi: Record<string, unknown> } | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORAGE_KEY);
}

it('runs standalone with scorm-again in the page, and resumes after a reload with the answer kept', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requestsBefore = server.requests.length;
  await page.goto(`${server.url}/course/index.html`);
  expect(await courseReady(page)).toBe('browser');
  await page.getByRole('heading', { level: 1, name: 'Prøvekursus' }).waitFor();

  // No LMS: the standalone runtime was fetched as its own chunk and installed where an LMS puts its API.
  expect(server.requests.slice(requestsBefore).some((p) => RUNTIME_CHUNK.test(p))).toBe(true);
  expect(await page.evaluate(() => typeof (window as unknown as { API_1484_11?: { Initialize?: unknown } }).API_1484_11?.Initialize)).toBe(
    'function',
  );
  await page.getByText('Dit forløb gemmes kun i denne browser.', { exact: false }).waitFor();

  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  await page.getByRole('button', { name: /^Start.*Introduktion$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Velkommen' }).waitFor();
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('heading', { level: 1, name: 'Videnstjek' }).waitFor();
  await page.getByRole('radio', { name: 'Svar a' }).check();
  await page.getByRole('button', { name: 'Svar', exact: true }).click();
  await page.getByText('Rigtigt: forklaring til a.').waitFor();

  // The answer is committed to browser storage without waiting for the learner to leave.
  await expect
    .poll(async () => {
      const data = await stored(page);
      const suspend = data?.cmi.suspend_data;
      return typeof suspend === 'string' ? decodeSnapshot(suspend, course).record.modules.intro?.answers.q1 : undefined;
    })
    .toEqual({ tries: 1, submitted: true, choice: ['a'] });
  const interactions = (await stored(page))!.cmi.interactions as Record<string, { id: string; result: string; learner_response: string }>;
  expect(Object.values(interactions)).toContainEqual(
    expect.objectContaining({ id: 'kc_intro_q1', result: 'correct', learner_response: 'a' }),
  );

  await page.reload();
  expect(await courseReady(page)).toBe('browser');
  // Back on the same step, with the answer and its feedback.
  await page.getByRole('heading', { level: 1, name: 'Videnstjek' }).waitFor();
  await page.getByText('Velkommen tilbage.', { exact: false }).waitFor();
  expect(await page.getByRole('radio', { name: 'Svar a' }).isChecked()).toBe(true);
  await page.getByText('Rigtigt: forklaring til a.').waitFor();
  const after = await stored(page);
  expect(after!.cmi.entry).toBe('resume'); // the runtime was loaded with entry = resume
  expect(errors).toEqual([]);
  await page.close();
});

it('in an LMS, uses the LMS API and never downloads the standalone runtime', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requestsBefore = server.requests.length;
  await page.goto(`${server.url}/lms/index.html`);
  const frame = page.frameLocator('#course');
  expect(await courseReady(frame)).toBe('lms');
  await frame.getByRole('heading', { level: 1, name: 'Prøvekursus' }).waitFor();
  await frame.getByRole('button', { name: 'Start kurset' }).click();
  await frame.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { lmsCalls: Array<{ name: string }> }).lmsCalls.filter((c) => c.name === 'Commit').length),
    )
    .toBeGreaterThan(0);
  const calls = await page.evaluate(
    () => (window as unknown as { lmsCalls: Array<{ name: string; args: string[]; result: string }> }).lmsCalls,
  );
  expect(calls[0]).toMatchObject({ name: 'Initialize', result: 'true' });
  expect(calls.filter((c) => c.name === 'SetValue').map((c) => c.args[0])).toContain('cmi.suspend_data');
  expect(server.requests.slice(requestsBefore).filter((p) => RUNTIME_CHUNK.test(p))).toEqual([]);
  expect(await frame.getByText('Dit forløb gemmes kun i denne browser.', { exact: false }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
