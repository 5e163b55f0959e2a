/** Before an attempt: what the assessment is, how it is passed, how many attempts are left. */
import { ViewHeading } from '../shared/focus.tsx';
import { Html } from '../shared/Html.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { toPercent } from '../shared/ProgressBar.tsx';
import { usePrefetch, useT } from '../shared/use-texts.ts';
import { RecordedResult } from './RecordedResult.tsx';
import { useFinal } from './use-final.ts';

export function FinalIntro() {
  const { t } = useT(['ui', 'course']);
  const { send } = usePlayer();
  const { status, canStart, questionCount, mastery, readOnly } = useFinal();
  usePrefetch(['bank']);
  return (
    <>
      <ViewHeading>{t('course:final.title')}</ViewHeading>
      <Html html={t('course:final.intro')} />
      <h2 className="section-title">{t('final.facts')}</h2>
      <ul className="facts">
        <li>{t('final.questions', { count: questionCount })}</li>
        <li>{t('final.mastery', { percent: toPercent(mastery) })}</li>
        {/* Read-only: attempts and scores are the LMS's to say (below), not this attempt's to compute. */}
        {!readOnly && (
          <li>{status.attemptsLeft > 0 ? t('final.attemptsLeft', { count: status.attemptsLeft }) : t('final.noAttemptsLeft')}</li>
        )}
        {!readOnly && status.best && <li>{t('final.bestScore', { percent: toPercent(status.best.scaled) })}</li>}
      </ul>
      {readOnly ? (
        <>
          <RecordedResult recorded={readOnly.recorded} />
          <p className="hint">{t('readOnly.final')}</p>
        </>
      ) : (
        status.passed && <p className="verdict verdict--passed">{t('final.alreadyPassed')}</p>
      )}
      <div className="actions">
        {canStart && (
          <button type="button" className="button" onClick={() => send({ type: 'BEGIN_ATTEMPT' })}>
            {t(status.attemptsUsed > 0 ? 'final.retake' : 'final.begin')}
          </button>
        )}
        {status.attemptsUsed > 0 && (
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'OPEN_RESULTS' })}>
            {t('menu.openResults')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'MENU' })}>
          {t('app.toMenu')}
        </button>
      </div>
    </>
  );
}
