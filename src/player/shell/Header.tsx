/** The course header: title, overall progress, language, save state and Exit. */
import { useSelector } from '@xstate/react';
import type { SaveState } from '../../session/index.ts';
import { courseStatus } from '../../engine/progress.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { ProgressBar, toPercent } from '../shared/ProgressBar.tsx';
import { useT } from '../shared/use-texts.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

/** `onExit` is absent once the session has ended. */
export function Header({ saveState, onExit }: { saveState?: SaveState; onExit?: () => void }) {
  const { t } = useT(['ui', 'course']);
  const { actor, course } = usePlayer();
  const progress = useSelector(actor, (s) => courseStatus(course, s.context.record).progress);
  const percent = toPercent(progress);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="site-header__brand">
          {/* Decorative: the theme may set a logo through --logo; the course title beside it names the course. */}
          <span className="brand-logo" aria-hidden="true" />
          <p className="site-header__title">{t('course:title')}</p>
        </div>
        <ProgressBar
          className="site-header__progress"
          value={progress}
          label={t('header.progressLabel')}
          text={t('header.progressText', { percent })}
        />
        <div className="site-header__tools">
          <LanguagePicker />
          <SaveIndicator state={saveState} />
          {onExit && (
            <button type="button" className="button button--quiet" onClick={onExit}>
              {t('app.exit')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
