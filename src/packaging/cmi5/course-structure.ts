/**
 * cmi5.xml, the course structure of a cmi5 package (cmi5 spec sections 13 and 14): the course and one AU,
 * the player's launch page, with the course's titles and descriptions in every language, `moveOn` and
 * `masteryScore` from its completion and mastery settings. Output depends only on its input, so the same
 * course gives the same bytes; the ids are the same for every version of the course (an LMS recognises
 * an update by them).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { childIri } from '../../targets/cmi5.ts';
import { hrefOf } from '../manifest.ts';
import type { LocalisedText, PackageMetadata } from '../metadata.ts';

export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const COURSE_STRUCTURE_FILE = 'cmi5.xml';

/** The cmi5 launch parameters: an AU's own query string must not use them (spec 8.1). */
export const LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

export interface CourseStructureInput {
  meta: PackageMetadata;
  /** Every file of the course, relative to the package root (the launch file must be among them). */
  files: string[];
}

/** `0.8` -> `0.8`; a decimal 0..1 with at most four decimals, as cmi5 requires of masteryScore. */
export function cmi5Mastery(score: number): string {
  if (!(score >= 0 && score <= 1)) throw new Error(`mastery score ${score} is not between 0 and 1`);
  return String(Math.round(score * 10000) / 10000);
}

/** The AU's publisher id: the course IRI's `au` child (src/targets/cmi5.ts makes the same from a Course). */
export const auIdOf = (meta: Pick<PackageMetadata, 'iri'>) => childIri(meta.iri, 'au');

export function buildCourseStructure({ meta, files }: CourseStructureInput): string {
  if (!files.includes(meta.launch)) throw new Error(`the launch file ${meta.launch} is not among the package files`);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(CMI5_NS, 'courseStructure');
  const course = root.ele('course', { id: meta.iri });
  texts(course.ele('title'), meta.titles);
  texts(course.ele('description'), descriptions(meta));
  const au = root.ele('au', {
    id: auIdOf(meta),
    moveOn: meta.moveOn,
    ...(meta.moveOn === 'Completed' || meta.moveOn === 'NotApplicable' ? {} : { masteryScore: cmi5Mastery(meta.masteryScore) }),
    launchMethod: 'AnyWindow',
  });
  texts(au.ele('title'), meta.titles);
  texts(au.ele('description'), descriptions(meta));
  au.ele('url').txt(hrefOf(meta.launch));
  return doc.end({ prettyPrint: true }) + '\n';
}

/** A description is required; a course without one is described by its title. */
function descriptions(meta: PackageMetadata): LocalisedText[] {
  return meta.descriptions.length ? meta.descriptions : meta.titles;
}

function texts(parent: XMLBuilder, list: LocalisedText[]): void {
  for (const t of list) parent.ele('langstring', { lang: t.language }).txt(t.text);
}
