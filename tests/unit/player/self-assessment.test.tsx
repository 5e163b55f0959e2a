// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPlayer } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

describe('self-assessment', () => {
  it('offers the five steps as a radio group with every description visible, and needs a rating for Next', async () => {
    const { user, record } = await renderPlayer({
      record: { modules: { alpha: { at: 'self', furthest: 'self', done: false, answers: {} } }, past: [] },
      resumeAt: 'module:alpha',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Selvvurdering' })).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Hvor langt er I?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    for (let i = 1; i <= 5; i++)
      expect(within(group).getByRole('radio', { name: new RegExp(`Trin ${i}.*Trin ${i} beskrevet`) })).toBeInTheDocument();

    const finish = screen.getByRole('button', { name: 'Afslut modulet' });
    expect(finish).toBeDisabled();
    expect(finish).toHaveAccessibleDescription('Vælg et trin, før du går videre.');

    await user.click(within(group).getByRole('radio', { name: /^Trin 4/ }));
    expect(record().modules.alpha!.rating).toBe(4);
    expect(within(group).getByRole('radio', { name: /^Trin 4/ })).toBeChecked();
    expect(finish).toBeEnabled();
    await user.click(finish);
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Modul gennemført' }));
    expect(record().modules.alpha!.done).toBe(true);
  });
});
