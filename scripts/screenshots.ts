/**
 * Screenshots of every screen type of the real course, in every language, on a desktop (1280x800) and a
 * phone (375x812), for a designer's review: `npm run screenshots` writes full-page PNGs to
 * `.cache/screenshots/<lang>-<size>/`. The course runs standalone (no LMS), driven through its UI by the
 * same learner the end-to-end tests use, so a screen that cannot be reached by a learner fails the run.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { loadCourse } from '../src/content-model/load.ts';
import { launchChromium } from './harness/browser.ts';
import { buildDir, buildPlayer, repoRoot, type BuildTarget } from './harness/build.ts';
import { exact, Learner, Texts, until } from './harness/learner.ts';
import { courseReady } from './harness/ready.ts';
import { serveStatic } from './harness/server.ts';

const REAL_2004: BuildTarget = { name: 'course-scorm2004', courseRoot: '.', target: 'scorm2004' };
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;
const OUT = resolve(repoRoot, '.cache/screenshots');

async function shoot(page: Page, dir: string, name: string, counter: { n: number }): Promise<void> {
  counter.n++;
  // A figure's drawing arrives with its own chunk: wait until every figure on the screen is drawn.
  await until(async () => (await page.locator('[data-figure="loading"]').count()) === 0, 30_000);
  await page.screenshot({ path: resolve(dir, `${String(counter.n).padStart(2, '0')}-${name}.png`), fullPage: true });
}

async function tour(page: Page, url: string, x: Texts, dir: string): Promise<void> {
  const n = { n: 0 };
  // The page itself is the learner's frame: a Page answers every call the learner makes of a frame.
  const learner = new Learner(page as unknown as FrameLocator, x);
  await page.goto(url);
  await courseReady(page);
  if (x.lang !== x.course.languages[0]) {
    await page.getByRole('button', { name: new RegExp(x.lang === 'en' ? 'English' : x.lang, 'i') }).click();
    await page.getByRole('button', { name: exact(x.t('start.start')) }).waitFor();
  }
  await shoot(page, dir, 'start', n);
  await learner.start();
  await shoot(page, dir, 'menu', n);

  const [first, second] = x.course.modules.filter((m, i) => i > 0 && m.pages.some((p) => p.blocks.some((b) => b.type === 'decision')));
  for (const m of [x.course.modules[0]!, first!]) {
    await learner.openModule(m);
    for (const p of m.pages) {
      await learner.heading(x.c(m.id, `pages.${p.id}.title`)).waitFor();
      const decision = p.blocks.find((b) => b.type === 'decision');
      if (decision && decision.type === 'decision') {
        await shoot(page, dir, `${m.id}-${p.id}-decision-open`, n);
        await page
          .getByRole('radio', { name: exact(x.c(m.id, `pages.${p.id}.blocks.${decision.id}.options.${decision.options[0]}.text`)) })
          .check();
        await learner.button(x.t('blocks.decision.decide')).click();
        await page.getByRole('heading', { name: exact(x.t('blocks.decision.debrief')) }).waitFor();
        await shoot(page, dir, `${m.id}-${p.id}-decision-decided`, n);
      } else await shoot(page, dir, `${m.id}-${p.id}`, n);
      await learner.next().click();
    }
    if (m.questions.length) {
      await learner.heading(x.t('check.title')).waitFor();
      await shoot(page, dir, `${m.id}-check`, n);
      for (const q of m.questions) await learner.answerCheck(m, q);
      await shoot(page, dir, `${m.id}-check-answered`, n);
      await learner.next().click();
    }
    if (m.reflection) {
      await learner.writeReflection(
        m,
        x.lang === 'da'
          ? 'Det vigtigste for mig er at sætte mål sammen med fagfolkene.'
          : 'What matters most to me is setting goals with the professionals.',
      );
      await shoot(page, dir, `${m.id}-reflection`, n);
    }
    if (m.reflection) await learner.next().click();
    if (m.selfAssessment) {
      await learner.heading(x.t('self.title')).waitFor();
      await page.getByRole('radio', { name: new RegExp(`^${x.t('self.step', { value: 3 })}`) }).check();
      await shoot(page, dir, `${m.id}-self-assessment`, n);
      await learner.next().click();
    }
    await learner.heading(x.t('completed.title')).waitFor();
    await shoot(page, dir, `${m.id}-completed`, n);
    await learner.button(x.t('app.toMenu')).click();
    await learner.heading(x.t('menu.title')).waitFor();
  }
  await page.goto(url); // a relaunch: the learner comes back to where they left
  await courseReady(page);
  await learner.heading(x.t('menu.title')).waitFor();
  await shoot(page, dir, 'menu-resumed-after-two-modules', n);
  // The remaining modules quickly (the final opens once every module is done), then the final and the results.
  for (const m of x.course.modules)
    if (m !== first && m !== x.course.modules[0]) {
      await learner.openModule(m);
      if (m === second) await shoot(page, dir, `${m.id}-first-page`, n);
      await learner.completeModule(m);
    }
  await learner.button(x.t('menu.openFinal')).click();
  await learner.heading(x.c('course', 'final.title')).waitFor();
  await shoot(page, dir, 'final-intro', n);
  await learner.button(x.t('app.toMenu')).click();
  await learner.heading(x.t('menu.title')).waitFor();
  await learner.takeFinal();
  await shoot(page, dir, 'final-result', n);
  await learner.button(x.t('app.toMenu')).click();
  await learner.heading(x.t('menu.title')).waitFor();
  await shoot(page, dir, 'menu-all-done', n);
  await learner.button(x.t('menu.openResults')).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shoot(page, dir, 'results', n);
}

async function main(): Promise<void> {
  const loaded = loadCourse('.', { uiRoot: '.' });
  await buildPlayer(REAL_2004);
  const server = await serveStatic({ '/course/': buildDir(REAL_2004) });
  const browser = await launchChromium();
  rmSync(OUT, { recursive: true, force: true });
  try {
    for (const lang of loaded.course.languages)
      for (const [size, viewport] of Object.entries(SIZES)) {
        const dir = resolve(OUT, `${lang}-${size}`);
        mkdirSync(dir, { recursive: true });
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
        try {
          await tour(await context.newPage(), `${server.url}/course/index.html`, new Texts(lang, loaded), dir);
        } finally {
          await context.close();
        }
        console.log(`${lang}-${size}: ${dir}`);
      }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
