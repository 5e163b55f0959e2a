/**
 * The suspend-data guarantee: the largest state a learner can reach must fit the SCORM version's
 * suspend-data limit (4,096 characters in 1.2, 64,000 in 2004). This builds that worst case for a
 * course: every module done and revisited, every question answered with its longest choice after every
 * try, every reflection and action-plan step at exactly the longest length the player allows, every
 * final-assessment attempt used and the latest one holding an answer to every question, drawn from
 * the questions with the longest ids, on the longest location.
 */
import type { Course, Question, TextLimits } from '../content-model/types.ts';
import {
  encodeSnapshot,
  moduleSteps,
  type FinalAttempt,
  type LearnerRecord,
  type Location,
  type ModuleRecord,
  type Saved,
} from '../engine/index.ts';
import { modelOf } from '../question-types/index.ts';

/**
 * Characters that stress the codec and the LMS: the codec's own delimiters, quotes and markup, Danish
 * letters, a line break and a character outside the BMP (two UTF-16 units).
 */
export const WORST_CHARACTERS = ['{', '}', '[', ']', ':', '#', '_', 'T', '9', '~', ',', '"', '\\', '<', '&', '\n', 'æ', 'ø', 'Å', '😀'];

/** A text of exactly `length` UTF-16 units (the unit the player's limits count), cycling the worst characters. */
export function worstText(length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    const c = WORST_CHARACTERS[i % WORST_CHARACTERS.length]!;
    out += out.length + c.length <= length ? c : 'x';
  }
  return out;
}

/** The answer whose saved form is longest, by the question's type (every option of a multiple choice, a full order, ...). */
export function longestChoice(q: Question): string[] {
  return modelOf(q).longestAnswer(q);
}

export function worstCaseSaved(course: Course, limits: TextLimits): Saved {
  const { attempts: checkTries } = course.settings.knowledgeCheck;
  const { draw, attempts } = course.settings.final;
  const modules: Record<string, ModuleRecord> = {};
  for (const m of course.modules) {
    const steps = [...moduleSteps(m)].sort((a, b) => b.length - a.length);
    const r: ModuleRecord = {
      done: true,
      // Revisited after completion: resting on one step, furthest on another.
      at: steps[0],
      furthest: steps[1] ?? steps[0],
      answers: Object.fromEntries(m.questions.map((q) => [q.localId, { tries: checkTries, submitted: false, choice: longestChoice(q) }])),
    };
    if (m.reflection) r.reflection = worstText(limits.reflection);
    if (m.selfAssessment) {
      r.rating = 5;
      r.plan = worstText(limits.actionStep);
    }
    modules[m.id] = r;
  }
  const drawn = [...course.bank]
    .sort((a, b) => b.id.length + longestChoice(b).join(',').length - (a.id.length + longestChoice(a).join(',').length))
    .slice(0, draw);
  const latest: FinalAttempt = {
    seed: 2 ** 32 - 1,
    drawn: drawn.map((q) => q.id),
    answers: Object.fromEntries(drawn.map((q) => [q.id, longestChoice(q)])),
    index: Math.max(0, drawn.length - 1),
    correct: drawn.length,
  };
  const record: LearnerRecord = {
    modules,
    past: Array.from({ length: Math.max(0, attempts - 1) }, () => ({ correct: draw, max: draw })),
    latest,
  };
  const locations: Location[] = ['results', 'final', 'menu', ...course.modules.map((m) => `module:${m.id}` as Location)];
  return { location: locations.reduce((a, b) => (b.length > a.length ? b : a)), record };
}

export interface SuspendSize {
  /** UTF-16 units: what the SCORM limits and scorm-again count. */
  chars: number;
  /** For LMSs that store bytes. */
  utf8Bytes: number;
  limit: number;
  fits: boolean;
}

export const SUSPEND_LIMITS = { scorm12: 4096, scorm2004: 64000 } as const;

export function worstCaseSize(course: Course, version: 'scorm12' | 'scorm2004'): SuspendSize {
  const encoded = encodeSnapshot(worstCaseSaved(course, course.settings.limits[version]), course);
  const limit = SUSPEND_LIMITS[version];
  return { chars: encoded.length, utf8Bytes: new TextEncoder().encode(encoded).length, limit, fits: encoded.length <= limit };
}
