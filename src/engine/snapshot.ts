/**
 * The saved state: a compact, versioned encoding of where the learner is and what they have done,
 * keyed by stable ids. Decoding is forgiving about the course and strict about the format: data saved
 * by an older course version restores whatever still matches by id, and anything unreadable is an
 * error the caller turns into a plain notice and a fresh start.
 */
import type { Course, Question } from '../content-model/types.ts';
import { modelOf } from '../question-types/index.ts';
import { pack, unpack, type Packed } from './codec.ts';
import { locationOf, parseLocation, whereIs, type CourseSnapshot, type Location } from './where.ts';
import { moduleSteps, questionIndex } from './progress.ts';
import { decisionKey, type FinalAttempt, type LearnerRecord, type ModuleRecord, type QuestionRecord, type StepKey } from './record.ts';

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

/**
 * An answer in its type's saved form (src/question-types/<type>/model.ts `encode`); a question the
 * course no longer has keeps its tokens joined by commas.
 */
const encodeAnswer = (q: Question | undefined, answer: readonly string[]): string => (q ? modelOf(q).encode(q, answer) : answer.join(','));

/** The answer back, if it still fits its question (undefined when it does not). */
const decodeAnswer = (q: Question, text: string): string[] | undefined => modelOf(q).decode(q, text);

/** `2~a,c`: tries, `~` when the answer is not yet submitted, then the answer in its type's saved form. */
function packAnswer(q: Question | undefined, a: QuestionRecord): string {
  return `${a.tries}${a.submitted ? '' : '~'}${encodeAnswer(q, a.choice)}`;
}

function unpackAnswer(q: Question, s: string): QuestionRecord | undefined {
  const m = /^(\d+)(~?)(.*)$/.exec(s);
  const choice = m && decodeAnswer(q, m[3]!);
  if (!m || !choice) return undefined;
  return { tries: Number(m[1]), submitted: m[2] === '', choice };
}

function packModule(r: ModuleRecord, questions: ReadonlyMap<string, Question>): Packed {
  const out: Record<string, Packed> = {};
  if (r.at) out.a = r.at;
  if (r.furthest && r.furthest !== r.at) out.f = r.furthest;
  if (r.done) out.d = true;
  const answers = Object.entries(r.answers);
  if (answers.length) out.q = Object.fromEntries(answers.map(([id, a]) => [id, packAnswer(questions.get(id), a)]));
  if (r.reflection) out.r = r.reflection;
  if (r.rating !== undefined) out.s = r.rating;
  if (r.plan) out.p = r.plan;
  if (r.decisions && Object.keys(r.decisions).length) out.c = { ...r.decisions };
  return out;
}

function packAttempt(a: FinalAttempt, questions: ReadonlyMap<string, Question>): Packed {
  return [a.seed, a.index, a.correct ?? null, a.drawn, a.drawn.map((id) => encodeAnswer(questions.get(id), a.answers[id] ?? []))];
}

/** What is saved of a snapshot of the course machine: where the learner is and their record. */
export function savedOf(s: Pick<CourseSnapshot, 'value' | 'context'>): Saved {
  return { location: locationOf(whereIs(s)), record: s.context.record };
}

/**
 * `[format, location, modules, past scores, latest attempt, learner seed]`. The seed came last, after
 * format 1 was first saved: data without it decodes, and the machine gives the learner a seed.
 */
export function encodeSnapshot(saved: Saved, course: Course): string {
  // Sorted by id, so the same state always encodes to the same text, whatever order it was built in.
  const byModule = new Map(course.modules.map((m) => [m.id, new Map(m.questions.map((q) => [q.localId, q]))]));
  const modules = Object.fromEntries(
    Object.entries(saved.record.modules)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => [id, packModule(r, byModule.get(id) ?? new Map())]),
  );
  const past = saved.record.past.map((p) => [p.correct, p.max]);
  const latest = saved.record.latest ? packAttempt(saved.record.latest, questionIndex(course)) : null;
  const parts: Packed[] = [SNAPSHOT_FORMAT, saved.location, modules, past, latest];
  if (saved.record.seed !== undefined) parts.push(saved.record.seed);
  return pack(parts);
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
  const [, location, modules, past, latest, seed] = data;
  if (typeof location !== 'string' || !isRecord(modules ?? null) || !Array.isArray(past) || latest === undefined)
    throw new SnapshotError('saved data is incomplete');

  const record: LearnerRecord = { modules: {}, past: [] };
  const learnerSeed = int(seed);
  if (learnerSeed !== undefined && learnerSeed >= 0 && learnerSeed < 2 ** 32) record.seed = learnerSeed;
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
        const a = unpackAnswer(q, str((raw.q as Record<string, Packed>)[q.localId]) ?? '');
        if (a) r.answers[q.localId] = a;
      }
    }
    if (m.reflection && str(raw.r)) r.reflection = str(raw.r);
    const rating = int(raw.s);
    if (m.selfAssessment && rating !== undefined && rating >= 1 && rating <= 5) r.rating = rating;
    if (m.selfAssessment && str(raw.p)) r.plan = str(raw.p);
    const decisions = decodeDecisions(m, raw.c);
    if (decisions) r.decisions = decisions;
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

/** The decisions still on the module's pages, with an option the block still has. */
function decodeDecisions(m: Course['modules'][number], raw: Packed | undefined): Record<string, string> | undefined {
  if (!raw || !isRecord(raw)) return undefined;
  const out: Record<string, string> = {};
  for (const p of m.pages)
    for (const b of p.blocks) {
      if (b.type !== 'decision') continue;
      const option = str(raw[decisionKey(p.id, b.id)]);
      if (option && b.options.includes(option)) out[decisionKey(p.id, b.id)] = option;
    }
  return Object.keys(out).length ? out : undefined;
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
  // An answer that no longer fits its question is dropped; one to a removed question (in a submitted attempt) is kept as it was.
  const answerOf = (id: string, text: string): string[] | undefined => {
    const q = questions.get(id);
    return q ? decodeAnswer(q, text) : text.split(',');
  };
  const attempt: FinalAttempt = {
    seed: int(seed)!,
    drawn: kept.map(({ id }) => id),
    answers: Object.fromEntries(
      kept.flatMap(({ id, choice }) => {
        const answer = choice ? answerOf(id, choice) : undefined;
        return answer?.length ? [[id, answer]] : [];
      }),
    ),
    index: Math.min(int(index)!, Math.max(0, kept.length - 1)),
  };
  if (submitted) attempt.correct = int(correct);
  return attempt;
}
