// @vitest-environment happy-dom
/** A figure whose code cannot be fetched (the network went away) is left out; the page stays. */
import { screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { renderPlayer } from './support/player.tsx';

vi.mock('../../../src/player/blocks/FigureBlock.tsx', () => {
  throw new Error('offline');
});

it('shows the page without the figure, and says why in the console', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  await renderPlayer({
    record: { modules: { omega: { done: false, at: 'page:numbers', answers: {} } }, past: [] },
    resumeAt: 'module:omega',
  });
  await screen.findByRole('heading', { level: 1, name: 'Tal og ord' });
  await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('The figure view could not be loaded:', expect.anything()));
  expect(screen.getByText('7 af 10')).toBeInTheDocument();
  expect(screen.getByText('Læs mere om baggrunden')).toBeInTheDocument();
  expect(screen.queryByRole('img', { name: /To trin/ })).toBeNull();
  errors.mockRestore();
});
