/**
 * The module menu: one compact row per module (status mark, title, summary, time and one action), the
 * next module to take marked out, then the final and the results. Status is said once per row, as a
 * mark with its words for screen readers; no per-row progress bar, so a screen shows many modules.
 *
 * The launch page also carries this menu pre-rendered at build time (src/app/prerender.tsx), which the
 * page's entry shows on a tap on Start before the player runs, and which the app then hydrates. The
 * build knows the modules but not the learner, so that markup is neutral: titles, summaries, minutes
 * and an "Open" on every row, and nothing about progress, which nobody could yet know to be true. The
 * first render of a hydration is that same neutral markup (`useLaunched`); the learner's status fills
 * in just after, on the same rows.
 */
import { useSelector } from '@xstate/react';
import type { TFunction } from 'i18next';
import { memo, useCallback, useDeferredValue, useEffect } from 'react';
import { finalStatus, finalUnlocked } from '../../engine/progress.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { useLaunched } from '../shared/hydration.ts';
import { NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { toPercent } from '../shared/ProgressBar.tsx';
import { whenIdle } from '../shared/idle.ts';
import { usePrefetcher, usePrefetchNow, useT } from '../shared/use-texts.ts';
import { prefetchLaterViews } from '../lazy-views.ts';
import { RecordedResult } from '../final/RecordedResult.tsx';
import { useReadOnly } from '../shell/use-read-only.ts';
import { menuEntries, menuOverview, type ModuleEntry } from './menu-model.ts';

export function MenuView() {
  const { t } = useT();
  // What the menu leads to: the final's and the results' code, once the menu is drawn and the browser idle.
  useEffect(() => whenIdle(prefetchLaterViews), []);
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

/** More rows than a tall screen shows. */
const FIRST_ROWS = 16;

function ModuleList() {
  const { t, i18n } = useT(['ui', 'modules']);
  const { actor, course, readingMinutes, send } = usePlayer();
  const prefetch = usePrefetcher();
  const known = useLaunched();
  const record = useSelector(actor, (s) => s.context.record);
  const lang = i18n.language;
  // Read-only: every module may be looked at (the machine lets the learner go anywhere).
  const readOnly = !!useReadOnly();
  const all = menuEntries(course, record, readingMinutes[lang]);
  const entries = readOnly ? all.map((e) => (e.locked ? { ...e, locked: false } : e)) : all;
  const overview = menuOverview(entries);
  // The module the learner will most likely open next, at once.
  usePrefetchNow(overview.nextId ? [overview.nextId] : []);
  // One set of hooks for the whole list, handed to the rows: a row is plain markup, so a long course's
  // menu costs little more to draw than a short one's.
  const open = useCallback((id: string) => send({ type: 'OPEN_MODULE', moduleId: id }), [send]);
  const hint = useCallback((id: string) => prefetch([id]), [prefetch]);
  // The first screenful of rows comes at once, the rest in a background render just after: the menu is
  // on screen as soon for 100 modules as for 10.
  const count = useDeferredValue(entries.length, Math.min(entries.length, FIRST_ROWS));
  return (
    <>
      <p className="menu-overview">
        {known ? (
          <>
            {t('menu.overview', { done: overview.done, total: entries.length })}
            {overview.minutesLeft > 0 && <> · {t('menu.timeLeft', { count: overview.minutesLeft })}</>}
          </>
        ) : (
          // What is true for every learner: the course's facts, as on the start screen
          t('start.facts', { count: entries.length, minutes: entries.reduce((n, e) => n + (e.minutes ?? 0), 0) })
        )}
      </p>
      <ol className="module-list">
        {entries.slice(0, count).map((e, i) => (
          <ModuleRow
            key={e.id}
            entry={known ? e : neutral(e)}
            number={i + 1}
            next={known && e.id === overview.nextId}
            t={t}
            open={open}
            hint={hint}
          />
        ))}
      </ol>
    </>
  );
}

/** A row as the build can render it: the module, not the learner's status (which is not known yet). */
const neutral = (e: ModuleEntry): ModuleEntry | NeutralEntry => ({
  id: e.id,
  status: 'unknown',
  progress: 0,
  locked: false,
  ...(e.minutes !== undefined ? { minutes: e.minutes } : {}),
});

type NeutralEntry = Omit<ModuleEntry, 'status'> & { status: 'unknown' };

interface ModuleRowProps {
  entry: ModuleEntry | NeutralEntry;
  number: number;
  next: boolean;
  /** The list's `t`: a new one when the language changes, so rows redraw then. */
  t: TFunction;
  open(id: string): void;
  hint(id: string): void;
}

/** Memoised: a row redraws only when its own entry (or the language) changes. */
const ModuleRow = memo(
  function ModuleRow({ entry, number, next, t, open, hint }: ModuleRowProps) {
    const title = t(`modules:${entry.id}.title`);
    const titleId = `module-${entry.id}-title`;
    return (
      <li className={`module-row module-row--${entry.status}${next ? ' module-row--next' : ''}`}>
        <span className="module-row__mark" aria-hidden="true">
          {entry.status === 'completed' ? '' : number}
        </span>
        <div className="module-row__body">
          <h2 id={titleId} className="module-row__title">
            {title}
          </h2>
          <p className="module-row__summary">{t(`modules:${entry.id}.summary`)}</p>
          <p className="module-row__meta">
            {entry.status !== 'unknown' && (
              <span className={`status status--${entry.status}`}>
                <span className="visually-hidden">{t('menu.statusLabel')} </span>
                {t(`menu.status.${entry.status}`)}
                {entry.status === 'in-progress' && (
                  <span className="visually-hidden">, {t('menu.progressText', { percent: toPercent(entry.progress) })}</span>
                )}
              </span>
            )}
            {entry.minutes !== undefined && <span className="module-row__minutes">{t('menu.minutes', { count: entry.minutes })}</span>}
          </p>
          {entry.locked && <p className="locked">{t('menu.locked')}</p>}
        </div>
        {!entry.locked && (
          <button
            type="button"
            className={next ? 'button module-row__action' : 'button button--secondary module-row__action'}
            // The launch page keeps a tap on it made before the app runs (src/app/early-taps.ts)
            data-early={`open:${entry.id}`}
            onClick={() => open(entry.id)}
            onPointerEnter={() => hint(entry.id)}
            onFocus={() => hint(entry.id)}
          >
            {entry.status === 'unknown' ? t('menu.openAny') : t(`menu.open.${entry.status}`)}
            <span className="visually-hidden">: {title}</span>
          </button>
        )}
      </li>
    );
  },
  (a, b) =>
    a.number === b.number &&
    a.next === b.next &&
    a.t === b.t &&
    a.open === b.open &&
    a.hint === b.hint &&
    a.entry.id === b.entry.id &&
    a.entry.status === b.entry.status &&
    a.entry.progress === b.entry.progress &&
    a.entry.locked === b.entry.locked &&
    a.entry.minutes === b.entry.minutes,
);

function FinalCard() {
  const { t } = useT(['ui', 'course']);
  const { actor, course, send } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  const status = finalStatus(course, record);
  const readOnly = useReadOnly();
  const known = useLaunched();
  const unlocked = !!readOnly || finalUnlocked(course, record);
  const title = t('course:final.title');
  return (
    <li className="card final-card">
      <div className="card__body">
        <h2 id="final-card-title" className="card__title">
          {title}
        </h2>
        <p>{t('menu.finalSummary')}</p>
        {/* Before the learner is known (the pre-rendered menu), nothing about their attempts */}
        {known && (
          <>
            {/* Read-only: the result is the one the LMS holds, never one computed from this attempt's record. */}
            {readOnly && <RecordedResult recorded={readOnly.recorded} heading="none" />}
            <p className="card__meta" hidden={!!readOnly}>
              {status.passed && (
                <span className="status status--completed">
                  <span className="status__icon" aria-hidden="true" />
                  {t('menu.passed')}
                </span>
              )}
              {status.best && <span>{t('menu.bestScore', { percent: toPercent(status.best.scaled) })}</span>}
              <span>{t('menu.attemptsLeft', { count: status.attemptsLeft })}</span>
            </p>
            {!unlocked && <p className="locked">{t('menu.finalLocked')}</p>}
          </>
        )}
      </div>
      {known && unlocked && (
        <button type="button" className="button card__action" onClick={() => send({ type: 'OPEN_FINAL' })}>
          {t('menu.openFinal')}
        </button>
      )}
    </li>
  );
}

function ResultsCard() {
  const { t } = useT(['ui', 'course']);
  const { send } = usePlayer();
  return (
    <li className="card results-card">
      <div className="card__body">
        <h2 id="results-card-title" className="card__title">
          {t('course:closing.title')}
        </h2>
        <p>{t('menu.resultsSummary')}</p>
      </div>
      <button type="button" className="button button--secondary card__action" onClick={() => send({ type: 'OPEN_RESULTS' })}>
        {t('menu.openResults')}
      </button>
    </li>
  );
}
