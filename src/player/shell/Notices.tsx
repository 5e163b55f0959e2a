/**
 * Messages for the learner (welcome back, save problems, ...). The list is a polite live region, so a
 * notice that appears later (a failing save) is announced; notices present at launch are simply shown.
 */
import type { Notice } from '../../session/index.ts';
import { useT } from '../shared/use-texts.ts';

export interface NoticesProps {
  notices: Notice[];
  onDismiss(notice: Notice): void;
  /** Shown with the welcome-back notice unless the learner is already in the menu. */
  onMenu?: () => void;
}

export function Notices({ notices, onDismiss, onMenu }: NoticesProps) {
  const { t } = useT();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.key} className={`notice notice--${n.tone}`}>
          <p className="notice__text">{t(`notices.${n.key}`, n.params ?? {})}</p>
          <div className="notice__actions">
            {n.key === 'welcomeBack' && onMenu && (
              <button type="button" className="button button--secondary" onClick={onMenu}>
                {t('notices.toMenu')}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={() => onDismiss(n)}>
              {t('notices.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
