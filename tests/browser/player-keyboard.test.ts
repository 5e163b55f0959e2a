/**
 * The sample course from start to results by keyboard alone: Tab, Shift+Tab, Enter, Space and the
 * arrow keys, never a click. After every navigation focus must be on the new view's h1.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { courseReady } from '../../scripts/harness/ready.ts';
import { rightAnswer } from '../support/answers.ts';
import { currentBankQuestion, useSampleSite } from './support/sample-site.ts';

const site = useSampleSite();

interface Focused {
  tag: string;
  type: string;
  /** The element's text, or for an input the text of its label. */
  text: string;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : null;
    const select = el instanceof HTMLSelectElement ? el : null;
    const text = input ? el?.closest('label')?.textContent : select ? select.labels[0]?.textContent : el?.textContent;
    return { tag: el?.tagName.toLowerCase() ?? '', type: input?.type ?? '', text: (text ?? '').replace(/\s+/g, ' ').trim() };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, match: (f: Focused) => boolean, { back = false, max = 60 } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) return f;
    seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.text.slice(0, 40)}"`);
  }
  throw new Error(`no match after ${max} presses; focus went through:\n${seen.join('\n')}`);
}

const button = (text: string | RegExp) => (f: Focused) =>
  f.tag === 'button' && (typeof text === 'string' ? f.text === text : text.test(f.text));
const input = (type: string, label?: string) => (f: Focused) =>
  f.tag === 'input' && f.type === type && (label === undefined || f.text.startsWith(label));

async function press(page: Page, match: (f: Focused) => boolean, key = 'Enter') {
  await tabTo(page, match);
  await page.keyboard.press(key);
}

/** Waits until the focused element is the h1 with this text. */
async function headingFocused(page: Page, text: string) {
  await page.waitForFunction((t) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent?.trim() === t, text, {
    timeout: 10_000,
  });
}

