// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPlayer } from './support/player.tsx';

describe('app shell', () => {
  it('has the course title in the header, a main landmark and an Exit that ends the session', async () => {
    const { user, session } = await renderPlayer();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Prøvekursus')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(document.title).toBe('Prøvekursus');
    await user.click(within(header).getByRole('button', { name: 'Afslut' }));
    expect(session.exit).toHaveBeenCalledOnce();
    expect(await screen.findByRole('heading', { level: 1, name: 'Du har forladt kurset' })).toHaveFocus();
    expect(screen.getByText('Dit forløb er gemt. Du kan lukke vinduet nu.')).toBeInTheDocument();
    expect(within(header).queryByRole('button', { name: 'Afslut' })).toBeNull(); // the session has ended
  });

  it('welcomes a returning learner where they left off, with a way to the menu', async () => {
    const { user } = await renderPlayer({
      record: { modules: { alpha: { at: 'page:two', furthest: 'page:two', done: false, answers: {} } }, past: [] },
      resumeAt: 'module:alpha',
      notices: [{ key: 'welcomeBack', tone: 'info' }],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Side to' })).toBeInTheDocument();
    expect(screen.getByText('Velkommen tilbage. Du fortsætter, hvor du slap.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gå til kursusoversigten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kursusoversigt' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Luk beskeden' }));
    expect(screen.queryByText(/Velkommen tilbage/)).toBeNull();
  });

  it('renders the notices it is given from the ui strings', async () => {
    await renderPlayer({
      notices: [
        { key: 'unreadableSave', tone: 'warning' },
        { key: 'standaloneOnly', tone: 'info' },
      ],
    });
    expect(await screen.findByText(/Dit gemte forløb kunne ikke læses/)).toBeInTheDocument();
    expect(screen.getByText(/Dit forløb gemmes kun i denne browser/)).toBeInTheDocument();
  });

  it('shows the save state quietly and turns save problems into notices until a save succeeds', async () => {
    const { session } = await renderPlayer();
    await screen.findByRole('heading', { level: 1 });
    act(() => session.emitSaveState('saved'));
    expect(screen.getByText('Gemt')).toBeInTheDocument();
    act(() => session.emitSaveState('retrying'));
    expect(screen.getByText('Prøver at gemme igen …')).toBeInTheDocument();
    const live = document.querySelector('.notices[aria-live="polite"]')!;
    expect(live).toHaveTextContent('Dit seneste svar er ikke gemt endnu.');
    act(() => session.emitSaveState('failed', { key: 'textTooLong', tone: 'error' }));
    expect(live).toHaveTextContent('Din tekst er for lang til at blive gemt.');
    act(() => session.emitSaveState('saved'));
    expect(live).toBeEmptyDOMElement();
  });
});
