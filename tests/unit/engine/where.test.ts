/** The one reading of the machine's state: where the learner is, and the saved location made from it. */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { courseMachine, type EngineEvent } from '../../../src/engine/machine.ts';
import { locationOf, parseLocation, whereIs } from '../../../src/engine/where.ts';
import { course, input } from './sample.ts';

const allDone = { modules: Object.fromEntries(course.modules.map((m) => [m.id, { done: true, answers: {}, rating: 3 }])), past: [] };

describe('whereIs', () => {
  it('reads every resting place of the machine', () => {
    const actor = createActor(courseMachine, { input: input({ record: allDone }) }).start();
    const at = (...events: EngineEvent[]) => {
      for (const e of events) actor.send(e);
      return whereIs(actor.getSnapshot());
    };
    expect(at()).toEqual({ at: 'start' });
    expect(at({ type: 'START' })).toEqual({ at: 'menu' });
    expect(at({ type: 'OPEN_MODULE', moduleId: 'alpha' })).toEqual({ at: 'module', step: 'page', moduleId: 'alpha', pageId: 'one' });
    expect(at({ type: 'NEXT' })).toEqual({ at: 'module', step: 'page', moduleId: 'alpha', pageId: 'two' });
    expect(at({ type: 'NEXT' })).toMatchObject({ at: 'module', step: 'check', moduleId: 'alpha' });
    expect(at({ type: 'MENU' }, { type: 'OPEN_MODULE', moduleId: 'intro' }, { type: 'NEXT' })).toMatchObject({ step: 'check' });
    expect(
      at(
        { type: 'SELECT', questionId: 'q1', choice: ['a'] },
        { type: 'SUBMIT_ANSWER', questionId: 'q1' },
        { type: 'NEXT' },
        { type: 'NEXT' },
      ),
    ).toEqual({
      at: 'completed',
      moduleId: 'intro',
    });
    expect(at({ type: 'MENU' }, { type: 'OPEN_FINAL' })).toEqual({ at: 'final', step: 'intro', index: 0 });
    expect(at({ type: 'BEGIN_ATTEMPT' }, { type: 'NEXT' })).toEqual({ at: 'final', step: 'taking', index: 1 });
    expect(at({ type: 'OPEN_RESULTS' })).toEqual({ at: 'results' });
  });

  it('makes the saved location, and reads it back', () => {
    const module = { at: 'module', step: 'check', moduleId: 'p01', pageId: 'x' } as const;
    expect(locationOf(module)).toBe('module:p01');
    expect(locationOf({ at: 'final', step: 'taking', index: 3 })).toBe('final');
    expect(locationOf({ at: 'completed', moduleId: 'p01' })).toBe('completed:p01');
    expect(parseLocation('completed:p01')).toEqual({ at: 'completed', moduleId: 'p01' });
    expect(parseLocation('module:p01')).toEqual({ at: 'module', moduleId: 'p01' });
    for (const place of ['start', 'menu', 'final', 'results'] as const) expect(parseLocation(place)).toEqual({ at: place });
    for (const garbage of ['', 'module:', 'module:P 01', 'page:one', 'Menu', 'module:a:b', 'completed:', 'completed'])
      expect(parseLocation(garbage), garbage).toBeUndefined();
  });
});

describe('guards and actions assert their event', () => {
  it('a guard or an action given another event throws instead of quietly answering', () => {
    const actor = createActor(courseMachine, { input: input() }).start();
    const args = { context: actor.getSnapshot().context, event: { type: 'NEXT' } as const };
    const { guards } = courseMachine.implementations;
    for (const name of [
      'canOpenModule',
      'pageExists',
      'questionOpen',
      'validChoice',
      'reflectionFits',
      'validRating',
      'drawnQuestion',
      'planFits',
    ] as const) {
      const guard = guards[name] as unknown as (a: typeof args, p?: unknown) => boolean;
      expect(() => guard(args), name).toThrow(/Expected event/);
    }
  });
});
