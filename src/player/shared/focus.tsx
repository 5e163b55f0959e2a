/**
 * Focus after navigation: every view has one h1, and when the learner moves somewhere new (the view key
 * changes) that h1 takes focus, so keyboard and screen-reader users start reading the new content at its
 * top. The first view after launch does not steal focus; a language switch or an answer does not move it.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface FocusState {
  viewKey: string;
  /** The view key whose heading last took focus (or the launch view, which takes none). */
  focused: RefObject<string>;
}

const FocusContext = createContext<FocusState | null>(null);

export function FocusProvider({ viewKey, children }: { viewKey: string; children: ReactNode }) {
  const focused = useRef(viewKey);
  return <FocusContext.Provider value={{ viewKey, focused }}>{children}</FocusContext.Provider>;
}

export function ViewHeading({ children, className }: { children: ReactNode; className?: string }) {
  const state = useContext(FocusContext);
  const ref = useRef<HTMLHeadingElement>(null);
  const viewKey = state?.viewKey;
  useEffect(() => {
    if (!state || state.focused.current === viewKey) return;
    state.focused.current = viewKey!;
    ref.current?.focus();
  }, [state, viewKey]);
  return (
    <h1 ref={ref} tabIndex={-1} className={className ? `view-heading ${className}` : 'view-heading'}>
      {children}
    </h1>
  );
}

/** Moves focus to the current view's heading (the skip link uses it). */
export function focusMainHeading(): void {
  const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  target?.focus();
}
