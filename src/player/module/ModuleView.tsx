/** A module: its pages, then its knowledge check, reflection and self-assessment, one step at a time. */
import { useSelector } from '@xstate/react';
import { Suspense, useEffect } from 'react';
import type { Module } from '../../content-model/types.ts';
import { checkSettled, moduleById, moduleSteps } from '../../engine/progress.ts';
import type { StepKey } from '../../engine/record.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { CheckView, prefetchCheck, prefetchModuleSteps, ReflectionView, SelfAssessmentView } from '../lazy-views.ts';
import { whenIdle } from '../shared/idle.ts';
import { LoadingState, NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { usePrefetch, useT } from '../shared/use-texts.ts';
import type { View } from '../shared/view.ts';
import { useReadOnly } from '../shell/use-read-only.ts';
import { BlockView } from './Block.tsx';
import { ModuleNav } from './ModuleNav.tsx';
import { StepList } from './StepList.tsx';

type ModuleViewState = Extract<View, { at: 'module' }>;

export function ModuleView({ view }: { view: ModuleViewState }) {
  const { course } = usePlayer();
  const module = moduleById(course, view.moduleId);
  const next = course.modules[course.modules.findIndex((m) => m.id === view.moduleId) + 1];
  usePrefetch(next ? [next.id] : []);
  // The knowledge check's code is its own chunk: fetched while the learner reads the pages.
  const hasCheck = !!module?.questions.length;
  useEffect(() => (hasCheck ? whenIdle(prefetchCheck) : undefined), [hasCheck]);
  // So are the reflection, the self-assessment and the completion page.
  useEffect(() => whenIdle(prefetchModuleSteps), []);
  if (!module) return null;
  return (
    <section className="view view--module">
      <NamespaceGate ns={[module.id]}>
        <ModuleStep module={module} view={view} />
      </NamespaceGate>
    </section>
  );
}

function ModuleStep({ module, view }: { module: Module; view: ModuleViewState }) {
  const { t } = useT(['ui', module.id]);
  const { actor, course, send } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record.modules[module.id]);
  const steps = moduleSteps(module);
  const current: StepKey = view.step === 'page' ? `page:${view.pageId}` : view.step;
  const index = Math.max(0, steps.indexOf(current));
  // Read-only: nothing holds the learner (answers and ratings cannot be given), and the last step leads
  // on without finishing the module (that could not be stored); see the machine's read-only branches.
  const readOnly = !!useReadOnly();

  const blocked = readOnly
    ? undefined
    : view.step === 'check' && !checkSettled(module, record, course.settings.knowledgeCheck.attempts)
      ? t('check.nextBlocked')
      : view.step === 'self' && record?.rating === undefined
        ? t('self.nextBlocked')
        : undefined;

  return (
    <>
      <div className="module-head">
        <button type="button" className="button button--link module-head__menu" onClick={() => send({ type: 'MENU' })}>
          <span className="module-head__arrow" aria-hidden="true" />
          {t('app.toMenu')}
        </button>
        <p className="step-indicator">{t('module.step', { current: index + 1, total: steps.length })}</p>
      </div>
      <p className="eyebrow module-head__title">{t(`${module.id}:title`)}</p>
      <StepContent module={module} view={view} />
      {/* The module's steps, then Back / Next: the way on is the last thing on the page. */}
      <StepList module={module} current={current} />
      <ModuleNav first={index === 0} last={index === steps.length - 1 && (!readOnly || !!record?.done)} blocked={blocked} />
    </>
  );
}

function StepContent({ module, view }: { module: Module; view: ModuleViewState }) {
  switch (view.step) {
    case 'check':
      return (
        <Suspense fallback={<LoadingState />}>
          <CheckView module={module} />
        </Suspense>
      );
    case 'reflection':
      return (
        <Suspense fallback={<LoadingState />}>
          <ReflectionView module={module} />
        </Suspense>
      );
    case 'self':
      return (
        <Suspense fallback={<LoadingState />}>
          <SelfAssessmentView module={module} />
        </Suspense>
      );
    case 'page':
      return <PageView module={module} pageId={view.pageId} />;
  }
}

function PageView({ module, pageId }: { module: Module; pageId: string }) {
  const { t } = useT(['ui', module.id]);
  const page = module.pages.find((p) => p.id === pageId);
  if (!page) return null;
  return (
    <article className="page">
      <ViewHeading>{t(`${module.id}:pages.${page.id}.title`)}</ViewHeading>
      {page.blocks.map((b) => (
        <BlockView key={b.id} moduleId={module.id} pageId={page.id} block={b} />
      ))}
    </article>
  );
}
