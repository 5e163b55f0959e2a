/**
 * A module's estimated time counts what one learner reads on one path, and a real reflection: every
 * page text; one option's feedback per chosen option in the knowledge check; one decision consequence;
 * a figure's labels and caption but not its text alternative or description; never the bank. On top:
 * four minutes to write the reflection, one for the self-assessment and one for the check.
 */
import { describe, expect, it } from 'vitest';
import {
  activityMinutes,
  CHECK_MINUTES,
  moduleMinutes,
  moduleWords,
  REFLECTION_MINUTES,
  SELF_ASSESSMENT_MINUTES,
} from '../../../src/content-model/reading-time.ts';
import type { Module, Question, TextTree } from '../../../src/content-model/types.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const q = (localId: string, type: 'single' | 'multiple', correct: string[]): Question => ({
  id: `m.${localId}`,
  localId,
  moduleId: 'm',
  type,
  objective: 'm.o1',
  options: ['a', 'b', 'c', 'd'],
  correct,
});

const module: Module = {
  id: 'm',
  principle: 1,
  objectives: ['o1'],
  pages: [
    {
      id: 'p',
      blocks: [
        { id: 'text', type: 'text' },
        { id: 'fig', type: 'figure', src: 'figures/x.svg', labels: ['l1', 'l2'] },
        { id: 'img', type: 'image', src: 'images/x.png' },
        { id: 'choice', type: 'decision', options: ['a', 'b', 'c', 'd'] },
      ],
    },
  ],
  questions: [q('q1', 'single', ['a']), q('q2', 'multiple', ['a', 'b'])],
  reflection: true,
  selfAssessment: true,
  bank: [q('b1', 'single', ['a'])],
};

const options = (text: number, feedback: number) =>
  Object.fromEntries(['a', 'b', 'c', 'd'].map((o) => [o, { text: words(text), feedback: words(feedback) }]));

/** Every text of the module, with word counts chosen so each share shows in the sum. */
function tree(over: { description?: number; feedback?: number; consequence?: number; bank?: number } = {}): TextTree {
  return {
    title: words(1),
    summary: words(2),
    objectives: { o1: words(3) },
    pages: {
      p: {
        title: words(4),
        blocks: {
          text: { body: words(100) },
          fig: { alt: words(50), caption: words(6), description: words(over.description ?? 70), labels: { l1: words(2), l2: words(3) } },
          img: { alt: words(40), caption: words(5) },
          choice: {
            title: words(3),
            body: words(60),
            question: words(7),
            options: Object.fromEntries(
              ['a', 'b', 'c', 'd'].map((o) => [o, { text: words(5), consequence: words(over.consequence ?? 40) }]),
            ),
            debrief: words(30),
          },
        },
      },
    },
    knowledgeCheck: {
      questions: {
        q1: { prompt: words(20), options: options(10, over.feedback ?? 16) },
        q2: { prompt: words(20), options: options(10, 16) },
      },
    },
    reflection: { prompt: words(15), hint: words(10) },
    selfAssessment: { question: words(8), steps: { 1: words(10), 2: words(10), 3: words(10), 4: words(10), 5: words(10) } },
    actionPlan: { hint: words(12) },
    bank: { b1: { prompt: words(over.bank ?? 30), options: options(10, 10) } },
  };
}

describe('the reading-time estimate', () => {
  const pages = 4 + 100 + (6 + 2 + 3) + 5 + (3 + 60 + 7 + 4 * 5 + 40 + 30);
  // Prompts and options, then q1: one of four 16-word feedbacks; q2: two of them (two correct).
  const check = 2 * 20 + 8 * 10 + 16 + 2 * 16;
  const rest = 1 + 2 + 3 + (15 + 10) + (8 + 50) + 12;

  it('counts one path through the module: chosen feedback, one consequence, a figure as looked at, no bank', () => {
    expect(moduleWords(module, tree())).toBeCloseTo(pages + check + rest, 6);
  });

  it('ignores the bank, the figure description and the text alternatives, however long they are', () => {
    expect(moduleWords(module, tree({ bank: 5000, description: 5000 }))).toBeCloseTo(moduleWords(module, tree()), 6);
  });

  it("reads a single-choice question's feedback once and a multiple-answer question's once per correct option", () => {
    // 40 more words on each of q1's four options adds one option's worth: 40.
    expect(moduleWords(module, tree({ feedback: 56 })) - moduleWords(module, tree())).toBeCloseTo(40, 6);
    // 20 more words on each of the decision's four consequences adds one: 20.
    expect(moduleWords(module, tree({ consequence: 60 })) - moduleWords(module, tree())).toBeCloseTo(20, 6);
  });

  it('counts a real reflection: four minutes of writing, one for the self-assessment, one for the check', () => {
    expect(REFLECTION_MINUTES).toBe(4);
    expect(activityMinutes(module)).toBe(REFLECTION_MINUTES + SELF_ASSESSMENT_MINUTES + CHECK_MINUTES);
    expect(activityMinutes({ ...module, reflection: false, selfAssessment: false, questions: [] })).toBe(0);
    expect(moduleMinutes(module, tree())).toBe(Math.round((pages + check + rest) / 200 + 6));
  });
});
