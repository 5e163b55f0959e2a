/**
 * The view half of a question type (imported by the player only): the controls the learner answers
 * with, used alike by the knowledge check and the final assessment, and the type's part of the
 * knowledge check's feedback. The surrounding fieldset, prompt, buttons and verdict are the player's.
 */
import type { ComponentType, RefObject } from 'react';
import type { Question } from './index.ts';
import type { Answer } from './model.ts';

export interface AnswerProps<Q extends Question> {
  question: Q;
  /** The key of the question's strings, namespace included: `alpha:knowledgeCheck.questions.q1`, `bank:alpha.b1`. */
  textKey: string;
  answer: Answer;
  /** A new answer, in the type's tokens. */
  onChange(answer: string[]): void;
  /** Shown, not answerable (a submitted check question). */
  disabled: boolean;
  /** The question is settled: mark what is right. */
  reveal: boolean;
  /** Orders options and items for this learner (their seed, or the attempt's). */
  seed: number;
  /** Whether options are shown in the seeded order (course.yaml `shuffle`). */
  shuffle: boolean;
  /** Unique on the page: the name of a radio group, the stem of element ids. */
  name: string;
  /** The control that takes focus when the question opens again ("Try again"). */
  firstControl: RefObject<HTMLElement | null>;
}

export interface FeedbackProps<Q extends Question> {
  question: Q;
  textKey: string;
  /** The submitted answer. */
  answer: Answer;
  /** Out of tries and wrong: also show the right answer. */
  showCorrect: boolean;
}

export interface QuestionView<Q extends Question> {
  /** The ui key of the instruction under the prompt ("Choose one answer."). */
  hint(q: Q): string;
  Answer: ComponentType<AnswerProps<Q>>;
  /** The type's explanation of a submitted answer, below the verdict. */
  Feedback: ComponentType<FeedbackProps<Q>>;
}
