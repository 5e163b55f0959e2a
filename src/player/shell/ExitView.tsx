/** Shown after Exit, for an LMS (or a browser) that leaves the window open. */
import { ViewHeading } from '../shared/focus';
import { useT } from '../shared/use-texts';

export function ExitView({ onResume }: { onResume(): void }) {
  const { t } = useT();
  return (
    <section className="view view--exit">
      <ViewHeading>{t('exit.title')}</ViewHeading>
      <p>{t('exit.body')}</p>
      <button type="button" className="button" onClick={onResume}>
        {t('exit.resume')}
      </button>
    </section>
  );
}
