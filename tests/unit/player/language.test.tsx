// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPlayer } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

describe('language picker', () => {
  it('lists every course language by its own name and marks the current one', async () => {
    await renderPlayer();
    const picker = await screen.findByRole('group', { name: 'Sprog' });
    const buttons = within(picker).getAllByRole('button');
    expect(buttons.map((b) => [b.textContent, b.getAttribute('lang')])).toEqual([
      ['Dansk', 'da'],
      ['English', 'en'],
    ]);
    expect(buttons[0]).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('da');
  });

  it('switches language in place: every answer and the place are kept, and <html lang> follows', async () => {
    const { user, actor, session, record } = await renderPlayer({
      record: { modules: { alpha: { at: 'check', furthest: 'check', done: false, answers: {} } }, past: [] },
      resumeAt: 'module:alpha',
    });
    await screen.findByRole('heading', { level: 1, name: 'Videnstjek' });
    await user.click(screen.getByRole('radio', { name: 'Svar b' }));
    await user.click(screen.getAllByRole('button', { name: 'Svar' })[0]!);
    const before = actor.getSnapshot();

    const english = screen.getByRole('button', { name: 'English' });
    await user.click(english);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Knowledge check' });
    expect(heading).not.toHaveFocus(); // a language switch is not a navigation
    await expectFocus(english);
    expect(english).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(session.setLanguage).toHaveBeenCalledWith('en');

    expect(actor.getSnapshot().value).toEqual(before.value);
    expect(record()).toEqual(before.context.record);
    expect(screen.getByRole('radio', { name: 'Answer b' })).toBeChecked();
    expect(screen.getByText('Wrong: explanation for b.')).toBeInTheDocument();
    expect(screen.getByText('Alpha')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Dansk' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Videnstjek' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('da');
  });

  it('keeps a reflection that is being typed when the language changes', async () => {
    const { user, record } = await renderPlayer({
      record: { modules: { intro: { at: 'reflection', furthest: 'reflection', done: false, answers: {} } }, past: [] },
      resumeAt: 'module:intro',
    });
    const field = await screen.findByRole('textbox', { name: 'Din refleksion' });
    await user.type(field, 'Midt i en tanke');
    await user.click(screen.getByRole('button', { name: 'English' }));
    const english = await screen.findByRole('textbox', { name: 'Your reflection' });
    expect(english).toHaveValue('Midt i en tanke');
    expect(record().modules.intro!.reflection).toBe('Midt i en tanke');
  });
});
