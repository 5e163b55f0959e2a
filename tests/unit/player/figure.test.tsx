// @vitest-environment happy-dom
/** The figure block as a learner meets it: a drawn diagram named by its alt text, its caption, its words. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPlayer } from './support/player.tsx';

async function atFigure(lang?: string) {
  const player = await renderPlayer({
    ...(lang ? { lang } : {}),
    record: { modules: { omega: { done: false, at: 'page:numbers', answers: {} } }, past: [] },
    resumeAt: 'module:omega',
  });
  await screen.findByRole('heading', { level: 1, name: lang === 'en' ? 'Numbers and words' : 'Tal og ord' });
  return player;
}

/** The diagram once its chunk has arrived (its labels drawn). */
async function drawn(name: string) {
  const image = await screen.findByRole('img', { name });
  await waitFor(() => expect(image).toHaveAttribute('data-figure', 'drawn'));
  return image;
}

describe('figure', () => {
  it('draws the SVG as an image named by its alt text, with the caption and the labels in the learner’s language', async () => {
    await atFigure();
    const image = await drawn('To trin forbundet af en pil: først lytte, så beslutte.');
    expect(image.tagName.toLowerCase()).toBe('svg');
    expect(image.getAttribute('viewBox')).toBe('0 0 600 160');
    const figure = image.closest('figure')!;
    expect(figure.querySelector('figcaption')).toHaveTextContent('Lyt før du beslutter.');
    expect([...image.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Lyt', 'Beslut']);
    // Presentation attributes as SVG spells them; the style attribute of the file became attributes.
    const rects = image.querySelectorAll('rect');
    expect(rects[1]!.getAttribute('stroke-width')).toBe('2');
    expect(rects[1]!.hasAttribute('style')).toBe(false);
    // Ids are the page's own, and references follow them.
    const gradient = image.querySelector('linearGradient')!;
    expect(gradient.id).toBe('figure-omega-numbers-steps-fade');
    expect(rects[0]!.getAttribute('fill')).toBe('url(#figure-omega-numbers-steps-fade)');
    expect(image.querySelector('script, foreignObject, [style]')).toBeNull();
  });

  it('keeps the figure in words behind a native disclosure, closed until opened', async () => {
    const { user } = await atFigure();
    const summary = await screen.findByText('Figuren i ord');
    const details = summary.closest('details')!;
    expect(summary.tagName).toBe('SUMMARY');
    expect(details.open).toBe(false);
    expect(within(details).getByText('lytter', { selector: 'strong' })).toBeInTheDocument();
    await user.click(summary);
    expect(details.open).toBe(true);
  });

  it('speaks English in English: name, caption, labels and the text version', async () => {
    await atFigure('en');
    const image = await drawn('Two steps joined by an arrow: first listen, then decide.');
    expect([...image.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Listen', 'Decide']);
    expect(image.closest('figure')!.querySelector('figcaption')).toHaveTextContent('Listen before you decide.');
    expect((await screen.findByText('The figure in words')).tagName).toBe('SUMMARY');
  });

  it('keeps the figure’s minimum readable width as a class (no inline style) and scrolls only when it must', async () => {
    await atFigure();
    const image = await drawn('To trin forbundet af en pil: først lytte, så beslutte.');
    expect(image).toHaveClass('figure__svg--min-560');
    const canvas = image.parentElement!;
    expect(canvas).toHaveClass('figure__canvas');
    // happy-dom lays nothing out, so nothing overflows: no tab stop, no hint (the browser tests scroll it).
    expect(canvas).not.toHaveAttribute('tabindex');
    expect(screen.getByText('Figuren er bredere end skærmen: rul til siden for at se det hele.')).not.toBeVisible();
  });
});
