/** The 1-5 self-assessment: a radio group whose every step shows its description. */
import { useSelector } from '@xstate/react';
import { useId } from 'react';
import type { Module } from '../../content-model/types.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from '../shell/use-read-only.ts';

export const SCALE = [1, 2, 3, 4, 5] as const;

export function SelfAssessmentView({ module }: { module: Module }) {
  const { t } = useT(['ui', module.id]);
  const { actor, send } = usePlayer();
  const rating = useSelector(actor, (s) => s.context.record.modules[module.id]?.rating);
  const id = useId();
  if (useReadOnly())
    return (
      // Read-only (review, browse): the saved rating as text; rating is not offered.
      <div className="self-assessment">
        <ViewHeading>{t('self.title')}</ViewHeading>
        <p className="lead">{t(`${module.id}:selfAssessment.question`)}</p>
        <p className="hint">{t('readOnly.self')}</p>
        {rating === undefined ? (
          <p>{t('readOnly.notRated')}</p>
        ) : (
          <p>
            <strong>{t('readOnly.rating', { value: rating })}</strong> {t(`${module.id}:selfAssessment.steps.${rating}`)}
          </p>
        )}
      </div>
    );
  return (
    <div className="self-assessment">
      <ViewHeading>{t('self.title')}</ViewHeading>
      <fieldset className="question__fieldset" aria-describedby={`${id}-intro`}>
        <legend className="question__legend">
          <span className="question__prompt">{t(`${module.id}:selfAssessment.question`)}</span>
        </legend>
        <p id={`${id}-intro`} className="hint">
          {t('self.intro')}
        </p>
        <div className="options scale">
          {SCALE.map((value) => (
            <label key={value} className={`option scale__step${rating === value ? ' option--chosen' : ''}`}>
              <input
                type="radio"
                name={`self-${module.id}`}
                value={value}
                checked={rating === value}
                onChange={() => send({ type: 'RATE', value })}
              />
              <span className="option__text">
                <strong className="scale__value">{t('self.step', { value })}</strong>
                <span className="scale__description">{t(`${module.id}:selfAssessment.steps.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
