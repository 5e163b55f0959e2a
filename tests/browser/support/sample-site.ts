/**
 * The built sample course served on 127.0.0.1 with a browser, for the player's browser tests, and the
 * small helpers they share to drive it in Danish.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadCourse } from '../../../src/content-model/load.ts';
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

export interface BankAnswer {
  multiple: boolean;
  /** Texts of the correct options. */
  correct: string[];
  /** Text of one wrong option. */
  wrong: string;
}

/** For each final-assessment prompt in Danish: the question's answer key, by option text. */
export const bankKey: Map<string, BankAnswer> = (() => {
  const { course, texts } = loadCourse('tests/sample-course', { uiRoot: '.' });
  const out = new Map<string, BankAnswer>();
  for (const q of course.bank) {
    const t = (texts.da!.modules[q.moduleId]!.bank as Record<string, { prompt: string; options: Record<string, { text: string }> }>)[
      q.localId
    ]!;
    out.set(t.prompt, {
      multiple: q.type === 'multiple',
      correct: q.correct.map((c) => t.options[c]!.text),
      wrong: t.options[q.options.find((o) => !q.correct.includes(o))!]!.text,
    });
  }
  return out;
})();

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
