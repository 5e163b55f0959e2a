/**
 * An in-memory record of every call made to an LMS API: method, arguments, result, error code (with
 * the LMS's error string and diagnostic when the code is not 0), when it was made and how long it took.
 * A dev inspector reads it through `getScormCallLog()`; listeners can follow it live.
 */
export interface CallLogEntry {
  seq: number;
  /** Milliseconds since the epoch when the call started. */
  time: number;
  /** The method name as the LMS spells it, e.g. `SetValue` or `LMSCommit`. */
  method: string;
  args: string[];
  /** What the LMS returned (as a string); absent when the call threw or was refused. */
  result?: string;
  /** GetLastError after the call; -1 when the call threw, -2 when it was refused before reaching the LMS. */
  error: number;
  errorString?: string;
  diagnostic?: string;
  /** Duration of the call itself, in milliseconds. */
  ms: number;
  /** The message of an exception thrown by the LMS. */
  threw?: string;
  /** Why the wrapper did not make the call (lifecycle, lost connection). */
  refused?: string;
}

/** Long values (suspend data, reflections) are cut in the log, never in what is sent. */
const MAX_ARG_LOG = 1000;
const MAX_ENTRIES = 2000;

const entries: CallLogEntry[] = [];
const listeners = new Set<(entry: CallLogEntry) => void>();
let seq = 0;

export const clip = (s: string): string => (s.length > MAX_ARG_LOG ? `${s.slice(0, MAX_ARG_LOG)}… (${s.length} characters)` : s);

export function recordCall(entry: Omit<CallLogEntry, 'seq'>): CallLogEntry {
  const full = { ...entry, seq: ++seq, args: entry.args.map(clip) };
  entries.push(full);
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
  for (const l of listeners) {
    try {
      l(full);
    } catch {
      // an inspector's bug must not break tracking
    }
  }
  return full;
}

/** Every call made so far (the most recent 2,000), oldest first. */
export function getScormCallLog(): readonly CallLogEntry[] {
  return entries;
}

export function clearScormCallLog(): void {
  entries.length = 0;
}

/** Follows the log live; returns a function that stops following. */
export function onScormCall(listener: (entry: CallLogEntry) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
