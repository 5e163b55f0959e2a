/**
 * What a question type's `schema.ts` shares: the module-file shape of every question, and helpers for
 * the checks. Build time only (the loader imports the schemas; the player never does).
 */
import { z } from 'zod';
import { idSchema } from '../content-model/ids.ts';
import type { QuestionBase, QuestionFile } from './model.ts';

/** The fields every question has in a module file, before the type's own. */
export const questionFileFields = { id: idSchema, objective: idSchema };

/** Reports a problem at `path`, relative to the question in its module file. */
export type ReportIssue = (path: PropertyKey[], message: string) => void;

export interface QuestionTypeSchema<Q extends QuestionBase & { type: string }> {
  readonly type: Q['type'];
  /** The module file's shape of this type (a strict object whose `type` is the literal `type`). */
  readonly schema: z.ZodType<QuestionFile<Q>>;
  /** What the schema cannot say (references between fields); paths are relative to the question. */
  check(q: QuestionFile<Q>, issue: ReportIssue): void;
}

/** A list of ids, with a count between `min` and `max`, the message naming the limits. */
export function idList(min: number, max: number, what: string) {
  const message = `needs ${min} to ${max} ${what}`;
  return z.array(idSchema).min(min, message).max(max, message);
}

/** Reports every occurrence of an id that appears more than once in `ids`, at its position under `at`. */
export function reportDuplicates(ids: readonly string[], at: PropertyKey[], what: string, issue: ReportIssue): void {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  ids.forEach((id, i) => twice.has(id) && issue([...at, i], `duplicate ${what} id "${id}"`));
}
