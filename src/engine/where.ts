/**
 * Where the learner is: the one typed reading of the machine's state. The view routes by it, the
 * tracker times interactions by it, and the saved location is made from it; nothing else reads the
 * state value or takes a saved location apart.
 */
import type { SnapshotFrom } from 'xstate';
import type { CourseMachine } from './machine.ts';

export type ModuleStep = 'page' | 'check' | 'reflection' | 'self';
export type FinalStep = 'intro' | 'taking' | 'result';

export type Where =
  | { at: 'start' }
  | { at: 'menu' }
  | { at: 'results' }
  | { at: 'module'; step: ModuleStep; moduleId: string; pageId: string }
  /** The moment of completion: the module just finished, what was done and what comes next. */
  | { at: 'completed'; moduleId: string }
  | { at: 'final'; step: FinalStep; index: number };

export type CourseSnapshot = SnapshotFrom<CourseMachine>;

const MODULE_STEPS: readonly string[] = ['page', 'check', 'reflection', 'self'] satisfies ModuleStep[];
const FINAL_STEPS: readonly string[] = ['intro', 'taking', 'result'] satisfies FinalStep[];

/** Where a snapshot of the course machine puts the learner. */
export function whereIs(s: Pick<CourseSnapshot, 'value' | 'context'>): Where {
  const value = s.value as unknown;
  if (value === 'menu' || value === 'results') return { at: value };
  if (value === 'completed') return { at: 'completed', moduleId: s.context.moduleId ?? '' };
  if (value && typeof value === 'object') {
    const sub = value as Record<string, unknown>;
    if ('module' in sub) {
      // `resume` only passes through (an eventless transition): it is the page it resolves to.
      const step = typeof sub.module === 'string' && MODULE_STEPS.includes(sub.module) ? (sub.module as ModuleStep) : 'page';
      return { at: 'module', step, moduleId: s.context.moduleId ?? '', pageId: s.context.pageId ?? '' };
    }
    if ('final' in sub) {
      // `routing` only passes through as well.
      const step = typeof sub.final === 'string' && FINAL_STEPS.includes(sub.final) ? (sub.final as FinalStep) : 'intro';
      return { at: 'final', step, index: s.context.record.latest?.index ?? 0 };
    }
  }
  return { at: 'start' }; // `boot` only passes through, and resolves to the start at the latest
}

/** Where a learner can be when their progress is saved, in its saved form. */
export type Location = 'start' | 'menu' | 'final' | 'results' | `module:${string}` | `completed:${string}`;

/** A saved location, taken apart. */
export type Resume = { at: 'start' | 'menu' | 'final' | 'results' } | { at: 'module' | 'completed'; moduleId: string };

/** The location to save for where the learner is. */
export function locationOf(where: Where): Location {
  if (where.at === 'module') return `module:${where.moduleId}`;
  if (where.at === 'completed') return `completed:${where.moduleId}`;
  return where.at;
}

/** Reads a saved location; anything else (a location from another product, garbage) is undefined. */
export function parseLocation(text: string): Resume | undefined {
  if (text === 'start' || text === 'menu' || text === 'final' || text === 'results') return { at: text };
  const m = /^(module|completed):([a-z0-9][a-z0-9-]*)$/.exec(text);
  return m ? { at: m[1] as 'module' | 'completed', moduleId: m[2]! } : undefined;
}
