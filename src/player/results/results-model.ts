/** Which modules the results show, and in what order. */
import type { Course, Module } from '../../content-model/types.ts';

/** The principle modules that have a self-assessment, in principle order (the radar's axes). */
export function principleModules(course: Course): Module[] {
  return course.modules.filter((m) => m.principle !== undefined && m.selfAssessment).sort((a, b) => a.principle! - b.principle!);
}

/** Modules that ask for a next step in the action plan: every module with a self-assessment. */
export function planModules(course: Course): Module[] {
  return course.modules.filter((m) => m.selfAssessment);
}
