// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../../src/content-model/vite-plugin.ts';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import { allModulesDone, renderPlayer, sample } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

const card = async (title: string) => (await screen.findByRole('heading', { level: 2, name: title })).closest('li')!;

describe('the module menu', () => {
  const record: LearnerRecord = {
    modules: {
      intro: { done: true, answers: {} },
      alpha: { at: 'page:two', furthest: 'page:two', done: false, answers: {} },
    },
    past: [],
  };

  it('shows every module with title, summary, status in words and reading time, and marks the next one', async () => {
    await renderPlayer({ record, resumeAt: 'menu' });
    const intro = await card('Introduktion');
    const alpha = await card('Alfa');
    const beta = await card('Beta');

    expect(within(intro).getByText('Hvad kurset handler om.')).toBeInTheDocument();
    expect(intro).toHaveTextContent('Gennemført');
    expect(alpha).toHaveTextContent('I gang');
    expect(beta).toHaveTextContent('Ikke startet');

    // No progress bar per row: a module under way says how far, in words
    expect(within(alpha).queryByRole('progressbar')).toBeNull();
    expect(alpha).toHaveTextContent('33 % gennemført'); // page two of five steps, out of six
    expect(screen.getByText(/1 af 4 moduler gennemført/)).toBeInTheDocument();
    // The module under way is the one to take next
    expect(alpha).toHaveClass('module-row--next');
    expect(intro).not.toHaveClass('module-row--next');

    // Reading time from the build's estimate, in the UI language
    const minutes = readingMinutes(sample()).da!.alpha!;
    expect(alpha).toHaveTextContent(minutes === 1 ? 'Ca. 1 minut' : `Ca. ${minutes} minutter`);

    // The action says what it does, and for which module
    expect(within(intro).getByRole('button', { name: /Gennemgå igen.*Introduktion/ })).toBeInTheDocument();
    expect(within(alpha).getByRole('button', { name: /Fortsæt.*Alfa/ })).toBeInTheDocument();
    expect(within(beta).getByRole('button', { name: /Start.*Beta/ })).toBeInTheDocument();
  });

  it('shows the overall progress in the header, announced as text', async () => {
    await renderPlayer({ record, resumeAt: 'menu' });
    const bar = await screen.findByRole('progressbar', { name: 'Dit forløb i kurset' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^\d+ % gennemført$/);
  });

  it('locks the final assessment until every module is done, and says why', async () => {
    await renderPlayer({ record, resumeAt: 'menu' });
    const final = await card('Afsluttende test');
    expect(final).toHaveTextContent('Låst: gennemfør alle moduler først.');
    expect(within(final).queryByRole('button')).toBeNull();
    expect(final).toHaveTextContent('2 forsøg tilbage');
  });

  it('opens the final assessment once every module is done, with attempts and best score', async () => {
    const done = allModulesDone();
    const { user } = await renderPlayer({ record: { ...done, past: [{ correct: 2, max: 4 }] }, resumeAt: 'menu' });
    const final = await card('Afsluttende test');
    expect(final).toHaveTextContent('Bedste resultat: 50 %');
    expect(final).toHaveTextContent('1 forsøg tilbage');
    await user.click(within(final).getByRole('button', { name: 'Gå til testen' }));
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Afsluttende test' }));
  });

  it('locks a module with the reason when the course is taken in order', async () => {
    await renderPlayer({ resumeAt: 'menu', course: (c) => ({ ...c, settings: { ...c.settings, gating: 'sequential' } }) });
    const alpha = await card('Alfa');
    expect(alpha).toHaveTextContent('Låst: gennemfør de foregående moduler først.');
    expect(within(alpha).queryByRole('button')).toBeNull();
    expect(within(await card('Introduktion')).getByRole('button', { name: /Start/ })).toBeEnabled();
  });

  it('opens a module and the results from the menu, focusing the new heading', async () => {
    const { user, actor } = await renderPlayer({ resumeAt: 'menu' });
    await user.click(within(await card('Beta')).getByRole('button', { name: /Start/ }));
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Eneste side' }));
    expect(actor.getSnapshot().value).toEqual({ module: 'page' });
    await user.click(screen.getByRole('button', { name: 'Til kursusoversigten' }));
    await user.click(within(await card('Dine resultater')).getByRole('button', { name: 'Se dine resultater' }));
    await expectFocus(screen.findByRole('heading', { level: 1, name: 'Dine resultater' }));
  });
});
