/**
 * A module's estimated time: its words at 200 a minute, plus a minute for each activity (knowledge
 * check, reflection, self-assessment). Final-assessment bank questions are not part of the module.
 */
import { moduleTextSlots } from './text-spec.ts';
import type { Module, TextTree } from './types.ts';

export const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  return text
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function moduleWords(m: Module, tree: TextTree): number {
  let words = 0;
  for (const s of moduleTextSlots(m)) {
    if (s.notRead) continue;
    let node: unknown = tree;
    for (const k of s.path) node = node && typeof node === 'object' ? (node as TextTree)[k] : undefined;
    if (typeof node === 'string') words += countWords(node);
  }
  return words;
}

export function moduleMinutes(m: Module, tree: TextTree): number {
  const activities = (m.questions.length ? 1 : 0) + (m.reflection ? 1 : 0) + (m.selfAssessment ? 1 : 0);
  return Math.round(moduleWords(m, tree) / WORDS_PER_MINUTE + activities);
}
