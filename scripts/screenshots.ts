/**
 * Screenshots of every screen type, in every language, on a desktop (1280x800) and a phone (375x812),
 * for a designer's review: `npm run screenshots` writes full-page PNGs to
 * `.cache/screenshots/<course>-<lang>-<size>/`, for the real course and for the tests' sample course
 * (which holds the blocks and question types the real course does not use). The course runs standalone
 * (no LMS), driven through its UI by the same learner the end-to-end tests use, so a screen that cannot
 * be reached by a learner fails the run.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { loadCourse } from '../src/content-model/load.ts';
import { launchChromium } from './harness/browser.ts';
import { buildDir, buildPlayer, repoRoot, SAMPLE_2004, type BuildTarget } from './harness/build.ts';
import type { Module } from '../src/content-model/types.ts';
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
  // Menu rows off screen skip their painting (content-visibility: auto) until the learner scrolls to them;
  // a full-page capture does not scroll, so it would show them blank. Paint everything for the picture.
  // (Through the CSSOM: the course's Content-Security-Policy rightly refuses an inline style sheet.)
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('*'))
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
  });
  await page.screenshot({ path: resolve(dir, `${String(counter.n).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** One learner's walk through a course, taking a picture of each screen it is asked to. */
interface Walk {
  page: Page;
  learner: Learner;
  x: Texts;
  dir: string;
  n: { n: number };
}

const shot = (w: Walk, name: string) => shoot(w.page, w.dir, name, w.n);

/** Every step of one module, each screen taken: pages (a decision before and after choosing), check, reflection, self-assessment, completion. */
async function walkModule(w: Walk, m: Module): Promise<void> {
  const { page, learner, x } = w;
  await learner.openModule(m);
  for (const p of m.pages) {
    await learner.heading(x.c(m.id, `pages.${p.id}.title`)).waitFor();
    const decision = p.blocks.find((b) => b.type === 'decision');
    if (decision && decision.type === 'decision') {
      await shot(w, `${m.id}-${p.id}-decision-open`);
      await page
        .getByRole('radio', { name: exact(x.c(m.id, `pages.${p.id}.blocks.${decision.id}.options.${decision.options[0]}.text`)) })
        .check();
      await learner.button(x.t('blocks.decision.decide')).click();
      await page.getByRole('heading', { name: exact(x.t('blocks.decision.debrief')) }).waitFor();
      await shot(w, `${m.id}-${p.id}-decision-decided`);
    } else await shot(w, `${m.id}-${p.id}`);
    await learner.next().click();
  }
  if (m.questions.length) {
    await learner.heading(x.t('check.title')).waitFor();
    await shot(w, `${m.id}-check`);
    for (const q of m.questions) await learner.answerCheck(m, q);
    await shot(w, `${m.id}-check-answered`);
    await learner.next().click();
  }
  if (m.reflection) {
    await learner.writeReflection(
      m,
      x.lang === 'da'
        ? 'Det vigtigste for mig er at sætte mål sammen med fagfolkene.'
        : 'What matters most to me is setting goals with the professionals.',
    );
    await shot(w, `${m.id}-reflection`);
    await learner.next().click();
  }
  if (m.selfAssessment) {
    await learner.heading(x.t('self.title')).waitFor();
    await page.getByRole('radio', { name: new RegExp(`^${x.t('self.step', { value: 3 })}`) }).check();
    await shot(w, `${m.id}-self-assessment`);
    await learner.next().click();
  }
  await learner.heading(x.t('completed.title')).waitFor();
  await shot(w, `${m.id}-completed`);
  await learner.button(x.t('app.toMenu')).click();
  await learner.heading(x.t('menu.title')).waitFor();
}

/**
 * The course's screens: start, menu, the modules chosen by `walked` in full (the others quickly), a
 * relaunch, the final (its questions too when `finalShots` says so), the menu when all is done, the results.
 */
