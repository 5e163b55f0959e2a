/** The final assessment's status for the views, recomputed only when the learner's record changes. */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import { finalStatus } from '../../engine/progress.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { useReadOnly } from '../shell/use-read-only.ts';

export function useFinal() {
  const { actor, course } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  const readOnly = useReadOnly();
  return useMemo(() => {
    const status = finalStatus(course, record);
    return {
      status,
      latest: record.latest,
      // Read-only: an attempt could not be stored, so none is offered (the machine refuses it too).
      canStart: !readOnly && !status.inProgress && !status.passed && status.attemptsLeft > 0,
      readOnly,
      questionCount: Math.min(course.settings.final.draw, course.bank.length),
      mastery: course.settings.final.masteryScore,
    };
  }, [course, record, readOnly]);
}
