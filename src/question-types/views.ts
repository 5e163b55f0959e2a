/**
 * The registry of question views (the player's half; see index.ts for the models). A new type adds its
 * view here, next to its model's line in index.ts.
 */
import { choiceView } from './choice/ChoiceView.tsx';
import type { Question, QuestionType } from './index.ts';
import { matchingView } from './matching/MatchingView.tsx';
import { orderingView } from './ordering/OrderingView.tsx';
import type { QuestionView } from './view.ts';

type ViewOf<T extends QuestionType> = QuestionView<Extract<Question, { type: T }>>;

const VIEWS: { [T in QuestionType]: ViewOf<T> } = {
  // One view for both choice types (it reads `type` for radio or checkbox).
  single: choiceView as unknown as ViewOf<'single'>,
  multiple: choiceView as unknown as ViewOf<'multiple'>,
  ordering: orderingView,
  matching: matchingView,
};

export function viewOf<Q extends Question>(q: Q): QuestionView<Q> {
  return VIEWS[q.type] as unknown as QuestionView<Q>;
}
