/** The learner's decisions, shown back: every decision block of the course, with the option chosen. */
import { useSelector } from '@xstate/react';
import type { Course } from '../../content-model/types.ts';
import { decisionKey } from '../../engine/record.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';

interface DecisionPlace {
  moduleId: string;
  pageId: string;
  blockId: string;
}

/** Every decision block, in course order. */
export function decisionPlaces(course: Course): DecisionPlace[] {
  return course.modules.flatMap((m) =>
    m.pages.flatMap((p) => p.blocks.filter((b) => b.type === 'decision').map((b) => ({ moduleId: m.id, pageId: p.id, blockId: b.id }))),
  );
}

export function Decisions() {
  const { t } = useT();
  const { actor, course } = usePlayer();
  const places = decisionPlaces(course);
  const chosen = useSelector(
    actor,
    (s) => places.map((d) => s.context.record.modules[d.moduleId]?.decisions?.[decisionKey(d.pageId, d.blockId)]),
    (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  );
  if (!places.length) return null;
  return (
    <section className="results__section" aria-labelledby="results-decisions">
      <h2 id="results-decisions" className="section-title">
        {t('blocks.decision.resultsTitle')}
      </h2>
      {places.map((d, i) => {
        const key = `${d.moduleId}:pages.${d.pageId}.blocks.${d.blockId}`;
        return (
          <div key={key} className="reflection-entry">
            <h3>{t(`${key}.title`)}</h3>
            <p className={chosen[i] ? 'reflection-entry__text' : 'reflection-entry__text hint'}>
              {chosen[i] ? t('blocks.decision.chosen', { option: t(`${key}.options.${chosen[i]}.text`) }) : t('blocks.decision.notDecided')}
            </p>
          </div>
        );
      })}
    </section>
  );
}
