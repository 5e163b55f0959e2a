/**
 * The moment of completion, after a module's last step: what the learner did, how far the course has
 * come, and one clear next step (the next module, the final assessment or the results), with the menu
 * beside it. The machine rests here (`completed`), so a reload comes back to this screen.
 */
import { useSelector } from '@xstate/react';
import type { EngineEvent } from '../../engine/machine.ts';
import { moduleById } from '../../engine/progress.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useEffect } from 'react';
import { prefetchLaterViews } from '../lazy-views.ts';
import { usePrefetchNow, useT } from '../shared/use-texts.ts';
import { moduleSummary, modulesDone, nextStep, type NextStep } from './completed-model.ts';

export function CompletedView({ moduleId }: { moduleId: string }) {
  const { t } = useT();
  return (
    <section className="view view--completed completed">
      <p className="completed__badge" aria-hidden="true" />
      <ViewHeading>{t('completed.title')}</ViewHeading>
      <NamespaceGate ns={['modules']}>
        <Summary moduleId={moduleId} />
      </NamespaceGate>
    </section>
  );
}

function Summary({ moduleId }: { moduleId: string }) {
  const { t, i18n } = useT(['ui', 'modules']);
  const { actor, course, send, readingMinutes } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  const module = moduleById(course, moduleId);
  const next = nextStep(course, record, moduleId);
  usePrefetchNow(next.kind === 'module' ? [next.moduleId] : next.kind === 'final' ? ['bank'] : []);
  useEffect(() => {
    if (next.kind !== 'module') prefetchLaterViews();
  }, [next.kind]);
  if (!module) return null;
  const summary = moduleSummary(module, record);
  const progress = modulesDone(course, record);
  return (
    <>
      <p className="lead completed__module">{t(`modules:${module.id}.title`)}</p>
      <h2 className="completed__subtitle">{t('completed.done')}</h2>
      <ul className="completed__facts">
        <li>{t('completed.pages', { count: summary.pages })}</li>
        {summary.check && <li>{t('completed.check', summary.check)}</li>}
        {summary.reflected && <li>{t('completed.reflection')}</li>}
        {summary.rating !== undefined && <li>{t('completed.self', { value: summary.rating })}</li>}
      </ul>
      <p className="completed__progress">{t('completed.progress', progress)}</p>
      <NextCard next={next} minutes={readingMinutes[i18n.language]} onGo={(e) => send(e)} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'MENU' })}>
          {t('app.toMenu')}
        </button>
      </div>
    </>
  );
}

interface NextCardProps {
  next: NextStep;
  minutes: Record<string, number> | undefined;
  onGo(event: EngineEvent): void;
}

function NextCard({ next, minutes, onGo }: NextCardProps) {
  const { t } = useT(['ui', 'modules', 'course']);
  if (next.kind === 'module') {
    const title = t(`modules:${next.moduleId}.title`);
    const mins = minutes?.[next.moduleId];
    return (
      <section className="next-card" aria-labelledby="next-card-title">
        <p className="next-card__label">{t('completed.nextModule')}</p>
        <h2 id="next-card-title" className="next-card__title">
          {title}
        </h2>
        <p className="next-card__summary">{t(`modules:${next.moduleId}.summary`)}</p>
        {mins !== undefined && <p className="next-card__meta">{t('menu.minutes', { count: mins })}</p>}
        <button type="button" className="button" onClick={() => onGo({ type: 'OPEN_MODULE', moduleId: next.moduleId })}>
          {t('completed.openModule')}
          <span className="visually-hidden">: {title}</span>
        </button>
      </section>
    );
  }
  const final = next.kind === 'final';
  return (
    <section className="next-card" aria-labelledby="next-card-title">
      <p className="next-card__label">{t('completed.nextLabel')}</p>
      <h2 id="next-card-title" className="next-card__title">
        {final ? t('course:final.title') : t('course:closing.title')}
      </h2>
      <p className="next-card__summary">{final ? t('completed.finalReady') : t('completed.resultsReady')}</p>
      <button type="button" className="button" onClick={() => onGo(final ? { type: 'OPEN_FINAL' } : { type: 'OPEN_RESULTS' })}>
        {final ? t('menu.openFinal') : t('menu.openResults')}
      </button>
    </section>
  );
}
