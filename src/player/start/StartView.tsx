/**
 * The course's front page: what it is, for whom, how long it takes, and the Start button. It is also the
 * launch page's pre-rendered first screen (src/app/prerender.tsx), which the app hydrates: its first
 * render is the same markup, and the learner's name takes the place of the course facts only after it.
 */
import { usePlayer } from '../shared/player-context.tsx';
import { ViewHeading } from '../shared/focus.tsx';
import { useLaunched } from '../shared/hydration.ts';
import { usePrefetchNow, useT } from '../shared/use-texts.ts';

export function StartView() {
  const { t, i18n } = useT(['ui', 'course']);
  const { course, send, session, readingMinutes } = usePlayer();
  const launched = useLaunched();
  // At once, and never cancelled by the tap on Start: the menu's titles, and the first module.
  usePrefetchNow(['modules', course.modules[0]!.id]);
  const name = launched ? session.start.learnerName : undefined;
  const audience = i18n.exists('course:audience') ? t('course:audience') : undefined;
  const minutes = Object.values(readingMinutes[i18n.language] ?? readingMinutes[course.defaultLanguage] ?? {}).reduce((n, m) => n + m, 0);
  return (
    <section className="view view--start start">
      {/* One line either way, so the name replacing the facts moves nothing */}
      <p className="eyebrow start__eyebrow">
        {name ? t('start.greeting', { name }) : t('start.facts', { count: course.modules.length, minutes })}
      </p>
      <ViewHeading>{t('course:title')}</ViewHeading>
      <p className="lead">{t('course:description')}</p>
      {audience && (
        <p>
          <strong>{t('start.audience')}:</strong> {audience}
        </p>
      )}
      <div className="actions">
        {/* data-early: the launch page keeps a tap on it made before the app runs (src/app/early-taps.ts) */}
        <button type="button" className="button button--large" data-early="start" onClick={() => send({ type: 'START' })}>
          {t('start.start')}
        </button>
      </div>
    </section>
  );
}
