/**
 * The view a snapshot of the machine calls for. The machine is the only router: the player never keeps
 * its own idea of "the current page", it derives it from the state value and the context.
 */
import type { SnapshotFrom } from 'xstate';
import type { CourseMachine } from '../../engine/machine';

export type CourseSnapshot = SnapshotFrom<CourseMachine>;

export type ModuleStep = 'page' | 'check' | 'reflection' | 'self';
export type FinalStep = 'intro' | 'taking' | 'result';

export type View =
  | { kind: 'start' }
  | { kind: 'menu' }
  | { kind: 'results' }
  | { kind: 'module'; step: ModuleStep; moduleId: string; pageId: string }
  | { kind: 'final'; step: FinalStep; index: number };

export function viewOf(s: CourseSnapshot): View {
  const value = s.value;
  if (typeof value === 'string') {
    if (value === 'menu' || value === 'results') return { kind: value };
    return { kind: 'start' }; // `boot` only passes through, but would be the start anyway
  }
  if ('module' in value) {
    // `resume` is transient (an always-transition); treat it as the page it resolves to
    const step = value.module === 'resume' || !value.module ? 'page' : value.module;
    return { kind: 'module', step, moduleId: s.context.moduleId ?? '', pageId: s.context.pageId ?? '' };
  }
  const step = value.final === 'routing' || !value.final ? 'intro' : value.final;
  return { kind: 'final', step, index: s.context.record.latest?.index ?? 0 };
}

/**
 * A string that changes exactly when the learner moves somewhere new: the heading of the new view
 * takes focus when it changes (and not when, say, the language or an answer changes).
 */
export function viewKey(v: View): string {
  switch (v.kind) {
    case 'module':
      return v.step === 'page' ? `module:${v.moduleId}:page:${v.pageId}` : `module:${v.moduleId}:${v.step}`;
    case 'final':
      return v.step === 'taking' ? `final:taking:${v.index}` : `final:${v.step}`;
    default:
      return v.kind;
  }
}

export const sameView = (a: View, b: View) => viewKey(a) === viewKey(b);
