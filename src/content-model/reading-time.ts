/**
 * A module's estimated time: what one learner reads on one path through it, at 200 words a minute,
 * plus the time its activities take beyond reading. The reflection is counted as writing: a leader who
 * thinks and writes a considered paragraph (60-100 words, at the 20-25 words a minute of composing
 * text) needs about four minutes. See "Reading time" in docs/content-format.md.
 */
import { moduleTextSlots, type TextSlot } from './text-spec.ts';
import type { Block, Module, TextTree } from './types.ts';

export const WORDS_PER_MINUTE = 200;
/** Thinking and writing the reflection the learner keeps. */
export const REFLECTION_MINUTES = 4;
/** Placing one's own organisation on the five steps (their words are read as well). */
export const SELF_ASSESSMENT_MINUTES = 1;
/** Thinking about the knowledge check's scenarios (their words are read as well). */
export const CHECK_MINUTES = 1;

export function countWords(text: string): number {
  return text
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * How much of a slot's words one learner reads: 1 for most; a knowledge-check option's feedback is
 * shown only for the options chosen (one, or as many as are correct), a decision's consequence only
 * for the option taken; an image's or figure's text alternative and a figure's description stand in
 * for looking at the picture (whose labels and caption are read), so they are not added to it.
 */
function share(m: Module, slot: TextSlot): number {
  const p = slot.path;
  if (slot.notRead) return 0;
  if (p[0] === 'knowledgeCheck' && p.at(-1) === 'feedback') {
    const q = m.questions.find((x) => x.localId === p[2]);
    // A choice shows the feedback of the options chosen; ordering and matching have one feedback, always read.
    return q && (q.type === 'single' || q.type === 'multiple') ? (q.type === 'single' ? 1 : q.correct.length) / q.options.length : 1;
  }
  if (p[0] === 'pages' && p[2] === 'blocks') {
    const block: Block | undefined = m.pages.find((x) => x.id === p[1])?.blocks.find((b) => b.id === p[3]);
    if (block?.type === 'decision' && p[4] === 'options' && p[6] === 'consequence') return 1 / block.options.length;
    if ((block?.type === 'figure' || block?.type === 'image') && p.length === 5 && (p[4] === 'alt' || p[4] === 'description')) return 0;
  }
  return 1;
}

/** The words one learner reads in the module (fractional where a share of several texts is read). */
export function moduleWords(m: Module, tree: TextTree): number {
  let words = 0;
  for (const s of moduleTextSlots(m)) {
    const weight = share(m, s);
    if (!weight) continue;
    let node: unknown = tree;
    for (const k of s.path) node = node && typeof node === 'object' ? (node as TextTree)[k] : undefined;
    if (typeof node === 'string') words += weight * countWords(node);
  }
  return words;
}

/** The minutes beyond reading: writing the reflection, judging the self-assessment, thinking in the check. */
export function activityMinutes(m: Module): number {
  return (
    (m.reflection ? REFLECTION_MINUTES : 0) + (m.selfAssessment ? SELF_ASSESSMENT_MINUTES : 0) + (m.questions.length ? CHECK_MINUTES : 0)
  );
}

export function moduleMinutes(m: Module, tree: TextTree): number {
  return Math.round(moduleWords(m, tree) / WORDS_PER_MINUTE + activityMinutes(m));
}
