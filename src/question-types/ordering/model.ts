/**
 * Ordering (SCORM `sequencing`): the learner puts 3-6 items in order. The module file lists the items
 * in the right order; the learner starts from an order scrambled by their seed (never the right one)
 * and moves items up and down. Right only when the whole order is right.
 *
 *   - { id: q3, type: ordering, objective: o1, items: [listen, decide, explain] }
 *   texts: prompt, items.<i>.text, feedback (why this order: shown after an answer)
 *
 * An answer is the full list of item ids in the learner's order (empty until they move one).
 */
import { hash, prng, shuffle } from '../../engine/draw.ts';
import { components, keyOf, listPattern } from '../cmi.ts';
import { tokenCodec, unique, type Answer, type QuestionBase, type QuestionTypeModel } from '../model.ts';

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the right order. */
  items: string[];
}

export const MIN_ITEMS = 3;
export const MAX_ITEMS = 6;

const isValid = (q: OrderingQuestion, answer: Answer) =>
  (answer.length === 0 || answer.length === q.items.length) && unique(answer) && answer.every((i) => q.items.includes(i));

export const ordering: QuestionTypeModel<OrderingQuestion> = {
  type: 'ordering',
  textSlots: (q) => [...q.items.map((i) => ({ path: ['items', i, 'text'] })), { path: ['feedback'] }],
  isValid,
  isComplete: (q, answer) => answer.length === q.items.length && isValid(q, answer),
  isCorrect: (q, answer) => answer.length === q.items.length && q.items.every((item, i) => answer[i] === item),
  normalise: (_q, answer) => [...answer],
  correctAnswer: (q) => [...q.items],
  retry: (_q, answer) => [...answer],
  longestAnswer: (q) => [...q.items],
  encode: (_q, answer) => tokenCodec.encode(answer),
  decode(q, text) {
    const answer = tokenCodec.split(text);
    return isValid(q, answer) ? answer : undefined;
  },
  cmi: (q, answer) => ({
    type: 'sequencing',
    response: listPattern(answer.map((i) => keyOf(q.items, i))),
    correct: listPattern(q.items.map((i) => keyOf(q.items, i))),
    xapi: { response: answer.join('[,]'), correct: q.items.join('[,]'), choices: components('items', q.items) },
  }),
};

/** The order a learner starts from: scrambled by their seed, stable across resume, never the right order. */
export function startOrder(q: OrderingQuestion, seed: number): string[] {
  const order = shuffle(q.items, prng(hash(q.id, seed)));
  return order.every((item, i) => item === q.items[i]) ? [...order.slice(1), order[0]!] : order;
}

/** The order after moving the item at `from` by `by` places (clamped to the list). */
export function move(order: Answer, from: number, by: number): string[] {
  const out = [...order];
  const to = Math.max(0, Math.min(out.length - 1, from + by));
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}
