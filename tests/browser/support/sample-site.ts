/**
 * The built sample course served on 127.0.0.1 with a browser, for the player's browser tests, and the
 * small helpers they share to drive it in Danish.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadCourse } from '../../../src/content-model/load.ts';
import type { Question } from '../../../src/content-model/types.ts';
import { launchChromium } from '../../../scripts/harness/browser.ts';
import { courseReady } from '../../../scripts/harness/ready.ts';
import { buildDir, SAMPLE_2004 } from '../../../scripts/harness/build.ts';
import { serveStatic, type StaticServer } from '../../../scripts/harness/server.ts';

export interface SampleSite {
  server: StaticServer;
  browser: Browser;
  /** The launch page's URL. */
  url: string;
}

/** Serves the sample course's SCORM 2004 build at /course/ and launches Chromium, for one test file. */
export function useSampleSite(): SampleSite {
  const site = {} as SampleSite;
  beforeAll(async () => {
    site.server = await serveStatic({ '/course/': buildDir(SAMPLE_2004) });
    site.browser = await launchChromium();
    site.url = `${site.server.url}/course/index.html`;
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A final-assessment question and its Danish strings (`prompt`, `options.a.text`, ...). */
export interface BankEntry {
  question: Question;
  text(path: string): string;
}

/** For each final-assessment prompt in Danish: the question, and its strings. */
export const bankKey: Map<string, BankEntry> = (() => {
  const { course, texts } = loadCourse('tests/sample-course', { uiRoot: '.' });
  const out = new Map<string, BankEntry>();
  for (const q of course.bank) {
    const tree = (texts.da!.modules[q.moduleId]!.bank as Record<string, unknown>)[q.localId];
    const text = (path: string) => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], tree) as string;
    out.set(text('prompt'), { question: q, text });
  }
  return out;
})();

/** The bank question on screen (by the prompt in its legend). */
export async function currentBankQuestion(page: Page): Promise<BankEntry> {
  const prompt = (await main(page).locator('legend').innerText()).trim();
  const entry = bankKey.get(prompt);
  if (!entry) throw new Error(`no bank question with the prompt "${prompt}"`);
  return entry;
}

/**
 * Gives `answer` (right or wrong) to a question by pointer, as its type asks: ticks options, presses
 * "Flyt op" until the order is the answer's, or picks each item's match in its select.
 */
export async function answerQuestion(
  group: Locator,
  q: Question,
  answer: readonly string[],
  text: (path: string) => string,
): Promise<void> {
  switch (q.type) {
    case 'single':
    case 'multiple':
      for (const o of answer)
        await group.getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: text(`options.${o}.text`), exact: true }).check();
      return;
    case 'ordering':
      for (const [target, item] of answer.entries()) {
        const label = text(`items.${item}.text`);
        const shown = async () => (await group.locator('.ordering__text').allInnerTexts()).map((t) => t.trim());
        for (let at = (await shown()).indexOf(label); at > target; at--)
          await group.getByRole('button', { name: `Flyt op: ${label}`, exact: true }).click();
      }
      return;
    case 'matching':
      for (const token of answer) {
        const [item, match] = token.split('=') as [string, string];
        await group
          .getByRole('combobox', { name: text(`items.${item}.text`), exact: true })
          .selectOption({ label: text(`matches.${match}.text`) });
      }
      return;
  }
}

/** The player's main region: not the launch page's pre-rendered splash. */
export const main = (page: Page) => page.locator('#main');
export const click = (page: Page, name: string | RegExp) =>
  main(page)
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .click();
export const h1 = (page: Page, name: string) => main(page).getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** Waits for the app's readiness signal, its view (not the splash) and any text still loading. */
export async function settle(page: Page): Promise<void> {
  await courseReady(page);
  await page.locator('#main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}
