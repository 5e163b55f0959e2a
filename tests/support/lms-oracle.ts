/**
 * The fault suites' oracle, on what an LMS holds (the `cmi` part of scorm-again's
 * `renderCMIToJSONObject()`): shared by the Node property test (tests/unit/tracking/
 * faults.property.test.ts) and the browser suite (tests/browser/lms-faults.test.ts).
 *
 * - `storedOf`: what a run leaves in the LMS, without times, to compare a run with faults to a
 *   fault-free run of the same path;
 * - `heldOf` / `poorerSteps`: the measures that must never go down from one successful commit to the
 *   next (status, score, interactions, modules done, answers tried, attempts);
 * - `lostOrRewritten`: the same, element by element: what the LMS held after an earlier commit is still
 *   held after a later one (interactions and objectives at the same indices with the same ids and
 *   values, the status and the score no lower, the saved state holding every answer, text and place).
 */
import type { Course } from '../../src/content-model/types.ts';
import { decodeSnapshot, type LearnerRecord, type Saved } from '../../src/engine/index.ts';
import type { ScormVersion } from '../../src/targets/index.ts';

export type Json = Record<string, unknown>;

/** An element's value as `GetValue` would answer it ('' when absent), from the `cmi` object. */
export function valueAt(cmi: Json, element: string): string {
  let node: unknown = cmi;
  for (const p of element.replace(/^cmi\./, '').split('.')) node = node && typeof node === 'object' ? (node as Json)[p] : undefined;
  return node === undefined || node === null ? '' : String(node);
}

export const STATUS_RANK: Record<string, number> = {
  '': 0,
  unknown: 0,
  'not attempted': 0,
  incomplete: 1,
  completed: 2,
  failed: 2,
  passed: 3,
};

export const byIndex = (node: unknown): Json[] =>
  Object.entries((node ?? {}) as Record<string, Json>)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);

/** Times differ between two runs (a slow LMS, retries); everything else must be the same. */
const TIMED = new Set(['time', 'timestamp', 'latency', 'session_time', 'total_time']);
export function timeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(timeless);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Json)
        .filter(([k]) => !TIMED.has(k))
        .map(([k, v]) => [k, timeless(v)]),
    );
  return value;
}

const savedIn = (cmi: Json, course: Course): Saved | undefined => {
  const raw = valueAt(cmi, 'cmi.suspend_data');
  return raw ? decodeSnapshot(raw, course) : undefined;
};

