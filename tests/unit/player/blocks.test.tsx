// @vitest-environment happy-dom
/** The blocks that vary a page: key figure, quote, reveal and decision, as a learner meets them. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import { renderPlayer } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });

async function atOmega(page: 'numbers' | 'choice', record?: LearnerRecord) {
  const player = await renderPlayer({
    record: record ?? { modules: { omega: { done: false, at: `page:${page}`, answers: {} } }, past: [] },
    resumeAt: 'module:omega',
  });
  await h1(page === 'numbers' ? 'Tal og ord' : 'Et valg');
  return player;
}

describe('key figure, quote and reveal', () => {
  it('sets a key figure and a quote large, each with its source', async () => {
    await atOmega('numbers');
    const figure = screen.getByText('7 af 10').closest('figure')!;
    expect(figure).toHaveTextContent('7 af 10 ledere siger, at de mangler tid til at tænke langsigtet.');
    expect(within(figure).getByText('Kilde: Eksempelundersøgelse 2025')).toBeInTheDocument();
    const quote = screen.getByText('Det vigtigste er at stille de rigtige spørgsmål.').closest('figure')!;
    expect(quote.querySelector('blockquote')).toHaveTextContent('Det vigtigste er at stille de rigtige spørgsmål.');
    expect(quote.querySelector('figcaption')).toHaveTextContent('En erfaren direktør');
  });

  it('keeps optional depth behind a native disclosure, closed until the learner opens it', async () => {
    const { user } = await atOmega('numbers');
    const summary = screen.getByText('Læs mere om baggrunden');
    const details = summary.closest('details')!;
    expect(summary.tagName).toBe('SUMMARY');
    expect(details.open).toBe(false);
    expect(within(details).getByText('mere', { selector: 'em' })).toBeInTheDocument(); // Markdown body
    await user.click(summary);
    expect(details.open).toBe(true);
  });
});

describe('decision', () => {
  it('offers the options as radio buttons; Decide needs a choice; the decision is kept in the record', async () => {
    const { user, record } = await atOmega('choice');
    const section = screen.getByRole('region', { name: 'Sagen: Et hastende valg' });
    const group = within(section).getByRole('group', { name: 'Hvad gør du?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['Vent et år', 'Skift systemet nu', 'Spørg medarbejderne først']);
    expect(group).toHaveAccessibleDescription('Vælg det, du ville gøre, og tryk på Beslut.');
    const decide = within(section).getByRole('button', { name: 'Beslut' });
    expect(decide).toBeDisabled();
    await user.click(within(group).getByRole('radio', { name: 'Spørg medarbejderne først' }));
    expect(record().modules.omega?.decisions).toBeUndefined(); // choosing is not yet deciding
    await user.click(decide);
    expect(record().modules.omega?.decisions).toEqual({ 'choice.dilemma': 'ask' });
  });

  it('after deciding: the choice and its consequence (with focus), the debrief, the other options behind a disclosure', async () => {
    const { user } = await atOmega('choice');
    const section = screen.getByRole('region', { name: 'Sagen: Et hastende valg' });
    await user.click(within(section).getByRole('radio', { name: 'Vent et år' }));
    await user.click(within(section).getByRole('button', { name: 'Beslut' }));

    const chosen = within(section).getByRole('heading', { level: 3, name: 'Du valgte: Vent et år' });
    await expectFocus(chosen);
    expect(chosen.parentElement).toHaveTextContent('Systemet bliver ældre, og risikoen vokser.');
    expect(within(section).queryByRole('radio')).toBeNull(); // a decision stands
    const debrief = within(section).getByRole('heading', { level: 3, name: 'Det ville en erfaren leder overveje' }).parentElement!;
    expect(within(debrief).getByText('risiko', { selector: 'em' })).toBeInTheDocument();
    const others = within(section).getByText('Det ville de andre valg have ført til').closest('details')!;
    expect(others.open).toBe(false);
    expect(others).toHaveTextContent('Skift systemet nu');
    expect(others).toHaveTextContent('Projektet starter, men budgettet presses.');
    expect(others).not.toHaveTextContent('Vent et år');
  });

  it('shows a decision made earlier as made, when the learner comes back', async () => {
    await atOmega('choice', {
      modules: { omega: { done: false, at: 'page:choice', answers: {}, decisions: { 'choice.dilemma': 'act' } } },
      past: [],
    });
    expect(screen.getByRole('heading', { level: 3, name: 'Du valgte: Skift systemet nu' })).not.toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Beslut' })).toBeNull();
  });
});
