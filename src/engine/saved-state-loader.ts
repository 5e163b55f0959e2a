/**
 * The saved state's heavier half (src/engine/saved-state.ts: the compression of format 2, reading a
 * stored state back, measuring a text's room) is its own chunk, so a fresh learner's first screen does
 * not wait for it. It is loaded when it is needed:
 *
 *   - a resumed learner: by the tracking as it opens the session, before the stored state is read;
 *   - a fresh learner: by the app right after the first screen answers (src/app/start.tsx), long before
 *     anything is worth saving; a save asked for sooner waits for it (src/tracking/session.ts).
 *
 * Until then the code that needs it says so (`SavedStateNotLoaded`) or, where it must answer at once
 * (a text's room), answers cautiously; it never writes a poorer state.
 */
import type * as SavedStateModule from './saved-state.ts';

type SavedStateCode = typeof SavedStateModule;

let code: SavedStateCode | undefined;
let loading: Promise<SavedStateCode> | undefined;

export class SavedStateNotLoaded extends Error {
  constructor() {
    super('the saved-state code is not loaded yet');
    this.name = 'SavedStateNotLoaded';
  }
}

/** Loads the saved-state code once; a failed load is tried again on the next call. */
export function loadSavedState(): Promise<void> {
  loading ??= import('./saved-state.ts').then(
    (m) => (code = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading.then(() => undefined);
}

export const savedStateLoaded = (): boolean => code !== undefined;

/** The saved-state code, if loaded. */
export const loadedSavedState = (): SavedStateCode | undefined => code;

/** The saved-state code; a caller that may run before it is loaded checks `savedStateLoaded` first. */
export function savedState(): SavedStateCode {
  if (!code) throw new SavedStateNotLoaded();
  return code;
}
