/**
 * Measuring the room for writing (loaded with the saved-state code, src/engine/saved-state.ts; the
 * engine's public functions are in room.ts): how much text a learner may keep in a reflection or an action step so that the
 * saved state provably stays within the LMS's limit (4,096 characters in SCORM 1.2), whatever else
 * they do later in the course.
 *
 * The proof is by construction. A text is accepted only if the *reserve state* still fits: the
 * learner's texts as they are (with the new one), and everything else at its largest (every module
 * done and revisited, every question answered with its longest answer after every try, every decision
 * made with its longest option, every final attempt used with the longest questions drawn and
 * answered, the longest place and seed). Nothing a learner does later can grow the state past that
 * reserve, so nothing later can push it over the limit. The real encoded size decides, so ordinary
 * prose (which compresses) gets the field's full cap, and incompressible text gets less.
 */
import type { Course, TextLimits } from '../content-model/types.ts';
import { moduleSteps } from './progress.ts';
import { decisionKey, type FinalAttempt, type LearnerRecord, type ModuleRecord } from './record.ts';
import { capOf, cutText, longestChoice, type Room, type TextField } from './room.ts';
import { encodeSnapshot, type Saved } from './snapshot.ts';
import type { Location } from './where.ts';

/** The texts of a record, by field: `reflection` and `plan` of each module. */
type Texts = Record<string, { reflection?: string; plan?: string }>;

/** The largest state the course allows, with the given texts (none: no texts). */
export function reserveSaved(course: Course, texts: Texts = {}): Saved {
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
    const decisions: Record<string, string> = {};
    for (const p of m.pages)
      for (const b of p.blocks)
        if (b.type === 'decision') decisions[decisionKey(p.id, b.id)] = b.options.reduce((a, o) => (o.length > a.length ? o : a), '');
    if (Object.keys(decisions).length) r.decisions = decisions;
    const t = texts[m.id];
    if (m.reflection && t?.reflection) r.reflection = t.reflection;
    if (m.selfAssessment) {
      r.rating = 5;
      if (t?.plan) r.plan = t.plan;
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
    seed: 2 ** 32 - 1,
    modules,
    past: Array.from({ length: Math.max(0, attempts - 1) }, () => ({ correct: draw, max: draw })),
    latest,
  };
  return { location: longestLocation(course), record };
}

export function longestLocation(course: Course): Location {
  const locations: Location[] = [
    'results',
    'final',
    'menu',
    ...course.modules.flatMap((m) => [`module:${m.id}` as Location, `completed:${m.id}` as Location]),
  ];
  return locations.reduce((a, b) => (b.length > a.length ? b : a));
}

const textsOf = (record: LearnerRecord): Texts =>
  Object.fromEntries(Object.entries(record.modules).map(([id, r]) => [id, { reflection: r.reflection, plan: r.plan }]));

const withText = (texts: Texts, field: TextField, text: string): Texts => ({
  ...texts,
  [field.moduleId]: { ...texts[field.moduleId], [field.kind]: text },
});

const reserveSize = (course: Course, texts: Texts) => encodeSnapshot(reserveSaved(course, texts), course).length;

/** The characters the saved state takes with these texts: the larger of the reserve state and the real one. */
function sizeWith(course: Course, record: LearnerRecord, texts: Texts): number {
  const reserve = reserveSize(course, texts);
  const modules = Object.fromEntries(
    Object.entries(record.modules).map(([id, r]) => [
      id,
      { ...r, reflection: texts[id]?.reflection || undefined, plan: texts[id]?.plan || undefined },
    ]),
  );
  const real = encodeSnapshot({ location: longestLocation(course), record: { ...record, modules } }, course).length;
  return Math.max(reserve, real);
}

/** Whether the record's texts, whatever else the learner does later, keep the saved state within `savedLimit`. */
export function textsFit(course: Course, record: LearnerRecord, savedLimit: number): boolean {
  return !Number.isFinite(savedLimit) || sizeWith(course, record, textsOf(record)) <= savedLimit;
}

/**
 * Whether `text` may be kept in `field`: within the field's cap, and the saved state within its limit.
 * A text no longer than the one kept is always accepted (shortening never makes things worse).
 */
