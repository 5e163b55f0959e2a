/**
 * The preview keeps its scroll position across the reload that follows a content change: just before
 * Vite reloads the page (`vite:beforeFullReload`) the position is kept in session storage, and after
 * the reload it is restored as soon as the page is tall enough again (the course renders after boot,
 * its texts load on demand). Once the author scrolls, clicks or types, the page is theirs.
 */
const KEY = 'course-preview:scroll';

interface Kept {
  x: number;
  y: number;
  /** Only the same page gets it back (not one the author navigated to meanwhile). */
  href: string;
}

export function keepScrollAcrossReloads(): void {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (raw) {
    try {
      const kept = JSON.parse(raw) as Kept;
      if (kept.href === location.href) restore(kept);
    } catch {
      // not ours, or damaged: nothing to restore
    }
  }
  import.meta.hot?.on('vite:beforeFullReload', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ x: scrollX, y: scrollY, href: location.href } satisfies Kept));
  });
}

function restore({ x, y }: Kept): void {
  history.scrollRestoration = 'manual';
  const fits = () => document.documentElement.scrollHeight - innerHeight >= y;
  const apply = () => {
    if (!fits()) return false;
    scrollTo({ left: x, top: y, behavior: 'instant' });
    return true;
  };
  if (apply()) return;
  const observer = new ResizeObserver(() => apply() && stop());
  const stop = () => {
    observer.disconnect();
    for (const e of USER_EVENTS) removeEventListener(e, stop, true);
  };
  observer.observe(document.body);
  for (const e of USER_EVENTS) addEventListener(e, stop, true);
}

const USER_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
