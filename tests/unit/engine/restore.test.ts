/** The machine's eventless branches: where a restored learner lands, and where a module or the final resumes. */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { courseMachine } from '../../../src/engine/machine.ts';
import type { Location } from '../../../src/engine/where.ts';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import { course, input } from './sample.ts';

const allDone: LearnerRecord = {
  modules: Object.fromEntries(course.modules.map((m) => [m.id, { done: true, answers: {}, rating: 3 }])),
  past: [],
};
const start = (record: LearnerRecord | undefined, resumeAt: Location | undefined) =>
  createActor(courseMachine, { input: input({ record, resumeAt }) }).start();

describe('restoring a saved location', () => {
  it.each<[string, Location | undefined, LearnerRecord | undefined, unknown]>([
    ['nothing saved', undefined, undefined, 'start'],
    ['the start screen', 'start', undefined, 'start'],
    ['the menu', 'menu', undefined, 'menu'],
    ['the results', 'results', allDone, 'results'],
    ['the final, unlocked', 'final', allDone, { final: 'intro' }],
    ['the final, now locked', 'final', { modules: {}, past: [] }, 'menu'],
    ['a module', 'module:alpha', { modules: { alpha: { done: false, at: 'page:two', answers: {} } }, past: [] }, { module: 'page' }],
    ['a module that no longer exists', 'module:gone' as Location, undefined, 'start'],
    ['the moment after finishing a module', 'completed:alpha', allDone, 'completed'],
    ['that moment, for a module not finished in the record', 'completed:alpha', { modules: {}, past: [] }, 'menu'],
  ])('%s', (_, resumeAt, record, value) => {
    expect(start(record, resumeAt).getSnapshot().value).toEqual(value);
  });

  it.each([
    ['check', { module: 'check' }],
    ['reflection', { module: 'reflection' }],
    ['self', { module: 'self' }],
    ['page:two', { module: 'page' }],
    ['page:removed', { module: 'page' }],
  ] as const)('a module resumes at its saved step %s', (at, value) => {
    const actor = start({ modules: { alpha: { done: false, at, answers: {} } }, past: [] }, 'menu');
    actor.send({ type: 'OPEN_MODULE', moduleId: 'alpha' });
    expect(actor.getSnapshot().value).toEqual(value);
    // An activity resumes after the last page (where Back leads); a page that is gone gives the first.
    expect(actor.getSnapshot().context.pageId).toBe(at === 'page:removed' ? 'one' : 'two');
  });

  it('the moment of completion resumes with its module', () => {
    const actor = start(allDone, 'completed:beta');
    expect(actor.getSnapshot().context.moduleId).toBe('beta');
  });

  it('the final resumes an attempt in progress, or shows the last result', () => {
    const drawn = ['alpha.b1', 'beta.b1'];
    const taking = start({ ...allDone, latest: { seed: 1, drawn, answers: {}, index: 1 } }, 'final');
    expect(taking.getSnapshot().value).toEqual({ final: 'taking' });
    const result = start({ ...allDone, latest: { seed: 1, drawn, answers: {}, index: 0, correct: 1 } }, 'final');
    expect(result.getSnapshot().value).toEqual({ final: 'result' });
  });
});

describe('gating', () => {
  it('sequential gating opens a module only after the ones before it', () => {
    const actor = createActor(courseMachine, {
      input: input({ course: { ...course, settings: { ...course.settings, gating: 'sequential' } } }),
    }).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'OPEN_MODULE', moduleId: 'beta' });
    expect(actor.getSnapshot().value).toBe('menu');
    actor.send({ type: 'OPEN_MODULE', moduleId: 'intro' });
    expect(actor.getSnapshot().value).toEqual({ module: 'page' });
  });

  it('free gating opens the final at once; final-after-modules only when every module is done', () => {
    const free = createActor(courseMachine, {
      input: input({ course: { ...course, settings: { ...course.settings, gating: 'free' } }, resumeAt: 'menu' }),
    }).start();
    free.send({ type: 'OPEN_FINAL' });
    expect(free.getSnapshot().value).toEqual({ final: 'intro' });
    const gated = start(undefined, 'menu');
    gated.send({ type: 'OPEN_FINAL' });
    expect(gated.getSnapshot().value).toBe('menu');
  });
});
