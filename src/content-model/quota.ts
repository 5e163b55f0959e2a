/**
 * The final assessment's per-module quota (`final.perModule` in course.yaml): every module with bank
 * questions gives at least that many to every attempt, so that every principle is tested each time.
 * The loader reports a quota the bank cannot meet; the draw (src/engine/draw.ts) refuses one.
 */
import type { Question } from './types.ts';

/** Why `count` questions with `perModule` from every module cannot be drawn from `bank`, or undefined when they can. */
export function quotaProblem(bank: readonly Question[], count: number, perModule: number): string | undefined {
  if (perModule <= 0) return undefined;
  const sizes = new Map<string, number>();
  for (const q of bank) sizes.set(q.moduleId, (sizes.get(q.moduleId) ?? 0) + 1);
  const short = [...sizes].filter(([, n]) => n < perModule).map(([m, n]) => `${m} has ${n}`);
  if (short.length) return `asks ${perModule} questions from every module, but not every bank holds that many (${short.join(', ')})`;
  if (count < perModule * sizes.size)
    return `asks ${perModule} questions from each of ${sizes.size} modules (${perModule * sizes.size} in all), but final.draw is ${count}`;
  return undefined;
}
