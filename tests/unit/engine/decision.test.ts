/** The decision block in the engine: made once, kept, saved, restored and emitted for tracking. */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { courseMachine, type EngineEmitted } from '../../../src/engine/machine.ts';
import { decodeSnapshot, encodeSnapshot, savedOf } from '../../../src/engine/snapshot.ts';
import { course, input } from './sample.ts';

function atChoicePage() {
  const actor = createActor(courseMachine, {
    input: input({ record: { modules: { omega: { done: false, at: 'page:choice', answers: {} } }, past: [] }, resumeAt: 'module:omega' }),
  }).start();
  const emitted: EngineEmitted[] = [];
  actor.on('decision.made', (e) => emitted.push(e));
  return { actor, emitted, record: () => actor.getSnapshot().context.record };
}

describe('decisions', () => {
  it('keeps the option chosen and emits it once; a decision stands', () => {
    const { actor, emitted, record } = atChoicePage();
    actor.send({ type: 'DECIDE', blockId: 'dilemma', option: 'ask' });
    expect(record().modules.omega!.decisions).toEqual({ 'choice.dilemma': 'ask' });
    expect(emitted).toEqual([{ type: 'decision.made', moduleId: 'omega', pageId: 'choice', blockId: 'dilemma', option: 'ask' }]);
    const before = record();
    actor.send({ type: 'DECIDE', blockId: 'dilemma', option: 'wait' });
    expect(record()).toBe(before);
    expect(emitted).toHaveLength(1);
  });

  it.each([
    ['an option the block does not have', { blockId: 'dilemma', option: 'zz' }],
    ['a block that is not a decision', { blockId: 'missing', option: 'ask' }],
  ])('refuses %s', (_, e) => {
    const { actor, emitted, record } = atChoicePage();
    const before = record();
    actor.send({ type: 'DECIDE', ...e });
    expect(record()).toBe(before);
    expect(emitted).toEqual([]);
  });

  it('refuses a decision of another page than the one shown', () => {
    const { actor, record } = atChoicePage();
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.pageId).toBe('numbers');
    const before = record();
    actor.send({ type: 'DECIDE', blockId: 'dilemma', option: 'ask' });
    expect(record()).toBe(before);
  });

  it('is saved and restored; a decision whose block or option is gone is dropped', () => {
    const { actor } = atChoicePage();
    actor.send({ type: 'DECIDE', blockId: 'dilemma', option: 'act' });
    const text = encodeSnapshot(savedOf(actor.getSnapshot()), course);
    expect(decodeSnapshot(text, course).record.modules.omega!.decisions).toEqual({ 'choice.dilemma': 'act' });
    const foreign = encodeSnapshot(
      {
        location: 'menu',
        record: {
          modules: { omega: { done: false, answers: {}, decisions: { 'choice.dilemma': 'gone', 'choice.other': 'act' } } },
          past: [],
        },
      },
      course,
    );
    expect(decodeSnapshot(foreign, course).record.modules.omega!.decisions).toBeUndefined();
  });
});
