/** Back / Next at the foot of every module step. */
import { useId } from 'react';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';

export interface ModuleNavProps {
  /** The module's first step has no Back (the machine has no step before it; the menu button is above). */
  first: boolean;
  /** On the last step Next finishes the module. */
  last: boolean;
  /** Why Next is not possible yet; Next is disabled while this is set. */
  blocked?: string;
}

export function ModuleNav({ first, last, blocked }: ModuleNavProps) {
  const { t } = useT();
  const { send } = usePlayer();
  const reasonId = useId();
  return (
    <div className="step-nav">
      {blocked && (
        <p id={reasonId} className="step-nav__reason">
          {blocked}
        </p>
      )}
      <div className="step-nav__buttons">
        {!first && (
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'BACK' })}>
            {t('module.back')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!!blocked}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={() => send({ type: 'NEXT' })}
        >
          {last ? t('module.finish') : t('module.next')}
        </button>
      </div>
    </div>
  );
}
