/**
 * The saved state: a compact, versioned encoding of where the learner is and what they have done,
 * keyed by stable ids. Decoding is forgiving about the course and strict about the format: data saved
 * by an older course version restores whatever still matches by id, and anything unreadable is an
 * error the caller turns into a plain notice and a fresh start.
 */
import type { Course, Question } from '../content-model/types.ts';
import { pack, unpack, type Packed } from './codec.ts';
import { locationOf, parseLocation, whereIs, type CourseSnapshot, type Location } from './where.ts';
import { moduleSteps, questionIndex } from './progress.ts';
import type { FinalAttempt, LearnerRecord, ModuleRecord, QuestionRecord, StepKey } from './record.ts';

export const SNAPSHOT_FORMAT = 1;

export interface Saved {
  location: Location;
  record: LearnerRecord;
}

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** `2~a,c`: tries, `~` when the choice is not yet submitted, then the chosen option ids. */
function packAnswer(a: QuestionRecord): string {
  return `${a.tries}${a.submitted ? '' : '~'}${a.choice.join(',')}`;
}

function unpackAnswer(s: string): QuestionRecord | undefined {
  const m = /^(\d+)(~?)(.*)$/.exec(s);
  if (!m) return undefined;
  return { tries: Number(m[1]), submitted: m[2] === '', choice: m[3] ? m[3].split(',') : [] };
}

function packModule(r: ModuleRecord): Packed {
  const out: Record<string, Packed> = {};
  if (r.at) out.a = r.at;
  if (r.furthest && r.furthest !== r.at) out.f = r.furthest;
  if (r.done) out.d = true;
  const answers = Object.entries(r.answers);
  if (answers.length) out.q = Object.fromEntries(answers.map(([id, a]) => [id, packAnswer(a)]));
  if (r.reflection) out.r = r.reflection;
  if (r.rating !== undefined) out.s = r.rating;
  if (r.plan) out.p = r.plan;
  return out;
}

function packAttempt(a: FinalAttempt): Packed {
  return [a.seed, a.index, a.correct ?? null, a.drawn, a.drawn.map((id) => (a.answers[id] ?? []).join(','))];
}

/** What is saved of a snapshot of the course machine: where the learner is and their record. */
export function savedOf(s: Pick<CourseSnapshot, 'value' | 'context'>): Saved {
  return { location: locationOf(whereIs(s)), record: s.context.record };
}

export function encodeSnapshot(saved: Saved): string {
  // Sorted by id, so the same state always encodes to the same text, whatever order it was built in.
  const modules = Object.fromEntries(
    Object.entries(saved.record.modules)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => [id, packModule(r)]),
  );
  const past = saved.record.past.map((p) => [p.correct, p.max]);
  return pack([SNAPSHOT_FORMAT, saved.location, modules, past, saved.record.latest ? packAttempt(saved.record.latest) : null]);
}

const isRecord = (v: Packed): v is Record<string, Packed> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: Packed | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: Packed | undefined): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

export function decodeSnapshot(text: string, course: Course): Saved {
  let data: Packed;
  try {
    data = unpack(text);
  } catch (e) {
    throw new SnapshotError(`saved data is not readable: ${(e as Error).message}`);
  }
  if (!Array.isArray(data) || data[0] !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`saved data has an unknown format (expected version ${SNAPSHOT_FORMAT})`);
  const [, location, modules, past, latest] = data;
  if (typeof location !== 'string' || !isRecord(modules ?? null) || !Array.isArray(past) || latest === undefined)
    throw new SnapshotError('saved data is incomplete');

  const record: LearnerRecord = { modules: {}, past: [] };
  for (const m of course.modules) {
    const raw = (modules as Record<string, Packed>)[m.id];
    if (!raw || !isRecord(raw)) continue;
    const steps = moduleSteps(m);
    const step = (v: Packed | undefined) => (typeof v === 'string' && steps.includes(v as StepKey) ? (v as StepKey) : undefined);
    const r: ModuleRecord = { done: raw.d === true, answers: {} };
    const at = step(raw.a);
    if (at) r.at = at;
    const furthest = step(raw.f) ?? at;
    if (furthest) r.furthest = furthest;
    if (isRecord(raw.q ?? null)) {
      for (const q of m.questions) {
        const a = unpackAnswer(str((raw.q as Record<string, Packed>)[q.localId]) ?? '');
        if (a && a.choice.every((c) => q.options.includes(c))) r.answers[q.localId] = a;
      }
    }
    if (m.reflection && str(raw.r)) r.reflection = str(raw.r);
    const rating = int(raw.s);
    if (m.selfAssessment && rating !== undefined && rating >= 1 && rating <= 5) r.rating = rating;
    if (m.selfAssessment && str(raw.p)) r.plan = str(raw.p);
    record.modules[m.id] = r;
  }

  for (const p of past as Packed[]) {
    const [correct, max] = Array.isArray(p) ? p.map(int) : [];
    if (correct === undefined || max === undefined) throw new SnapshotError('saved data has an unreadable assessment score');
    record.past.push({ correct, max });
  }
  if (latest !== null) record.latest = decodeAttempt(latest, questionIndex(course));

  // A place that no longer exists (a removed module) or cannot be read becomes the menu.
  const resume = parseLocation(location);
  const known = !!resume && (!('moduleId' in resume) || course.modules.some((m) => m.id === resume.moduleId));
  return { location: known ? (location as Location) : 'menu', record };
}

/** The latest attempt; drawn questions that the course no longer has are dropped if it is still open. */
function decodeAttempt(raw: Packed, questions: ReadonlyMap<string, Question>): FinalAttempt {
  if (!Array.isArray(raw)) throw new SnapshotError('saved data has an unreadable assessment attempt');
  const [seed, index, correct, drawn, answers] = raw;
  if (int(seed) === undefined || int(index) === undefined || !Array.isArray(drawn) || !Array.isArray(answers))
    throw new SnapshotError('saved data has an unreadable assessment attempt');
  const submitted = int(correct) !== undefined;
  const kept = drawn
    .map((id, i) => ({ id: str(id) ?? '', choice: str(answers[i]) ?? '' }))
    .filter(({ id }) => id && (submitted || questions.has(id)));
  const attempt: FinalAttempt = {
    seed: int(seed)!,
    drawn: kept.map(({ id }) => id),
    answers: Object.fromEntries(
      kept
        .filter(({ id, choice }) => choice && choice.split(',').every((c) => !questions.has(id) || questions.get(id)!.options.includes(c)))
        .map(({ id, choice }) => [id, choice.split(',')]),
    ),
    index: Math.min(int(index)!, Math.max(0, kept.length - 1)),
  };
  if (submitted) attempt.correct = int(correct);
  return attempt;
}
