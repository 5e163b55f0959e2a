/**
 * Taps on the pre-rendered screens made before the app runs. The launch page paints the start screen
 * long before the player's code has arrived; a tap on Start in that time would otherwise be lost. The
 * page's small entry script (src/main.tsx) answers it at once: the launch page also carries the menu
 * that Start leads to, pre-rendered and neutral (no learner's status in it, see MenuView), and the entry
 * shows it, its heading focused so a screen reader says where the learner is. A tap on a module's row
 * in that menu is kept too (the button shows as busy). The app then hydrates the screen the entry
 * shows and acts on what was tapped, through the machine, as if the learner had tapped it then; once it
 * hydrates, React itself replays what the learner does meanwhile. Without the pre-rendered menu (a
 * page built without it) a tap on Start is kept the same way as a row's: shown as pressed.
 */
import { PRERENDERED_ATTRIBUTE } from './prerender-mark.ts';

/** What was tapped before the app ran. */
export interface Tapped {
  start: boolean;
  /** The module whose row in the pre-rendered menu was tapped (the last one, if several). */
  open?: string;
}

export interface EarlyTaps {
  /** Stops listening, clears the pressed look, and says what was tapped. */
  release(): Tapped;
}

/** On the root while taps are kept (the root is the page's, not the app's, so hydration never sees it). */
export const KEEPING_ATTRIBUTE = 'data-keeping-taps';
const PENDING = 'data-early-pending';

const unpress = (el: Element) => {
  el.removeAttribute(PENDING);
  el.removeAttribute('aria-busy');
};

/**
 * `menu`: the launch page's pre-rendered menu, the content of `<main>` (header and footer are the same as
 * the start screen's); its `data-mark` is the root's mark once it is shown.
 */
export function keepEarlyTaps(root: HTMLElement, menu?: HTMLTemplateElement | null): EarlyTaps {
  const tapped: Tapped = { start: false };
  root.setAttribute(KEEPING_ATTRIBUTE, '');
  const press = (el: Element) => {
    for (const other of root.querySelectorAll(`[${PENDING}]`)) unpress(other);
    el.setAttribute(PENDING, '');
    el.setAttribute('aria-busy', 'true');
  };
  const onClick = (e: MouseEvent) => {
    const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-early]') : null;
    const action = el?.dataset.early;
    if (!el || !action) return;
    if (action === 'start') {
      if (tapped.start) return;
      tapped.start = true;
      if (!menu) return press(el);
      // The menu, at once: the content of <main> cloned from the inert template (no HTML string is parsed here)
      root.querySelector('main')!.replaceChildren(menu.content.cloneNode(true));
      root.setAttribute(PRERENDERED_ATTRIBUTE, menu.dataset.mark ?? '');
      menu.remove();
      root.querySelector<HTMLElement>('main h1')?.focus();
    } else if (action.startsWith('open:')) {
      tapped.open = action.slice('open:'.length);
      press(el);
    }
  };
  root.addEventListener('click', onClick);
  return {
    release() {
      root.removeEventListener('click', onClick);
      root.removeAttribute(KEEPING_ATTRIBUTE);
      for (const el of root.querySelectorAll(`[${PENDING}]`)) unpress(el);
      return { ...tapped };
    },
  };
}
