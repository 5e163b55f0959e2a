/** Follows the session's save state; a failing save also produces a notice for the learner. */
import { useEffect, useState } from 'react';
import type { Notice, SaveState, Session } from '../../session/index.ts';

const DEFAULT_NOTICE: Partial<Record<SaveState, Notice>> = {
  retrying: { key: 'saveRetrying', tone: 'warning' },
  failed: { key: 'saveFailed', tone: 'error' },
};

export function useSaveState(session: Session): { state?: SaveState; notice?: Notice } {
  const [current, setCurrent] = useState<{ state?: SaveState; notice?: Notice }>({});
  useEffect(
    () =>
      session.onSaveState((state, notice) =>
        // A successful save clears an earlier save problem; other states keep it until resolved.
        setCurrent((prev) => {
          const next = notice ?? DEFAULT_NOTICE[state] ?? (state === 'saved' ? undefined : prev.notice);
          // The same problem reported again stays the same notice, so a dismissed one stays dismissed;
          // a new problem after a successful save is a new notice.
          return { state, notice: next && prev.notice?.key === next.key ? prev.notice : next && { ...next } };
        }),
      ),
    [session],
  );
  return current;
}
