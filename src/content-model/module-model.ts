/**
 * The course model of a module file, shared by the loader and the authoring tools: course-wide
 * question and objective ids, and each figure's labels read from its SVG (svg-tree.ts). No checks here: the loader
 * reports what is wrong before this is trusted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuestionInFile } from '../question-types/index.ts';
import type { ModuleFile } from './schema.ts';
import { svgTree, type SvgResult } from './svg-tree.ts';
import type { Block, Module, Page, Question } from './types.ts';

/** `id` is the module's id as course.yaml lists it (the file's own `id:` may be a mistake). */
export function moduleModel(file: ModuleFile, root: string, id: string = file.id): Module {
  // The type's own fields as they are; ids made course-wide.
  const question = (q: QuestionInFile): Question =>
    ({ ...q, id: `${id}.${q.id}`, localId: q.id, moduleId: id, objective: `${id}.${q.objective}` }) as Question;
  // A figure's labels are the `data-label` keys of its SVG's text elements: the locale files hold their words.
  const pages: Page[] = file.pages.map((p) => ({
    id: p.id,
    blocks: p.blocks.map((b): Block => (b.type === 'figure' ? { ...b, labels: figureLabels(join(root, 'content', b.src)) } : b)),
  }));
  return {
    id,
    principle: file.principle,
    objectives: file.objectives,
    pages,
    questions: (file.knowledgeCheck?.questions ?? []).map(question),
    reflection: file.reflection,
    selfAssessment: file.selfAssessment,
    bank: file.bank.map(question),
  };
}

/** The `data-label` keys of an SVG file, in document order, without repeats ([] when it cannot be read). */
export function figureLabels(file: string): string[] {
  return readFigure(file, file).labels;
}

/**
 * An SVG file as the player's element tree (src/content-model/svg-tree.ts), with its problems; `name` is
 * the file as messages give it (relative to the course root). A file that cannot be read has neither.
 */
export function readFigure(file: string, name: string): SvgResult {
  let svg: string;
  try {
    svg = readFileSync(file, 'utf8');
  } catch {
    return { labels: [], issues: [] };
  }
  return svgTree(svg, name);
}
