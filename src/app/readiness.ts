/**
 * The app's readiness signal. The launch page paints a pre-rendered first screen long before the
 * player runs, so its markup says nothing about whether the course works yet. Once tracking is open
 * and the player's first view is rendered with its handlers attached, the app says so, once:
 *
 *   <html data-course-ready="lms|browser|none">   where progress is kept (the session's store)
 *   window event `course:ready`                   with the same in `detail`
 *   performance mark `course:interactive`         for the benchmark
 *
 * Tests and the benchmark wait for this, never for markup or a timer.
 */
import type { SessionStart } from '../session/index.ts';

export const READY_ATTRIBUTE = 'data-course-ready';
export const READY_EVENT = 'course:ready';
export const READY_SELECTOR = `html[${READY_ATTRIBUTE}]`;

/**
 * `<html data-course-first-screen="hydrated|rendered">`, set with the readiness signal: whether the app
 * took over the launch page's pre-rendered screen as it was (hydrated) or drew its own first view.
 */
export const FIRST_SCREEN_ATTRIBUTE = 'data-course-first-screen';

export function markReady(start: Pick<SessionStart, 'store' | 'target'>): void {
  const root = document.documentElement;
  if (root.hasAttribute(READY_ATTRIBUTE)) return;
  root.setAttribute(READY_ATTRIBUTE, start.store);
  performance.mark('course:interactive');
  window.dispatchEvent(new CustomEvent(READY_EVENT, { detail: { store: start.store, target: start.target } }));
}
