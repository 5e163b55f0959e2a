/**
 * Reading a saved state back (either format), forgiving about the course and strict about the format:
 * loaded with the saved-state code (src/engine/saved-state.ts); the engine's functions are in snapshot.ts.
 */
import type { Course, Module, Question } from '../content-model/types.ts';
import { modelOf } from '../question-types/index.ts';
import { unpack, type Packed } from './codec.ts';
import { moduleSteps, questionIndex } from './progress.ts';
import type { FinalAttempt, LearnerRecord, ModuleRecord, QuestionRecord, StepKey } from './record.ts';
import { fromSavedText, SavedTextError } from './saved-text.ts';
import { decisionBlocks, SNAPSHOT_FORMAT, SnapshotError, type Restored, type RestoreReport } from './snapshot.ts';
import { decisionStamp, questionStamp, STAMP_LENGTH } from './stamp.ts';
import { parseLocation, type Location } from './where.ts';

/** The answer back, if it still fits its question (undefined when it does not). */
const decodeAnswer = (q: Question, text: string): string[] | undefined => modelOf(q).decode(q, text);

function unpackAnswer(q: Question, s: string, stamped: boolean): QuestionRecord | undefined {
  if (stamped) {
    if (s.slice(0, STAMP_LENGTH) !== questionStamp(q)) return undefined;
    s = s.slice(STAMP_LENGTH);
  }
  const m = /^(\d+)(~?)(.*)$/.exec(s);
  const choice = m && decodeAnswer(q, m[3]!);
  if (!m || !choice) return undefined;
  return { tries: Number(m[1]), submitted: m[2] === '', choice };
}

const isRecord = (v: Packed): v is Record<string, Packed> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: Packed | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: Packed | undefined): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** The packed data of either format. */
function readFormat(text: string): { format: 1 | 2; data: Packed[]; courseId?: string } {
  let data: Packed;
  try {
    data = text.startsWith('[') ? unpack(text) : text.startsWith('2') ? unpack(fromSavedText(text)) : unpack(text);
  } catch (e) {
    const what = e instanceof SavedTextError ? e.message : `saved data is not readable: ${(e as Error).message}`;
    throw new SnapshotError(what.startsWith('saved data') ? what : `saved data is not readable: ${what}`);
  }
  if (Array.isArray(data) && data[0] === 1 && text.startsWith('[')) return { format: 1, data: data.slice(1) };
  if (Array.isArray(data) && data[0] === 2 && text.startsWith('2') && typeof data[1] === 'string')
    return { format: 2, data: data.slice(2), courseId: data[1] };
  throw new SnapshotError(`saved data has an unknown format (expected version 1 or ${SNAPSHOT_FORMAT})`);
}

/** The saved state, and what of it could not be restored into this version of the course. */
export function restoreSnapshot(text: string, course: Course): Restored {
  const { format, data, courseId } = readFormat(text);
  const stamped = format === 2;
  const [location, modules, past, latest, seed] = data;
  if (typeof location !== 'string' || !isRecord(modules ?? null) || !Array.isArray(past) || latest === undefined)
    throw new SnapshotError('saved data is incomplete');
  const savedModules = modules as Record<string, Packed>;
  const report: RestoreReport = { format, modulesDropped: [], answersDropped: [], decisionsDropped: [] };

  // Another course's state restores nothing. Format 1 has no course id: a state none of whose modules
  // this course has is taken for another course's.
  const foreignV1 = format === 1 && Object.keys(savedModules).length > 0 && !course.modules.some((m) => m.id in savedModules);
  if ((courseId !== undefined && courseId !== course.id) || foreignV1) {
    report.otherCourse = courseId ?? '';
    return { saved: { location: 'start', record: { modules: {}, past: [] } }, report };
  }

  const record: LearnerRecord = { modules: {}, past: [] };
  const learnerSeed = int(seed);
  if (learnerSeed !== undefined && learnerSeed >= 0 && learnerSeed < 2 ** 32) record.seed = learnerSeed;
  const known = new Set(course.modules.map((m) => m.id));
  report.modulesDropped = Object.keys(savedModules)
    .filter((id) => !known.has(id))
    .sort();
  const resume = parseLocation(location);
  let placeKept = !!resume && (!('moduleId' in resume) || known.has(resume.moduleId));

  for (const m of course.modules) {
    const raw = savedModules[m.id];
    if (!raw || !isRecord(raw)) continue;
    const steps = moduleSteps(m);
    const step = (v: Packed | undefined) => (typeof v === 'string' && steps.includes(v as StepKey) ? (v as StepKey) : undefined);
    const r: ModuleRecord = { done: raw.d === true, answers: {} };
    const at = step(raw.a);
    if (at) r.at = at;
    // The learner was in this module, on a step it no longer has: they resume at its start.
    else if (raw.a !== undefined && resume?.at === 'module' && resume.moduleId === m.id) placeKept = false;
    const furthest = step(raw.f) ?? at;
    if (furthest) r.furthest = furthest;
    if (isRecord(raw.q ?? null)) {
      const answers = raw.q as Record<string, Packed>;
      const questions = new Map(m.questions.map((q) => [q.localId, q]));
      for (const [localId, value] of Object.entries(answers)) {
        const q = questions.get(localId);
        const a = q && unpackAnswer(q, str(value) ?? '', stamped);
        if (a) r.answers[localId] = a;
        else report.answersDropped.push(`${m.id}.${localId}`);
      }
    }
    if (m.reflection && str(raw.r)) r.reflection = str(raw.r);
    const rating = int(raw.s);
    if (m.selfAssessment && rating !== undefined && rating >= 1 && rating <= 5) r.rating = rating;
    if (m.selfAssessment && str(raw.p)) r.plan = str(raw.p);
    const decisions = decodeDecisions(m, raw.c, stamped, report);
    if (decisions) r.decisions = decisions;
    record.modules[m.id] = r;
  }

  for (const p of past as Packed[]) {
    const [correct, max] = Array.isArray(p) ? p.map(int) : [];
    if (correct === undefined || max === undefined) throw new SnapshotError('saved data has an unreadable assessment score');
    record.past.push({ correct, max });
  }
  if (latest !== null) record.latest = decodeAttempt(latest, questionIndex(course), stamped, report);

  if (!placeKept) report.placeDropped = location;
  report.answersDropped.sort();
  report.decisionsDropped.sort();
  // A place that no longer exists (a removed module) or cannot be read becomes the menu.
  const keptLocation = !!resume && (!('moduleId' in resume) || known.has(resume.moduleId));
  return { saved: { location: keptLocation ? (location as Location) : 'menu', record }, report };
}

