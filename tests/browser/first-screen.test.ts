/**
 * The launch page's pre-rendered first screen and the app: the app hydrates it (the very heading the
 * page painted stays, redrawn by nobody), nothing on it moves (no layout shift), and a tap on Start made
 * before the player's code has arrived is kept and acted on. On the sample course's SCORM 2004 build,
 * run standalone (so the storage notice shows too).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { KEEPING_ATTRIBUTE } from '../../src/app/early-taps.ts';
import { FIRST_SCREEN_ATTRIBUTE } from '../../src/app/readiness.ts';
import { courseReady } from '../../scripts/harness/ready.ts';
import { useSampleSite } from './support/sample-site.ts';

const site = useSampleSite();

/** Before any of the page's scripts: keeps the painted heading and the layout shifts. */
const PROBE = `(() => {
  window.__shifts = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', () => { window.__painted = document.querySelector('h1'); window.__paintedTop = window.__painted.getBoundingClientRect().top; });
})()`;

const errors = (page: Page) => {
  const out: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !/status of 404/.test(m.text()) && out.push(m.text()));
  page.on('pageerror', (e) => out.push(e.message));
  return out;
};

it('hydrates the pre-rendered screen: the painted heading stays, nothing moves, no error', async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 812 },
  ]) {
    const context = await site.browser.newContext({ viewport });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const logged = errors(page);
    await page.goto(site.url);
    await courseReady(page);
    await page.getByText('Dit forløb gemmes kun i denne browser.', { exact: false }).waitFor(); // the launch's notice, after the start screen
    const after = await page.evaluate((attr) => {
      const w = window as unknown as { __painted: Element; __paintedTop: number; __shifts: number };
      const h1 = document.querySelector('#main h1')!;
      return {
        how: document.documentElement.getAttribute(attr),
        same: h1 === w.__painted,
        moved: h1.getBoundingClientRect().top - w.__paintedTop,
        shifts: w.__shifts,
      };
    }, FIRST_SCREEN_ATTRIBUTE);
    expect(after, `${viewport.width} px`).toEqual({ how: 'hydrated', same: true, moved: 0, shifts: 0 });
    expect(logged).toEqual([]);
    await context.close();
  }
});

it('keeps a tap on Start made before the player has arrived, and opens the menu once it has', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const logged = errors(page);
  // Hold the player's code back until the learner has tapped
  let release!: () => void;
  const tapped = new Promise<void>((ok) => (release = ok));
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await tapped;
    await route.continue();
  });
  await page.goto(site.url);
  const start = page.getByRole('button', { name: 'Start kurset' });
  // The entry script is small and not held back: it keeps the tap
  await page.locator(`#root[${KEEPING_ATTRIBUTE}]`).waitFor({ state: 'attached' });
  await start.click();
  await page.locator('button[data-early-pending]').waitFor();
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-course-ready'))).toBe(false);
  release();
  await courseReady(page);
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  expect(await page.locator('[data-early-pending]').count()).toBe(0);
  expect(logged).toEqual([]);
  await context.close();
});

it('replaces the pre-rendered screen when the learner gets another (a resume), without an error', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const logged = errors(page);
  await page.goto(site.url);
  await courseReady(page);
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  await page.reload();
  await courseReady(page);
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  expect(await page.evaluate((attr) => document.documentElement.getAttribute(attr), FIRST_SCREEN_ATTRIBUTE)).toBe('rendered');
  expect(logged).toEqual([]);
  await context.close();
});
