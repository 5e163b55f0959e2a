// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, savedOf } from '../../../src/engine/snapshot.ts';
import { optionOrder } from '../../../src/question-types/choice/model.ts';
import { renderPlayer } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

/** Opens alpha's knowledge check (resuming there, as a returning learner would). */
async function atAlphaCheck() {
  const player = await renderPlayer({
    record: { modules: { alpha: { at: 'check', furthest: 'check', done: false, answers: {} } }, past: [] },
    resumeAt: 'module:alpha',
  });
  await screen.findByRole('heading', { level: 1, name: 'Videnstjek' });
  const q1 = screen.getByRole('group', { name: /Spørgsmål 1 af 2/ }).closest('.question') as HTMLElement;
  const q2 = screen.getByRole('group', { name: /Spørgsmål 2 af 2/ }).closest('.question') as HTMLElement;
  return { ...player, q1, q2 };
}

const liveRegion = (question: HTMLElement) => question.querySelector('[aria-live="polite"]') as HTMLElement;

describe('knowledge check', () => {
  it("shows the options in the learner's own order (their seed), the same after a relaunch", async () => {
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const player = await renderPlayer({
        record: { seed, modules: { alpha: { at: 'check', furthest: 'check', done: false, answers: {} } }, past: [] },
        resumeAt: 'module:alpha',
      });
      await screen.findByRole('heading', { level: 1, name: 'Videnstjek' });
      const q1 = player.course.modules.find((m) => m.id === 'alpha')!.questions[0]!;
      if (q1.type !== 'single') throw new Error('alpha.q1 is single choice');
      const shown = screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent);
      expect(shown).toEqual(optionOrder(q1, seed, true).map((o) => `Svar ${o}`));
      // Saved and restored, the seed (and so the order) is the learner's still.
      const saved = decodeSnapshot(encodeSnapshot(savedOf(player.actor.getSnapshot()), player.course), player.course);
      expect(saved.record.seed).toBe(seed);
      orders.add(shown.join());
      player.unmount();
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('shows each question as a fieldset with a legend, radios for single and checkboxes for multiple choice', async () => {
    const { q1, q2 } = await atAlphaCheck();
    expect(within(q1).getByRole('group')).toHaveAccessibleName(/Vælg c/);
    expect(within(q1).getAllByRole('radio')).toHaveLength(3);
    expect(within(q2).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(q1).getByText('Vælg ét svar.')).toBeInTheDocument();
    expect(within(q2).getByText('Vælg et eller flere svar.')).toBeInTheDocument();
  });

  it('enables Submit only with a choice, then announces feedback for the chosen option through a live region', async () => {
    const { user, q1, record } = await atAlphaCheck();
    const submit = within(q1).getByRole('button', { name: 'Svar' });
    expect(submit).toBeDisabled();
    expect(liveRegion(q1)).toBeEmptyDOMElement();

    await user.click(within(q1).getByRole('radio', { name: 'Svar a' }));
    expect(record().modules.alpha!.answers.q1).toEqual({ choice: ['a'], tries: 0, submitted: false });
    expect(submit).toBeEnabled();
    await user.click(submit);

    const live = liveRegion(q1);
    expect(live).toHaveTextContent('Ikke rigtigt.');
    expect(live).toHaveTextContent('Forkert: forklaring til a.');
    expect(live).not.toHaveTextContent('forklaring til b'); // only the chosen option's feedback
    expect(live).toHaveTextContent('Du har 1 forsøg mere.');
    expect(record().modules.alpha!.answers.q1).toMatchObject({ tries: 1, submitted: true });
  });

  it('keeps focus on the action button through submit, and "Try again" reopens the question with focus on it', async () => {
    const { user, q1 } = await atAlphaCheck();
    await user.click(within(q1).getByRole('radio', { name: 'Svar b' }));
    const action = within(q1).getByRole('button', { name: 'Svar' });
    action.focus();
    await user.keyboard('{Enter}');
    expect(within(q1).getByRole('button', { name: 'Prøv igen' })).toBe(action);
    await expectFocus(action);
    for (const radio of within(q1).getAllByRole('radio')) expect(radio).toBeDisabled();

    await user.keyboard('{Enter}');
    const first = within(q1).getAllByRole('radio')[0]!; // the first in this learner's order
    expect(first).toBeEnabled();
    await expectFocus(first);
    expect(liveRegion(q1)).toBeEmptyDOMElement();
    expect(within(q1).getByRole('button', { name: 'Svar' })).toBeDisabled(); // the choice was cleared

    await user.click(within(q1).getByRole('radio', { name: 'Svar c' }));
    await user.click(within(q1).getByRole('button', { name: 'Svar' }));
    expect(liveRegion(q1)).toHaveTextContent('Rigtigt.');
    expect(liveRegion(q1)).toHaveTextContent('Rigtigt: forklaring til c.');
    expect(within(q1).getByRole('button', { name: 'Besvaret' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows the correct answer when the tries are used up', async () => {
    const { user, q2 } = await atAlphaCheck();
    for (let i = 0; i < 2; i++) {
      await user.click(within(q2).getByRole('checkbox', { name: 'Svar c' }));
      await user.click(within(q2).getByRole('button', { name: 'Svar' }));
      if (i === 0) await user.click(within(q2).getByRole('button', { name: 'Prøv igen' }));
    }
    const live = liveRegion(q2);
    expect(live).toHaveTextContent('Ikke rigtigt.');
    expect(live).toHaveTextContent('Det rigtige svar er: Svar a og Svar b.');
    expect(live).not.toHaveTextContent('forsøg mere');
    expect(within(q2).getByRole('checkbox', { name: /Svar a.*rigtigt svar/ })).toBeDisabled();
    expect(within(q2).queryByRole('button', { name: 'Prøv igen' })).toBeNull();
  });

  it('records a multiple choice in option order and keeps Next disabled, with the reason, until every question is settled', async () => {
    const { user, q1, q2, record } = await atAlphaCheck();
    const next = screen.getByRole('button', { name: 'Næste' });
    expect(next).toBeDisabled();
    expect(next).toHaveAccessibleDescription('Besvar alle spørgsmål, før du går videre.');

    await user.click(within(q1).getByRole('radio', { name: 'Svar c' }));
    await user.click(within(q1).getByRole('button', { name: 'Svar' }));
    expect(next).toBeDisabled();

    await user.click(within(q2).getByRole('checkbox', { name: 'Svar b' }));
    await user.click(within(q2).getByRole('checkbox', { name: 'Svar a' }));
    expect(record().modules.alpha!.answers.q2!.choice).toEqual(['a', 'b']);
    await user.click(within(q2).getByRole('button', { name: 'Svar' }));
    expect(liveRegion(q2)).toHaveTextContent('Rigtigt.');

    expect(next).toBeEnabled();
    expect(screen.queryByText('Besvar alle spørgsmål, før du går videre.')).toBeNull();
    await user.click(next);
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Refleksion' }));
  });

  it('shows earlier answers and their feedback when the learner comes back', async () => {
    await renderPlayer({
      record: {
        modules: { alpha: { at: 'check', furthest: 'check', done: false, answers: { q1: { choice: ['c'], tries: 1, submitted: true } } } },
        past: [],
      },
      resumeAt: 'module:alpha',
    });
    await screen.findByRole('heading', { level: 1, name: 'Videnstjek' });
    expect(screen.getAllByRole('radio', { name: /Svar c/ })[0]).toBeChecked();
    expect(screen.getByText('Rigtigt: forklaring til c.')).toBeInTheDocument();
  });
});
