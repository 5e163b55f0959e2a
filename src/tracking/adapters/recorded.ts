/**
 * The result the LMS holds, from what was read at launch (LmsStart.status): the status in the LMS's own
 * word, and the score as 0..1. Review and browse show it as it is, because nothing computed in a
 * read-only attempt reaches the LMS. Each version's dialect reads its own elements (`Dialect.recorded`),
 * so a build carries only its version's words; this file holds what both share.
 */
export type { RecordedResult } from '../../engine/machine.ts';

/** A number the LMS wrote, or undefined for an empty or unreadable value. */
export const finite = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

export const clamp = (n: number) => Math.min(1, Math.max(0, n));
