/**
 * Review and browse: a statement on every screen that this attempt stores nothing, and how to get one
 * that does. Deliberately not a notice: it cannot be dismissed, because it stays true for the whole run.
 */
import { useId } from 'react';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from './use-read-only.ts';
import './read-only.css';

export function ReadOnlyBanner() {
  const { t } = useT();
  const readOnly = useReadOnly();
  const titleId = useId();
  if (!readOnly) return null;
  return (
    <section className={`read-only-banner read-only-banner--${readOnly.mode}`} aria-labelledby={titleId} data-read-only={readOnly.mode}>
      <span className="read-only-banner__icon" aria-hidden="true" />
      <div>
        {/* Not a heading: it comes before the view's own h1, and its region is named by it. */}
        <p id={titleId} className="read-only-banner__title">
          {t(`readOnly.${readOnly.mode}.title`)}
        </p>
        <p>{t(`readOnly.${readOnly.mode}.text`)}</p>
        <p>{t('readOnly.newAttempt')}</p>
      </div>
    </section>
  );
}
