/** What the moment of completion shows: what the learner did in the module, and what comes next. */
import type { Course, Module } from '../../content-model/types.ts';
import { canOpenModule, checkScore, finalStatus, finalUnlocked } from '../../engine/progress.ts';
import type { LearnerRecord } from '../../engine/record.ts';

export interface ModuleSummary {
  pages: number;
  /** Knowledge-check questions answered correctly, out of all, when the module has a check. */
  check?: { correct: number; total: number };
  reflected: boolean;
  /** The self-assessment step chosen, when the module has one and it is rated. */
  rating?: number;
}

export function moduleSummary(m: Module, record: LearnerRecord): ModuleSummary {
  const r = record.modules[m.id];
  const score = checkScore(m, r);
  return {
    pages: m.pages.length,
    ...(m.questions.length ? { check: { correct: score.raw, total: score.max } } : {}),
    reflected: !!m.reflection && !!r?.reflection,
    ...(m.selfAssessment && r?.rating !== undefined ? { rating: r.rating } : {}),
  };
}

export type NextStep = { kind: 'module'; moduleId: string } | { kind: 'final' } | { kind: 'results' };

/**
 * The next thing to do after finishing `finishedId`: the first unfinished module after it that may be
 * opened (wrapping round to skipped ones), then the final assessment while it can still be taken, then
 * the results.
 */
export function nextStep(course: Course, record: LearnerRecord, finishedId: string): NextStep {
  const at = course.modules.findIndex((m) => m.id === finishedId);
  const order = [...course.modules.slice(at + 1), ...course.modules.slice(0, Math.max(0, at))];
  const next = order.find((m) => !record.modules[m.id]?.done && canOpenModule(course, record, m.id));
  if (next) return { kind: 'module', moduleId: next.id };
  const final = finalStatus(course, record);
  if (finalUnlocked(course, record) && !final.passed && final.attemptsLeft > 0) return { kind: 'final' };
  return { kind: 'results' };
}

/** Modules finished, of all. */
export function modulesDone(course: Course, record: LearnerRecord): { done: number; total: number } {
  return { done: course.modules.filter((m) => record.modules[m.id]?.done).length, total: course.modules.length };
}
