/**
 * One drawn question at a time, in the attempt's order and with its options in the attempt's order
 * (both seeded, so a relaunch shows the same). An answer is recorded as soon as it is chosen; a
 * question counts as answered once its answer is finished (every item ordered, every item matched).
 */
import { useSelector } from '@xstate/react';
import { useId, useMemo, useRef } from 'react';
import type { Question } from '../../content-model/types.ts';
import { questionIndex } from '../../engine/progress.ts';
import type { FinalAttempt } from '../../engine/record.ts';
import { isComplete } from '../../engine/scoring.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { QuestionField } from '../shared/QuestionField.tsx';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from '../shell/use-read-only.ts';

export function FinalTaking() {
  const { t } = useT(['ui', 'course']);
  const { actor, course, send } = usePlayer();
  const attempt = useSelector(actor, (s) => s.context.record.latest);
  const questions = useMemo(() => questionIndex(course), [course]);
  const reasonId = useId();
  const readOnly = !!useReadOnly();
  if (!attempt) return null;
  const total = attempt.drawn.length;
  const id = attempt.drawn[attempt.index]!;
  const question = questions.get(id);
  const answered = (d: string) => {
    const dq = questions.get(d);
    return !!dq && isComplete(dq, attempt.answers[d] ?? []);
  };
  const missing = attempt.drawn.filter((d) => !answered(d)).length;

  return (
    <>
      <p className="eyebrow">{t('course:final.title')}</p>
      <ViewHeading>{t('final.question', { current: attempt.index + 1, total })}</ViewHeading>
      {readOnly && <p className="hint">{t('readOnly.finalAnswers')}</p>}
      <NamespaceGate ns={['bank']}>
        {question && <FinalQuestion key={id} question={question} attempt={attempt} readOnly={readOnly} />}
      </NamespaceGate>
      <div className="step-nav__buttons">
        <button type="button" className="button button--secondary" disabled={attempt.index === 0} onClick={() => send({ type: 'BACK' })}>
          {t('final.previous')}
        </button>
        <button type="button" className="button" disabled={attempt.index >= total - 1} onClick={() => send({ type: 'NEXT' })}>
          {t('final.next')}
        </button>
      </div>
      <nav className="question-list" aria-label={t('final.questionList')}>
        <ol>
          {attempt.drawn.map((d, i) => {
            const done = answered(d);
            return (
              <li key={d}>
                <button
                  type="button"
                  className={`question-list__item${done ? ' question-list__item--answered' : ''}`}
                  aria-current={i === attempt.index ? 'step' : undefined}
                  onClick={() => send({ type: 'GOTO_QUESTION', index: i })}
                >
                  {/* Seen: the number (and a mark when answered); heard: "Question 3, answered". */}
                  <span className="visually-hidden">
                    {t('final.jump', { number: i + 1 })}, {t(done ? 'final.answered' : 'final.unanswered')}
                  </span>
                  <span aria-hidden="true">{i + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {/* Read-only: the attempt cannot be submitted (nothing would be stored), so submitting is not offered. */}
      {!readOnly && (
        <div className="step-nav">
          {missing > 0 && (
            <p id={reasonId} className="step-nav__reason">
              {t('final.submitBlocked', { count: missing })}
            </p>
          )}
          <div className="step-nav__buttons">
            <button
              type="button"
              className="button"
              disabled={missing > 0}
              aria-describedby={missing > 0 ? reasonId : undefined}
              onClick={() => send({ type: 'SUBMIT_FINAL' })}
            >
              {t('final.submit')}
            </button>
          </div>
        </div>
      )}
      {readOnly && (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'MENU' })}>
            {t('app.toMenu')}
          </button>
        </div>
      )}
    </>
  );
}

function FinalQuestion({ question: q, attempt, readOnly }: { question: Question; attempt: FinalAttempt; readOnly: boolean }) {
  const { course, send } = usePlayer();
  const firstControl = useRef<HTMLElement>(null);
  return (
    <QuestionField
      question={q}
      textKey={`bank:${q.moduleId}.${q.localId}`}
      answer={attempt.answers[q.id] ?? []}
      onChange={(choice) => send({ type: 'ANSWER_FINAL', questionId: q.id, choice })}
      disabled={readOnly}
      reveal={false}
      seed={attempt.seed}
      shuffle={course.settings.final.shuffle}
      name={`final-${q.id}`}
      firstControl={firstControl}
    />
  );
}
