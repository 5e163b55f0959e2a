/** Choice questions in a module file (build time only; see ../model.ts). */
import { z } from 'zod';
import { idSchema } from '../../content-model/ids.ts';
import { questionFileFields, reportDuplicates, type QuestionTypeSchema } from '../schema-kit.ts';
import type { QuestionFile } from '../model.ts';
import type { ChoiceQuestion } from './model.ts';

const fields = {
  ...questionFileFields,
  options: z.array(idSchema).min(2, 'needs at least two options').max(8, 'allows at most eight options'),
  correct: z.array(idSchema).min(1, 'needs at least one correct option'),
};

function choiceSchema<T extends ChoiceQuestion['type']>(type: T): QuestionTypeSchema<ChoiceQuestion & { type: T }> {
  return {
    type,
    schema: z.strictObject({ ...fields, type: z.literal(type) }) as unknown as z.ZodType<QuestionFile<ChoiceQuestion & { type: T }>>,
    check(q, issue) {
      reportDuplicates(q.options, ['options'], 'option', issue);
      q.correct.forEach((c, i) => {
        if (!q.options.includes(c)) issue(['correct', i], `unknown option "${c}"`);
      });
      if (type === 'single' && q.correct.length !== 1)
        issue(['correct'], `a single-choice question needs exactly one correct option, found ${q.correct.length}`);
    },
  };
}

export const singleSchema = choiceSchema('single');
export const multipleSchema = choiceSchema('multiple');
