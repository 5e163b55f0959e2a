/**
 * A question as the knowledge check and the final assessment both show it: a fieldset whose legend is
 * the prompt, the type's instruction, and the type's own controls (src/question-types/<type>/).
 */
import { useId, type ReactNode } from 'react';
import type { Question } from '../../content-model/types.ts';
import type { AnswerProps } from '../../question-types/view.ts';
import { viewOf } from '../../question-types/views.ts';
import { useT } from './use-texts.ts';

export interface QuestionFieldProps<Q extends Question> extends AnswerProps<Q> {
  /** Before the prompt in the legend (the question's number). */
  before?: ReactNode;
}

export function QuestionField<Q extends Question>({ before, ...props }: QuestionFieldProps<Q>) {
  const { t } = useT(['ui']);
  const hintId = useId();
  const view = viewOf(props.question);
  return (
    <fieldset className="question__fieldset" aria-describedby={hintId}>
      <legend className="question__legend">
        {before}
        <span className="question__prompt">{t(`${props.textKey}.prompt`)}</span>
      </legend>
      <p id={hintId} className="hint">
        {t(view.hint(props.question))}
      </p>
      <view.Answer {...props} />
    </fieldset>
  );
}
