/**
 * The figure's code stays out of the first load (the first screen has no figure): the view is its own
 * chunk, fetched as soon as a module with a figure opens, so its page usually draws at once (the
 * drawings come with the module's text chunk).
 */
import { lazy, useEffect } from 'react';
import { usePlayer } from '../shared/player-context.tsx';

const loadView = () => import('./FigureBlock.tsx');

export const LazyFigureBlock = lazy(() => loadView().then((m) => ({ default: m.FigureBlock })));

/** Starts loading the figure view in a module with a figure (a failure is harmless: the page loads it again). */
export function usePrefetchFigures(moduleId: string): void {
  const { course } = usePlayer();
  const hasFigure = !!course.modules.find((m) => m.id === moduleId)?.pages.some((p) => p.blocks.some((b) => b.type === 'figure'));
  useEffect(() => {
    if (hasFigure) loadView().catch(() => {});
  }, [hasFigure]);
}
