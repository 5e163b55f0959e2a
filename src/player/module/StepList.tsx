/** The module's contents: its pages (each can be opened) and its activities, with the current one marked. */
import type { Module } from '../../content-model/types.ts';
import type { StepKey } from '../../engine/record.ts';
import { moduleSteps } from '../../engine/progress.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';

export function StepList({ module, current }: { module: Module; current: StepKey }) {
  const { t } = useT(['ui', module.id]);
  const { send } = usePlayer();
  return (
    <nav className="step-list" aria-label={t('module.contents')}>
      <ol>
        {moduleSteps(module).map((step) => {
          const here = step === current;
          if (step.startsWith('page:')) {
            const pageId = step.slice(5);
            return (
              <li key={step}>
                <button
                  type="button"
                  className="step-list__item"
                  aria-current={here ? 'step' : undefined}
                  onClick={() => !here && send({ type: 'GOTO_PAGE', pageId })}
                >
                  {t(`${module.id}:pages.${pageId}.title`)}
                </button>
              </li>
            );
          }
          return (
            <li key={step}>
              <span className="step-list__item step-list__item--activity" aria-current={here ? 'step' : undefined}>
                {t(`module.steps.${step}`)}
                {here && <span className="visually-hidden"> {t('module.current')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
