/**
 * API discovery as the standards describe it (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 RTE 3.1.2): look at
 * this window, then walk up its parents, then do the same from the window that opened it (and from the
 * opener of the top window, for LMSs that open a framed player in a pop-up). Each walk is bounded.
 * Any of these windows may belong to another origin, where reading a property throws: every access is
 * guarded, and a window that cannot be read is simply not the one.
 *
 * A build looks only for its own version's API: `window.API` for 1.2, `window.API_1484_11` for 2004.
 */
import { API_NAME, METHODS, type ScormApi, type ScormVersion } from './types.ts';

/** How many parents are climbed from each starting window (the ADL sample uses 7; real LMSs nest up to ~5). */
export const MAX_DEPTH = 10;

/** The least a window must offer to be walked. */
export type WindowLike = object;

export interface FoundApi {
  api: ScormApi;
  /** Where it was found: this window's chain, the opener's chain, or the top window's opener's chain. */
  via: 'self' | 'opener' | 'top-opener';
  /** How many parents up from the start of that chain. */
  depth: number;
}

function read(target: unknown, key: string): unknown {
  try {
    return target !== null && (typeof target === 'object' || typeof target === 'function')
      ? (target as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined; // a cross-origin window: not ours to read
  }
}

/** Whether a value has every function of the version's API (checked without calling any of them). */
export function isApi(value: unknown, version: ScormVersion): value is ScormApi {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  return Object.values(METHODS[version]).every((m) => typeof read(value, m) === 'function');
}

function scan(start: unknown, version: ScormVersion): { api: ScormApi; depth: number } | undefined {
  let win = start;
  for (let depth = 0; depth <= MAX_DEPTH && win; depth++) {
    const api = read(win, API_NAME[version]);
    if (isApi(api, version)) return { api, depth };
    const parent = read(win, 'parent');
    if (!parent || parent === win) return undefined;
    win = parent;
  }
  return undefined;
}

export function findApi(win: WindowLike, version: ScormVersion): FoundApi | undefined {
  const own = scan(win, version);
  if (own) return { ...own, via: 'self' };
  const opener = read(win, 'opener');
  if (opener) {
    const found = scan(opener, version);
    if (found) return { ...found, via: 'opener' };
  }
  const topOpener = read(read(win, 'top'), 'opener');
  if (topOpener && topOpener !== opener) {
    const found = scan(topOpener, version);
    if (found) return { ...found, via: 'top-opener' };
  }
  return undefined;
}
