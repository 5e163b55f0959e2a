/**
 * Phone to desktop: on every screen, at 320x640, 360x740, 768x1024 and 1280x800, no horizontal
 * scrolling and every interactive target at least 44 x 44 px; and text zoomed to 200 % still fits.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadCourse } from '../../src/content-model/load.ts';
import { rightAnswer } from '../support/answers.ts';
import { answerQuestion, click, currentBankQuestion, h1, main, settle, useSampleSite } from './support/sample-site.ts';

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];
const MIN_TARGET = 44;

const site = useSampleSite();

/** Omega's knowledge-check questions and their Danish strings. */
const sample = loadCourse('tests/sample-course', { uiRoot: '.' });
const OMEGA = sample.course.modules.find((m) => m.id === 'omega')!.questions;
const OMEGA_TEXT = (n: number, path: string): string =>
  `${OMEGA[n]!.localId}.${path}`
    .split('.')
    .reduce<unknown>(
      (node, k) => (node as Record<string, unknown>)[k],
      (sample.texts.da!.modules.omega!.knowledgeCheck as Record<string, unknown>).questions,
    ) as string;

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  /** Interactive elements smaller than the minimum target. */
  small: string[];
  targets: number;
}

/** Measures the page: overflow, and the size of every visible interactive target. */
const measure = (page: Page, min: number): Promise<Layout> =>
  page.evaluate((minSize) => {
    const small: string[] = [];
    let targets = 0;
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    )) {
      // Links inside running text are exempt (WCAG 2.5.5 "inline"); an option's target is its whole label.
      if (el.closest('.prose')) continue;
      const target = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered
      targets++;
      if (r.width < minSize - 0.5 || r.height < minSize - 0.5)
        small.push(
          `${el.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`,
        );
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, small, targets };
  }, min);

