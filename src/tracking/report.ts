/**
 * What the tracker reports, independent of any SCORM version: the course's status by its own rules
 * (engine/progress.ts), the module objectives, the saved state, and each interaction. The adapters turn
 * this into one version's data-model elements.
 */
import type { Block, Course, Question } from '../content-model/types.ts';
import {
  checkScore,
  courseStatus,
  decisionKey,
  isCorrect,
  encodeSnapshot,
  moduleProgress,
  moduleStatus,
  type Completion,
  type Location,
  type Saved,
  type ModuleStatus,
  type Score,
  type Success,
} from '../engine/index.ts';
import { components, keyOf, listPattern, type CmiAnswer } from '../question-types/cmi.ts';
import { modelOf } from '../question-types/index.ts';
import { cmiId } from './cmi/format.ts';

export interface ObjectiveReport {
  /** The module id. */
  id: string;
  status: ModuleStatus;
  /** 0..1, 1 when the module is done. */
  progress: number;
  /** The knowledge check's score, once an answer was submitted. */
  score?: Score;
}

export interface Report {
  completion: Completion;
  success: Success;
  progress: number;
  /** The final assessment's best score, once an attempt was submitted. */
  score?: Score;
  /** The course is complete by its rules: exit normally instead of suspending. */
  finished: boolean;
  location: Location;
  suspendData: string;
  objectives: ObjectiveReport[];
}

export function buildReport(course: Course, { record, location }: Saved): Report {
  const status = courseStatus(course, record);
  const objectives: ObjectiveReport[] = [];
  for (const m of course.modules) {
    const rec = record.modules[m.id];
    const answered = m.questions.some((q) => rec?.answers[q.localId]?.submitted);
    const o: ObjectiveReport = { id: m.id, status: moduleStatus(m, rec), progress: moduleProgress(m, rec) };
    if (answered) o.score = checkScore(m, rec);
    if (o.status !== 'not-started' || o.score) objectives.push(o);
  }
  return {
    completion: status.completion,
    success: status.success,
    progress: status.progress,
    ...(status.score ? { score: status.score } : {}),
    finished: status.completion === 'completed',
    location,
    suspendData: encodeSnapshot({ location, record }, course),
    objectives,
  };
}

/** One learner response, as both versions record it. */
export type InteractionReport = InteractionBase & (AnswerInteraction | TextInteraction);

interface InteractionBase {
  id: string;
  /**
   * A text the learner may revise (an action-plan step): a later report with the same slot in this
   * session supersedes the earlier one (SCORM rewrites the same interaction; a journal adds another).
   */
  slot?: string;
  /** The cmi objective it belongs to (the module id). */
  objective: string;
  /** For administrators: what was answered (at most 250 characters in 2004). */
  description: string;
  result: 'correct' | 'incorrect' | 'neutral';
  /** When the question was shown (or the previous answer given), if known. */
  shownAt?: number;
  answeredAt: number;
  /**
   * What it is about, in the course's own ids (for transports that describe the activity, as xAPI does):
   * where it was answered and the question, decision or module id. (An answer's ids, response and
   * components in xAPI's terms are in its `cmi.xapi`.)
   */
  subject?: InteractionSubject;
}

export interface InteractionSubject {
  source: 'kc' | 'final' | 'decision' | 'reflection' | 'plan';
  /** The question id (kc, final), `<page>.<block>` (decision) or the module id (reflection, plan). */
  id: string;
  /** The module it belongs to. */
  moduleId: string;
  /** The question's id inside its module (its texts are under it), for kc and final. */
  localId?: string;
  /** final: the attempt it belongs to. */
  attempt?: number;
}

/** A question's answer or a decision: its interaction type and its patterns in both versions. */
interface AnswerInteraction {
  kind: 'answer';
  cmi: CmiAnswer;
}

/** Free text (a reflection, a plan step): fill-in in 1.2, long-fill-in in 2004. */
interface TextInteraction {
  kind: 'text';
  text: string;
}

type Times = { shownAt?: number; answeredAt: number };

/** A question's answer, in its type's interaction type and response pattern (src/question-types). */
export function questionInteraction(
  source: 'kc' | 'final',
  question: Question,
  answer: readonly string[],
  times: Times,
  context: string,
  attempt?: number,
): InteractionReport {
  return {
    id: cmiId(source, question.id),
    kind: 'answer',
    objective: question.moduleId,
    description: `${context}: question ${question.id}, objective ${question.objective}`,
    cmi: modelOf(question).cmi(question, answer),
    result: isCorrect(question, answer) ? 'correct' : 'incorrect',
    ...times,
    subject: {
      source,
      id: question.id,
      moduleId: question.moduleId,
      localId: question.localId,
      ...(attempt !== undefined ? { attempt } : {}),
    },
  };
}

/** A decision: a choice with no right answer, so its result is neutral and it is never scored. */
export function decisionInteraction(
  moduleId: string,
  pageId: string,
  block: Extract<Block, { type: 'decision' }>,
  option: string,
  times: Times,
): InteractionReport {
  return {
    id: cmiId('decision', moduleId, pageId, block.id),
    kind: 'answer',
    objective: moduleId,
    description: `Decision ${block.id} on page ${pageId} of module ${moduleId}: option ${option}`,
    cmi: {
      type: 'choice',
      response: listPattern([keyOf(block.options, option)]),
      xapi: { response: option, choices: components('options', block.options) },
    },
    result: 'neutral',
    ...times,
    subject: { source: 'decision', id: decisionKey(pageId, block.id), moduleId },
  };
}

export function textInteraction(source: 'reflection' | 'plan', moduleId: string, text: string, times: Times): InteractionReport {
  return {
    id: cmiId(source, moduleId),
    ...(source === 'plan' ? { slot: cmiId(source, moduleId) } : {}),
    kind: 'text',
    objective: moduleId,
    description: source === 'reflection' ? `Reflection in module ${moduleId}` : `Action plan step for module ${moduleId}`,
    result: 'neutral',
    text,
    ...times,
    subject: { source, id: moduleId, moduleId },
  };
}
