/** What the menu shows about each module, derived from the course and the learner's record. */
import type { Course } from '../../content-model/types.ts';
import { canOpenModule, moduleProgress, moduleStatus, type ModuleStatus } from '../../engine/progress.ts';
import type { LearnerRecord } from '../../engine/record.ts';

export interface ModuleEntry {
  id: string;
  status: ModuleStatus;
  /** 0..1 */
  progress: number;
  /** Gating forbids opening it now. */
  locked: boolean;
  minutes?: number;
}

/** `minutes` are the build's estimates for the UI language (`readingMinutes` of `virtual:course`). */
export function menuEntries(course: Course, record: LearnerRecord, minutes: Record<string, number> | undefined): ModuleEntry[] {
  return course.modules.map((m) => ({
    id: m.id,
    status: moduleStatus(m, record.modules[m.id]),
    progress: moduleProgress(m, record.modules[m.id]),
    locked: !canOpenModule(course, record, m.id),
    minutes: minutes?.[m.id],
  }));
}

export interface MenuOverview {
  done: number;
  /** The estimated minutes of the modules not yet completed. */
  minutesLeft: number;
  /** The module to take next: the first in progress, else the first not started that may be opened. */
  nextId?: string;
}

export function menuOverview(entries: readonly ModuleEntry[]): MenuOverview {
  const open = entries.filter((e) => !e.locked && e.status !== 'completed');
  const next = open.find((e) => e.status === 'in-progress') ?? open[0];
  return {
    done: entries.filter((e) => e.status === 'completed').length,
    minutesLeft: entries.filter((e) => e.status !== 'completed').reduce((n, e) => n + (e.minutes ?? 0), 0),
    ...(next ? { nextId: next.id } : {}),
  };
}
