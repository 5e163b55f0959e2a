/**
 * The course header: the course's title, its overall progress, the save state and Exit, on the same
 * grid as the content below. The language is chosen at the foot of the page (see Footer.tsx).
 */
import { useSelector } from '@xstate/react';
import type { SaveState } from '../../session/index.ts';
import { courseStatus } from '../../engine/progress.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { ProgressBar, toPercent } from '../shared/ProgressBar.tsx';
import { useT } from '../shared/use-texts.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import { useReadOnly } from './use-read-only.ts';

/** `onExit` is absent once the session has ended. */
export function Header({ saveState, onExit }: { saveState?: SaveState; onExit?: () => void }) {
  const { t } = useT(['ui', 'course']);
  const { actor, course } = usePlayer();
  const progress = useSelector(actor, (s) => courseStatus(course, s.context.record).progress);
  const percent = toPercent(progress);
  // Review and browse store nothing: the indicator never says "saved" there, whatever the session reports.
  const readOnly = !!useReadOnly();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="site-header__brand">
          {/* Decorative: the theme may set a logo through --logo; the course title beside it names the course. */}
          <span className="brand-logo" aria-hidden="true" />
          <p className="site-header__title">{t('course:title')}</p>
        </div>
        <div className="site-header__tools">
          {/* A slot that keeps its room while the save state comes and goes, so nothing beside it moves */}
          <div className="site-header__save">
            <SaveIndicator state={readOnly ? 'off' : saveState} />
          </div>
          {onExit && (
            <button type="button" className="button button--quiet site-header__exit" onClick={onExit}>
              {t('app.exit')}
            </button>
          )}
        </div>
        <ProgressBar
          className="site-header__progress"
          value={progress}
          label={t('header.progressLabel')}
          text={t('header.progressText', { percent })}
        />
      </div>
    </header>
  );
}
