/**
 * Matching: each item with a native select of the matches (labelled by the item), so it works the same
 * by mouse, touch, keyboard and screen reader. A settled question says per item whether it was right,
 * and what was.
 */
import { useQuestionTexts } from '../use-question-texts.ts';
import type { AnswerProps, FeedbackProps, QuestionView } from '../view.ts';
import { matchOrder, pair, pairsOf, type MatchingQuestion } from './model.ts';
import './matching.css';

function MatchingAnswer({
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
}: AnswerProps<MatchingQuestion>) {
  const { t, text } = useQuestionTexts(textKey);
  const pairs = pairsOf(answer);
  const order = matchOrder(q, seed, shuffle);
  const choose = (item: string, match: string) => {
    const next = new Map(pairs);
    if (match) next.set(item, match);
    else next.delete(item);
    onChange(q.items.flatMap((i) => (next.has(i) ? [pair(i, next.get(i)!)] : [])));
  };
  return (
    <div className="matching">
      {q.items.map((item, i) => {
        const id = `${name}-${item}`;
        const chosen = pairs.get(item) ?? '';
        const right = chosen === q.correct[item];
        return (
          <div key={item} className={`matching__row${reveal ? (right ? ' matching__row--right' : ' matching__row--wrong') : ''}`}>
            <label htmlFor={id} className="matching__item">
              {text(`items.${item}.text`)}
            </label>
            <select
              id={id}
              ref={
                i === 0
                  ? (el) => {
                      firstControl.current = el;
                    }
                  : undefined
              }
              className="matching__select"
              value={chosen}
              disabled={disabled}
              onChange={(e) => choose(item, e.target.value)}
            >
              <option value="">{t('questions.matching.choose')}</option>
              {order.map((m) => (
                <option key={m} value={m}>
                  {text(`matches.${m}.text`)}
                </option>
              ))}
            </select>
            {reveal && (
              <p className="matching__mark">
                {right
                  ? t('questions.matching.right')
                  : t('questions.matching.rightIs', { match: text(`matches.${q.correct[item]}.text`) })}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** How many pairs are right and why; out of tries, the right pairs. */
function MatchingFeedback({ question: q, textKey, answer, showCorrect }: FeedbackProps<MatchingQuestion>) {
  const { t, text } = useQuestionTexts(textKey);
  const pairs = pairsOf(answer);
  const right = q.items.filter((i) => pairs.get(i) === q.correct[i]).length;
  return (
    <>
      <p>{t('questions.matching.inPlace', { count: right, total: q.items.length })}</p>
      <p>{text('feedback')}</p>
      {showCorrect && (
        <>
          <p>{t('questions.matching.correctPairs')}</p>
          <ul className="feedback__list">
            {q.items.map((i) => (
              <li key={i}>
                <strong>{text(`items.${i}.text`)}:</strong> {text(`matches.${q.correct[i]}.text`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export const matchingView: QuestionView<MatchingQuestion> = {
  hint: () => 'questions.matching.hint',
  Answer: MatchingAnswer,
  Feedback: MatchingFeedback,
};
