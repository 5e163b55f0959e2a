/**
 * Seeded randomness. The final assessment's seed is stored with the attempt, so the same attempt always
 * shows the same questions in the same order, also after a relaunch; the learner's own seed (in the
 * record) orders the knowledge checks' options the same way. Question types derive a question's order
 * from a seed with `hash(question.id, seed)`.
 */
import { quotaProblem } from '../content-model/quota.ts';
import type { Question } from '../content-model/types.ts';

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A 32-bit string hash (FNV-1a), to derive per-question seeds from an attempt's seed. */
export function hash(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Draws `count` questions so that every module is represented as evenly as the bank allows: each
 * module's questions are shuffled, then taken round-robin; the result is shuffled when `shuffled`.
 *
 * The quota: every module with a bank gives at least `perModule` questions. Round-robin keeps it by
 * construction once `quotaProblem` finds nothing (every bank holds `perModule`, and `count` covers
 * `perModule` rounds of all modules): the first `perModule` rounds take one from every module before
 * any module gives more. Past the quota, no module gives two more than another that still has some.
 * A quota the bank cannot meet is the loader's error; here it throws rather than draw short.
 */
export function drawQuestions(bank: readonly Question[], count: number, seed: number, shuffled: boolean, perModule = 0): string[] {
  const problem = quotaProblem(bank, count, perModule);
  if (problem) throw new Error(`final assessment: ${problem}`);
  const random = prng(seed);
  const byModule = new Map<string, Question[]>();
  for (const q of bank) byModule.set(q.moduleId, [...(byModule.get(q.moduleId) ?? []), q]);
  const pools = shuffle([...byModule.values()], random).map((qs) => shuffle(qs, random));
  const picked: string[] = [];
  for (let round = 0; picked.length < count && pools.some((p) => p.length > round); round++)
    for (const pool of pools) if (picked.length < count && pool[round]) picked.push(pool[round]!.id);
  if (shuffled) return shuffle(picked, random);
  const order = new Map(bank.map((q, i) => [q.id, i]));
  return picked.sort((a, b) => order.get(a)! - order.get(b)!);
}
