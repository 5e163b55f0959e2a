/**
 * The view a snapshot of the machine calls for. The machine is the only router: the player never keeps
 * its own idea of "the current page", it derives it from the engine's one reading of the state
 * (`whereIs`).
 */
import { whereIs, type CourseSnapshot, type Where } from '../../engine/where.ts';

export type { CourseSnapshot, FinalStep, ModuleStep } from '../../engine/where.ts';

export type View = Where;

export const viewOf = (s: CourseSnapshot): View => whereIs(s);

/**
 * A string that changes exactly when the learner moves somewhere new: the heading of the new view
 * takes focus when it changes (and not when, say, the language or an answer changes).
 */
export function viewKey(v: View): string {
  switch (v.at) {
    case 'module':
      return v.step === 'page' ? `module:${v.moduleId}:page:${v.pageId}` : `module:${v.moduleId}:${v.step}`;
    case 'final':
      return v.step === 'taking' ? `final:taking:${v.index}` : `final:${v.step}`;
    default:
      return v.at;
  }
}

export const sameView = (a: View, b: View) => viewKey(a) === viewKey(b);
