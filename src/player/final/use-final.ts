/** The final assessment's status for the views, recomputed only when the learner's record changes. */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import { finalStatus } from '../../engine/progress.ts';
import { usePlayer } from '../shared/player-context.tsx';

export function useFinal() {
  const { actor, course } = usePlayer();
  const record = useSelector(actor, (s) => s.context.record);
  return useMemo(() => {
    const status = finalStatus(course, record);
    return {
      status,
      latest: record.latest,
      canStart: !status.inProgress && !status.passed && status.attemptsLeft > 0,
      questionCount: Math.min(course.settings.final.draw, course.bank.length),
      mastery: course.settings.final.masteryScore,
    };
  }, [course, record]);
}