it('never scrolls sideways and keeps every target at 44 px or more, from 320 to 1280 px wide', async () => {
  const page = await site.browser.newPage({ viewport: VIEWPORTS[3]! });
  const problems: string[] = [];
  let checked = 0;
  const check = async (screen: string) => {
    await settle(page);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize(vp);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const m = await measure(page, MIN_TARGET);
      checked++;
      if (m.scrollWidth > m.clientWidth) problems.push(`${screen} @${vp.width}: scrolls sideways (${m.scrollWidth} > ${m.clientWidth})`);
      if (m.targets === 0) problems.push(`${screen} @${vp.width}: no targets found`);
      for (const s of m.small) problems.push(`${screen} @${vp.width}: small target ${s}`);
    }
    await page.setViewportSize(VIEWPORTS[3]!);
  };

  await page.goto(site.url);
  await settle(page);
  // Without a reduced-motion preference the small transitions are on (the a11y test checks they go away)
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('#main .button')!).transitionDuration)).not.toBe('0s');
  await check('start');
  await click(page, 'Start kurset');
  await h1(page, 'Kursusoversigt');
  await check('menu');

  await click(page, /Start.*Alfa/);
  await h1(page, 'Side et');
  await check('page with image');
  await click(page, 'Næste');
  await h1(page, 'Side to');
  await check('page with case');
  await click(page, 'Næste');
  await h1(page, 'Videnstjek');
  const q1 = main(page).locator('.question').first();
  await q1.getByRole('radio', { name: 'Svar a' }).check();
  await q1.getByRole('button', { name: 'Svar' }).click();
  await check('check with feedback');
  await q1.getByRole('button', { name: 'Prøv igen' }).click();
  await q1.getByRole('radio', { name: 'Svar c' }).check();
  await q1.getByRole('button', { name: 'Svar' }).click();
  const q2 = main(page).locator('.question').nth(1);
  await q2.getByRole('checkbox', { name: 'Svar a' }).check();
  await q2.getByRole('checkbox', { name: 'Svar b' }).check();
  await q2.getByRole('button', { name: 'Svar' }).click();
  await click(page, 'Næste');
  await h1(page, 'Refleksion');
  await main(page)
    .getByRole('textbox')
    .fill('Et meget langt ord: organisationsudviklingskonsulentvirksomhedsrådgivningsafdelingen. '.repeat(4));
  await check('reflection');
  await click(page, 'Næste');
  await h1(page, 'Selvvurdering');
  await main(page)
    .getByRole('radio', { name: /^Trin 2/ })
    .check();
  await check('self-assessment');
  await click(page, 'Afslut modulet');
  await h1(page, 'Modul gennemført');
  await check('moment of completion');
  await click(page, 'Til kursusoversigten');

  for (const [name, answer, rate] of [
    ['Introduktion', 'Svar a', undefined],
    ['Beta', 'Svar b', 'Trin 5'],
  ] as const) {
    await h1(page, 'Kursusoversigt');
    await click(page, new RegExp(`Start.*${name}`));
    await main(page).locator('h1').waitFor();
    if (name === 'Beta') await check('page with callout');
    await click(page, 'Næste');
    await main(page).getByRole('radio', { name: answer }).check();
    await click(page, 'Svar');
    await click(page, 'Næste');
    if (rate)
      await main(page)
        .getByRole('radio', { name: new RegExp(`^${rate}`) })
        .check();
    await click(page, 'Afslut modulet');
    await h1(page, 'Modul gennemført');
    await click(page, 'Til kursusoversigten');
  }
  await h1(page, 'Kursusoversigt');

  // Omega: the newer blocks and question types
  await click(page, /Start.*Omega/);
  await h1(page, 'Tal og ord');
  await main(page).locator('svg[data-figure="drawn"]').waitFor();
  await main(page).getByText('Figuren i ord').click();
  await main(page).getByText('Læs mere om baggrunden').click();
  await check('page with figure, key figure, quote and open reveal');
  // The figure keeps the width its text needs: on a phone its own region scrolls (named, focusable,
  // with the hint), the page does not; where it fits, it is a plain image and no tab stop.
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const canvas = main(page).locator('.figure__canvas');
    const narrow = vp.width < 600;
    await expect.poll(() => canvas.getAttribute('tabindex'), { timeout: 10_000 }).toBe(narrow ? '0' : null);
    const f = await canvas.evaluate((el) => ({
      scrolls: el.scrollWidth > el.clientWidth,
      role: el.getAttribute('role'),
      hint: (document.getElementById(el.getAttribute('aria-describedby') ?? '') as HTMLElement | null)?.offsetHeight ?? 0,
      text: Math.min(...[...el.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height)),
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(f, `figure @${vp.width}`).toMatchObject({ scrolls: narrow, role: narrow ? 'region' : null, page: 0 });
    if (narrow) expect(f.hint, `hint @${vp.width}`).toBeGreaterThan(0);
    // Its smallest text is drawn at 11 px or more (a glyph box a little taller than the font size).
    expect(f.text, `smallest figure text @${vp.width}`).toBeGreaterThanOrEqual(11);
  }
  await page.setViewportSize(VIEWPORTS[3]!);
  await click(page, 'Næste');
  await h1(page, 'Et valg');
  await check('decision, undecided');
  await main(page).getByRole('radio', { name: 'Spørg medarbejderne først' }).check();
  await click(page, 'Beslut');
  await main(page).getByText('Det ville de andre valg have ført til').click();
  await check('decision, decided');
  await click(page, 'Næste');
  await h1(page, 'Videnstjek');
  await check('check with ordering and matching');
  for (const [n, answer] of [
    [0, ['listen', 'decide', 'explain']],
    [1, ['budget=cfo', 'risk=ciso', 'people=hr']],
  ] as const) {
    const question = main(page).locator('.question').nth(n);
    const omega = (path: string) => OMEGA_TEXT(n, path);
    await answerQuestion(question, OMEGA[n]!, answer, omega);
    await question.getByRole('button', { name: 'Svar' }).click();
    await question.getByText('Rigtigt.', { exact: true }).first().waitFor();
  }
  await check('check with ordering and matching, settled');
  await click(page, 'Afslut modulet');
  await h1(page, 'Modul gennemført');
  await click(page, 'Til kursusoversigten');
  await h1(page, 'Kursusoversigt');

  await click(page, 'Gå til testen');
  await h1(page, 'Afsluttende test');
  await check('final intro');
  await click(page, 'Start testen');
  for (let n = 1; n <= 4; n++) {
    await h1(page, `Spørgsmål ${n} af 4`);
    const { question: q, text } = await currentBankQuestion(page);
    await answerQuestion(main(page), q, rightAnswer(q), text);
    if (n === 1) await check('final question');
    if (n < 4) await click(page, 'Næste spørgsmål');
  }
  await click(page, 'Aflevér testen');
  await h1(page, 'Dit resultat');
  await check('final result');
  await click(page, 'Se dine resultater');
  await h1(page, 'Dine resultater');
  await check('results');

  // Text zoom to 200 % (the root font size doubled, as a browser's text-only zoom does)
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  for (const vp of [VIEWPORTS[1]!, VIEWPORTS[3]!]) {
    await page.setViewportSize(vp);
    const m = await measure(page, MIN_TARGET);
    if (m.scrollWidth > m.clientWidth)
      problems.push(`results, text at 200 % @${vp.width}: scrolls sideways (${m.scrollWidth} > ${m.clientWidth})`);
  }

  expect(checked).toBe(18 * VIEWPORTS.length);
  expect(problems).toEqual([]);
  await page.close();
});
