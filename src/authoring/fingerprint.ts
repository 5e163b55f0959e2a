/**
 * A fingerprint of a source text that proves a course does not copy it, without shipping the text: the
 * hash of every run of eight words. `npm run fingerprint` makes it from the source when the source is at
 * hand; the content test compares the course's own runs with the committed fingerprint.
 */
import { createHash } from 'node:crypto';

/** How many words make a run: eight words in a row shared with the source counts as copying. */
export const RUN_LENGTH = 8;

export interface Fingerprint {
  /** How the runs are made, so a fingerprint is never compared with runs made another way. */
  method: string;
  runLength: number;
  /** The source files it was made from, with the SHA-256 of each, to tell when it is out of date. */
  sources: { file: string; sha256: string }[];
  /** The first 16 hex digits of the SHA-256 of every run, sorted, without repeats. */
  runs: string[];
}

export const FINGERPRINT_METHOD = 'lower-case letter/digit words, markup removed, sha256/64 of each run of words joined by one space';

/** The words of a text as the comparison sees them: lower case, letters and digits only, markup removed. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/<[^>]+>/g, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Every run of `RUN_LENGTH` words in a text. */
export function runsOf(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) out.push(w.slice(i, i + RUN_LENGTH).join(' '));
  return out;
}

export const hashRun = (run: string): string => createHash('sha256').update(run, 'utf8').digest('hex').slice(0, 16);

export function makeFingerprint(sources: { file: string; text: string }[]): Fingerprint {
  const runs = new Set(sources.flatMap((s) => runsOf(s.text).map(hashRun)));
  return {
    method: FINGERPRINT_METHOD,
    runLength: RUN_LENGTH,
    sources: sources.map((s) => ({ file: s.file, sha256: createHash('sha256').update(s.text, 'utf8').digest('hex') })),
    runs: [...runs].sort(),
  };
}

/** The runs of `texts` whose hash is in the fingerprint: each is eight words copied from the source. */
export function copiedRuns(fingerprint: Fingerprint, texts: string[]): string[] {
  if (fingerprint.method !== FINGERPRINT_METHOD || fingerprint.runLength !== RUN_LENGTH)
    throw new Error(`the fingerprint was made another way ("${fingerprint.method}"); make it again with npm run fingerprint`);
  const known = new Set(fingerprint.runs);
  return texts.flatMap(runsOf).filter((run) => known.has(hashRun(run)));
}
