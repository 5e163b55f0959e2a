/**
 * Messages for the learner (welcome back, save problems, ...). The list is a polite live region, so a
 * notice that appears later (a failing save) is announced; notices present at launch are simply shown.
 * Each notice's close button has its own name ("Close the welcome message"), so two notices never
 * offer two buttons that a screen reader announces alike.
 */
import type { Notice } from '../../session/index.ts';
import { useT } from '../shared/use-texts.ts';

export interface NoticesProps {
  notices: Notice[];
  onDismiss(notice: Notice): void;
  /** Shown with the welcome-back notice when the view itself offers no way to the menu. */
  onMenu?: (() => void) | undefined;
}

export function Notices({ notices, onDismiss, onMenu }: NoticesProps) {
  const { t, i18n } = useT();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => {
        const text = t(`notices.${n.key}`, n.params ?? {});
        const closeKey = `notices.close.${n.key}`;
        // A notice without its own close label (a new kind) is named by its text, which is unique too.
        const closeName = i18n.exists(closeKey) ? t(closeKey) : `${t('notices.dismiss')}: ${text}`;
        return (
          <div key={n.key} className={`notice notice--${n.tone}`}>
            <span className="notice__icon" aria-hidden="true" />
            <p className="notice__text">{text}</p>
            {n.key === 'welcomeBack' && onMenu && (
              <button type="button" className="button button--link notice__action" onClick={onMenu}>
                {t('notices.toMenu')}
              </button>
            )}
            <button type="button" className="notice__close" aria-label={closeName} onClick={() => onDismiss(n)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        );
      })}
    </div>
  );
}
