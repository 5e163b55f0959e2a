/** What a package says about its course, taken from the validated course model and its texts. */
import type { LoadedCourse } from '../content-model/load.ts';
import { courseIri, moveOnOf, type MoveOn } from '../targets/cmi5.ts';

export interface LocalisedText {
  language: string;
  text: string;
}

export interface PackageMetadata {
  /** The course id as authored; the manifest identifier derives from this alone. */
  courseId: string;
  /** The course version (manifest `version`, LOM lifecycle version). */
  version: string;
  /** The default language: the manifest's language and the language of its titles. */
  language: string;
  /** Title per language, default language first. */
  titles: LocalisedText[];
  /** Description per language, default language first. */
  descriptions: LocalisedText[];
  /** Share of the final assessment needed to pass, 0..1. */
  masteryScore: number;
  /** The launch page, relative to the package root. */
  launch: string;
  /** The course's IRI (cmi5.xml's course id; the AU's id is made from it). */
  iri: string;
  /** When a cmi5 LMS counts the course as satisfied (from the course's completion settings). */
  moveOn: MoveOn;
}

const text = (tree: unknown, key: string): string | undefined => {
  const v = tree && typeof tree === 'object' ? (tree as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

export function packageMetadata(loaded: LoadedCourse, launch = 'index.html'): PackageMetadata {
  const { course, texts } = loaded;
  const langs = [course.defaultLanguage, ...course.languages.filter((l) => l !== course.defaultLanguage)];
  const pick = (key: string): LocalisedText[] =>
    langs.flatMap((language) => {
      const t = text(texts[language]?.course, key);
      return t ? [{ language, text: t }] : [];
    });
  const titles = pick('title');
  if (!titles.length || titles[0]!.language !== course.defaultLanguage)
    throw new Error(`The course has no title in its default language (${course.defaultLanguage})`);
  return {
    courseId: course.id,
    version: course.version,
    language: course.defaultLanguage,
    titles,
    descriptions: pick('description'),
    masteryScore: course.settings.final.masteryScore,
    launch,
    iri: courseIri(course),
    moveOn: moveOnOf(course.settings),
  };
}

/**
 * The manifest identifier: the course id made into an XML NCName (xs:ID), nothing else, so every
 * version of the course carries the same identifier and an LMS can recognise an update.
 */
export function manifestIdentifier(courseId: string): string {
  let id = courseId.normalize('NFKD').replace(/[^A-Za-z0-9._-]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  return id;
}
