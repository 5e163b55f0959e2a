/**
 * Free text the learner types: kept in local state for smooth typing, sent to the machine at most every
 * `delay` ms, and flushed on blur, before any navigation (see PlayerProvider.send) and on unmount, so
 * nothing typed is lost. The machine stays the store; the local copy is only the input's live value.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePlayer } from './player-context.tsx';

export function useDraft(saved: string, commit: (text: string) => void, delay = 300) {
  const { registerDraft } = usePlayer();
  const [text, setText] = useState(saved);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current === null) return;
    const value = pending.current;
    pending.current = null;
    commitRef.current(value);
  }, []);

  const change = useCallback(
    (value: string) => {
      setText(value);
      pending.current = value;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [flush, delay],
  );

  useEffect(() => {
    const unregister = registerDraft(flush);
    return () => {
      unregister();
      flush();
    };
  }, [registerDraft, flush]);

  return { text, change, flush };
}
