/**
 * Notices the learner closed for good. A notice about a lasting fact ("progress is kept only in this
 * browser") stays closed across reloads once the learner has closed it; notices about a moment (welcome
 * back) or a problem (a failing save) are never remembered. Kept in this browser's storage, per course;
 * where storage is unavailable (a sandboxed frame) a notice is simply closed for this visit.
 */
const LASTING = new Set(['standaloneOnly']);

const keyOf = (courseId: string) => `course-notices-closed:${courseId}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // access itself can throw where storage is blocked
  }
}

/** The keys of lasting notices the learner has closed for this course. */
export function closedNotices(courseId: string): ReadonlySet<string> {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(keyOf(courseId)) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string' && LASTING.has(k)) : []);
  } catch {
    return new Set(); // unreadable: show the notices again rather than fail
  }
}

/** Remembers that the learner closed `key`, when it is a lasting notice. */
export function rememberClosed(courseId: string, key: string): void {
  if (!LASTING.has(key)) return;
  const keys = new Set(closedNotices(courseId)).add(key);
  try {
    storage()?.setItem(keyOf(courseId), JSON.stringify([...keys]));
  } catch {
    // full or blocked: closed for this visit only
  }
}
