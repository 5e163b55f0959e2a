/** The course's front page: what it is, for whom, and the Start button. */
import { usePlayer } from '../shared/player-context.tsx';
import { ViewHeading } from '../shared/focus.tsx';
import { usePrefetch, useT } from '../shared/use-texts.ts';

export function StartView() {
  const { t, i18n } = useT(['ui', 'course']);
  const { course, send, session } = usePlayer();
  // While the learner reads this page: the menu's titles, and the first module.
  usePrefetch(['modules', course.modules[0]!.id]);
  const name = session.start.learnerName;
  const audience = i18n.exists('course:audience') ? t('course:audience') : undefined;
  return (
    <section className="view view--start">
      <ViewHeading>{t('course:title')}</ViewHeading>
      {name && <p>{t('start.greeting', { name })}</p>}
      <p className="lead">{t('course:description')}</p>
      {audience && (
        <p>
          <strong>{t('start.audience')}:</strong> {audience}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => send({ type: 'START' })}>
          {t('start.start')}
        </button>
      </div>
    </section>
  );
}
