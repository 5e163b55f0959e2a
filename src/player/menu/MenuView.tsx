/** The module menu: every module with its status, progress and time, then the final and the results. */
import { useSelector } from '@xstate/react';
import { finalStatus, finalUnlocked } from '../../engine/progress.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { ProgressBar, toPercent } from '../shared/ProgressBar.tsx';
import { useT } from '../shared/use-texts.ts';
import { menuEntries, type ModuleEntry } from './menu-model.ts';

export function MenuView() {
  const { t } = useT();
  return (
    <section className="view view--menu">
      <ViewHeading>{t('menu.title')}</ViewHeading>
      <NamespaceGate ns={['modules']}>
        <ModuleList />
        <ul className="card-list card-list--closing">
          <FinalCard />
          <ResultsCard />
        </ul>
      </NamespaceGate>
    </section>
  );
}

function ModuleList() {
  const { i18n } = useT();
  const { actor, course, readingMinutes } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  const lang = i18n.language;
  const entries = menuEntries(course, record, readingMinutes[lang]);
  return (
    <ol className="card-list">
      {entries.map((e) => (
        <ModuleCard key={e.id} entry={e} />
      ))}
    </ol>
  );
}

function ModuleCard({ entry }: { entry: ModuleEntry }) {
  const { t } = useT(['ui', 'modules']);
  const { send } = usePlayer();
  const title = t(`modules:${entry.id}.title`);
  const titleId = `module-${entry.id}-title`;
  return (
    <li className={`card module-card module-card--${entry.status}`}>
      <h2 id={titleId} className="card__title">
        {title}
      </h2>
      <p>{t(`modules:${entry.id}.summary`)}</p>
      <p className="card__meta">
        <span className={`status status--${entry.status}`}>
          <span className="status__icon" aria-hidden="true" />
          <span className="visually-hidden">{t('menu.statusLabel')} </span>
          {t(`menu.status.${entry.status}`)}
        </span>
        {entry.minutes !== undefined && <span className="card__minutes">{t('menu.minutes', { count: entry.minutes })}</span>}
      </p>
      <ProgressBar
        value={entry.progress}
        label={t('menu.progressLabel', { title })}
        text={t('menu.progressText', { percent: toPercent(entry.progress) })}
      />
      {entry.locked ? (
        <p className="locked">{t('menu.locked')}</p>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => send({ type: 'OPEN_MODULE', moduleId: entry.id })}>
            {t(`menu.open.${entry.status}`)}
            <span className="visually-hidden">: {title}</span>
          </button>
        </div>
      )}
    </li>
  );
}

function FinalCard() {
  const { t } = useT(['ui', 'course']);
  const { actor, course, send } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  const status = finalStatus(course, record);
  const unlocked = finalUnlocked(course, record);
  const title = t('course:final.title');
  return (
    <li className="card final-card">
      <h2 id="final-card-title" className="card__title">
        {title}
      </h2>
      <p>{t('menu.finalSummary')}</p>
      <p className="card__meta">
        {status.passed && (
          <span className="status status--completed">
            <span className="status__icon" aria-hidden="true" />
            {t('menu.passed')}
          </span>
        )}
        {status.best && <span>{t('menu.bestScore', { percent: toPercent(status.best.scaled) })}</span>}
        <span>{t('menu.attemptsLeft', { count: status.attemptsLeft })}</span>
      </p>
      {unlocked ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => send({ type: 'OPEN_FINAL' })}>
            {t('menu.openFinal')}
          </button>
        </div>
      ) : (
        <p className="locked">{t('menu.finalLocked')}</p>
      )}
    </li>
  );
}

function ResultsCard() {
  const { t } = useT(['ui', 'course']);
  const { send } = usePlayer();
  return (
    <li className="card results-card">
      <h2 id="results-card-title" className="card__title">
        {t('course:closing.title')}
      </h2>
      <p>{t('menu.resultsSummary')}</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'OPEN_RESULTS' })}>
          {t('menu.openResults')}
        </button>
      </div>
    </li>
  );
}
