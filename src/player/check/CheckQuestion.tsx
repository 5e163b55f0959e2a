/**
 * One knowledge-check question: a fieldset of radios or checkboxes, a live region for the feedback and,
 * after the feedback it answers, one action button. The action button is the same element through submit, retry and settled, so focus
 * stays where the learner pressed it while the feedback is announced.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef } from 'react';
import type { Module, Question } from '../../content-model/types.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import { nextChoice, questionState, type QuestionState } from './check-model.ts';

export interface CheckQuestionProps {
  module: Module;
  question: Question;
  number: number;
  total: number;
}

export function CheckQuestion({ module, question: q, number, total }: CheckQuestionProps) {
  const { t } = useT(['ui', module.id]);
  const { actor, course, send } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record.modules[module.id]?.answers[q.localId]);
  const state = questionState(q, record, course.settings.knowledgeCheck.attempts);
  const id = useId();
  const firstInput = useRef<HTMLInputElement>(null);
  const focusFirstWhenOpen = useRef(false);
  const base = `${module.id}:knowledgeCheck.questions.${q.localId}`;

  // "Try again" reopens the question; the inputs are enabled on the next render, then take focus.
  useEffect(() => {
    if (state.phase !== 'open' || !focusFirstWhenOpen.current) return;
    focusFirstWhenOpen.current = false;
    firstInput.current?.focus();
  }, [state.phase]);

  const act = () => {
    if (state.phase === 'open') send({ type: 'SUBMIT_ANSWER', questionId: q.localId });
    else if (state.phase === 'retry') {
      focusFirstWhenOpen.current = true;
      send({ type: 'SELECT', questionId: q.localId, choice: [] });
    }
  };

  return (
    <div className={`question question--${state.phase}`}>
      <fieldset className="question__fieldset" aria-describedby={`${id}-hint`}>
        <legend className="question__legend">
          <span className="question__number">{t('check.question', { current: number, total })}</span>
          <span className="question__prompt">{t(`${base}.prompt`)}</span>
        </legend>
        <p id={`${id}-hint`} className="hint">
          {t(q.type === 'single' ? 'check.chooseOne' : 'check.chooseMany')}
        </p>
        <div className="options">
          {q.options.map((o, i) => {
            const chosen = state.choice.includes(o);
            const right = state.phase === 'settled' && q.correct.includes(o);
            return (
              <label key={o} className={`option${chosen ? ' option--chosen' : ''}${right ? ' option--right' : ''}`}>
                <input
                  ref={i === 0 ? firstInput : undefined}
                  type={q.type === 'single' ? 'radio' : 'checkbox'}
                  name={`check-${module.id}-${q.localId}`}
                  value={o}
                  checked={chosen}
                  disabled={state.phase !== 'open'}
                  onChange={(e) =>
                    send({ type: 'SELECT', questionId: q.localId, choice: nextChoice(q, state.choice, o, e.target.checked) })
                  }
                />
                <span className="option__text">
                  {t(`${base}.options.${o}.text`)}
                  {right && <span className="option__mark"> {t('check.correctMark')}</span>}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="feedback-region" aria-live="polite">
        {state.phase !== 'open' && <Feedback module={module} question={q} state={state} />}
      </div>
      <div className="question__actions">
        <button
          type="button"
          className={state.phase === 'open' ? 'button' : 'button button--secondary'}
          disabled={state.phase === 'open' && state.choice.length === 0}
          aria-disabled={state.phase === 'settled' || undefined}
          onClick={act}
        >
          {t(state.phase === 'open' ? 'check.submit' : state.phase === 'retry' ? 'check.tryAgain' : 'check.answered')}
        </button>
      </div>
    </div>
  );
}

function Feedback({ module, question: q, state }: { module: Module; question: Question; state: QuestionState }) {
  const { t, i18n } = useT(['ui', module.id]);
  const base = `${module.id}:knowledgeCheck.questions.${q.localId}`;
  const text = (o: string) => t(`${base}.options.${o}.text`);
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <div className={`feedback feedback--${state.correct ? 'correct' : 'incorrect'}`}>
      <p className="feedback__verdict">
        <span className="feedback__icon" aria-hidden="true" />
        {t(state.correct ? 'check.correct' : 'check.incorrect')}
      </p>
      <ul className="feedback__list">
        {state.choice.map((o) => (
          <li key={o}>
            <strong>{text(o)}:</strong> {t(`${base}.options.${o}.feedback`)}
          </li>
        ))}
      </ul>
      {state.phase === 'retry' && <p>{t('check.triesLeft', { count: state.triesLeft })}</p>}
      {state.phase === 'settled' && !state.correct && <p>{t('check.correctAnswer', { answer: list.format(q.correct.map(text)) })}</p>}
    </div>
  );
}
