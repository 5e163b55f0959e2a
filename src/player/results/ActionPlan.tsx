/** The personal action plan: one next step per principle, saved like every other answer. */
import { useSelector } from '@xstate/react';
import { useCallback } from 'react';
import type { Module } from '../../content-model/types.ts';
import { useRoom } from '../reflection/use-room.ts';
import { LimitedTextField } from '../shared/LimitedTextField.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useDraft } from '../shared/use-draft.ts';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from '../shell/use-read-only.ts';
import { downloadFile, planHtml } from './plan-document.ts';
import { planModules } from './results-model.ts';

export function ActionPlan() {
  const { t, i18n } = useT(['ui', 'course']);
  const { actor, course, flushDrafts } = usePlayer();
  const modules = planModules(course);
  if (!modules.length) return null;

  const download = () => {
    flushDrafts(); // the file holds exactly what the learner sees
    const record = actor.getSnapshot().context.record;
    const html = planHtml({
      lang: i18n.language,
      title: t('results.documentTitle'),
      courseTitle: t('course:title'),
      intro: t('course:closing.planIntro'),
      ratingLabel: t('results.rating'),
      emptyStep: t('results.planEmpty'),
      date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date()),
      items: modules.map((m) => {
        const r = record.modules[m.id];
        return {
          title: t(`${m.id}:title`),
          rating: r?.rating === undefined ? t('results.notRated') : t('results.ratingValue', { value: r.rating }),
          step: r?.plan ?? '',
        };
      }),
    });
    downloadFile(`${t('results.fileName')}.html`, html, 'text/html;charset=utf-8');
  };

  const print = () => {
    flushDrafts();
    window.print();
  };

  return (
    <section className="results__section action-plan" aria-labelledby="results-plan">
      <h2 id="results-plan" className="section-title">
        {t('results.planTitle')}
      </h2>
      <p>{t('course:closing.planIntro')}</p>
      <ReadOnlyPlanHint />
      {modules.map((m) => (
        <PlanField key={m.id} module={m} />
      ))}
      <div className="actions no-print">
        <button type="button" className="button" onClick={print}>
          {t('results.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {t('results.download')}
        </button>
      </div>
    </section>
  );
}

function ReadOnlyPlanHint() {
  const { t } = useT();
  return useReadOnly() ? <p className="hint">{t('readOnly.plan')}</p> : null;
}

function PlanField({ module }: { module: Module }) {
  const readOnly = !!useReadOnly();
  return readOnly ? <SavedPlan module={module} /> : <EditablePlan module={module} />;
}

/** Read-only: the step as it was saved, as text (a field that cannot store is not offered). */
function SavedPlan({ module }: { module: Module }) {
  const { t } = useT(['ui', module.id]);
  const { actor } = usePlayer();
  const saved = useSelector(actor, (s) => s.context.record.modules[module.id]?.plan ?? '');
  return (
    <div className="plan-step">
      <h3>{t(`${module.id}:title`)}</h3>
      <p className={saved ? 'reflection-entry__text' : 'reflection-entry__text hint'}>{saved || t('results.planEmpty')}</p>
    </div>
  );
}

function EditablePlan({ module }: { module: Module }) {
  const { t } = useT(['ui', module.id]);
  const { actor } = usePlayer();
  const saved = useSelector(actor, (s) => s.context.record.modules[module.id]?.plan ?? '');
  const commit = useCallback((text: string) => actor.send({ type: 'SET_PLAN', moduleId: module.id, text }), [actor, module.id]);
  const draft = useDraft(saved, commit);
  const room = useRoom('plan', module.id, draft.text);
  const title = t(`${module.id}:title`);
  return (
    <div className="plan-step">
      <div className="no-print">
        <LimitedTextField
          label={t('results.planLabel', { title })}
          hint={t('results.planHint', { hint: t(`${module.id}:actionPlan.hint`) })}
          value={draft.text}
          max={room.max}
          accepts={room.accepts}
          limitNote={room.bySavedState ? t('notices.roomForText') : undefined}
          rows={3}
          onChange={draft.change}
          onBlur={draft.flush}
        />
      </div>
      {/* A text area prints poorly (cut off, with a frame); print shows the step as text instead. */}
      <div className="print-only">
        <h3>{title}</h3>
        <p className="reflection-entry__text">{draft.text || t('results.planEmpty')}</p>
      </div>
    </div>
  );
}
