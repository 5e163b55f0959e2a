/**
 * The page lifecycle belongs to the app: when the page is hidden or left, what the learner just typed
 * must reach the machine BEFORE tracking stores it. The view keeps drafts of typed text (debounced,
 * src/player/shared/use-draft.ts); this flushes them into the machine, then asks the session to store.
 *
 *   visibilitychange → hidden     drafts → machine, then session.flush()
 *   pagehide                      drafts → machine, then session.leave(persisted)
 *                                 (persisted: the page may come back from the back/forward cache, so
 *                                 the session stays open; SCORM forbids opening it again after
 *                                 Terminate)
 *   pageshow with persisted       session.returned()
 *
 * Nothing relies on `unload` or `beforeunload`.
 */
import type { Session } from '../session/index.ts';

export { createDrafts } from '../player/shared/player-context.tsx';

export interface PageLifecycle {
  /** Brings the view's pending drafts into the machine. */
  flushDrafts(): void;
  session: Pick<Session, 'flush' | 'leave' | 'returned'>;
}

/** Follows the page's lifecycle; returns a function that stops following. */
export function watchPageLifecycle(win: Window, { flushDrafts, session }: PageLifecycle): () => void {
  const drafts = () => {
    try {
      flushDrafts();
    } catch (e) {
      console.error('drafts could not be flushed', e);
    }
  };
  const onVisibility = () => {
    if (win.document.visibilityState !== 'hidden') return;
    drafts();
    session.flush();
  };
  const onPageHide = (e: Event) => {
    drafts();
    session.leave((e as PageTransitionEvent).persisted === true);
  };
  const onPageShow = (e: Event) => {
    if ((e as PageTransitionEvent).persisted === true) session.returned();
  };
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('pageshow', onPageShow);
  return () => {
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
    win.removeEventListener('pageshow', onPageShow);
  };
}