export function textFits(
  course: Course,
  record: LearnerRecord,
  limits: TextLimits,
  savedLimit: number,
  field: TextField,
  text: string,
): boolean {
  if (text.length > capOf(limits, field)) return false;
  const current = record.modules[field.moduleId]?.[field.kind] ?? '';
  if (text.length <= current.length || !Number.isFinite(savedLimit)) return true;
  return sizeWith(course, record, withText(textsOf(record), field, text)) <= savedLimit;
}

/**
 * The room for `field` holding `text`. The cap, unless the saved state has less: then what is left of
 * the limit, in characters of this text's own kind (its measured cost per character, never taken
 * below that of well-compressing prose). Typing beyond it is refused by `textFits`, which measures.
 */
export function roomFor(
  course: Course,
  record: LearnerRecord,
  limits: TextLimits,
  savedLimit: number,
  field: TextField,
  text: string,
): Room {
  const cap = capOf(limits, field);
  if (!Number.isFinite(savedLimit)) return { max: cap, left: Math.max(0, cap - text.length), bySavedState: false };
  // The reserve state only (what `textFits` measures first): this runs as the learner types.
  const texts = textsOf(record);
  const used = reserveSize(course, withText(texts, field, text));
  if (used > savedLimit) return { max: text.length, left: 0, bySavedState: true };
  const empty = text.length >= 40 ? emptySize(course, record, texts, field) : used;
  // What one more character costs: this text's own rate once there is enough of it to tell, else a cautious guess.
  const perChar = Math.max(MIN_COST_PER_CHARACTER, text.length >= 40 ? (used - empty) / text.length : 1);
  const fitting = text.length + Math.floor((savedLimit - used) / perChar);
  const max = Math.max(text.length, Math.min(cap, fitting));
  return { max, left: max - text.length, bySavedState: fitting < cap };
}

/** The reserve state's size with `field` empty, once per record and field (the record changes only as drafts are committed). */
const emptySizes = new WeakMap<LearnerRecord, Map<string, number>>();
function emptySize(course: Course, record: LearnerRecord, texts: Texts, field: TextField): number {
  const sizes = emptySizes.get(record) ?? new Map<string, number>();
  emptySizes.set(record, sizes);
  const key = `${course.id} ${field.kind} ${field.moduleId}`;
  if (!sizes.has(key)) sizes.set(key, reserveSize(course, withText(texts, field, '')));
  return sizes.get(key)!;
}

/** Prose compresses to about half a saved character a character; no estimate assumes it cheaper than this. */
const MIN_COST_PER_CHARACTER = 0.5;

/**
 * A restored record made to fit today's room: every text cut to its field's cap, then, while the saved
 * state would not fit its limit, the longest text cut by a tenth. Returns the fields it had to shorten.
 */
export function fitTexts(
  course: Course,
  record: LearnerRecord,
  limits: TextLimits,
  savedLimit: number,
): { record: LearnerRecord; shortened: TextField[] } {
  const shortened = new Map<string, TextField>();
  const modules: Record<string, ModuleRecord> = {};
  for (const [id, r] of Object.entries(record.modules)) {
    const next = { ...r };
    for (const kind of ['reflection', 'plan'] as const) {
      const text = r[kind];
      const cap = capOf(limits, { kind, moduleId: id });
      if (text && text.length > cap) {
        next[kind] = cutText(text, cap);
        shortened.set(`${id}.${kind}`, { kind, moduleId: id });
      }
    }
    modules[id] = next;
  }
  let out: LearnerRecord = { ...record, modules };
  while (!textsFit(course, out, savedLimit)) {
    const longest = Object.entries(out.modules)
      .flatMap(([id, r]) => (['reflection', 'plan'] as const).map((kind) => ({ id, kind, length: r[kind]?.length ?? 0 })))
      .reduce((a, b) => (b.length > a.length ? b : a));
    if (!longest.length) break; // nothing left to cut: the rest is the course's own structure
    const m = out.modules[longest.id]!;
    const cut = cutText(m[longest.kind]!, Math.floor(longest.length * 0.9));
    out = { ...out, modules: { ...out.modules, [longest.id]: { ...m, [longest.kind]: cut || undefined } } };
    shortened.set(`${longest.id}.${longest.kind}`, { kind: longest.kind, moduleId: longest.id });
  }
  return { record: out, shortened: [...shortened.values()] };
}
