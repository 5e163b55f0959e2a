/**
 * The launch page's pre-rendered first screen and the app: the app hydrates it (the very heading the
 * page painted stays, redrawn by nobody), nothing on it moves (no layout shift); a tap on Start made
 * before the player's code has arrived is answered at once with the pre-rendered menu, which the app
 * then hydrates (any hydration mismatch is a console error, which fails the test); a tap on a module's
 * row in it is kept and acted on; and neither screen says anything about a resumed learner's progress
 * before the app knows it. On the sample course's SCORM 2004 build, run standalone (so the storage
 * notice shows too, and progress is kept in the browser).
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

/** A learner in a browser of their own, with every console error and page error logged. */
async function freshLearner() {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  return { context, page, logged: errors(page) };
}
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

/** Holds the player's code back until `release()`, so the test can tap the pre-rendered screens first. */
async function holdPlayer(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Words only a learner's own progress could justify. */
const PROGRESS_WORDS = /Ikke startet|I gang|Gennemført|gennemført|forsøg tilbage|Låst|Bestået|Fortsæt|Gennemgå igen/;

const isReady = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-course-ready'));

/** The pre-rendered menu as the entry shows it, before the player runs: what it says, and what has focus. */
const earlyMenu = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('root')!;
    const h1 = root.querySelector('main h1')!;
    const w = window as unknown as { __menuHeading: Element; __menuRows: Element[] };
    w.__menuHeading = h1;
    w.__menuRows = [...root.querySelectorAll('.module-row')];
    return {
      mark: root.getAttribute('data-prerendered'),
      heading: h1.textContent,
      focused: document.activeElement === h1,
      text: root.innerText,
      rows: [...root.querySelectorAll('.module-row__title')].map((t) => t.textContent),
      actions: [...root.querySelectorAll('.module-row__action')].map((b) => b.firstChild?.textContent),
      progressShown: getComputedStyle(root.querySelector('.site-header__progress')!).visibility,
      progressValue: root.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow'),
    };
  });

/** Whether the app took over the very menu the entry showed (hydrated: the same heading and rows, focus kept). */
const sameMenu = (page: Page, attr: string) =>
  page.evaluate((attr) => {
    const w = window as unknown as { __menuHeading: Element; __menuRows: Element[] };
    const rows = [...document.querySelectorAll('#root .module-row')];
    return {
      how: document.documentElement.getAttribute(attr),
      heading: document.querySelector('#main h1') === w.__menuHeading,
      rows: w.__menuRows.every((r) => rows.includes(r)),
      focused: document.activeElement === w.__menuHeading,
    };
  }, attr);

const MODULES = ['Introduktion', 'Alfa', 'Beta'];

it('answers a tap on Start before the player has arrived with the pre-rendered menu, which the app then hydrates without a mismatch', async () => {
  const { context, page, logged } = await freshLearner();
  const release = await holdPlayer(page);
  await page.goto(site.url);
  // The entry script is small and not held back: it answers the tap
  await page.locator(`#root[${KEEPING_ATTRIBUTE}]`).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  const early = await earlyMenu(page);
  expect(await isReady(page)).toBe(false);
  expect(early).toMatchObject({ mark: 'menu:da', heading: 'Kursusoversigt', focused: true, progressShown: 'hidden', progressValue: null });
  expect(early.rows.slice(0, 3)).toEqual(MODULES);
  expect(new Set(early.actions)).toEqual(new Set(['Åbn']));
  expect(early.text).not.toMatch(PROGRESS_WORDS);

  release();
  await courseReady(page);
  // The learner's own status fills in on the same rows
  await page.locator('.module-row', { hasText: 'Introduktion' }).getByText('Ikke startet').waitFor({ state: 'attached' });
  expect(await sameMenu(page, FIRST_SCREEN_ATTRIBUTE)).toEqual({ how: 'hydrated', heading: true, rows: true, focused: true });
  expect(await page.getByRole('progressbar', { name: 'Dit forløb i kurset' }).getAttribute('aria-valuenow')).toBe('0');
  expect(logged).toEqual([]);

  // The machine is in the menu, as if the app had handled the tap: tracked, so a reload resumes there
  await page.reload();
  await courseReady(page);
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  expect(logged).toEqual([]);
  await context.close();
});

it('keeps a tap on a module in the pre-rendered menu and opens it once the player has arrived, tracked', async () => {
  const { context, page, logged } = await freshLearner();
  const release = await holdPlayer(page);
  await page.goto(site.url);
  await page.locator(`#root[${KEEPING_ATTRIBUTE}]`).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Start kurset' }).click();
  const alpha = page.getByRole('button', { name: /^Åbn\s*: Alfa$/ });
  await alpha.click();
  expect(await alpha.getAttribute('aria-busy')).toBe('true');
  expect(await isReady(page)).toBe(false);

  release();
  await courseReady(page);
  await page.locator('#main article.page').waitFor();
  expect(await page.locator('#main h1').innerText()).not.toBe('Kursusoversigt');
  expect(await page.locator('[data-early-pending], [aria-busy="true"]').count()).toBe(0);
  const opened = await page.locator('#main h1').innerText();
  expect(logged).toEqual([]);

  // Tracked: a reload resumes in that module, at its first page
  await page.reload();
  await courseReady(page);
  await page.locator('#main article.page').waitFor();
  expect(await page.locator('#main h1').innerText()).toBe(opened);
  expect(logged).toEqual([]);
  await context.close();
});

it('never shows a resumed learner something untrue: the pre-rendered screens say nothing about progress until the app knows it', async () => {
  const { context, page, logged } = await freshLearner();
  // A first visit: Alfa begun (its second page), then back to the menu
  await page.goto(site.url);
  await courseReady(page);
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('button', { name: /^Start\s*: Alfa$/ }).click();
  await page.locator('#main article.page').waitFor();
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('button', { name: 'Til kursusoversigten' }).first().click();
  await page.locator('.module-row', { hasText: 'Alfa' }).getByText('I gang').waitFor();

  // The return, the player held back: the pre-rendered start screen and menu are neutral
  const release = await holdPlayer(page);
  await page.reload();
  await page.locator(`#root[${KEEPING_ATTRIBUTE}]`).waitFor({ state: 'attached' });
  expect(await page.locator('#root').innerText()).not.toMatch(PROGRESS_WORDS);
  expect(await page.locator('.site-header__progress').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
  await page.getByRole('button', { name: 'Start kurset' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kursusoversigt' }).waitFor();
  const early = await earlyMenu(page);
  expect(early.text).not.toMatch(PROGRESS_WORDS);
  expect(early).toMatchObject({ progressShown: 'hidden', progressValue: null, focused: true });

  // The app resumes in the menu, hydrates it and fills in what is true: Alfa under way, the progress shown
  release();
  await courseReady(page);
  await page.locator('.module-row', { hasText: 'Alfa' }).getByText('I gang').waitFor();
  expect(await sameMenu(page, FIRST_SCREEN_ATTRIBUTE)).toMatchObject({ how: 'hydrated', heading: true, rows: true });
  expect(Number(await page.getByRole('progressbar', { name: 'Dit forløb i kurset' }).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(await page.locator('.site-header__progress').evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
  expect(logged).toEqual([]);
  await context.close();
});

it('replaces the pre-rendered screen when the learner gets another (a resume), without an error', async () => {
  const { context, page, logged } = await freshLearner();
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
