/**
 * Room for writing: how much text a learner may keep in a reflection or an action step so that the
 * saved state provably stays within the LMS's limit (4,096 characters in SCORM 1.2), whatever else
 * they do later in the course. The proof and the measuring are in room-measure.ts, which is loaded with
 * the saved-state code (src/engine/saved-state-loader.ts); these are the engine's functions for it.
 *
 * The measuring code arrives right after the first screen answers, long before a learner reaches a
 * text; should a text come sooner, it is answered cautiously: within its cap it may shrink, never grow.
 */
import type { Course, Question, TextLimits } from '../content-model/types.ts';
import { modelOf } from '../question-types/index.ts';
import type { LearnerRecord } from './record.ts';
import { loadedSavedState, savedState } from './saved-state-loader.ts';
import type { Saved } from './snapshot.ts';
import type { Location } from './where.ts';

/** A text the learner writes: a module's reflection, or its step of the action plan. */
export type TextField = { kind: 'reflection' | 'plan'; moduleId: string };

export interface Room {
  /** The longest the text may become now: the cap, or less when the saved state's room runs short. */
  max: number;
  /** Characters left: `max` minus the text's length. */
  left: number;
  /** Whether the saved state's room (not the cap) is what limits the text. */
  bySavedState: boolean;
}

export const capOf = (limits: TextLimits, field: TextField) => (field.kind === 'reflection' ? limits.reflection : limits.actionStep);

/** The answer whose saved form is longest, by the question's type (every option of a multiple choice, a full order, ...). */
export function longestChoice(q: Question): string[] {
  return modelOf(q).longestAnswer(q);
}

/** A text cut to at most `n` UTF-16 units, never between the two halves of a character outside the BMP. */
export function cutText(text: string, n: number): string {
  if (text.length <= n) return text;
  const end = n > 0 && /[\ud800-\udbff]/.test(text[n - 1]!) ? n - 1 : n;
  return text.slice(0, end);
}

/** The largest state the course allows, with the given texts (none: no texts). */
export function reserveSaved(course: Course, texts: Record<string, { reflection?: string; plan?: string }> = {}): Saved {
  return savedState().reserveSaved(course, texts);
}

export function longestLocation(course: Course): Location {
  return savedState().longestLocation(course);
}

/** Whether the record's texts, whatever else the learner does later, keep the saved state within `savedLimit`. */
export function textsFit(course: Course, record: LearnerRecord, savedLimit: number): boolean {
  return savedState().textsFit(course, record, savedLimit);
}

/**
 * Whether `text` may be kept in `field`: within the field's cap, and the saved state within its limit.
 * A text no longer than the one kept is always accepted (shortening never makes things worse).
 */
export function textFits(
  course: Course,
  record: LearnerRecord,
  limits: TextLimits,
  savedLimit: number,
  field: TextField,
  text: string,
): boolean {
  const measure = loadedSavedState();
  if (measure) return measure.textFits(course, record, limits, savedLimit, field, text);
  const current = record.modules[field.moduleId]?.[field.kind] ?? '';
  return text.length <= capOf(limits, field) && (text.length <= current.length || !Number.isFinite(savedLimit));
}

/**
 * The room for `field` holding `text`. The cap, unless the saved state has less: then what is left of
 * the limit, in characters of this text's own kind. Not yet measurable: the text as it is.
 */
export function roomFor(
  course: Course,
  record: LearnerRecord,
  limits: TextLimits,
  savedLimit: number,
  field: TextField,
  text: string,
): Room {
  const measure = loadedSavedState();
  if (measure) return measure.roomFor(course, record, limits, savedLimit, field, text);
  const cap = capOf(limits, field);
  if (!Number.isFinite(savedLimit)) return { max: cap, left: Math.max(0, cap - text.length), bySavedState: false };
  return { max: Math.min(cap, text.length), left: 0, bySavedState: true };
}

/**
 * A restored record made to fit today's room: every text cut to its field's cap, then, while the saved
 * state would not fit its limit, the longest text cut by a tenth. Returns the fields it had to shorten.
 */
export function fitTexts(
  course: Course,
  record: LearnerRecord,
  limits: TextLimits,
  savedLimit: number,
): { record: LearnerRecord; shortened: TextField[] } {
  return savedState().fitTexts(course, record, limits, savedLimit);
}
