/**
 * Taps on the pre-rendered first screen made before the app runs. The launch page paints the start
 * screen long before the player's code has arrived; a tap on Start in that time would otherwise be lost.
 * The page's small entry script (src/main.tsx) keeps it: the button shows as pressed, and the app acts
 * on it as soon as it has taken over the screen. Once the app hydrates, React itself replays what the
 * learner does while it hydrates.
 */

/** The actions a pre-rendered control can stand for (its `data-early` attribute). */
export type EarlyAction = 'start';

export interface EarlyTaps {
  /** Stops listening, clears the pressed look, and says which actions were tapped. */
  release(): ReadonlySet<EarlyAction>;
}

/** On the root while taps are kept (the root is the page's, not the app's, so hydration never sees it). */
export const KEEPING_ATTRIBUTE = 'data-keeping-taps';

export function keepEarlyTaps(root: HTMLElement): EarlyTaps {
  const tapped = new Set<EarlyAction>();
  root.setAttribute(KEEPING_ATTRIBUTE, '');
  const onClick = (e: MouseEvent) => {
    const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-early]') : null;
    if (el?.dataset.early !== 'start') return;
    tapped.add('start');
    el.setAttribute('data-early-pending', '');
    el.setAttribute('aria-busy', 'true');
  };
  root.addEventListener('click', onClick);
  return {
    release() {
      root.removeEventListener('click', onClick);
      root.removeAttribute(KEEPING_ATTRIBUTE);
      for (const el of root.querySelectorAll('[data-early-pending]')) {
        el.removeAttribute('data-early-pending');
        el.removeAttribute('aria-busy');
      }
      return tapped;
    },
  };
}
