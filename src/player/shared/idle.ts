/** Runs work when the browser is idle (requestIdleCallback where it exists, a short timeout elsewhere). */
export function whenIdle(work: () => void, timeout = 2000): () => void {
  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(work, 200);
  return () => clearTimeout(id);
}
