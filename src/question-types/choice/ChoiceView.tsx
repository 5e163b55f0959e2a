/**
 * Choice: radio buttons (single) or checkboxes (multiple), in the learner's option order. A settled
 * question marks the right options in words as well as in colour.
 */
import { useQuestionTexts } from '../use-question-texts.ts';
import type { AnswerProps, FeedbackProps, QuestionView } from '../view.ts';
import { optionOrder, toggle, type ChoiceQuestion } from './model.ts';

function ChoiceAnswer({
  question: q,
  textKey,
  answer,
  onChange,
  disabled,
  reveal,
  seed,
  shuffle,
  name,
  firstControl,
}: AnswerProps<ChoiceQuestion>) {
  const { t, text } = useQuestionTexts(textKey);
  return (
    <div className="options">
      {optionOrder(q, seed, shuffle).map((o, i) => {
        const chosen = answer.includes(o);
        const right = reveal && q.correct.includes(o);
        return (
          <label key={o} className={`option${chosen ? ' option--chosen' : ''}${right ? ' option--right' : ''}`}>
            <input
              ref={
                i === 0
                  ? (el) => {
                      firstControl.current = el;
                    }
                  : undefined
              }
              type={q.type === 'single' ? 'radio' : 'checkbox'}
              name={name}
              value={o}
              checked={chosen}
              disabled={disabled}
              onChange={(e) => onChange(toggle(q, answer, o, e.target.checked))}
            />
            <span className="option__text">
              {text(`options.${o}.text`)}
              {right && <span className="option__mark"> {t('check.correctMark')}</span>}
            </span>
          </label>
        );
      })}
    </div>
  );
}

/** The feedback of each chosen option; out of tries, the right options. */
function ChoiceFeedback({ question: q, textKey, answer, showCorrect }: FeedbackProps<ChoiceQuestion>) {
  const { t, i18n, text } = useQuestionTexts(textKey);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <>
      <ul className="feedback__list">
        {answer.map((o) => (
          <li key={o}>
            <strong>{text(`options.${o}.text`)}:</strong> {text(`options.${o}.feedback`)}
          </li>
        ))}
      </ul>
      {showCorrect && <p>{t('check.correctAnswer', { answer: list.format(q.correct.map((o) => text(`options.${o}.text`))) })}</p>}
    </>
  );
}

export const choiceView: QuestionView<ChoiceQuestion> = {
  hint: (q) => (q.type === 'single' ? 'questions.single.hint' : 'questions.multiple.hint'),
  Answer: ChoiceAnswer,
  Feedback: ChoiceFeedback,
};
