/**
 * The room a learner's text has (src/engine/room.ts), for the reflection and action-plan fields: the
 * longest the text may become now, and a check the field runs on every change, so input beyond the
 * room is refused as it is typed (the machine's guard makes the same check when the draft arrives).
 */
import { useSelector } from '@xstate/react';
import { useCallback, useMemo } from 'react';
import { roomFor, textFits, type Room, type TextField } from '../../engine/index.ts';
import { usePlayer } from '../shared/player-context.tsx';

export function useRoom(kind: TextField['kind'], moduleId: string, text: string): Room & { accepts(text: string): boolean } {
  const { actor } = usePlayer();
  const course = useSelector(actor, (s) => s.context.course);
  const record = useSelector(actor, (s) => s.context.record);
  const limits = useSelector(actor, (s) => s.context.limits);
  const savedLimit = useSelector(actor, (s) => s.context.savedStateLimit);
  const room = useMemo(
    () => roomFor(course, record, limits, savedLimit, { kind, moduleId }, text),
    [course, record, limits, savedLimit, kind, moduleId, text],
  );
  const accepts = useCallback(
    (next: string) => textFits(course, record, limits, savedLimit, { kind, moduleId }, next),
    [course, record, limits, savedLimit, kind, moduleId],
  );
  return { ...room, accepts };
}
