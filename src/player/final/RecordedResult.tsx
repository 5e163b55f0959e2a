/**
 * In review and browse: the result as the LMS holds it (read at launch), never one computed in this
 * attempt, because nothing computed here reaches the LMS.
 */
import type { RecordedResult as Recorded } from '../../engine/machine.ts';
import { toPercent } from '../shared/ProgressBar.tsx';
import { useT } from '../shared/use-texts.ts';

const VERDICT: Record<string, 'passed' | 'failed'> = { passed: 'passed', failed: 'failed' };

/** `heading`: the level of its title where it stands ('none' in a card, whose own title says enough). */
export function RecordedResult({ recorded, heading = 'h2' }: { recorded: Recorded; heading?: 'h2' | 'h3' | 'none' }) {
  const { t, i18n } = useT();
  const { status, score } = recorded;
  if (status === undefined && score === undefined) return <p className="recorded-result">{t('readOnly.recordedUnknown')}</p>;
  const statusKey = `readOnly.status.${status}`;
  const verdict = status ? VERDICT[status] : undefined;
  return (
    <div className="recorded-result">
      {heading === 'h2' && <h2 className="section-title">{t('readOnly.recordedTitle')}</h2>}
      {heading === 'h3' && <h3>{t('readOnly.recordedTitle')}</h3>}
      {status !== undefined && (
        <p className={verdict ? `verdict verdict--${verdict}` : 'lead'}>
          {verdict && <span className="verdict__icon" aria-hidden="true" />}
          {t('readOnly.recordedStatus', { status: i18n.exists(statusKey) ? t(statusKey) : status })}
        </p>
      )}
      {score !== undefined && <p className="lead">{t('readOnly.recordedScore', { percent: toPercent(score) })}</p>}
    </div>
  );
}
