/** The knowledge check: every question of the module on one screen, each settled on its own. */
import type { Module } from '../../content-model/types.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { Html } from '../shared/Html.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from '../shell/use-read-only.ts';
import { CheckQuestion } from './CheckQuestion.tsx';

export function CheckView({ module }: { module: Module }) {
  const { t, i18n } = useT(['ui', module.id]);
  const { course } = usePlayer();
  const readOnly = useReadOnly();
  const introKey = `${module.id}:knowledgeCheck.intro`;
  return (
    <div className="check">
      <ViewHeading>{t('check.title')}</ViewHeading>
      {i18n.exists(introKey) && <Html html={t(introKey)} />}
      <p className="hint">{readOnly ? t('readOnly.check') : t('check.tries', { count: course.settings.knowledgeCheck.attempts })}</p>
      {module.questions.map((q, i) => (
        <CheckQuestion key={q.id} module={module} question={q} number={i + 1} total={module.questions.length} />
      ))}
    </div>
  );
}
