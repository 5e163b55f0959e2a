/**
 * Choice questions: `single` (one option, radio buttons) and `multiple` (one or more, checkboxes). One
 * unit with two types, as SCORM has one `choice` interaction for both. All or nothing: the answer is
 * right when the chosen set equals the correct set.
 *
 *   - { id: q1, type: single, objective: o1, options: [a, b, c, d], correct: [b] }
 *   texts: prompt, options.<o>.text, options.<o>.feedback
 */
import { hash, prng, shuffle } from '../../engine/draw.ts';
import { components, keyOf, listPattern } from '../cmi.ts';
import { tokenCodec, unique, type Answer, type QuestionBase, type QuestionTypeModel } from '../model.ts';

export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multiple';
  options: string[];
  correct: string[];
}

function choiceType<T extends ChoiceQuestion['type']>(type: T): QuestionTypeModel<ChoiceQuestion & { type: T }> {
  type Q = ChoiceQuestion & { type: T };
  const isValid = (q: Q, answer: Answer) =>
    answer.every((o) => q.options.includes(o)) && unique(answer) && (type === 'multiple' || answer.length <= 1);
  const normalise = (q: Q, answer: Answer) => q.options.filter((o) => answer.includes(o));
  return {
    type,
    textSlots: (q) => q.options.flatMap((o) => [{ path: ['options', o, 'text'] }, { path: ['options', o, 'feedback'] }]),
    isValid,
    isComplete: (q, answer) => answer.length > 0 && isValid(q, answer),
    isCorrect: (q, answer) => answer.length === q.correct.length && q.correct.every((c) => answer.includes(c)),
    normalise,
    correctAnswer: (q) => normalise(q, q.correct),
    retry: () => [],
    longestAnswer: (q) => (type === 'multiple' ? [...q.options] : [q.options.reduce((a, b) => (b.length > a.length ? b : a), '')]),
    encode: (_q, answer) => tokenCodec.encode(answer),
    decode(q, text) {
      const answer = tokenCodec.split(text);
      return isValid(q, answer) ? answer : undefined;
    },
    cmi: (q, answer) => ({
      type: 'choice',
      response: listPattern(normalise(q, answer).map((o) => keyOf(q.options, o))),
      correct: listPattern(normalise(q, q.correct).map((o) => keyOf(q.options, o))),
      xapi: {
        response: normalise(q, answer).join('[,]'),
        correct: normalise(q, q.correct).join('[,]'),
        choices: components('options', q.options),
      },
    }),
  };
}

export const single = choiceType('single');
export const multiple = choiceType('multiple');

/** The choice after the learner (un)ticks `option`, in the question's own option order. */
export function toggle(q: ChoiceQuestion, current: Answer, option: string, checked: boolean): string[] {
  if (q.type === 'single') return checked ? [option] : [];
  const set = new Set(current);
  if (checked) set.add(option);
  else set.delete(option);
  return q.options.filter((o) => set.has(o));
}

/** The order in which the options are shown: shuffled by the seed (the learner's, or the attempt's) when `shuffled`. */
export function optionOrder(q: ChoiceQuestion, seed: number, shuffled: boolean): string[] {
  return shuffled ? shuffle(q.options, prng(hash(q.id, seed))) : [...q.options];
}