/** The focused control (for a radio button or checkbox, its label) shows a focus ring of 2 px or more. */
async function expectFocusRing(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const shown = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? el.closest('label')! : el;
    const s = getComputedStyle(shown);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

/** Takes a module's knowledge check: picks the given option of each single-choice question by arrows. */
async function answerByArrows(page: Page, target: string) {
  await tabTo(page, input('radio'));
  await page.keyboard.press('Space');
  for (let i = 0; i < 10 && !(await focused(page)).text.startsWith(target); i++) await page.keyboard.press('ArrowDown');
  expect((await focused(page)).text.startsWith(target)).toBe(true);
}

/** Focuses the control that matches: forward with Tab, else back with Shift+Tab (for one earlier on the page). */
async function focusOn(page: Page, match: (f: Focused) => boolean): Promise<Focused> {
  try {
    return await tabTo(page, match, { max: 25 });
  } catch {
    return tabTo(page, match, { back: true, max: 60 });
  }
}

/**
 * Puts an ordering question's items (by their texts, in the right order) in order with its "Flyt op"
 * buttons, Enter after Enter: focus must stay on the pressed button while its item moves.
 */
async function orderByKeyboard(page: Page, order: string[]) {
  const shown = async () => (await page.locator('#main .ordering__text').allInnerTexts()).map((t) => t.trim());
  for (const [target, item] of order.entries()) {
    let at = (await shown()).indexOf(item);
    if (at <= target) continue;
    await focusOn(page, button(new RegExp(`Flyt op: ${item}$`)));
    for (; at > target; at--) {
      await page.keyboard.press('Enter');
      await expect.poll(shown).toSatisfy((s: string[]) => s.indexOf(item) === at - 1);
      expect((await focused(page)).text).toMatch(new RegExp(`Flyt op: ${item}$`));
      await expect
        .poll(() => page.locator('#main [aria-live="polite"]').allInnerTexts())
        .toContainEqual(expect.stringContaining(`${item} er nu nummer ${at}`));
    }
  }
}

/** Picks each item's match in its select with the arrow keys, as keyboard users do with a closed select. */
async function matchByKeyboard(page: Page, pairs: Record<string, string>) {
  const selected = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  for (const [item, match] of Object.entries(pairs)) {
    await focusOn(page, (f) => f.tag === 'select' && f.text === item);
    await expectFocusRing(page);
    for (let i = 0; i < 10 && (await selected()) !== match; i++) await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(match);
  }
}

it('completes the sample course from start to results by keyboard alone', async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
  // The launch page paints a pre-rendered title first; wait for the app's readiness, then its view.
  await courseReady(page);
  await page.locator('#main h1', { hasText: 'Prøvekursus' }).waitFor();

  // The first tab stop is the skip link, and it leads to the heading
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Spring til indholdet' });
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Prøvekursus');

  await tabTo(page, button('Start kurset'));
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Kursusoversigt');

  // Introduction: a page, a check, a reflection
  await press(page, button(/^Start.*Introduktion$/));
  await headingFocused(page, 'Velkommen');
  await press(page, button('Næste'));
  await headingFocused(page, 'Videnstjek');
  await answerByArrows(page, 'Svar a');
  await expectFocusRing(page);
  await press(page, button('Svar'));
  await page.getByText('Rigtigt: forklaring til a.').waitFor();
  await press(page, button('Næste'));
  await headingFocused(page, 'Refleksion');
  await tabTo(page, (f) => f.tag === 'textarea');
  await expectFocusRing(page);
  await page.keyboard.type('Jeg vil lære at lede forandring.');
  await expect.poll(() => page.getByText('32 af 2000 tegn').count()).toBe(1);
  await press(page, button('Afslut modulet'));
  // The moment of completion leads on to the next module
  await headingFocused(page, 'Modul gennemført');
  await press(page, button(/^Start næste modul\W+Alfa$/));
  await headingFocused(page, 'Side et');

  // Alpha: two pages, a wrong answer and a retry, a multiple choice, a reflection, a self-assessment
  await press(page, button('Næste'));
  await headingFocused(page, 'Side to');
  await press(page, button('Næste'));
  await headingFocused(page, 'Videnstjek');
  await answerByArrows(page, 'Svar a');
  await press(page, button('Svar'));
  await page.getByText('Forkert: forklaring til a.').waitFor();
  expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Prøv igen' }); // focus stays put
  await page.keyboard.press('Enter');
  // The question reopens with focus on its first option (in this learner's order), then arrows choose.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'input', type: 'radio' });
  await page.keyboard.press('Space');
  for (let i = 0; i < 3 && (await focused(page)).text !== 'Svar c'; i++) await page.keyboard.press('ArrowDown');
  expect((await focused(page)).text).toBe('Svar c');
  await press(page, button('Svar'));
  await page.getByText('Rigtigt: forklaring til c.').waitFor();
  for (const option of ['Svar a', 'Svar b']) {
    await focusOn(page, input('checkbox', option));
    await page.keyboard.press('Space');
  }
  await press(page, button('Svar'));
  await page.getByText('Rigtigt: forklaring til b.').waitFor();
  await press(page, button('Næste'));
  await headingFocused(page, 'Refleksion');
  await tabTo(page, (f) => f.tag === 'textarea');
  await page.keyboard.type('Vi skal tænke ti år frem.');
  await press(page, button('Næste'));
  await headingFocused(page, 'Selvvurdering');
  await answerByArrows(page, 'Trin 3');
  await press(page, button('Afslut modulet'));
  await headingFocused(page, 'Modul gennemført');
  await press(page, button('Til kursusoversigten'));
  await headingFocused(page, 'Kursusoversigt');

  // Beta: a page with a callout, a check, a self-assessment
  await press(page, button(/^Start.*Beta$/));
  await headingFocused(page, 'Eneste side');
  await press(page, button('Næste'));
  await headingFocused(page, 'Videnstjek');
  await answerByArrows(page, 'Svar b');
  await press(page, button('Svar'));
  await page.getByText('Rigtigt: forklaring til b.').waitFor();
  await press(page, button('Næste'));
  await headingFocused(page, 'Selvvurdering');
  await answerByArrows(page, 'Trin 4');
  await press(page, button('Afslut modulet'));
  await headingFocused(page, 'Modul gennemført');

  // Omega: a figure scrolled by keyboard on a phone, a reveal opened with Enter, a decision, an ordering and a matching question
  await press(page, button(/^Start næste modul\W+Omega$/));
  await headingFocused(page, 'Tal og ord');
  // The figure on a phone: wider than the screen, its canvas scrolls sideways, takes the focus and
  // scrolls with the arrow keys; its words open with Enter.
  await page.setViewportSize({ width: 375, height: 812 });
  const canvas = page.getByRole('region', { name: 'To trin forbundet af en pil: først lytte, så beslutte.' });
  await canvas.waitFor();
  await tabTo(page, (f) => f.tag === 'div' && f.text.startsWith('To trin forbundet af en pil'));
  await expectFocusRing(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => canvas.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await press(page, (f) => f.tag === 'summary' && f.text === 'Figuren i ord');
  const open = (summary: string) => page.locator('#main details', { hasText: summary }).evaluate((d) => (d as HTMLDetailsElement).open);
  expect(await open('Figuren i ord')).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await press(page, (f) => f.tag === 'summary' && f.text === 'Læs mere om baggrunden');
  expect(await open('Læs mere om baggrunden')).toBe(true);
  await press(page, button('Næste'));
  await headingFocused(page, 'Et valg');
  await answerByArrows(page, 'Spørg medarbejderne først');
  await press(page, button('Beslut'));
  // The decision's outcome takes the focus the Decide button had.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'h3', text: 'Du valgte: Spørg medarbejderne først' });
  await press(page, button('Næste'));
  await headingFocused(page, 'Videnstjek');
  await orderByKeyboard(page, ['Lyt', 'Beslut', 'Forklar']);
  await press(page, button('Svar'));
  await page.getByText('3 af 3 står på den rigtige plads.').waitFor();
  await matchByKeyboard(page, { Budget: 'Økonomidirektør', Risiko: 'Sikkerhedschef', Medarbejdere: 'HR-chef' });
  await press(page, button('Svar'));
  await page.getByText('3 af 3 par er rigtige.').waitFor();
  await press(page, button('Afslut modulet'));
  // Every module done: the moment of completion leads to the final assessment
  await headingFocused(page, 'Modul gennemført');

  // The final assessment, one question at a time, answered from the answer key
  await press(page, button('Gå til testen'));
  await headingFocused(page, 'Afsluttende test');
  await press(page, button('Start testen'));
  for (let n = 1; n <= 4; n++) {
    await headingFocused(page, `Spørgsmål ${n} af 4`);
    const { question: q, text } = await currentBankQuestion(page);
    const right = rightAnswer(q);
    if (q.type === 'multiple') {
      const correct = right.map((o) => text(`options.${o}.text`));
      let f = await tabTo(page, input('checkbox'));
      while (f.type === 'checkbox') {
        if (correct.includes(f.text)) await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
        f = await focused(page);
      }
    } else if (q.type === 'single') await answerByArrows(page, text(`options.${right[0]}.text`));
    else if (q.type === 'ordering')
      await orderByKeyboard(
        page,
        right.map((i) => text(`items.${i}.text`)),
      );
    else
      await matchByKeyboard(
        page,
        Object.fromEntries(right.map((p) => p.split('=')).map(([i, m]) => [text(`items.${i}.text`), text(`matches.${m}.text`)])),
      );
    if (n < 4) await press(page, button('Næste spørgsmål'));
  }
  await press(page, button('Aflevér testen'));
  await headingFocused(page, 'Dit resultat');
  await expect.poll(() => page.locator('#main .verdict').innerText()).toContain('Bestået');

  // The results: pass, the picture, the reflections and the action plan
  await press(page, button('Se dine resultater'));
  await headingFocused(page, 'Dine resultater');
  const main = page.locator('#main');
  expect(await main.locator('.verdict').innerText()).toContain('Bestået');
  expect(await main.locator('svg[role="img"]').count()).toBe(1);
  expect(await main.innerText()).toContain('Vi skal tænke ti år frem.');
  await tabTo(page, (f) => f.tag === 'textarea');
  await page.keyboard.type('Tal med direktionen om ti år.');
  await tabTo(page, (f) => f.tag === 'textarea');
  await page.keyboard.type('Et beta-skridt.');
  // Back to the first step with Shift+Tab: nothing traps the focus in either direction
  const back = await tabTo(page, (f) => f.tag === 'textarea', { back: true });
  expect(back.tag).toBe('textarea');
  expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe('Tal med direktionen om ti år.');
  expect(errors).toEqual([]);
  await page.close();
});
