/**
 * axe-core on every kind of screen, in both languages: zero violations of the WCAG 2.0/2.1 A and AA
 * rules. The built page's CSP forbids inline scripts, so the context bypasses CSP to inject axe.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { repoRoot } from '../../scripts/harness/build.ts';
import { rightAnswer, wrongAnswer } from '../support/answers.ts';
import { answerQuestion, click, currentBankQuestion, h1, main, settle, useSampleSite } from './support/sample-site.ts';

const AXE = readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const site = useSampleSite();

interface Found {
  screen: string;
  lang: string;
  rule: string;
  help: string;
  targets: string[];
}

async function switchTo(page: Page, lang: 'da' | 'en') {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.getByRole('button', { name: lang === 'da' ? 'Dansk' : 'English', exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await settle(page);
}

async function axe(page: Page): Promise<{ id: string; help: string; nodes: { target: string[] }[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: never[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations;
  }, TAGS);
}

/** Audits the current screen in Danish and English, then returns to Danish. */
function auditor(page: Page, found: Found[], screens: string[]) {
  return async (screen: string) => {
    await settle(page);
    screens.push(screen);
    for (const lang of ['da', 'en'] as const) {
      await switchTo(page, lang);
      for (const v of await axe(page))
        found.push({ screen, lang, rule: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) });
    }
    await switchTo(page, 'da');
  };
}

const question = (page: Page, n: number) => main(page).locator('.question').nth(n);

async function takeFinal(page: Page, right: boolean, audit?: (s: string) => Promise<void>) {
  for (let n = 1; n <= 4; n++) {
    await h1(page, `Spørgsmål ${n} af 4`);
    if (n === 1) await audit?.('final: question, unanswered');
    const { question: q, text } = await currentBankQuestion(page);
    await answerQuestion(main(page), q, right ? rightAnswer(q) : wrongAnswer(q), text);
    if (n === 1) await audit?.('final: question, answered');
    if (n < 4) await click(page, 'Næste spørgsmål');
  }
  await click(page, 'Aflevér testen');
  await h1(page, 'Dit resultat');
}

