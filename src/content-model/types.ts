/**
 * The validated, language-neutral course model. Everything the engine and the player need to know
 * about structure lives here; every human-readable string lives in the locale texts (see texts.ts).
 * Ids of questions and objectives are qualified by their module (`p01.q1`, `p01.o2`) so that they are
 * unique across the course and stable across languages and versions.
 */
import type { TargetId } from '../targets/index.ts';

/** A question: one of the registered question types (src/question-types). */
export type { Question, QuestionType } from '../question-types/index.ts';
import type { Question } from '../question-types/index.ts';

export type Block =
  | { id: string; type: 'text' }
  | { id: string; type: 'callout'; tone: 'info' | 'tip' | 'warning' }
  | { id: string; type: 'image'; src: string }
  | { id: string; type: 'case' }
  /** `labels`: the `data-label` keys of the SVG's text elements, read from the file by the loader. */
  | { id: string; type: 'figure'; src: string; labels: string[] }
  | { id: string; type: 'reveal' }
  | { id: string; type: 'keyfigure' }
  | { id: string; type: 'quote' }
  | { id: string; type: 'decision'; options: string[] };

export interface Page {
  id: string;
  blocks: Block[];
}

export interface Module {
  id: string;
  /** 1..10 on a principle module; absent on modules such as the start module. */
  principle?: number;
  objectives: string[];
  pages: Page[];
  questions: Question[];
  reflection: boolean;
  selfAssessment: boolean;
  bank: Question[];
}

export type Gating = 'free' | 'sequential' | 'final-after-modules';

export interface TextLimits {
  reflection: number;
  actionStep: number;
}

export interface CourseSettings {
  gating: Gating;
  knowledgeCheck: { attempts: number; shuffle: boolean };
  final: {
    draw: number;
    /** Every module with bank questions gives at least this many to each attempt (0: no quota). */
    perModule: number;
    shuffle: boolean;
    masteryScore: number;
    attempts: number;
  };
  completion: {
    completedWhen: 'all-modules' | 'all-modules-and-final';
    successFrom: 'final' | 'none';
  };
  /** Per package target. */
  limits: Record<TargetId, TextLimits>;
}

export interface Course {
  id: string;
  /** The course's IRI as course.yaml gives it (cmi5 ids are made from it: src/targets/cmi5.ts). */
  iri?: string;
  version: string;
  defaultLanguage: string;
  /** The default language first, then every other locale folder, sorted. */
  languages: string[];
  settings: CourseSettings;
  modules: Module[];
  /** Every module's bank questions, in module order: the final assessment draws from these. */
  bank: Question[];
}

/** A nested tree of strings, as an i18next namespace. */
export interface TextTree {
  [key: string]: string | TextTree;
}

/** One language's text: a namespace per module, plus `course` and `ui`. */
export interface LanguageTexts {
  course: TextTree;
  ui: TextTree;
  modules: Record<string, TextTree>;
}
