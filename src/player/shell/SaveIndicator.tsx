/** A quiet word on saving. Not a live region: announcing every save would drown the content. */
import type { SaveState } from '../../session/index.ts';
import { useT } from '../shared/use-texts.ts';

export function SaveIndicator({ state }: { state?: SaveState }) {
  const { t } = useT();
  if (!state) return null;
  return (
    <p className={`save-indicator save-indicator--${state}`}>
      <span className="visually-hidden">{t('header.saveLabel')}: </span>
      {t(`save.${state}`)}
    </p>
  );
}
