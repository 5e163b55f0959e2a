// @vitest-environment happy-dom
/** Ordering and matching questions in the knowledge check, operated as a keyboard or screen-reader user would. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startOrder } from '../../../src/question-types/ordering/model.ts';
import { renderPlayer } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

const SEED = 4242;

async function atOmegaCheck() {
  const player = await renderPlayer({
    record: { seed: SEED, modules: { omega: { at: 'check', furthest: 'check', done: false, answers: {} } }, past: [] },
    resumeAt: 'module:omega',
  });
  await screen.findByRole('heading', { level: 1, name: 'Videnstjek' });
  const ordering = screen.getByRole('group', { name: /Sæt trinene i rækkefølge/ }).closest('.question') as HTMLElement;
  const matching = screen.getByRole('group', { name: /Par hvert ansvar med sin rolle/ }).closest('.question') as HTMLElement;
  return { ...player, ordering, matching };
}

const TEXT: Record<string, string> = { listen: 'Lyt', decide: 'Beslut', explain: 'Forklar' };
const shownOrder = (question: HTMLElement) =>
  within(question)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.ordering__text')!.textContent!.trim());

describe('ordering', () => {
  it('starts from the learner’s own scrambled order, as a numbered list with Move up / Move down per item', async () => {
    const { ordering, course } = await atOmegaCheck();
    const q = course.modules.find((m) => m.id === 'omega')!.questions[0]!;
    if (q.type !== 'ordering') throw new Error('omega.q1 is an ordering question');
    expect(shownOrder(ordering)).toEqual(startOrder(q, SEED).map((i) => TEXT[i]));
    expect(within(ordering).getByRole('list').tagName).toBe('OL');
    for (const text of Object.values(TEXT)) {
      expect(within(ordering).getByRole('button', { name: `Flyt op: ${text}` })).toBeInTheDocument();
      expect(within(ordering).getByRole('button', { name: `Flyt ned: ${text}` })).toBeInTheDocument();
    }
    expect(within(ordering).getByText(/Sæt punkterne i den rigtige rækkefølge/)).toBeInTheDocument();
    expect(within(ordering).getByRole('button', { name: 'Svar' })).toBeDisabled(); // nothing moved yet
  });

  it('moves an item, says where it is now, keeps focus on the button; the ends are marked unavailable', async () => {
    const { user, ordering, record } = await atOmegaCheck();
    const [first, second] = shownOrder(ordering) as [string, string];
    const up = within(ordering).getByRole('button', { name: `Flyt op: ${first}` });
    expect(up).toHaveAttribute('aria-disabled', 'true');
    const down = within(ordering).getByRole('button', { name: `Flyt ned: ${first}` });
    down.focus();
    await user.keyboard('{Enter}');
    expect(shownOrder(ordering).slice(0, 2)).toEqual([second, first]);
    await expectFocus(within(ordering).getByRole('button', { name: `Flyt ned: ${first}` }));
    expect(ordering.querySelector('[aria-live="polite"]')).toHaveTextContent(`${first} er nu nummer 2 af 3.`);
    expect(record().modules.omega!.answers.q1!.choice).toHaveLength(3);
    expect(within(ordering).getByRole('button', { name: 'Svar' })).toBeEnabled();
  });

  it('judges the whole order, counts the items in place, and shows the right order when out of tries', async () => {
    const { user, ordering } = await atOmegaCheck();
    // A wrong order: move the first item down once, whatever the start.
    await user.click(within(ordering).getByRole('button', { name: `Flyt ned: ${shownOrder(ordering)[0]}` }));
    const wrong = shownOrder(ordering).join() !== 'Lyt,Beslut,Forklar';
    if (!wrong) await user.click(within(ordering).getByRole('button', { name: 'Flyt ned: Lyt' }));
    await user.click(within(ordering).getByRole('button', { name: 'Svar' }));
    const live = ordering.querySelector('.feedback-region') as HTMLElement;
    expect(live).toHaveTextContent('Ikke rigtigt.');
    expect(live).toHaveTextContent(/\d af 3 står på den rigtige plads\./);
    expect(live).toHaveTextContent('Først lytter man, så beslutter man, så forklarer man.');
    // "Try again" keeps the order, to be corrected.
    const before = shownOrder(ordering);
    await user.click(within(ordering).getByRole('button', { name: 'Prøv igen' }));
    expect(shownOrder(ordering)).toEqual(before);
    await user.click(within(ordering).getByRole('button', { name: 'Svar' }));
    expect(live).toHaveTextContent('Den rigtige rækkefølge er:');
    expect([...live.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['Lyt', 'Beslut', 'Forklar']);
    expect(within(ordering).getAllByRole('listitem')[0]).toHaveTextContent(/\(rigtig plads\)|\(hører til som nummer \d\)/);
  });

  it('is right when put in the right order with the buttons alone', async () => {
    const { user, ordering } = await atOmegaCheck();
    for (const [target, text] of ['Lyt', 'Beslut', 'Forklar'].entries())
      while (shownOrder(ordering).indexOf(text) > target)
        await user.click(within(ordering).getByRole('button', { name: `Flyt op: ${text}` }));
    await user.click(within(ordering).getByRole('button', { name: 'Svar' }));
    expect(ordering.querySelector('.feedback-region')).toHaveTextContent('Rigtigt.');
    expect(ordering.querySelector('.feedback-region')).toHaveTextContent('3 af 3 står på den rigtige plads.');
  });
});

describe('matching', () => {
  it('gives each item a native select, labelled by the item, offering every match', async () => {
    const { matching } = await atOmegaCheck();
    const selects = within(matching).getAllByRole('combobox');
    expect(selects.map((s) => s.getAttribute('id') && document.querySelector(`label[for="${s.id}"]`)?.textContent)).toEqual([
      'Budget',
      'Risiko',
      'Medarbejdere',
    ]);
    const offered = within(selects[0]!)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(offered[0]).toBe('Vælg …');
    expect(offered.slice(1).sort()).toEqual(['Bestyrelse', 'HR-chef', 'Sikkerhedschef', 'Økonomidirektør']);
  });

  it('can be submitted only with every item matched, then says per item what was right', async () => {
    const { user, matching, record } = await atOmegaCheck();
    const submit = within(matching).getByRole('button', { name: 'Svar' });
    await user.selectOptions(within(matching).getByRole('combobox', { name: 'Budget' }), 'Økonomidirektør');
    await user.selectOptions(within(matching).getByRole('combobox', { name: 'Risiko' }), 'Bestyrelse');
    expect(record().modules.omega!.answers.q2!.choice).toEqual(['budget=cfo', 'risk=board']);
    expect(submit).toBeDisabled();
    await user.selectOptions(within(matching).getByRole('combobox', { name: 'Medarbejdere' }), 'HR-chef');
    expect(submit).toBeEnabled();
    await user.click(submit);
    const live = matching.querySelector('.feedback-region') as HTMLElement;
    expect(live).toHaveTextContent('Ikke rigtigt.');
    expect(live).toHaveTextContent('2 af 3 par er rigtige.');
    // The second try keeps the pairs; the wrong one corrected, it is right and settled.
    await user.click(within(matching).getByRole('button', { name: 'Prøv igen' }));
    await expectFocus(within(matching).getByRole('combobox', { name: 'Budget' })); // the first select takes focus
    await user.selectOptions(within(matching).getByRole('combobox', { name: 'Risiko' }), 'Sikkerhedschef');
    await user.click(within(matching).getByRole('button', { name: 'Svar' }));
    expect(live).toHaveTextContent('Rigtigt.');
    for (const select of within(matching).getAllByRole('combobox')) expect(select).toBeDisabled();
    expect(matching).toHaveTextContent('Rigtigt par.');
  });

  it('shows the right pairs when the tries are used up', async () => {
    const { user, matching } = await atOmegaCheck();
    for (let i = 0; i < 2; i++) {
      for (const item of ['Budget', 'Risiko', 'Medarbejdere'])
        await user.selectOptions(within(matching).getByRole('combobox', { name: item }), 'Bestyrelse');
      await user.click(within(matching).getByRole('button', { name: 'Svar' }));
      if (i === 0) await user.click(within(matching).getByRole('button', { name: 'Prøv igen' }));
    }
    const live = matching.querySelector('.feedback-region') as HTMLElement;
    expect(live).toHaveTextContent('De rigtige par er:');
    expect(live).toHaveTextContent('Budget: Økonomidirektør');
    expect(matching).toHaveTextContent('Det rigtige er: Sikkerhedschef.');
  });
});
