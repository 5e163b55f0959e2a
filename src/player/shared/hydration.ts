/**
 * Whether this render may show what only the launch knows (notices, the learner's name). The launch
 * page carries the first screen pre-rendered at build time and the app hydrates it, so the first render
 * must be exactly that markup: it reads `false` while hydrating (and when pre-rendering), `true` on every
 * render after, and on any render that is not a hydration.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useLaunched(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
