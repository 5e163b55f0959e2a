// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPlayer } from './support/player.tsx';
import { expectFocus } from './support/focus.ts';

const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });

describe('module pages', () => {
  it('does not steal focus at launch, then focuses the new h1 after every navigation', async () => {
    const { user } = await renderPlayer();
    const title = await h1('Prøvekursus');
    expect(title).not.toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Start kurset' }));
    await expectFocus(h1('Kursusoversigt'));
  });

  it('moves through the pages with Back and Next, showing the step and focusing each page heading', async () => {
    const { user, actor } = await renderPlayer({ resumeAt: 'menu' });
    await user.click(await screen.findByRole('button', { name: /Start.*Alfa/ }));

    await expectFocus(h1('Side et'));
    expect(screen.getByText('Trin 1 af 5')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tilbage' })).toBeNull(); // nothing before the first page

    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await expectFocus(h1('Side to'));
    expect(screen.getByText('Trin 2 af 5')).toBeInTheDocument();
    expect(actor.getSnapshot().context.pageId).toBe('two');

    await user.click(screen.getByRole('button', { name: 'Tilbage' }));
    await expectFocus(h1('Side et'));
    expect(actor.getSnapshot().context.pageId).toBe('one');
  });

  it('jumps to a page from the module contents', async () => {
    const { user, actor } = await renderPlayer({ resumeAt: 'menu' });
    await user.click(await screen.findByRole('button', { name: /Start.*Alfa/ }));
    const contents = await screen.findByRole('navigation', { name: 'Modulets indhold' });
    expect(within(contents).getByRole('button', { name: 'Side et' })).toHaveAttribute('aria-current', 'step');
    await user.click(within(contents).getByRole('button', { name: 'Side to' }));
    await expectFocus(h1('Side to'));
    expect(actor.getSnapshot().context.pageId).toBe('two');
    expect(within(contents).getByText('Videnstjek')).toBeInTheDocument();
  });

  it('renders text as HTML (never raw HTML from the author), images with alt and caption, and cases', async () => {
    const { user, container } = await renderPlayer({ resumeAt: 'menu' });
    await user.click(await screen.findByRole('button', { name: /Start.*Alfa/ }));
    await h1('Side et');
    const img = screen.getByRole('img', { name: 'Et blåt kvadrat' });
    expect(img).toHaveAttribute('src', '/assets/square.svg');
    expect(img.closest('figure')).toHaveTextContent('Figur 1');
    expect(screen.getByText('Tekst på side et.').tagName).toBe('P');

    await user.click(screen.getByRole('button', { name: 'Næste' }));
    const caseTitle = await screen.findByRole('heading', { level: 2, name: 'Casen' });
    const caseBlock = caseTitle.closest('section')!;
    expect(caseBlock).toHaveTextContent('En kommune står over for et valg.');
    expect(within(caseBlock).getByText('Hvad gør du?').closest('.case__decision')).not.toBeNull();

    // The intro module's Markdown arrives rendered: emphasis is an element, and nothing else is
    await user.click(screen.getByRole('button', { name: 'Til kursusoversigten' }));
    await user.click(await screen.findByRole('button', { name: /Start.*Introduktion/ }));
    await h1('Velkommen');
    expect(container.querySelector('main script')).toBeNull();
    expect(container.querySelector('main em')).toHaveTextContent('prøvekurset');
  });

  it('labels a callout by its tone in words, not only by colour', async () => {
    const { user } = await renderPlayer({ resumeAt: 'menu' });
    await user.click(await screen.findByRole('button', { name: /Start.*Beta/ }));
    await h1('Eneste side');
    const note = screen.getByRole('note');
    expect(note).toHaveClass('callout--warning');
    expect(within(note).getByText('Advarsel:')).toHaveClass('visually-hidden');
    expect(note).toHaveTextContent('Pas på.');
  });

  it('says "Finish module" on the last step, then shows what was done and what comes next', async () => {
    const { user } = await renderPlayer({ resumeAt: 'menu' });
    await user.click(await screen.findByRole('button', { name: /Start.*Beta/ }));
    await h1('Eneste side');
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await h1('Videnstjek');
    await user.click(screen.getByRole('radio', { name: 'Svar b' }));
    await user.click(screen.getByRole('button', { name: 'Svar' }));
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await h1('Selvvurdering');
    await user.click(screen.getByRole('radio', { name: /Trin 3/ }));
    await user.click(screen.getByRole('button', { name: 'Afslut modulet' }));
    // The moment of completion: the module, what was done in it, the course's progress, the next step
    await expectFocus(h1('Modul gennemført'));
    const main = screen.getByRole('main');
    expect(main).toHaveTextContent('Beta');
    const facts = within(main)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(facts).toEqual(['Læst 1 side', 'Videnstjek: 1 af 1 rigtige', 'Vurderet din organisation: trin 3 af 5']);
    expect(main).toHaveTextContent('1 af 4 moduler gennemført');
    // The next one to take is the next not yet done
    const next = screen.getByRole('region', { name: 'Omega' });
    expect(within(next).getByText('Næste modul')).toBeInTheDocument();
    await user.click(within(next).getByRole('button', { name: /^Start næste modul\W+Omega$/ }));
    await expectFocus(h1('Tal og ord'));
    await user.click(screen.getByRole('button', { name: 'Til kursusoversigten' }));
    const beta = (await screen.findByRole('heading', { level: 2, name: 'Beta' })).closest('li')!;
    expect(beta).toHaveTextContent('Gennemført');
  });

  it('after the last module, the moment of completion leads to the final assessment; a reload comes back to it', async () => {
    const done = { done: true, answers: {} };
    const record = { modules: { intro: done, alpha: done, beta: { ...done, rating: 2 }, omega: done }, past: [] };
    const { user } = await renderPlayer({ record, resumeAt: 'completed:beta' });
    expect(await h1('Modul gennemført')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('4 af 4 moduler gennemført');
    const next = screen.getByRole('region', { name: 'Afsluttende test' });
    await user.click(within(next).getByRole('button', { name: 'Gå til testen' }));
    await expectFocus(h1('Afsluttende test'));
  });

  it('skip link moves focus to the view heading', async () => {
    const { user } = await renderPlayer({ resumeAt: 'menu' });
    const heading = await h1('Kursusoversigt');
    await user.click(screen.getByRole('link', { name: 'Spring til indholdet' }));
    await expectFocus(heading);
  });
});
