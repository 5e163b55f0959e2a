/**
 * One knowledge-check question: its type's controls in a fieldset, a live region for the feedback and,
 * after the feedback it answers, one action button. The action button is the same element through
 * submit, retry and settled, so focus
 * stays where the learner pressed it while the feedback is announced.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useRef } from 'react';
import type { Module, Question } from '../../content-model/types.ts';
import { modelOf } from '../../question-types/index.ts';
import { viewOf } from '../../question-types/views.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { QuestionField } from '../shared/QuestionField.tsx';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from '../shell/use-read-only.ts';
import { questionState, type QuestionState } from './check-model.ts';

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
  const seed = useSelector(actor, (s) => s.context.record.seed ?? 0);
  const state = questionState(q, record, course.settings.knowledgeCheck.attempts);
  const firstControl = useRef<HTMLElement>(null);
  const focusFirstWhenOpen = useRef(false);
  const textKey = `${module.id}:knowledgeCheck.questions.${q.localId}`;
  // Read-only: the saved answer is shown as it stands; answering, submitting and "Try again" are not offered.
  const readOnly = !!useReadOnly();

  // "Try again" reopens the question; the controls are enabled on the next render, then take focus.
  useEffect(() => {
    if (state.phase !== 'open' || !focusFirstWhenOpen.current) return;
    focusFirstWhenOpen.current = false;
    firstControl.current?.focus();
  }, [state.phase]);

  const act = () => {
    if (state.phase === 'open') send({ type: 'SUBMIT_ANSWER', questionId: q.localId });
    else if (state.phase === 'retry') {
      focusFirstWhenOpen.current = true;
      send({ type: 'SELECT', questionId: q.localId, choice: modelOf(q).retry(q, state.choice) });
    }
  };

  return (
    <div className={`question question--${state.phase}`}>
      <QuestionField
        question={q}
        textKey={textKey}
        before={<span className="question__number">{t('check.question', { current: number, total })}</span>}
        answer={state.choice}
        onChange={(choice) => send({ type: 'SELECT', questionId: q.localId, choice })}
        disabled={readOnly || state.phase !== 'open'}
        reveal={state.phase === 'settled'}
        seed={seed}
        shuffle={course.settings.knowledgeCheck.shuffle}
        name={`check-${module.id}-${q.localId}`}
        firstControl={firstControl}
      />
      <div className="feedback-region" aria-live="polite">
        {state.phase !== 'open' && <Feedback question={q} textKey={textKey} state={state} />}
      </div>
      {!readOnly && (
        <div className="question__actions">
          <button
            type="button"
            className={state.phase === 'open' ? 'button' : 'button button--secondary'}
            disabled={state.phase === 'open' && !state.complete}
            aria-disabled={state.phase === 'settled' || undefined}
            onClick={act}
          >
            {t(state.phase === 'open' ? 'check.submit' : state.phase === 'retry' ? 'check.tryAgain' : 'check.answered')}
          </button>
        </div>
      )}
    </div>
  );
}

function Feedback({ question: q, textKey, state }: { question: Question; textKey: string; state: QuestionState }) {
  const { t } = useT();
  const { Feedback: TypeFeedback } = viewOf(q);
  return (
    <div className={`feedback feedback--${state.correct ? 'correct' : 'incorrect'}`}>
      <p className="feedback__verdict">
        <span className="feedback__icon" aria-hidden="true" />
        {t(state.correct ? 'check.correct' : 'check.incorrect')}
      </p>
      <TypeFeedback question={q} textKey={textKey} answer={state.choice} showCorrect={state.phase === 'settled' && !state.correct} />
      {state.phase === 'retry' && <p>{t('check.triesLeft', { count: state.triesLeft })}</p>}
    </div>
  );
}
