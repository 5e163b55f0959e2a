/** The sample course and an event generator that exercises every event the machine accepts. */
import { resolve } from 'node:path';
import type { SnapshotFrom } from 'xstate';
import { loadCourse } from '../../../src/content-model/load.ts';
import type { Course } from '../../../src/content-model/types.ts';
import { type courseMachine, type EngineEvent, type EngineInput } from '../../../src/engine/machine.ts';
import { questionIndex } from '../../../src/engine/progress.ts';
import { rightAnswer, wrongAnswer } from '../../support/answers.ts';

const repo = resolve(import.meta.dirname, '../../..');
export const sample = loadCourse(resolve(repo, 'tests/sample-course'), { uiRoot: repo });
export const course: Course = sample.course;
export const limits = course.settings.limits.scorm12;

export function input(extra: Partial<EngineInput> = {}): EngineInput {
  let seed = 7;
  return { course, limits, newSeed: () => seed++, ...extra };
}

type Snap = SnapshotFrom<typeof courseMachine>;

/** Every event worth trying in a snapshot: right and wrong answers, valid and invalid values. */
export function eventsFor(s: Snap): EngineEvent[] {
  const c = s.context;
  const events: EngineEvent[] = [
    { type: 'START' },
    { type: 'MENU' },
    { type: 'NEXT' },
    { type: 'BACK' },
    { type: 'OPEN_FINAL' },
    { type: 'OPEN_RESULTS' },
    { type: 'BEGIN_ATTEMPT' },
    { type: 'SUBMIT_FINAL' },
  ];
  for (const m of c.course.modules) events.push({ type: 'OPEN_MODULE', moduleId: m.id });
  const m = c.course.modules.find((x) => x.id === c.moduleId);
  if (s.matches('module') && m) {
    events.push({ type: 'GOTO_PAGE', pageId: m.pages[0]!.id });
    // Every decision on the current page, with an option it has and one it does not.
    for (const b of m.pages.find((p) => p.id === c.pageId)?.blocks ?? [])
      if (b.type === 'decision')
        events.push({ type: 'DECIDE', blockId: b.id, option: b.options[1]! }, { type: 'DECIDE', blockId: b.id, option: 'zz' });
    for (const q of m.questions) {
      events.push({ type: 'SELECT', questionId: q.localId, choice: rightAnswer(q) });
      events.push({ type: 'SELECT', questionId: q.localId, choice: wrongAnswer(q) });
      events.push({ type: 'SUBMIT_ANSWER', questionId: q.localId });
    }
    events.push({ type: 'SET_REFLECTION', text: 'A thought' }, { type: 'SET_REFLECTION', text: 'x'.repeat(c.limits.reflection + 1) });
    events.push({ type: 'RATE', value: 3 }, { type: 'RATE', value: 9 });
  }
  const attempt = c.record.latest;
  if (s.matches('final') && attempt) {
    const questions = questionIndex(c.course);
    for (const id of attempt.drawn) {
      const q = questions.get(id)!;
      events.push(
        { type: 'ANSWER_FINAL', questionId: id, choice: rightAnswer(q) },
        { type: 'ANSWER_FINAL', questionId: id, choice: wrongAnswer(q) },
      );
    }
    events.push({ type: 'GOTO_QUESTION', index: 0 }, { type: 'GOTO_QUESTION', index: 99 });
  }
  for (const mod of c.course.modules.filter((x) => x.selfAssessment))
    events.push({ type: 'SET_PLAN', moduleId: mod.id, text: 'Next step' });
  return events;
}