/** What a run leaves in the LMS, as compared with a fault-free run of the same path. */
export function storedOf(cmi: Json, version: ScormVersion, course: Course) {
  const core = (cmi.core ?? {}) as Json;
  return {
    interactions: timeless(byIndex(cmi.interactions)),
    // An objective is known by its id; its index is the order in which the LMS first took the ids.
    objectives: timeless(byIndex(cmi.objectives).sort((a, b) => String(a.id).localeCompare(String(b.id)))),
    status: version === '1.2' ? core.lesson_status : [cmi.completion_status, cmi.success_status, cmi.progress_measure],
    score: timeless(version === '1.2' ? core.score : cmi.score),
    location: valueAt(cmi, version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location'),
    exit: valueAt(cmi, version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'),
    saved: savedIn(cmi, course),
  };
}

/** The measures that never go down from one successful commit to the next. */
export interface Held {
  status: number;
  score: number;
  interactions: number;
  done: number;
  tries: number;
  attempts: number;
}

export function heldOf(cmi: Json, version: ScormVersion, course: Course): Held {
  const status =
    version === '1.2'
      ? STATUS_RANK[valueAt(cmi, 'cmi.core.lesson_status')]!
      : STATUS_RANK[valueAt(cmi, 'cmi.completion_status')]! * 10 + STATUS_RANK[valueAt(cmi, 'cmi.success_status')]!;
  const score = Number.parseFloat(valueAt(cmi, version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw')) || 0;
  const record: LearnerRecord | undefined = savedIn(cmi, course)?.record;
  const mods = Object.values(record?.modules ?? {});
  return {
    status,
    score,
    interactions: Object.keys((cmi.interactions ?? {}) as Json).length,
    done: mods.filter((m) => m.done).length,
    tries: mods.reduce((n, m) => n + Object.values(m.answers).reduce((k, a) => k + (a.tries ?? 0), 0), 0),
    attempts: (record?.past.length ?? 0) + (record?.latest?.correct !== undefined ? 1 : 0),
  };
}

/** Every measure that went down from one commit to the next, said; none: []. */
export function poorerSteps(held: readonly Held[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < held.length; i++)
    for (const k of Object.keys(held[i]!) as (keyof Held)[])
      if (held[i]![k] < held[i - 1]![k])
        problems.push(`${k} after commit ${i + 1} (${JSON.stringify(held[i - 1])} → ${JSON.stringify(held[i])})`);
  return problems;
}

/** The leaves of a value, by path; empty strings (scorm-again's "not set") are not leaves. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value as Json)) leaves(v, path ? `${path}.${k}` : k, out);
  else if (value !== '' && value !== undefined && value !== null) out.set(path, value);
  return out;
}

/** What `earlier` held that `later` no longer holds the same (under `what`). */
function missing(what: string, earlier: unknown, later: unknown): string[] {
  const after = leaves(later);
  const problems: string[] = [];
  for (const [path, v] of leaves(earlier))
    if (after.get(path) !== v) problems.push(`${what}.${path}: ${JSON.stringify(v)} became ${JSON.stringify(after.get(path))}`);
  return problems;
}

/**
 * What the LMS held after an earlier commit and no longer holds after a later one, said; none: [].
 * Interactions and objectives keep their indices, ids and values (a field may be added, none lost or
 * changed); the status and, once passed, the score are no lower; the saved state keeps every module
 * done, every answer (with at least as many tries; the same answer at the same tries), every
 * decision, reflection, rating and plan step, and every submitted attempt.
 */
export function lostOrRewritten(earlier: Json, later: Json, version: ScormVersion, course: Course): string[] {
  const problems: string[] = [];
  const [e, l] = [earlier, later].map((cmi) => ({
    interactions: timeless(byIndex(cmi.interactions)) as Json[],
    objectives: byIndex(cmi.objectives),
  }));
  e!.interactions.forEach((it, i) => problems.push(...missing(`interactions.${i}`, it, l!.interactions[i])));
  e!.objectives.forEach((o, i) => {
    if (l!.objectives[i]?.id !== o.id) problems.push(`objectives.${i}.id: ${String(o.id)} became ${String(l!.objectives[i]?.id)}`);
  });
  const statuses = version === '1.2' ? ['cmi.core.lesson_status'] : ['cmi.completion_status', 'cmi.success_status'];
  for (const s of statuses) {
    const [before, after] = [valueAt(earlier, s), valueAt(later, s)];
    if (STATUS_RANK[after]! < STATUS_RANK[before]!) problems.push(`${s}: ${before} became ${after}`);
  }
  const passed = version === '1.2' ? valueAt(earlier, 'cmi.core.lesson_status') : valueAt(earlier, 'cmi.success_status');
  const raw = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
  if (passed === 'passed' && !(Number(valueAt(later, raw)) >= Number(valueAt(earlier, raw))))
    problems.push(`${raw}: ${valueAt(earlier, raw)} became ${valueAt(later, raw)} after a pass`);

  let before: Saved | undefined;
  let after: Saved | undefined;
  try {
    before = savedIn(earlier, course);
    after = savedIn(later, course);
  } catch (error) {
    return [...problems, `the saved state cannot be read: ${String(error)}`];
  }
  if (!before) return problems;
  if (!after) return [...problems, 'the saved state is gone'];
  problems.push(...poorerRecord(before.record, after.record));
  return problems;
}

function poorerRecord(before: LearnerRecord, after: LearnerRecord): string[] {
  const problems: string[] = [];
  for (const [id, m] of Object.entries(before.modules)) {
    const n = after.modules[id];
    if (!n) {
      problems.push(`module ${id} is gone from the saved state`);
      continue;
    }
    if (m.done && !n.done) problems.push(`module ${id} is no longer done`);
    for (const [q, a] of Object.entries(m.answers)) {
      const b = n.answers[q];
      if (!b || b.tries < a.tries) problems.push(`${id} ${q}: ${a.tries} tries became ${b?.tries ?? 'none'}`);
      else if (a.submitted && b.tries === a.tries && b.choice.join() !== a.choice.join())
        problems.push(`${id} ${q}: the submitted answer ${a.choice.join()} became ${b.choice.join()}`);
    }
    for (const k of Object.keys(m.decisions ?? {})) if (!n.decisions?.[k]) problems.push(`${id}: the decision ${k} is gone`);
    if (m.reflection && !n.reflection) problems.push(`${id}: the reflection is gone`);
    if (m.rating !== undefined && n.rating === undefined) problems.push(`${id}: the rating is gone`);
    if (m.plan && !n.plan) problems.push(`${id}: the plan step is gone`);
  }
  const submitted = (r: LearnerRecord) => r.past.length + (r.latest?.correct !== undefined ? 1 : 0);
  if (submitted(after) < submitted(before)) problems.push(`submitted attempts: ${submitted(before)} became ${submitted(after)}`);
  return problems;
}
