/**
 * What the tracker reports, independent of any SCORM version: the course's status by its own rules
 * (engine/progress.ts), the module objectives, the saved state, and each interaction. The adapters turn
 * this into one version's data-model elements.
 */
import type { Course, Question } from '../content-model/types.ts';
import {
  checkScore,
  courseStatus,
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
import { choiceKeys, cmiId } from './cmi/format.ts';

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
    suspendData: encodeSnapshot({ location, record }),
    objectives,
  };
}

/** One learner response, as both versions record it. */
export interface InteractionReport {
  id: string;
  /**
   * A text the learner may revise (an action-plan step): a later report with the same slot in this
   * session supersedes the earlier one (SCORM rewrites the same interaction; a journal adds another).
   */
  slot?: string;
  kind: 'choice' | 'text';
  /** The cmi objective it belongs to (the module id). */
  objective: string;
  /** For administrators: what was answered (at most 250 characters in 2004). */
  description: string;
  /** choice: the chosen option keys, in option order. */
  response?: string[];
  /** choice: the correct option keys. */
  correct?: string[];
  result: 'correct' | 'incorrect' | 'neutral';
  /** text: what the learner wrote. */
  text?: string;
  /** When the question was shown (or the previous answer given), if known. */
  shownAt?: number;
  answeredAt: number;
  /**
   * What it is about, in the course's own ids (for transports that describe the activity, as xAPI does):
   * where it was answered, the question or module id, and for a choice the option ids in the course's
   * order, the chosen ones and the correct ones.
   */
  subject?: InteractionSubject;
}

export interface InteractionSubject {
  source: 'kc' | 'final' | 'reflection' | 'plan';
  /** The question id (kc, final) or the module id (reflection, plan). */
  id: string;
  /** The module it belongs to. */
  moduleId: string;
  /** The question's id inside its module (its texts are under it), for kc and final. */
  localId?: string;
  options?: string[];
  chosen?: string[];
  correct?: string[];
  /** final: the attempt it belongs to. */
  attempt?: number;
}

export function choiceInteraction(
  source: 'kc' | 'final',
  question: Question,
  choice: readonly string[],
  correct: boolean,
  times: { shownAt?: number; answeredAt: number },
  context: string,
  attempt?: number,
): InteractionReport {
  return {
    id: cmiId(source, question.id),
    kind: 'choice',
    objective: question.moduleId,
    description: `${context}: question ${question.id}, objective ${question.objective}`,
    response: choiceKeys(question, choice),
    correct: choiceKeys(question, question.correct),
    result: correct ? 'correct' : 'incorrect',
    ...times,
    subject: {
      source,
      id: question.id,
      moduleId: question.moduleId,
      localId: question.localId,
      options: [...question.options],
      chosen: [...choice],
      correct: [...question.correct],
      ...(attempt !== undefined ? { attempt } : {}),
    },
  };
}

export function textInteraction(
  source: 'reflection' | 'plan',
  moduleId: string,
  text: string,
  times: { shownAt?: number; answeredAt: number },
): InteractionReport {
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
