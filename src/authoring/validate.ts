/**
 * `npm run validate`: the content pipeline's checks (src/content-model/load.ts: the same ones the
 * preview, the build and the package run), and how far each language other than the source has come.
 * Every problem comes with its file and, where the format has one, its line.
 */
import type { ContentIssue } from '../content-model/issues.ts';
import { checkCourse, type LanguageProgress, type LoadedCourse } from '../content-model/load.ts';
import type { CourseLocation } from '../content-model/course-files.ts';

export { LANGUAGE_CODE } from '../content-model/load.ts';

export interface ValidationResult {
  /** Every problem, sorted by file and line. Empty when the course is valid. */
  issues: ContentIssue[];
  /** The loaded course (drafts included), when there is no problem. */
  loaded?: LoadedCourse;
  /** Every language but the source one: complete, or a draft with its gaps. */
  progress: LanguageProgress[];
}

export function validateCourse(location: CourseLocation): ValidationResult {
  const { issues, loaded, progress } = checkCourse(location.root, { uiRoot: location.uiRoot, drafts: 'include' });
  return { issues, loaded, progress };
}

/** Share of strings a language has, rounded down so that 100% means complete. */
export function progressPercent(p: LanguageProgress): string {
  if (p.total === 0) return '100%';
  return `${(Math.floor((p.translated / p.total) * 1000) / 10).toString()}%`;
}
