/** What the menu shows about each module, derived from the course and the learner's record. */
import { moduleMinutes } from '../../content-model/reading-time';
import type { Course, TextTree } from '../../content-model/types';
import { canOpenModule, moduleProgress, moduleStatus, type ModuleStatus } from '../../engine/progress';
import type { LearnerRecord } from '../../engine/record';

export interface ModuleEntry {
  id: string;
  status: ModuleStatus;
  /** 0..1 */
  progress: number;
  /** Gating forbids opening it now. */
  locked: boolean;
  minutes?: number;
}

/**
 * `minutes` are the build's estimates; when a module has none, `texts` (its loaded namespace) gives an
 * estimate by the same rule (words at 200 a minute plus a minute per activity).
 */
export function menuEntries(
  course: Course,
  record: LearnerRecord,
  minutes: Record<string, number> | undefined,
  texts: (moduleId: string) => TextTree | undefined,
): ModuleEntry[] {
  return course.modules.map((m) => {
    const tree = minutes?.[m.id] === undefined ? texts(m.id) : undefined;
    return {
      id: m.id,
      status: moduleStatus(m, record.modules[m.id]),
      progress: moduleProgress(m, record.modules[m.id]),
      locked: !canOpenModule(course, record, m.id),
      minutes: minutes?.[m.id] ?? (tree ? moduleMinutes(m, tree) : undefined),
    };
  });
}
