/** Ordering questions in a module file (build time only; see ./model.ts). */
import { z } from 'zod';
import type { QuestionFile } from '../model.ts';
import { idList, questionFileFields, reportDuplicates, type QuestionTypeSchema } from '../schema-kit.ts';
import { MAX_ITEMS, MIN_ITEMS, type OrderingQuestion } from './model.ts';

export const orderingSchema: QuestionTypeSchema<OrderingQuestion> = {
  type: 'ordering',
  schema: z.strictObject({
    ...questionFileFields,
    type: z.literal('ordering'),
    items: idList(MIN_ITEMS, MAX_ITEMS, 'items'),
  }) satisfies z.ZodType<QuestionFile<OrderingQuestion>>,
  check(q, issue) {
    reportDuplicates(q.items, ['items'], 'item', issue);
  },
};
