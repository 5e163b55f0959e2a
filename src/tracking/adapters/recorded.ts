/**
 * The result the LMS holds, from what was read at launch (LmsStart.status), in one shape for both SCORM
 * versions: the status in the LMS's own word, and the score as 0..1. Review and browse show it as it is,
 * because nothing computed in a read-only attempt reaches the LMS.
 */
import type { RecordedResult } from '../../engine/machine.ts';

const finite = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

const clamp = (n: number) => Math.min(1, Math.max(0, n));

export function recordedResult(status: Record<string, string>): RecordedResult {
  const out: RecordedResult = {};
  const lesson = status['cmi.core.lesson_status'];
  if (lesson !== undefined) {
    // SCORM 1.2: one vocabulary for both; the score is a percentage.
    if (lesson) out.status = lesson;
    const raw = finite(status['cmi.core.score.raw']);
    if (raw !== undefined) out.score = clamp(raw / 100);
    return out;
  }
  // SCORM 2004: success (passed/failed) says more than completion; 'unknown' is no word at all.
  const success = status['cmi.success_status'];
  const completion = status['cmi.completion_status'];
  const word = success && success !== 'unknown' ? success : completion && completion !== 'unknown' ? completion : undefined;
  if (word) out.status = word;
  const scaled = finite(status['cmi.score.scaled']);
  const raw = finite(status['cmi.score.raw']);
  if (scaled !== undefined) out.score = clamp(scaled);
  else if (raw !== undefined) out.score = clamp(raw / 100);
  return out;
}
