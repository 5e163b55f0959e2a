/**
 * PLACEHOLDER until the tracking work lands: keeps the snapshot in localStorage only.
 * The tracking issue replaces this file with SCORM 1.2 / 2004 / standalone adapters.
 */
import type { Course } from '../content-model/types';
import { encodeSnapshot, locationOf } from '../engine';
import type { CourseActor, SaveState, Session, SessionStart } from '../app/session';

export async function openSession(course: Course): Promise<Session> {
  const key = `course:${course.id}`;
  const start: SessionStart = { saved: localStorage.getItem(key) ?? undefined, mode: 'normal', kind: 'standalone', notices: [], language: localStorage.getItem(`${key}:lang`) ?? undefined };
  return {
    start,
    attach(actor: CourseActor) {
      const sub = actor.subscribe((s) => localStorage.setItem(key, encodeSnapshot({ location: locationOf(s), record: s.context.record })));
      return () => sub.unsubscribe();
    },
    setLanguage: (lang) => localStorage.setItem(`${key}:lang`, lang),
    onSaveState: (_l: (s: SaveState) => void) => () => {},
    exit: async () => {},
  };
}
