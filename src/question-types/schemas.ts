/**
 * The registry of question types' module-file schemas (build time: the loader and the authoring tools).
 * Kept apart from the models (index.ts) so that zod never reaches the player.
 */
import { z } from 'zod';
import { multipleSchema, singleSchema } from './choice/schema.ts';
import { QUESTION_TYPE_IDS, type Question, type QuestionInFile, type QuestionType } from './index.ts';
import { matchingSchema } from './matching/schema.ts';
import { orderingSchema } from './ordering/schema.ts';
import type { QuestionTypeSchema, ReportIssue } from './schema-kit.ts';

const SCHEMAS: { [T in QuestionType]: QuestionTypeSchema<Extract<Question, { type: T }>> } = {
  single: singleSchema,
  multiple: multipleSchema,
  ordering: orderingSchema,
  matching: matchingSchema,
};

/** The checks of a question's type that its schema cannot express (paths relative to the question). */
export function checkQuestionFile(q: QuestionInFile, issue: ReportIssue): void {
  (SCHEMAS[q.type].check as (q: QuestionInFile, issue: ReportIssue) => void)(q, issue);
}

/**
 * A question in a module file: its `type` first (so an unknown type is named as such), then the type's
 * own strict schema.
 */
const byType = z.discriminatedUnion(
  'type',
  Object.values(SCHEMAS).map((t) => t.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<QuestionInFile, { type: QuestionType }>;
export const questionSchema: z.ZodType<QuestionInFile> = z.looseObject({ type: z.enum(QUESTION_TYPE_IDS) }).pipe(byType);
