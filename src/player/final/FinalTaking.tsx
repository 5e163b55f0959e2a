/**
 * One drawn question at a time, in the attempt's order and with its options in the attempt's order
 * (both seeded, so a relaunch shows the same). An answer is recorded as soon as it is chosen.
 */
import { useSelector } from '@xstate/react';
import { useId, useMemo } from 'react';
import type { Question } from '../../content-model/types.ts';
import { optionOrder } from '../../engine/draw.ts';
import { questionIndex } from '../../engine/progress.ts';
import type { FinalAttempt } from '../../engine/record.ts';
import { nextChoice } from '../check/check-model.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';

export function FinalTaking() {
  const { t } = useT(['ui', 'course']);
  const { actor, course, send } = usePlayer();
  const attempt = useSelector(actor, (s) => s.context.record.latest);
  const questions = useMemo(() => questionIndex(course), [course]);
  const reasonId = useId();
  if (!attempt) return null;
  const total = attempt.drawn.length;
  const id = attempt.drawn[attempt.index]!;
  const question = questions.get(id);
  const missing = attempt.drawn.filter((d) => !(attempt.answers[d]?.length ?? 0)).length;

  return (
    <>
      <p className="eyebrow">{t('course:final.title')}</p>
      <ViewHeading>{t('final.question', { current: attempt.index + 1, total })}</ViewHeading>
      <NamespaceGate ns={['bank']}>{question && <FinalQuestion key={id} question={question} attempt={attempt} />}</NamespaceGate>
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
            const answered = (attempt.answers[d]?.length ?? 0) > 0;
            return (
              <li key={d}>
                <button
                  type="button"
                  className={`question-list__item${answered ? ' question-list__item--answered' : ''}`}
                  aria-current={i === attempt.index ? 'step' : undefined}
                  onClick={() => send({ type: 'GOTO_QUESTION', index: i })}
                >
                  {/* Seen: the number (and a mark when answered); heard: "Question 3, answered". */}
                  <span className="visually-hidden">
                    {t('final.jump', { number: i + 1 })}, {t(answered ? 'final.answered' : 'final.unanswered')}
                  </span>
                  <span aria-hidden="true">{i + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
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
    </>
  );
}

function FinalQuestion({ question: q, attempt }: { question: Question; attempt: FinalAttempt }) {
  const { t } = useT(['ui', 'bank']);
  const { course, send } = usePlayer();
  const hintId = useId();
  const chosen = attempt.answers[q.id] ?? [];
  const base = `bank:${q.moduleId}.${q.localId}`;
  const order = optionOrder(q, attempt.seed, course.settings.final.shuffle);
  return (
    <fieldset className="question__fieldset" aria-describedby={hintId}>
      <legend className="question__legend">
        <span className="question__prompt">{t(`${base}.prompt`)}</span>
      </legend>
      <p id={hintId} className="hint">
        {t(q.type === 'single' ? 'final.chooseOne' : 'final.chooseMany')}
      </p>
      <div className="options">
        {order.map((o) => (
          <label key={o} className={`option${chosen.includes(o) ? ' option--chosen' : ''}`}>
            <input
              type={q.type === 'single' ? 'radio' : 'checkbox'}
              name={`final-${q.id}`}
              value={o}
              checked={chosen.includes(o)}
              onChange={(e) => send({ type: 'ANSWER_FINAL', questionId: q.id, choice: nextChoice(q, chosen, o, e.target.checked) })}
            />
            <span className="option__text">{t(`${base}.options.${o}.text`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
