/** Whether this attempt is read-only (review or browse), as the machine holds it for the whole run. */
import { useSelector } from '@xstate/react';
import type { ReadOnly } from '../../engine/machine.ts';
import { usePlayer } from '../shared/player-context.tsx';

export function useReadOnly(): ReadOnly | undefined {
  const { actor } = usePlayer();
  return useSelector(actor, (s) => s.context.readOnly);
}
