/**
 * The figure's code stays out of the first load (the first screen has no figure): the view is its own
 * chunk, fetched as soon as a module with a figure opens, so its page usually draws at once (the
 * drawings come with the module's text chunk).
 */
import { lazy, useEffect, type ReactNode } from 'react';
import { usePlayer } from '../shared/player-context.tsx';
import type { FigureBlock } from './FigureBlock.tsx';

const loadView = () => import('./FigureBlock.tsx');

const Missing = (_: Parameters<typeof FigureBlock>[0]) => null;

export const LazyFigureBlock = lazy(() =>
  loadView().then(
    (m): { default: (props: Parameters<typeof FigureBlock>[0]) => ReactNode } => ({ default: m.FigureBlock }),
    // A chunk that cannot be fetched (the network went away) leaves the figure out, never the page.
    (e: unknown) => {
      console.error('The figure view could not be loaded:', e);
      return { default: Missing };
    },
  ),
);

/** Starts loading the figure view in a module with a figure (a failure is harmless: the page loads it again). */
export function usePrefetchFigures(moduleId: string): void {
  const { course } = usePlayer();
  const hasFigure = !!course.modules.find((m) => m.id === moduleId)?.pages.some((p) => p.blocks.some((b) => b.type === 'figure'));
  useEffect(() => {
    if (hasFigure) loadView().catch(() => {});
  }, [hasFigure]);
}
