// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { allModulesDone, renderPlayer, sample } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

describe('app shell', () => {
  it('has the course title in the header, a main landmark and an Exit that ends the session', async () => {
    const { user, session } = await renderPlayer();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Prøvekursus')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(document.title).toBe('Prøvekursus');
    await user.click(within(header).getByRole('button', { name: 'Afslut' }));
    expect(session.exit).toHaveBeenCalledOnce();
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Du har forladt kurset' }));
    expect(screen.getByText('Dit forløb er gemt. Du kan lukke vinduet nu.')).toBeInTheDocument();
    expect(within(header).queryByRole('button', { name: 'Afslut' })).toBeNull(); // the session has ended
  });

  it('welcomes a returning learner where they left off, until they move on', async () => {
    const { user } = await renderPlayer({
      record: { modules: { alpha: { at: 'page:two', furthest: 'page:two', done: false, answers: {} } }, past: [] },
      resumeAt: 'module:alpha',
      notices: [{ key: 'welcomeBack', tone: 'info' }],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Side to' })).toBeInTheDocument();
    expect(screen.getByText('Velkommen tilbage. Du fortsætter, hvor du slap.')).toBeInTheDocument();
    // The module has its own way to the menu, so the notice offers none
    expect(screen.queryByRole('button', { name: 'Gå til kursusoversigten' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Til kursusoversigten' }));
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Kursusoversigt' }));
    expect(screen.queryByText(/Velkommen tilbage/)).toBeNull();
    // Back on the screen of arrival, the moment has passed: the welcome does not come back
    await user.click(screen.getByRole('button', { name: /^Fortsæt\s*:\s*Alfa$/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Side to' })).toBeInTheDocument();
    expect(screen.queryByText(/Velkommen tilbage/)).toBeNull();
  });

  it('offers the menu with the welcome back where the view has no way there of its own', async () => {
    const { user } = await renderPlayer({
      record: allModulesDone(),
      resumeAt: 'results',
      notices: [{ key: 'welcomeBack', tone: 'info' }],
    });
    await screen.findByRole('heading', { level: 1, name: 'Dine resultater' });
    await user.click(screen.getByRole('button', { name: 'Gå til kursusoversigten' }));
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Kursusoversigt' }));
  });

  it('names every close button after its notice: two notices never offer two buttons of the same name', async () => {
    const keys = [
      'welcomeBack',
      'standaloneOnly',
      'unreadableSave',
      'saveRetrying',
      'saveFailed',
      'textTooLong',
      'connectionLost',
      'other',
    ];
    await renderPlayer({ notices: keys.map((key) => ({ key, tone: 'info' as const })) });
    await screen.findByRole('heading', { level: 1 });
    // Every button in the notices (the start view offers the menu with the welcome back, too)
    const notices = document.querySelector<HTMLElement>('.notices')!;
    const names = within(notices)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(new Set(names).size).toBe(names.length);
    expect(notices.querySelectorAll('.notice__close')).toHaveLength(keys.length);
    expect(names).toContain('Luk beskeden om lagring i browseren');
    expect(names).toContain('Luk velkomstbeskeden');
  });

  it('keeps the storage notice closed across reloads once closed; a welcome back is never remembered', async () => {
    localStorage.clear();
    const notices = [
      { key: 'welcomeBack', tone: 'info' as const },
      { key: 'standaloneOnly', tone: 'info' as const },
    ];
    const first = await renderPlayer({ notices });
    await screen.findByRole('heading', { level: 1 });
    await first.user.click(screen.getByRole('button', { name: 'Luk beskeden om lagring i browseren' }));
    await first.user.click(screen.getByRole('button', { name: 'Luk velkomstbeskeden' }));
    expect(screen.queryByText(/gemmes kun i denne browser/)).toBeNull();
    first.unmount();

    await renderPlayer({ notices }); // the next launch of the same course in this browser
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/gemmes kun i denne browser/)).toBeNull();
    expect(screen.getByText(/Velkommen tilbage/)).toBeInTheDocument();
  });

  it('shows a lasting notice again when what this browser remembers is unreadable', async () => {
    localStorage.setItem(`course-notices-closed:${sample().course.id}`, '{not json');
    await renderPlayer({ notices: [{ key: 'standaloneOnly', tone: 'info' }] });
    expect(await screen.findByText(/gemmes kun i denne browser/)).toBeInTheDocument();
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
