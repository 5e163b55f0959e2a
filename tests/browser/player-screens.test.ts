/**
 * What a designer checks first, measured: on a 375x812 phone the first line of a module's text is in
 * the upper half of the screen (fresh and after a resume, with the notices of a standalone run shown);
 * the storage notice stays closed across reloads once closed; no two buttons on a screen share an
 * accessible name; and the results table never breaks a word in the middle at 375 px. On the sample
 * course and on the real one (long titles, ten principles).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content-model/load.ts';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildDir, REAL_12, repoRoot, SAMPLE_2004 } from '../../scripts/harness/build.ts';
import { esc, Texts } from '../../scripts/harness/learner.ts';
import { serveStatic, type StaticServer } from '../../scripts/harness/server.ts';
import { settle } from './support/sample-site.ts';

const PHONE = { width: 375, height: 812 };

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic({ '/sample/': buildDir(SAMPLE_2004), '/real/': buildDir(REAL_12) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SITES = [
  { name: 'sample course', path: '/sample/index.html', root: 'tests/sample-course' },
  { name: 'real course', path: '/real/index.html', root: '.' },
] as const;

/** The top of the first line of the current page's first text block, in viewport pixels. */
const firstTextLineTop = (page: Page) =>
  page.evaluate(() => {
    document.documentElement.style.scrollBehavior = 'auto';
    window.scrollTo(0, 0);
    const block = document.querySelector('#main article.page .block--text, #main article.page .prose, #main article.page p');
    const walker = document.createTreeWalker(block ?? document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    });
    const text = walker.nextNode();
    if (!block || !text) return Number.NaN;
    const range = document.createRange();
    range.selectNodeContents(text);
    return range.getClientRects()[0]?.top ?? Number.NaN;
  });

/** Words (inside `selector`) whose letters sit on more than one line: broken mid-word. */
const brokenWords = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const broken: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.visually-hidden') || !parent.getClientRects().length) continue;
        const text = node.textContent ?? '';
        // A break at a hyphen (it-kompetence) is a break between words
        for (const m of text.matchAll(/[^\s\-\u2010\u2013\u2014/]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);

/** Every button's accessible name on the page, as the accessibility tree has it, that occurs twice or more. */
async function duplicateButtonNames(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  const names = [...tree.matchAll(/- button "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

describe.each(SITES)('on the $name, at 375x812', (site) => {
  const loaded = loadCourse(site.root, { uiRoot: repoRoot });
  const x = new Texts(loaded.course.defaultLanguage, loaded);
  const first = loaded.course.modules[0]!;

  it('puts the first line of every module’s text in the upper half of the screen, fresh and after a resume', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}${site.path}`);
    await settle(page);
    // A standalone run: the storage notice is there, as a learner would first see it
    await page.getByText(x.t('notices.standaloneOnly')).waitFor();
    await page.getByRole('button', { name: x.t('start.start') }).click();
    await page.getByRole('heading', { level: 1, name: x.t('menu.title') }).waitFor();
    const tops: Record<string, number> = {};
    for (const m of loaded.course.modules) {
      await page.getByRole('button', { name: new RegExp(`^${esc(x.t('menu.open.not-started'))}\\W+${esc(x.c(m.id, 'title'))}$`) }).click();
      await page.getByRole('heading', { level: 1, name: x.c(m.id, `pages.${m.pages[0]!.id}.title`), exact: true }).waitFor();
      await settle(page);
      if (m.pages[0]!.blocks.some((b) => b.type === 'text')) tops[m.id] = await firstTextLineTop(page);
      await page.getByRole('button', { name: x.t('app.toMenu'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: x.t('menu.title') }).waitFor();
    }
    // Resume in the first module: the welcome back and the storage notice are both shown
    await page
      .getByRole('button', { name: new RegExp(`^${x.t('menu.open.in-progress')}\\W+`) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: x.c(first.id, `pages.${first.pages[0]!.id}.title`), exact: true }).waitFor();
    await page.reload();
    await settle(page);
    await page.getByText(x.t('notices.welcomeBack')).waitFor();
    await page.getByText(x.t('notices.standaloneOnly')).waitFor();
    tops[`${first.id}, resumed`] = await firstTextLineTop(page);

    expect(Object.keys(tops).length).toBeGreaterThan(1);
    for (const [where, top] of Object.entries(tops)) expect(top, where).toBeLessThan(PHONE.height / 2);
    await context.close();
  });

  it('keeps the storage notice closed across reloads, and never shows two buttons of the same name', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}${site.path}`);
    await settle(page);
    await page.getByRole('button', { name: x.t('start.start') }).click();
    await page.getByRole('heading', { level: 1, name: x.t('menu.title') }).waitFor();
    await page.reload(); // a resume: welcome back and the storage notice, each with its own close button
    await settle(page);
    await page.getByText(x.t('notices.welcomeBack')).waitFor();
    await page.getByText(x.t('notices.standaloneOnly')).waitFor();
    expect(await duplicateButtonNames(page)).toEqual([]);

    await page.getByRole('button', { name: x.t('notices.close.standaloneOnly'), exact: true }).click();
    await expect.poll(() => page.getByText(x.t('notices.standaloneOnly')).count()).toBe(0);
    for (let reload = 0; reload < 2; reload++) {
      await page.reload();
      await settle(page);
      await page.getByText(x.t('notices.welcomeBack')).waitFor(); // the launch's notices are rendered
      expect(await page.getByText(x.t('notices.standaloneOnly')).count()).toBe(0);
    }

    // Other screens: a module page, the moment of completion, the results
    await page
      .getByRole('button', { name: new RegExp(`^${x.t('menu.open.not-started')}\\W+`) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: x.c(first.id, `pages.${first.pages[0]!.id}.title`), exact: true }).waitFor();
    expect(await duplicateButtonNames(page)).toEqual([]);
    await page.getByRole('button', { name: x.t('app.toMenu'), exact: true }).click();
    await page.getByRole('button', { name: x.t('menu.openResults'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: x.c('course', 'closing.title'), exact: true }).waitFor();
    await settle(page);
    expect(await duplicateButtonNames(page)).toEqual([]);
    await context.close();
  });

  it('breaks no word in the middle in the results table at 375 px, in either language', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}${site.path}`);
    await settle(page);
    await page.getByRole('button', { name: x.t('start.start') }).click();
    await page.getByRole('button', { name: x.t('menu.openResults'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: x.c('course', 'closing.title'), exact: true }).waitFor();
    await settle(page);
    for (const lang of loaded.course.languages) {
      const name = new Texts(lang, loaded);
      await page
        .getByRole('button', { name: new Intl.DisplayNames([lang], { type: 'language' }).of(lang)!, exact: false })
        .first()
        .click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.getByRole('heading', { level: 1, name: name.c('course', 'closing.title'), exact: true }).waitFor();
      await settle(page);
      expect(await page.locator('#main .data-table td').count()).toBeGreaterThan(0);
      expect(await brokenWords(page, '#main .data-table'), lang).toEqual([]);
      expect(await brokenWords(page, '#main h1, #main h2, #main button'), lang).toEqual([]);
    }
    await context.close();
  });
});
