/** After an attempt: the score against the mastery score, a retake when allowed, the way to the results. */
import { attemptScore, isPassed } from '../../engine/scoring.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { toPercent } from '../shared/ProgressBar.tsx';
import { useT } from '../shared/use-texts.ts';
import { RecordedResult } from './RecordedResult.tsx';
import { useFinal } from './use-final.ts';

export function FinalResult() {
  const { t } = useT();
  const { send } = usePlayer();
  const { status, latest, canStart, mastery, readOnly } = useFinal();
  const score = latest && attemptScore(latest);
  const passed = !!score && isPassed(score.scaled, mastery);
  return (
    <>
      <ViewHeading>{t('final.resultTitle')}</ViewHeading>
      {readOnly && (
        <>
          <RecordedResult recorded={readOnly.recorded} />
          <p className="hint">{t('readOnly.final')}</p>
        </>
      )}
      {!readOnly && score && (
        <>
          <p className={`verdict verdict--${passed ? 'passed' : 'failed'}`}>
            <span className="verdict__icon" aria-hidden="true" />
            {t(passed ? 'final.passed' : 'final.failed')}
          </p>
          <p className="lead">{t('final.score', { correct: score.raw, total: score.max, percent: toPercent(score.scaled) })}</p>
          <p>{passed ? t('final.passedText') : t('final.failedText', { percent: toPercent(mastery) })}</p>
        </>
      )}
      {!readOnly && status.best && score && status.best.scaled > score.scaled && (
        <p>{t('final.bestScore', { percent: toPercent(status.best.scaled) })}</p>
      )}
      {!readOnly && !passed && (
        <p>{status.attemptsLeft > 0 ? t('final.attemptsLeft', { count: status.attemptsLeft }) : t('final.noAttemptsLeft')}</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => send({ type: 'OPEN_RESULTS' })}>
          {t('menu.openResults')}
        </button>
        {canStart && (
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'BEGIN_ATTEMPT' })}>
            {t('final.retake')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'MENU' })}>
          {t('app.toMenu')}
        </button>
      </div>
    </>
  );
}
