/**
 * The saved state: a compact, versioned encoding of where the learner is and what they have done,
 * keyed by stable ids. Decoding is forgiving about the course and strict about the format: data saved
 * by an older course version restores whatever still matches by id (and says what it dropped), and
 * anything unreadable is an error the caller turns into a plain notice and a fresh start.
 *
 *   format 1  `[1#…]`: the packed text itself (src/engine/codec.ts). Still read: learners have it stored.
 *   format 2  `2…`: the packed text, with the course id and a stamp on every answer and decision,
 *             compressed and written in ASCII (src/engine/saved-text.ts). What is written now.
 *
 * Packing is here; compressing and restoring come with the saved-state code (src/engine/saved-state.ts),
 * which is loaded beside the player (src/engine/saved-state-loader.ts).
 */
import type { Block, Course, Module, Question } from '../content-model/types.ts';
import { modelOf } from '../question-types/index.ts';
import { pack, type Packed } from './codec.ts';
import { locationOf, whereIs, type CourseSnapshot, type Location } from './where.ts';
import { questionIndex } from './progress.ts';
import { decisionKey, type FinalAttempt, type LearnerRecord, type ModuleRecord, type QuestionRecord } from './record.ts';
import { savedState } from './saved-state-loader.ts';
import { decisionStamp, questionStamp } from './stamp.ts';

export const SNAPSHOT_FORMAT = 2;

export interface Saved {
  location: Location;
  record: LearnerRecord;
}

/** What a restore found: what it could not bring back, and why. Empty lists when everything came back. */
export interface RestoreReport {
  format: 1 | 2;
  /** The state was saved by another course (its id): nothing of it is restored. */
  otherCourse?: string;
  /** The saved place no longer exists (a removed module or page): the learner resumes elsewhere. */
  placeDropped?: string;
  /** Modules with saved work that the course no longer has. */
  modulesDropped: string[];
  /** Course-wide ids of questions whose saved answer was dropped: the question changed or is gone. */
  answersDropped: string[];
  /** Decisions (`<module>.<page>.<block>`) dropped because the block changed or is gone. */
  decisionsDropped: string[];
}

export interface Restored {
  saved: Saved;
  report: RestoreReport;
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

/** The stamp of a question the course does not have (only an older record holds one). */
const NO_STAMP = '--';
const stampOfQuestion = (q: Question | undefined) => (q ? questionStamp(q) : NO_STAMP);

/** By key, so the same state always encodes to the same text, whatever order it was built in. */
const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** `2~a,c`: tries, `~` when the answer is not yet submitted, then the answer in its type's saved form. Format 2 puts the question's stamp first. */
function packAnswer(q: Question | undefined, a: QuestionRecord, stamped: boolean): string {
  return `${stamped ? stampOfQuestion(q) : ''}${a.tries}${a.submitted ? '' : '~'}${encodeAnswer(q, a.choice)}`;
}

export function decisionBlocks(m: Module | undefined): Map<string, Extract<Block, { type: 'decision' }>> {
  const out = new Map<string, Extract<Block, { type: 'decision' }>>();
  for (const p of m?.pages ?? []) for (const b of p.blocks) if (b.type === 'decision') out.set(decisionKey(p.id, b.id), b);
  return out;
}

function packModule(r: ModuleRecord, m: Module | undefined, stamped: boolean): Packed {
  const questions = new Map(m?.questions.map((q) => [q.localId, q]));
  const out: Record<string, Packed> = {};
  if (r.at) out.a = r.at;
  if (r.furthest && r.furthest !== r.at) out.f = r.furthest;
  if (r.done) out.d = true;
  const answers = byKey(Object.entries(r.answers));
  if (answers.length) out.q = Object.fromEntries(answers.map(([id, a]) => [id, packAnswer(questions.get(id), a, stamped)]));
  if (r.reflection) out.r = r.reflection;
  if (r.rating !== undefined) out.s = r.rating;
  if (r.plan) out.p = r.plan;
  if (r.decisions && Object.keys(r.decisions).length) {
    const blocks = decisionBlocks(m);
    out.c = Object.fromEntries(
      byKey(Object.entries(r.decisions)).map(([key, option]) => {
        const block = blocks.get(key);
        return [key, stamped ? `${block ? decisionStamp(block) : NO_STAMP}${option}` : option];
      }),
    );
  }
  return out;
}

function packAttempt(a: FinalAttempt, questions: ReadonlyMap<string, Question>, stamped: boolean): Packed {
  const answerOf = (id: string) =>
    `${stamped ? stampOfQuestion(questions.get(id)) : ''}${encodeAnswer(questions.get(id), a.answers[id] ?? [])}`;
  return [a.seed, a.index, a.correct ?? null, a.drawn, a.drawn.map(answerOf)];
}

/** What is saved of a snapshot of the course machine: where the learner is and their record. */
export function savedOf(s: Pick<CourseSnapshot, 'value' | 'context'>): Saved {
  return { location: locationOf(whereIs(s)), record: s.context.record };
}

function packParts(saved: Saved, course: Course, stamped: boolean): Packed[] {
  const byModule = new Map(course.modules.map((m) => [m.id, m]));
  const modules = Object.fromEntries(
    byKey(Object.entries(saved.record.modules)).map(([id, r]) => [id, packModule(r, byModule.get(id), stamped)]),
  );
  const past = saved.record.past.map((p) => [p.correct, p.max]);
  const latest = saved.record.latest ? packAttempt(saved.record.latest, questionIndex(course), stamped) : null;
  return [saved.location, modules, past, latest];
}

/**
 * Format 2: `2` and the ASCII text of the compressed `[2, course id, location, modules, past scores,
 * latest attempt, learner seed]`.
 */
export function encodeSnapshot(saved: Saved, course: Course): string {
  return savedState().toSavedText(SNAPSHOT_FORMAT, packSnapshot(saved, course));
}

/**
 * The packed text format 2 compresses: the same state always packs to the same text, and two states
 * that pack alike encode alike, so whether the state changed can be told without compressing it.
 */
export function packSnapshot(saved: Saved, course: Course): string {
  const parts: Packed[] = [SNAPSHOT_FORMAT, course.id, ...packParts(saved, course, true)];
  if (saved.record.seed !== undefined) parts.push(saved.record.seed);
  return pack(parts);
}

/**
 * Format 1, as learners' LMSs still hold it: `[format, location, modules, past scores, latest
 * attempt, learner seed]`, packed text only. Nothing writes it any more; the tests make the data an
 * earlier version stored with it.
 */
export function encodeSnapshotFormat1(saved: Saved, course: Course): string {
  const parts: Packed[] = [1, ...packParts(saved, course, false)];
  if (saved.record.seed !== undefined) parts.push(saved.record.seed);
  return pack(parts);
}

/** The saved state, and what of it could not be restored into this version of the course (src/engine/restore.ts). */
export function restoreSnapshot(text: string, course: Course): Restored {
  return savedState().restoreSnapshot(text, course);
}

/**
 * The saved state, for callers that need only it (the tracker, cmi5). Another course's state is not
 * this learner's state here: it is a SnapshotError, so the tracker keeps it in the LMS, as it keeps
 * unreadable data, until the learner makes progress.
 */
export function decodeSnapshot(text: string, course: Course): Saved {
  const { saved, report } = restoreSnapshot(text, course);
  if (report.otherCourse !== undefined) throw new SnapshotError('saved data belongs to another course');
  return saved;
}
