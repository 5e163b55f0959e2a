/** The module's reflection: a free text the learner keeps, saved as they type. */
import { useSelector } from '@xstate/react';
import { useCallback } from 'react';
import type { Module } from '../../content-model/types.ts';
import { ViewHeading } from '../shared/focus.tsx';
import { LimitedTextField } from '../shared/LimitedTextField.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useDraft } from '../shared/use-draft.ts';
import { useT } from '../shared/use-texts.ts';
import { useRoom } from './use-room.ts';
import { useReadOnly } from '../shell/use-read-only.ts';

export function ReflectionView({ module }: { module: Module }) {
  return useReadOnly() ? <SavedReflection module={module} /> : <EditableReflection module={module} />;
}

/** Read-only (review, browse): the reflection as it was saved, as text; writing is not offered. */
function SavedReflection({ module }: { module: Module }) {
  const { t } = useT(['ui', module.id]);
  const { actor } = usePlayer();
  const saved = useSelector(actor, (s) => s.context.record.modules[module.id]?.reflection ?? '');
  return (
    <div className="reflection">
      <ViewHeading>{t('reflection.title')}</ViewHeading>
      <p className="lead">{t(`${module.id}:reflection.prompt`)}</p>
      <p className="hint">{t('readOnly.reflection')}</p>
      <p className={saved ? 'reflection-entry__text' : 'reflection-entry__text hint'}>{saved || t('readOnly.noReflection')}</p>
    </div>
  );
}

function EditableReflection({ module }: { module: Module }) {
  const { t, i18n } = useT(['ui', module.id]);
  const { actor } = usePlayer();
  const saved = useSelector(actor, (s) => s.context.record.modules[module.id]?.reflection ?? '');
  const commit = useCallback((text: string) => actor.send({ type: 'SET_REFLECTION', text }), [actor]);
  const draft = useDraft(saved, commit);
  const room = useRoom('reflection', module.id, draft.text);
  const hintKey = `${module.id}:reflection.hint`;
  return (
    <div className="reflection">
      <ViewHeading>{t('reflection.title')}</ViewHeading>
      <p className="lead">{t(`${module.id}:reflection.prompt`)}</p>
      <LimitedTextField
        label={t('reflection.label')}
        hint={i18n.exists(hintKey) ? t(hintKey) : undefined}
        value={draft.text}
        max={room.max}
        accepts={room.accepts}
        limitNote={room.bySavedState ? t('notices.roomForText') : undefined}
        onChange={draft.change}
        onBlur={draft.flush}
      />
      <p className="hint">{t('reflection.kept')}</p>
    </div>
  );
}
