/** Matching questions in a module file (build time only; see ./model.ts). */
import { z } from 'zod';
import { idSchema } from '../../content-model/ids.ts';
import type { QuestionFile } from '../model.ts';
import { idList, questionFileFields, reportDuplicates, type QuestionTypeSchema } from '../schema-kit.ts';
import { MAX_ITEMS, MAX_MATCHES, MIN_ITEMS, type MatchingQuestion } from './model.ts';

export const matchingSchema: QuestionTypeSchema<MatchingQuestion> = {
  type: 'matching',
  schema: z.strictObject({
    ...questionFileFields,
    type: z.literal('matching'),
    items: idList(MIN_ITEMS, MAX_ITEMS, 'items'),
    matches: idList(2, MAX_MATCHES, 'matches'),
    correct: z.record(idSchema, idSchema),
  }) satisfies z.ZodType<QuestionFile<MatchingQuestion>>,
  check(q, issue) {
    reportDuplicates(q.items, ['items'], 'item', issue);
    reportDuplicates(q.matches, ['matches'], 'match', issue);
    if (q.matches.length < q.items.length)
      issue(['matches'], `needs at least as many matches as items (${q.items.length}), found ${q.matches.length}`);
    for (const [item, match] of Object.entries(q.correct)) {
      if (!q.items.includes(item)) issue(['correct', item], `unknown item "${item}"`);
      if (!q.matches.includes(match)) issue(['correct', item], `unknown match "${match}"`);
    }
    for (const item of q.items) if (!(item in q.correct)) issue(['correct'], `item "${item}" has no correct match`);
  },
};