it('has no WCAG 2.1 A/AA violations on any screen, in Danish or English', async () => {
  const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const found: Found[] = [];
  const screens: string[] = [];
  const audit = auditor(page, found, screens);
  await page.goto(site.url);
  await settle(page);

  // The audit itself works: a planted unlabelled field is reported
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="planted"><input type="text"></div>'));
  expect((await axe(page)).map((v) => v.id)).toContain('label');
  await page.evaluate(() => document.getElementById('planted')!.remove());

  // Reduced motion is honoured: no transitions when the learner asks for less motion
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('#main .button')!).transitionDuration)).toBe('0s');

  await audit('start');

  await click(page, 'Start kurset');
  await h1(page, 'Kursusoversigt');
  await audit('menu, nothing started');

  // Alpha: content pages, every knowledge-check state, reflection, self-assessment
  await click(page, /Start.*Alfa/);
  await h1(page, 'Side et');
  await audit('content page: text and image');
  await click(page, 'Næste');
  await h1(page, 'Side to');
  await audit('content page: case');
  await click(page, 'Næste');
  await h1(page, 'Videnstjek');
  await audit('check: unanswered');
  await question(page, 0).getByRole('radio', { name: 'Svar a' }).check();
  await audit('check: chosen, not submitted');
  await question(page, 0).getByRole('button', { name: 'Svar' }).click();
  await question(page, 0).getByText('Du har 1 forsøg mere.').waitFor();
  await audit('check: wrong, feedback and try again');
  await question(page, 0).getByRole('button', { name: 'Prøv igen' }).click();
  await question(page, 0).getByRole('radio', { name: 'Svar c' }).check();
  await question(page, 0).getByRole('button', { name: 'Svar' }).click();
  for (let i = 0; i < 2; i++) {
    await question(page, 1).getByRole('checkbox', { name: 'Svar c' }).check();
    await question(page, 1).getByRole('button', { name: 'Svar' }).click();
    if (i === 0) await question(page, 1).getByRole('button', { name: 'Prøv igen' }).click();
  }
  await question(page, 1)
    .getByText(/Det rigtige svar er/)
    .waitFor();
  await audit('check: settled right, settled wrong with the correct answer');
  await click(page, 'Næste');
  await h1(page, 'Refleksion');
  await main(page).getByRole('textbox').fill('Vi skal tænke langsigtet. '.repeat(72).slice(0, 1850));
  await main(page)
    .getByText(/Du er tæt på grænsen/)
    .waitFor();
  await audit('reflection, near the limit');
  await click(page, 'Næste');
  await h1(page, 'Selvvurdering');
  await audit('self-assessment, unrated');
  await main(page)
    .getByRole('radio', { name: /^Trin 3/ })
    .check();
  await audit('self-assessment, rated');
  await click(page, 'Afslut modulet');
  await h1(page, 'Modul gennemført');
  await audit('moment of completion');
  await click(page, 'Til kursusoversigten');
  await h1(page, 'Kursusoversigt');

  // Introduction (reflection, no self-assessment), then Beta (callout)
  await click(page, /Start.*Introduktion/);
  await h1(page, 'Velkommen');
  await audit('content page: text and info callout');
  await click(page, 'Næste');
  await main(page).getByRole('radio', { name: 'Svar a' }).check();
  await click(page, 'Svar');
  await click(page, 'Næste');
  await h1(page, 'Refleksion');
  await main(page).getByRole('textbox').fill('Lære at lede.');
  await click(page, 'Afslut modulet');
  await h1(page, 'Modul gennemført');
  await click(page, 'Til kursusoversigten');
  await h1(page, 'Kursusoversigt');
  await audit('menu, modules in every status');
  await click(page, /Start.*Beta/);
  await h1(page, 'Eneste side');
  await audit('content page: warning callout');
  await click(page, 'Næste');
  await main(page).getByRole('radio', { name: 'Svar b' }).check();
  await click(page, 'Svar');
  await click(page, 'Næste');
  await main(page)
    .getByRole('radio', { name: /^Trin 4/ })
    .check();
  await click(page, 'Afslut modulet');
  await h1(page, 'Modul gennemført');
  await click(page, 'Til kursusoversigten');
  await h1(page, 'Kursusoversigt');

  // Omega: figure, key figure, quote, reveal, decision; ordering and matching questions
  await click(page, /Start.*Omega/);
  await h1(page, 'Tal og ord');
  await main(page).locator('svg[data-figure="drawn"]').waitFor();
  await audit('content page: figure, key figure, quote, reveal (closed)');
  await main(page).getByText('Figuren i ord').click();
  await main(page).getByText('Læs mere om baggrunden').click();
  await audit('content page: figure in words and reveal (open)');
  // On a phone the figure scrolls in its own region: named, focusable, with its hint.
  await page.setViewportSize({ width: 375, height: 812 });
  await main(page).locator('.figure__canvas[role="region"]').waitFor();
  await audit('content page: figure scrolling sideways on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await click(page, 'Næste');
  await h1(page, 'Et valg');
  await audit('decision: undecided');
  await main(page).getByRole('radio', { name: 'Spørg medarbejderne først' }).check();
  await audit('decision: chosen, not decided');
  await click(page, 'Beslut');
  await main(page).getByRole('heading', { name: 'Du valgte: Spørg medarbejderne først' }).waitFor();
  await main(page).getByText('Det ville de andre valg have ført til').click();
  await audit('decision: decided, the other options open');
  await click(page, 'Næste');
  await h1(page, 'Videnstjek');
  await audit('check: ordering and matching, unanswered');
  const [ordering, matching] = [question(page, 0), question(page, 1)];
  await ordering
    .getByRole('button', { name: /^Flyt ned:/ })
    .first()
    .click();
  await matching.getByRole('combobox', { name: 'Budget' }).selectOption({ label: 'Bestyrelse' });
  await audit('check: ordering moved, matching half done');
  for (const item of ['Risiko', 'Medarbejdere']) await matching.getByRole('combobox', { name: item }).selectOption({ label: 'Bestyrelse' });
  await matching.getByRole('button', { name: 'Svar' }).click();
  await matching.getByText('Du har 1 forsøg mere.').waitFor();
  await audit('check: matching wrong, feedback');
  await matching.getByRole('button', { name: 'Prøv igen' }).click();
  await matching.getByRole('button', { name: 'Svar' }).click();
  await matching.getByText('De rigtige par er:').waitFor();
  for (const [target, item] of ['Lyt', 'Beslut', 'Forklar'].entries())
    for (let at = (await ordering.locator('.ordering__text').allInnerTexts()).indexOf(item); at > target; at--)
      await ordering.getByRole('button', { name: `Flyt op: ${item}` }).click();
  await ordering.getByRole('button', { name: 'Svar' }).click();
  await ordering.getByText('3 af 3 står på den rigtige plads.').waitFor();
  await audit('check: ordering right, matching settled wrong with the right pairs');
  await click(page, 'Afslut modulet');
  await h1(page, 'Modul gennemført');
  await click(page, 'Til kursusoversigten');
  await h1(page, 'Kursusoversigt');
  await audit('menu, final unlocked');

  // Final assessment: intro, taking, a failed result, a retake, a passed result
  await click(page, 'Gå til testen');
  await h1(page, 'Afsluttende test');
  await audit('final: intro');
  await click(page, 'Start testen');
  await takeFinal(page, false, audit);
  await audit('final: result, failed');
  await click(page, 'Tag testen igen');
  await takeFinal(page, true);
  await audit('final: result, passed');

  // Results with an action plan, then Exit
  await click(page, 'Se dine resultater');
  await h1(page, 'Dine resultater');
  await main(page).getByRole('textbox', { name: /Alfa/ }).fill('Tal med direktionen.');
  await audit('results');
  await page.getByRole('banner').getByRole('button', { name: 'Afslut' }).click();
  await h1(page, 'Du har forladt kurset');
  await audit('exit');

  // A returning learner: welcome-back notice
  await page.reload();
  await settle(page);
  await page.getByText('Velkommen tilbage.', { exact: false }).waitFor();
  await audit('returning learner, welcome back');

  expect(screens.length).toBeGreaterThanOrEqual(28);
  const report = found.map((f) => `${f.screen} [${f.lang}]: ${f.rule} (${f.help}) at ${f.targets.join(', ')}`);
  expect(report).toEqual([]);
  await context.close();
});
