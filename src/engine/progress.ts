/**
 * Derived facts about the learner's progress: module steps and status, gating, course completion and
 * success. Pure functions, shared by the machine's guards, the view and the tracker.
 */
import type { Course, Module, Question } from '../content-model/types.ts';
import { attemptScore, isCorrect, isPassed, isSettled, scoreOf, type Score } from './scoring.ts';
import type { LearnerRecord, ModuleRecord, StepKey } from './record.ts';

export type ModuleStatus = 'not-started' | 'in-progress' | 'completed';

/** The steps of a module in order: its pages, then its knowledge check, reflection and self-assessment. */
export function moduleSteps(m: Module): StepKey[] {
  return [
    ...m.pages.map((p) => `page:${p.id}` as StepKey),
    ...(m.questions.length ? (['check'] as const) : []),
    ...(m.reflection ? (['reflection'] as const) : []),
    ...(m.selfAssessment ? (['self'] as const) : []),
  ];
}

export function moduleById(course: Course, id: string): Module | undefined {
  return course.modules.find((m) => m.id === id);
}

export function questionIndex(course: Course): Map<string, Question> {
  return new Map([...course.modules.flatMap((m) => m.questions), ...course.bank].map((q) => [q.id, q]));
}

export function moduleStatus(m: Module, rec: ModuleRecord | undefined): ModuleStatus {
  if (rec?.done) return 'completed';
  return rec?.at || rec?.furthest ? 'in-progress' : 'not-started';
}

/** 0..1: how far through its steps the learner has come (1 when done). */
export function moduleProgress(m: Module, rec: ModuleRecord | undefined): number {
  if (rec?.done) return 1;
  const steps = moduleSteps(m);
  const reached = rec?.furthest ? steps.indexOf(rec.furthest) : -1;
  return reached < 0 ? 0 : (reached + 1) / (steps.length + 1);
}

export function checkSettled(m: Module, rec: ModuleRecord | undefined, attempts: number): boolean {
  return m.questions.every((q) => isSettled(q, rec?.answers[q.localId], attempts));
}

/** The knowledge check's score, counting each question's last submitted answer. */
export function checkScore(m: Module, rec: ModuleRecord | undefined): Score {
  const correct = m.questions.filter((q) => {
    const a = rec?.answers[q.localId];
    return a?.submitted && isCorrect(q, a.choice);
  }).length;
  return scoreOf(correct, m.questions.length);
}

export function allModulesDone(course: Course, record: LearnerRecord): boolean {
  return course.modules.every((m) => record.modules[m.id]?.done);
}

export function canOpenModule(course: Course, record: LearnerRecord, moduleId: string): boolean {
  const index = course.modules.findIndex((m) => m.id === moduleId);
  if (index < 0) return false;
  if (course.settings.gating !== 'sequential') return true;
  return course.modules.slice(0, index).every((m) => record.modules[m.id]?.done);
}

export interface FinalStatus {
  attemptsUsed: number;
  attemptsLeft: number;
  /** The best submitted attempt's score, if any attempt was submitted. */
  best?: Score;
  passed: boolean;
  /** An attempt is drawn but not yet submitted. */
  inProgress: boolean;
}

export function finalStatus(course: Course, record: LearnerRecord): FinalStatus {
  const latest = record.latest && attemptScore(record.latest);
  const scores = [...record.past.map((p) => scoreOf(p.correct, p.max)), ...(latest ? [latest] : [])];
  const best = scores.reduce<Score | undefined>((b, s) => (!b || s.scaled > b.scaled ? s : b), undefined);
  const used = record.past.length + (record.latest ? 1 : 0);
  return {
    attemptsUsed: used,
    attemptsLeft: Math.max(0, course.settings.final.attempts - used),
    best,
    passed: !!best && isPassed(best.scaled, course.settings.final.masteryScore),
    inProgress: !!record.latest && record.latest.correct === undefined,
  };
}

export function finalUnlocked(course: Course, record: LearnerRecord): boolean {
  return course.settings.gating === 'free' || allModulesDone(course, record);
}

export type Completion = 'not-attempted' | 'incomplete' | 'completed';
export type Success = 'unknown' | 'passed' | 'failed';

export interface CourseStatus {
  completion: Completion;
  success: Success;
  /** 0..1 over every module step and the final assessment. */
  progress: number;
  /** Final-assessment score, once one attempt is submitted. */
  score?: Score;
}

/**
 * Completion and success by the course's rules (course.yaml `completion`), independent of how a
 * particular SCORM version reports them.
 */
export function courseStatus(course: Course, record: LearnerRecord): CourseStatus {
  const final = finalStatus(course, record);
  const modulesDone = allModulesDone(course, record);
  const { completedWhen, successFrom } = course.settings.completion;
  const finalDone = final.passed || (final.attemptsLeft === 0 && !final.inProgress && final.attemptsUsed > 0);
  const complete = modulesDone && (completedWhen === 'all-modules' || finalDone);
  const started = Object.keys(record.modules).length > 0 || final.attemptsUsed > 0;
  // A failed attempt reports `failed` at once (administrators see it); a later pass overrides it.
  const success: Success = successFrom === 'none' || !final.best ? 'unknown' : final.passed ? 'passed' : 'failed';
  const parts = course.modules.map((m) => moduleProgress(m, record.modules[m.id]));
  if (completedWhen === 'all-modules-and-final') parts.push(finalDone ? 1 : 0);
  const progress = Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100) / 100;
  return {
    completion: complete ? 'completed' : started ? 'incomplete' : 'not-attempted',
    success,
    progress: complete ? 1 : Math.min(progress, 0.99),
    score: final.best,
  };
}