async function tour(
  page: Page,
  url: string,
  x: Texts,
  dir: string,
  walked: (m: Module, i: number) => boolean,
  finalShots: number,
): Promise<void> {
  // The page itself is the learner's frame: a Page answers every call the learner makes of a frame.
  const w: Walk = { page, learner: new Learner(page as unknown as FrameLocator, x), x, dir, n: { n: 0 } };
  const { learner } = w;
  await page.goto(url);
  await courseReady(page);
  if (x.lang !== x.course.languages[0]) {
    await page.getByRole('button', { name: new RegExp(x.lang === 'en' ? 'English' : x.lang, 'i') }).click();
    await page.getByRole('button', { name: exact(x.t('start.start')) }).waitFor();
  }
  await shot(w, 'start');
  await learner.start();
  await shot(w, 'menu');

  const full = x.course.modules.filter(walked);
  for (const m of full) await walkModule(w, m);
  await page.goto(url); // a relaunch: the learner comes back to where they left
  await courseReady(page);
  await learner.heading(x.t('menu.title')).waitFor();
  await shot(w, `menu-resumed-after-${full.length}-modules`);
  // The remaining modules quickly (the final opens once every module is done), then the final and the results.
  for (const m of x.course.modules)
    if (!full.includes(m)) {
      await learner.openModule(m);
      if (m === x.course.modules.find((o) => !full.includes(o))) await shot(w, `${m.id}-first-page`);
      await learner.completeModule(m);
    }
  await learner.button(x.t('menu.openFinal')).click();
  await learner.heading(x.c('course', 'final.title')).waitFor();
  await shot(w, 'final-intro');
  await learner.button(x.t('app.toMenu')).click();
  await learner.heading(x.t('menu.title')).waitFor();
  await learner.takeFinal(async (i) => {
    if (i < finalShots) await shot(w, `final-question-${i + 1}`);
  });
  await shot(w, 'final-result');
  await learner.button(x.t('app.toMenu')).click();
  await learner.heading(x.t('menu.title')).waitFor();
  await shot(w, 'menu-all-done');
  await learner.button(x.t('menu.openResults')).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(w, 'results');
}

/**
 * The real course (the start module and the first module with a decision walked in full, one final
 * question) and the sample course of the tests (every module walked, every final question: it holds
 * the block and question types the real course does not use, ordering, matching, reveal, key figure, quote).
 */
const TOURS = [
  {
    name: 'course',
    target: REAL_2004,
    courseRoot: '.',
    walked: (m: Module, i: number, all: Module[]) =>
      i === 0 || m === all.find((o, j) => j > 0 && o.pages.some((p) => p.blocks.some((b) => b.type === 'decision'))),
    finalShots: 1,
  },
  { name: 'sample', target: SAMPLE_2004, courseRoot: 'tests/sample-course', walked: () => true, finalShots: Infinity },
];

async function main(): Promise<void> {
  const browser = await launchChromium();
  rmSync(OUT, { recursive: true, force: true });
  try {
    for (const tourOf of TOURS) {
      const loaded = loadCourse(tourOf.courseRoot, { uiRoot: '.' });
      await buildPlayer(tourOf.target);
      const server = await serveStatic({ '/course/': buildDir(tourOf.target) });
      try {
        for (const lang of loaded.course.languages)
          for (const [size, viewport] of Object.entries(SIZES)) {
            const dir = resolve(OUT, `${tourOf.name}-${lang}-${size}`);
            mkdirSync(dir, { recursive: true });
            const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
            const modules = loaded.course.modules;
            try {
              await tour(
                await context.newPage(),
                `${server.url}/course/index.html`,
                new Texts(lang, loaded),
                dir,
                (m, i) => tourOf.walked(m, i, modules),
                tourOf.finalShots,
              );
            } finally {
              await context.close();
            }
            console.log(`${tourOf.name} ${lang}-${size}: ${dir}`);
          }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
