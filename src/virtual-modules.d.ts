/** Modules generated from content/ and locales/ by src/content-model/vite-plugin.ts. */
declare module 'virtual:course' {
  import type { Course } from './content-model/types.ts';
  import type { TextLoaders } from './i18n/create-i18n.ts';
  export const course: Course;
  /** Image URLs by their `src` in the content. */
  export const images: Record<string, string>;
  /** One loader per `<lang>/<namespace>`; each is its own chunk (a module's brings its figures too). */
  export const textLoaders: TextLoaders;
  /** Estimated minutes per language, then per module id. */
  export const readingMinutes: Record<string, Record<string, number>>;
  /** Languages in `course.languages` that are not complete (the preview marks their gaps). */
  export const draftLanguages: string[];
}

declare module 'virtual:texts/*' {
  import type { TextTree } from './content-model/types.ts';
  import type { SvgFigure } from './content-model/svg-tree.ts';
  const tree: TextTree;
  export default tree;
  export const figures: Record<string, SvgFigure> | undefined;
}

/** The package target this build was made for (a `TargetId` of src/targets; read it through `buildTarget()`). */
declare const __PACKAGE_TARGET__: string;

/** The organisation's theme, `content/theme.css` (custom properties over the default theme), if any. */
declare module 'virtual:course-theme.css';
