/**
 * Ordering: a numbered list with a "Move up" and a "Move down" button on each item (no dragging), and a
 * live region that says where a moved item now is. Focus stays on the button pressed, also when React
 * moves its item in the DOM; at the ends of the list a button is marked unavailable (aria-disabled)
 * rather than disabled, so it keeps the focus it has.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useQuestionTexts } from '../use-question-texts.ts';
import type { AnswerProps, FeedbackProps, QuestionView } from '../view.ts';
import { move, startOrder, type OrderingQuestion } from './model.ts';
import './ordering.css';

type Direction = 'up' | 'down';

function OrderingAnswer({
  question: q,
  textKey,
  answer,
  onChange,
  disabled,
  reveal,
  seed,
  name,
  firstControl,
}: AnswerProps<OrderingQuestion>) {
  const { t, text } = useQuestionTexts(textKey);
  const order = answer.length ? answer : startOrder(q, seed);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  const orderKey = order.join(',');

  useLayoutEffect(() => {
    if (!refocus.current) return;
    buttons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [orderKey]);

  const shift = (index: number, direction: Direction) => {
    const to = direction === 'up' ? index - 1 : index + 1;
    if (disabled || to < 0 || to >= order.length) return;
    const item = order[index]!;
    refocus.current = `${item}:${direction}`;
    setAnnouncement(t('questions.ordering.moved', { item: text(`items.${item}.text`), position: to + 1, total: order.length }));
    onChange(move(order, index, direction === 'up' ? -1 : 1));
  };

  const button = (item: string, index: number, direction: Direction) => {
    const atEnd = direction === 'up' ? index === 0 : index === order.length - 1;
    const label = text(`items.${item}.text`);
    return (
      <button
        type="button"
        ref={(el) => {
          if (el) buttons.current.set(`${item}:${direction}`, el);
          else buttons.current.delete(`${item}:${direction}`);
          if (index === 0 && direction === 'down') firstControl.current = el;
        }}
        className="button button--secondary ordering__move"
        disabled={disabled}
        aria-disabled={(!disabled && atEnd) || undefined}
        onClick={() => shift(index, direction)}
      >
        <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
        <span className="visually-hidden">{t(`questions.ordering.${direction}`, { item: label })}</span>
      </button>
    );
  };

  return (
    <>
      <ol className="ordering" id={`${name}-order`}>
        {order.map((item, i) => {
          const right = q.items[i] === item;
          return (
            <li key={item} className={`ordering__item${reveal ? (right ? ' ordering__item--right' : ' ordering__item--wrong') : ''}`}>
              <div className="ordering__row">
                <span className="ordering__text">
                  {text(`items.${item}.text`)}
                  {reveal && (
                    <span className="ordering__mark">
                      {' '}
                      {right
                        ? t('questions.ordering.rightPlace')
                        : t('questions.ordering.belongsAt', { position: q.items.indexOf(item) + 1 })}
                    </span>
                  )}
                </span>
                <span className="ordering__moves">
                  {button(item, i, 'up')}
                  {button(item, i, 'down')}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/** How many items are in place and why the order is what it is; out of tries, the right order. */
function OrderingFeedback({ question: q, textKey, answer, showCorrect }: FeedbackProps<OrderingQuestion>) {
  const { t, text } = useQuestionTexts(textKey);
  const inPlace = answer.filter((item, i) => q.items[i] === item).length;
  return (
    <>
      <p>{t('questions.ordering.inPlace', { count: inPlace, total: q.items.length })}</p>
      <p>{text('feedback')}</p>
      {showCorrect && (
        <>
          <p>{t('questions.ordering.correctOrder')}</p>
          <ol className="feedback__list">
            {q.items.map((item) => (
              <li key={item}>{text(`items.${item}.text`)}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export const orderingView: QuestionView<OrderingQuestion> = {
  hint: () => 'questions.ordering.hint',
  Answer: OrderingAnswer,
  Feedback: OrderingFeedback,
};
