/**
 * The closing module: the final score, the self-assessment picture, the learner's reflections and
 * decisions, and their personal action plan, which they can edit, print and download.
 */
import { useSelector } from '@xstate/react';
import { finalStatus, finalUnlocked } from '../../engine/progress.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { Html } from '../shared/Html.tsx';
import { NamespaceGate } from '../shared/NamespaceGate.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { toPercent } from '../shared/ProgressBar.tsx';
import { useT } from '../shared/use-texts.ts';
import { RecordedResult } from '../final/RecordedResult.tsx';
import { useReadOnly } from '../shell/use-read-only.ts';
import { ActionPlan } from './ActionPlan.tsx';
import { decisionPlaces, Decisions } from './Decisions.tsx';
import { principleModules } from './results-model.ts';
import { SelfAssessmentSummary } from './SelfAssessmentSummary.tsx';

export function ResultsView() {
  const { t } = useT(['ui', 'course']);
  const { course } = usePlayer();
  const needed = [
    ...new Set([
      ...course.modules.filter((m) => m.reflection || m.selfAssessment).map((m) => m.id),
      ...decisionPlaces(course).map((d) => d.moduleId),
    ]),
  ];
  return (
    <section className="view view--results results">
      <ViewHeading>{t('course:closing.title')}</ViewHeading>
      <Html html={t('course:closing.intro')} />
      <ScoreSummary />
      <NamespaceGate ns={needed}>
        <SelfAssessmentSummary modules={principleModules(course)} />
        <Reflections />
        <Decisions />
        <ActionPlan />
      </NamespaceGate>
    </section>
  );
}

function ScoreSummary() {
  const { t } = useT(['ui', 'course']);
  const { actor, course, send } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  const status = finalStatus(course, record);
  const readOnly = useReadOnly();
  if (readOnly)
    return (
      <section className="results__section" aria-labelledby="results-final">
        <h2 id="results-final" className="section-title">
          {t('results.finalTitle')}
        </h2>
        <RecordedResult recorded={readOnly.recorded} heading="h3" />
      </section>
    );
  return (
    <section className="results__section" aria-labelledby="results-final">
      <h2 id="results-final" className="section-title">
        {t('results.finalTitle')}
      </h2>
      {status.best ? (
        <>
          <p className={`verdict verdict--${status.passed ? 'passed' : 'failed'}`}>
            <span className="verdict__icon" aria-hidden="true" />
            {t(status.passed ? 'final.passed' : 'final.failed')}
          </p>
          <p className="lead">{t('results.score', { percent: toPercent(status.best.scaled) })}</p>
        </>
      ) : (
        <>
          <p>{t('results.notTaken')}</p>
          {finalUnlocked(course, record) && (
            <div className="actions no-print">
              <button type="button" className="button button--secondary" onClick={() => send({ type: 'OPEN_FINAL' })}>
                {t('results.openFinal')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Reflections() {
  const { t } = useT();
  const { actor, course } = usePlayer();
  const modules = course.modules.filter((m) => m.reflection);
  const texts = useSelector(
    actor,
    (s) => modules.map((m) => s.context.record.modules[m.id]?.reflection ?? ''),
    (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  );
  if (!modules.length) return null;
  return (
    <section className="results__section" aria-labelledby="results-reflections">
      <h2 id="results-reflections" className="section-title">
        {t('results.reflectionsTitle')}
      </h2>
      {modules.map((m, i) => (
        <div key={m.id} className="reflection-entry">
          <h3>{t(`${m.id}:title`)}</h3>
          <p className={texts[i] ? 'reflection-entry__text' : 'reflection-entry__text hint'}>{texts[i] || t('results.noReflection')}</p>
        </div>
      ))}
    </section>
  );
}
