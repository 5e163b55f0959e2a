/**
 * The registry of question types' models (pure: the engine, tracking and the content model import it;
 * no validation library, so it ships in the player light). A new type is one folder (model.ts,
 * schema.ts, its view) plus one line here, one in `schemas.ts` and one in `views.ts`.
 */
import { multiple, single } from './choice/model.ts';
import { matching } from './matching/model.ts';
import type { Answer, QuestionFile, QuestionTypeModel } from './model.ts';
import { ordering } from './ordering/model.ts';

export const QUESTION_TYPES = { single, multiple, ordering, matching } as const;

type ModelQuestion<M> = M extends QuestionTypeModel<infer Q> ? Q : never;

/** A question of any registered type. */
export type Question = ModelQuestion<(typeof QUESTION_TYPES)[keyof typeof QUESTION_TYPES]>;
export type QuestionType = Question['type'];
/** A question as a module file holds it (before its ids are made course-wide). */
export type QuestionInFile = Question extends infer Q ? (Q extends Question ? QuestionFile<Q> : never) : never;
export type { Answer };

export const QUESTION_TYPE_IDS = Object.keys(QUESTION_TYPES) as QuestionType[];

/** The model of a question's type. */
export function modelOf<Q extends Question>(q: Q): QuestionTypeModel<Q> {
  return QUESTION_TYPES[q.type] as unknown as QuestionTypeModel<Q>;
}

export type { CmiAnswer, CmiPattern, CmiVersion } from './cmi.ts';
export type { QuestionBase, QuestionTextSlot } from './model.ts';
