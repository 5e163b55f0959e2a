/**
 * What a cmi5 package says about its course, shared by packaging (cmi5.xml) and tracking (the statements):
 * the course's IRIs and how the LMS decides that the AU is satisfied (`moveOn`, `masteryScore`).
 *
 * IRIs: the course's `iri` in course.yaml (an absolute http(s) IRI the organisation owns), or else
 * `urn:course:<course id>`, which is fully qualified and the same for every version of the course. Every
 * other id is made from it, so the same course always reports under the same activity ids.
 */
import type { Course } from '../content-model/types.ts';

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

export const MOVE_ON_VALUES: readonly MoveOn[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

/** The course's IRI: its own, or a URN made from its id. */
export function courseIri(course: Pick<Course, 'id' | 'iri'>): string {
  return course.iri ?? `urn:course:${course.id}`;
}

/** An IRI below the course's: `/`-separated under an http(s) IRI, `:`-separated under a URN. */
export function childIri(base: string, ...parts: string[]): string {
  const segments = parts.map((p) => encodeURIComponent(p));
  if (/^https?:/i.test(base)) return `${base.replace(/\/+$/, '')}/${segments.join('/')}`;
  return `${base}:${segments.join(':')}`;
}

/** The AU's publisher id (cmi5.xml `au id`): the LMS puts it in every statement's grouping. */
export function auIri(course: Pick<Course, 'id' | 'iri'>): string {
  return childIri(courseIri(course), 'au');
}

/**
 * When the LMS counts the AU as satisfied, from the course's completion settings: a course whose success
 * comes from the final assessment is satisfied when it is completed and passed, as in SCORM 2004; one
 * without a pass mark when it is completed.
 */
export function moveOnOf(settings: { completion: Pick<Course['settings']['completion'], 'successFrom'> }): MoveOn {
  return settings.completion.successFrom === 'final' ? 'CompletedAndPassed' : 'Completed';
}

/** The mastery score cmi5.xml carries (none when nothing is passed or failed), at most 4 decimals. */
export function masteryOf(settings: {
  completion: Pick<Course['settings']['completion'], 'successFrom'>;
  final: Pick<Course['settings']['final'], 'masteryScore'>;
}): number | undefined {
  if (settings.completion.successFrom !== 'final') return undefined;
  return Math.round(settings.final.masteryScore * 10000) / 10000;
}
