/**
 * Focus after navigation: every view has one h1, and when the learner moves somewhere new (the view key
 * changes) that h1 takes focus, so keyboard and screen-reader users start reading the new content at its
 * top. The first view after launch does not steal focus; a language switch or an answer does not move it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

interface FocusState {
  viewKey: string;
  /** Whether the heading of `viewKey` should take focus now: once per move, never for the launch view. */
  claim(viewKey: string): boolean;
}

const FocusContext = createContext<FocusState | null>(null);

export function FocusProvider({ viewKey, children }: { viewKey: string; children: ReactNode }) {
  // The view key whose heading last took focus (the launch view counts as focused: it takes none).
  const focused = useRef(viewKey);
  const claim = useCallback((key: string) => {
    if (focused.current === key) return false;
    focused.current = key;
    return true;
  }, []);
  const value = useMemo(() => ({ viewKey, claim }), [viewKey, claim]);
  return <FocusContext.Provider value={value}>{children}</FocusContext.Provider>;
}

export function ViewHeading({ children, className }: { children: ReactNode; className?: string }) {
  const state = useContext(FocusContext);
  const ref = useRef<HTMLHeadingElement>(null);
  const viewKey = state?.viewKey;
  useEffect(() => {
    if (state && viewKey !== undefined && state.claim(viewKey)) ref.current?.focus();
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
