// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import { renderPlayer } from './support/player.tsx';

const record: LearnerRecord = {
  modules: {
    intro: { done: true, answers: {}, reflection: 'Jeg vil lære at lede.' },
    alpha: { done: true, answers: {}, reflection: 'Linje et\nLinje to', rating: 3, plan: 'Tal med direktionen' },
    beta: { done: true, answers: {}, rating: 5 },
    omega: { done: true, answers: {}, decisions: { 'choice.dilemma': 'act' } },
  },
  past: [],
  latest: { seed: 1, drawn: ['alpha.b1', 'alpha.b2', 'beta.b1', 'intro.b1'], answers: {}, index: 3, correct: 3 },
};

async function atResults(r: LearnerRecord = record) {
  const player = await renderPlayer({ record: r, resumeAt: 'results' });
  await screen.findByRole('heading', { level: 1, name: 'Dine resultater' });
  await screen.findByRole('heading', { level: 2, name: 'Din handlingsplan' });
  return player;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('results', () => {
  it('shows the score and pass/fail', async () => {
    await atResults();
    const section = screen.getByRole('heading', { level: 2, name: 'Afsluttende test' }).closest('section')!;
    expect(section).toHaveTextContent('Bestået');
    expect(section).toHaveTextContent('Dit resultat: 75 % rigtige.');
  });

  it('says when the final has not been taken yet', async () => {
    await atResults({ ...record, latest: undefined });
    expect(screen.getByText('Du har ikke taget den afsluttende test endnu.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Gå til testen' })).toBeInTheDocument();
  });

  it('shows every decision of the course with the option the learner chose', async () => {
    await atResults();
    const section = screen.getByRole('heading', { level: 2, name: 'Dine beslutninger' }).closest('section')!;
    expect(within(section).getByRole('heading', { level: 3, name: 'Sagen: Et hastende valg' })).toBeInTheDocument();
    expect(section).toHaveTextContent('Du valgte: Skift systemet nu');
  });

  it('says when a decision has not been made yet', async () => {
    await atResults({ ...record, modules: { ...record.modules, omega: { done: true, answers: {} } } });
    const section = screen.getByRole('heading', { level: 2, name: 'Dine beslutninger' }).closest('section')!;
    expect(section).toHaveTextContent('Ingen beslutning truffet endnu.');
  });

  it('draws the self-assessment as an SVG radar chart with a title and description, and a data table', async () => {
    await atResults();
    const chart = screen.getByRole('img', { name: 'Selvvurdering pr. bud' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart).toHaveAccessibleDescription(/Alfa 3 af 5.*Beta 5 af 5/);
    // one axis label per principle module, in principle order
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['B1', 'B2']);
    expect(chart.querySelector('.radar__shape')!.getAttribute('points')).toMatch(/^[\d.]+,[\d.]+ [\d.]+,[\d.]+$/);

    const table = screen.getByRole('table', { name: 'Din selvvurdering pr. bud, fra 1 til 5' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Alfa', '3 af 5'],
      ['Beta', '5 af 5'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('B1');
  });

  it('lists the learner’s reflections per module', async () => {
    await atResults();
    const section = screen.getByRole('heading', { level: 2, name: 'Dine refleksioner' }).closest('section')!;
    expect(within(section).getByRole('heading', { level: 3, name: 'Introduktion' })).toBeInTheDocument();
    expect(section).toHaveTextContent('Jeg vil lære at lede.');
    expect(within(section).getByText(/Linje et/)).toHaveClass('reflection-entry__text');
    expect(within(section).queryByText('Ingen refleksion skrevet.')).toBeNull();
  });

  it('keeps an editable action plan: one step per self-assessed module, with its hint, saved to the machine', async () => {
    const { record: current } = await atResults();
    const alpha = screen.getByRole('textbox', { name: 'Næste skridt: Alfa' }) as HTMLTextAreaElement;
    const beta = screen.getByRole('textbox', { name: 'Næste skridt: Beta' }) as HTMLTextAreaElement;
    expect(alpha.value).toBe('Tal med direktionen');
    expect(alpha).toHaveAttribute('maxLength', '90');
    expect(alpha).toHaveAccessibleDescription(/Forslag: Et lille skridt/);
    expect(beta).toHaveAccessibleDescription(/Forslag: Et beta-skridt/);
    expect(screen.queryByRole('textbox', { name: /Introduktion/ })).toBeNull();

    fireEvent.change(beta, { target: { value: 'Lav en plan' } });
    fireEvent.blur(beta);
    expect(current().modules.beta!.plan).toBe('Lav en plan');
  });

  it('prints, after saving what was typed', async () => {
    const { record: current } = await atResults();
    const print = vi.fn();
    vi.stubGlobal('print', print); // happy-dom has no window.print
    fireEvent.change(screen.getByRole('textbox', { name: 'Næste skridt: Beta' }), { target: { value: 'Skridt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Udskriv' }));
    expect(print).toHaveBeenCalledOnce();
    expect(current().modules.beta!.plan).toBe('Skridt');
  });

  it('downloads the plan as an HTML file in the learner’s language', async () => {
    await atResults();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:plan';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let downloaded: string | undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Næste skridt: Beta' }), { target: { value: 'Mød <teamet> & lyt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hent handlingsplanen' }));
    expect(click).toHaveBeenCalledOnce();
    expect(downloaded).toBe('handlingsplan.html');
    const html = await blob!.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Min handlingsplan</h1>');
    expect(html).toContain('Tal med direktionen');
    expect(html).toContain('Mød &lt;teamet&gt; &amp; lyt');
    expect(html).toContain('5 af 5');
    expect(html).not.toMatch(/<script|<link|https?:/);
  });
});
