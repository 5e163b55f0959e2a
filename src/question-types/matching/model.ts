/**
 * Matching (SCORM `matching`): the learner pairs each of 3-6 items with one of the matches. There may
 * be more matches than items (the rest are distractors), and one match may fit several items. Right
 * only when every item has its right match.
 *
 *   - id: q4
 *     type: matching
 *     objective: o1
 *     items: [budget, risk, people]          # what is matched, shown in this order
 *     matches: [cfo, ciso, hr, board]        # what they are matched with (as many as the items, or more)
 *     correct: { budget: cfo, risk: ciso, people: hr }
 *   texts: prompt, items.<i>.text, matches.<m>.text, feedback (shown after an answer)
 *
 * An answer is a list of `item=match` pairs, in item order; an item not yet matched has no pair.
 */
import { hash, prng, shuffle } from '../../engine/draw.ts';
import { components, keyOf, pairsPattern } from '../cmi.ts';
import { tokenCodec, type Answer, type QuestionBase, type QuestionTypeModel } from '../model.ts';

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  items: string[];
  matches: string[];
  /** The right match of each item. */
  correct: Record<string, string>;
}

export const MIN_ITEMS = 3;
export const MAX_ITEMS = 6;
export const MAX_MATCHES = 8;

/** An answer as a map from item to match (the last pair wins for an item named twice). */
export function pairsOf(answer: Answer): Map<string, string> {
  const out = new Map<string, string>();
  for (const token of answer) {
    const [item, match] = token.split('=');
    if (item && match) out.set(item, match);
  }
  return out;
}

export const pair = (item: string, match: string) => `${item}=${match}`;

const isValid = (q: MatchingQuestion, answer: Answer) => {
  const seen = new Set<string>();
  return answer.every((token) => {
    const parts = token.split('=');
    const ok = parts.length === 2 && q.items.includes(parts[0]!) && q.matches.includes(parts[1]!) && !seen.has(parts[0]!);
    seen.add(parts[0]!);
    return ok;
  });
};

const normalise = (q: MatchingQuestion, answer: Answer) => {
  const pairs = pairsOf(answer);
  return q.items.flatMap((i) => (pairs.has(i) ? [pair(i, pairs.get(i)!)] : []));
};

export const matching: QuestionTypeModel<MatchingQuestion> = {
  type: 'matching',
  textSlots: (q) => [
    ...q.items.map((i) => ({ path: ['items', i, 'text'] })),
    ...q.matches.map((m) => ({ path: ['matches', m, 'text'] })),
    { path: ['feedback'] },
  ],
  isValid,
  isComplete: (q, answer) => isValid(q, answer) && q.items.every((i) => pairsOf(answer).has(i)),
  isCorrect(q, answer) {
    const pairs = pairsOf(answer);
    return isValid(q, answer) && q.items.every((i) => pairs.get(i) === q.correct[i]);
  },
  normalise,
  correctAnswer: (q) => q.items.map((i) => pair(i, q.correct[i]!)),
  retry: (q, answer) => normalise(q, answer),
  longestAnswer: (q) => {
    const longest = q.matches.reduce((a, b) => (b.length > a.length ? b : a), '');
    return q.items.map((i) => pair(i, longest));
  },
  encode: (q, answer) => tokenCodec.encode(normalise(q, answer)),
  decode(q, text) {
    const answer = tokenCodec.split(text);
    return isValid(q, answer) ? normalise(q, answer) : undefined;
  },
  cmi(q, answer) {
    const ids = (pairs: Map<string, string>) => q.items.flatMap((i) => (pairs.has(i) ? [[i, pairs.get(i)!] as const] : []));
    const keys = (pairs: Map<string, string>) => ids(pairs).map(([i, m]) => [keyOf(q.items, i), keyOf(q.matches, m)] as const);
    const given = pairsOf(answer);
    const right = new Map(Object.entries(q.correct));
    return {
      type: 'matching',
      response: pairsPattern(keys(given)),
      correct: pairsPattern(keys(right)),
      xapi: {
        response: pairsPattern(ids(given))['2004'],
        correct: pairsPattern(ids(right))['2004'],
        source: components('items', q.items),
        target: components('matches', q.matches),
      },
    };
  },
};

/** The order in which the matches are offered: shuffled by the learner's seed when `shuffled`. */
export function matchOrder(q: MatchingQuestion, seed: number, shuffled: boolean): string[] {
  return shuffled ? shuffle(q.matches, prng(hash(q.id, seed))) : [...q.matches];
}