/** The decisions still on the module's pages, with an option the block still has (and, in format 2, the same options as when made). */
function decodeDecisions(m: Module, raw: Packed | undefined, stamped: boolean, report: RestoreReport): Record<string, string> | undefined {
  if (!raw || !isRecord(raw)) return undefined;
  const blocks = decisionBlocks(m);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const block = blocks.get(key);
    let option = str(value);
    if (block && option !== undefined && stamped)
      option = option.slice(0, STAMP_LENGTH) === decisionStamp(block) ? option.slice(STAMP_LENGTH) : undefined;
    if (block && option && block.options.includes(option)) out[key] = option;
    else report.decisionsDropped.push(`${m.id}.${key}`);
  }
  return Object.keys(out).length ? out : undefined;
}

/** The latest attempt; drawn questions that the course no longer has are dropped if it is still open. */
function decodeAttempt(raw: Packed, questions: ReadonlyMap<string, Question>, stamped: boolean, report: RestoreReport): FinalAttempt {
  if (!Array.isArray(raw)) throw new SnapshotError('saved data has an unreadable assessment attempt');
  const [seed, index, correct, drawn, answers] = raw;
  if (int(seed) === undefined || int(index) === undefined || !Array.isArray(drawn) || !Array.isArray(answers))
    throw new SnapshotError('saved data has an unreadable assessment attempt');
  const submitted = int(correct) !== undefined;
  const kept = drawn
    .map((id, i) => ({ id: str(id) ?? '', choice: str(answers[i]) ?? '' }))
    .filter(({ id, choice }) => {
      const keep = !!id && (submitted || questions.has(id));
      if (id && !keep && choice.length > (stamped ? STAMP_LENGTH : 0)) report.answersDropped.push(id);
      return keep;
    });
  // An answer that no longer fits its question, or (format 2) answered a question since changed, is
  // dropped: it is never scored against a new key. One to a removed question (in a submitted attempt) is kept as it was.
  const answerOf = (id: string, text: string): string[] | undefined => {
    const q = questions.get(id);
    if (stamped) {
      const body = text.slice(STAMP_LENGTH);
      if (!body) return [];
      if (q && text.slice(0, STAMP_LENGTH) !== questionStamp(q)) return undefined;
      text = body;
    }
    if (!text) return [];
    return q ? decodeAnswer(q, text) : text.split(',');
  };
  const attempt: FinalAttempt = {
    seed: int(seed)!,
    drawn: kept.map(({ id }) => id),
    answers: Object.fromEntries(
      kept.flatMap(({ id, choice }) => {
        const answer = answerOf(id, choice);
        if (answer === undefined) report.answersDropped.push(id);
        return answer?.length ? [[id, answer]] : [];
      }),
    ),
    index: Math.min(int(index)!, Math.max(0, kept.length - 1)),
  };
  if (submitted) attempt.correct = int(correct);
  return attempt;
}
