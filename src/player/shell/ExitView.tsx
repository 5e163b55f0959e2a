/**
 * Shown after Exit, for an LMS (or a browser) that leaves the window open. The session has ended
 * (tracking has terminated it), so there is deliberately no way back into the course from here.
 */
import { ViewHeading } from '../shared/focus.tsx';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from './use-read-only.ts';

export function ExitView() {
  const { t } = useT();
  const readOnly = useReadOnly();
  return (
    <section className="view view--exit">
      <ViewHeading>{t('exit.title')}</ViewHeading>
      <p>{t(readOnly ? 'readOnly.exitBody' : 'exit.body')}</p>
    </section>
  );
}
