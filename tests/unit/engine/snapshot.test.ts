/**
 * Saved state: any reachable state encodes, decodes and restores to the same state (property test),
 * older or foreign data restores what still matches, and unreadable data is a SnapshotError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { pack, unpack, type Packed } from '../../../src/engine/codec.ts';
import { courseMachine } from '../../../src/engine/machine.ts';
import { decodeSnapshot, encodeSnapshot, encodeSnapshotFormat1, savedOf, SnapshotError } from '../../../src/engine/snapshot.ts';
import { course, eventsFor, input } from './sample.ts';

type Snap = SnapshotFrom<typeof courseMachine>;

/** Plays a sequence of choices, each picking one of the events that make sense in the current state. */
function play(choices: number[]): Snap {
  const actor = createActor(courseMachine, { input: input() }).start();
  for (const c of choices) {
    const events = eventsFor(actor.getSnapshot());
    actor.send(events[c % events.length]!);
  }
  return actor.getSnapshot();
}

function restore(saved: string): Snap {
  const { record, location } = decodeSnapshot(saved, course);
  return createActor(courseMachine, { input: input({ record, resumeAt: location }) })
    .start()
    .getSnapshot();
}

describe('codec', () => {
  const packed: fc.Arbitrary<Packed> = fc.letrec<{ v: Packed }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.string(), tie('v'), { maxKeys: 4 }),
    ),
  })).v;

  it('round-trips any value, whatever characters its strings hold', () => {
    fc.assert(
      fc.property(packed, (v) => {
        expect(unpack(pack(v))).toEqual(v);
      }),
    );
  });

  it('keeps a "__proto__" key as data, never as a prototype', () => {
    const decoded = unpack('{9:__proto__{8:polluted1:y}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__']);
  });

  it('costs a string its length plus a short prefix: no escaping', () => {
    const text = '"\\\n{}[]:#_TF'.repeat(10);
    expect(pack(text).length).toBe(text.length + `${text.length}:`.length);
  });

  it.each(['', '3:ab', '[', '{1:a', '12', 'x', '5#5#', '{1#1#}', '-3:abc'])('rejects malformed input %j', (bad) => {
    expect(() => unpack(bad)).toThrow(/at character/);
  });
});

describe('snapshot', () => {
  it('restores any reachable state exactly: place, answers, drawn questions, attempts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200), { maxLength: 120 }), (choices) => {
        const original = play(choices);
        const saved = encodeSnapshot(savedOf(original), course);
        const restored = restore(saved);
        expect(restored.value).toEqual(original.value);
        expect(restored.context.record).toEqual(original.context.record);
        if (original.matches('module'))
          expect([restored.context.moduleId, restored.context.pageId]).toEqual([original.context.moduleId, original.context.pageId]);
        // Encoding is a pure function of the state: saving the restored state gives the same text.
        expect(encodeSnapshot(savedOf(restored), course)).toBe(saved);
      }),
      { numRuns: 150 },
    );
  });

  it('starts with the format version, so a later format can tell old data apart', () => {
    expect(encodeSnapshot({ location: 'start', record: { modules: {}, past: [] } }, course)).toMatch(/^2/);
    expect(encodeSnapshotFormat1({ location: 'start', record: { modules: {}, past: [] } }, course)).toMatch(/^\[1#/);
  });

  it.each([
    ['garbage', 'not saved data'],
    ['another format version', '[2#4:menu{}[]_]'],
    ['a missing part', '[1#4:menu{}]'],
    ['an unreadable attempt', '[1#4:menu{}[]1:x]'],
    ['an unreadable past score', '[1#4:menu{}[1:x]_]'],
  ])('rejects %s with a SnapshotError', (_, text) => {
    expect(() => decodeSnapshot(text, course)).toThrow(SnapshotError);
  });

  it('restores what still matches from data saved by another course version, and drops the rest', () => {
    const old = encodeSnapshot(
      {
        location: 'module:removed',
        record: {
          modules: {
            removed: { done: true, answers: {} },
            alpha: {
              done: false,
              at: 'page:gone',
              furthest: 'check',
              answers: {
                q1: { tries: 1, submitted: true, choice: ['c'] },
                q9: { tries: 1, submitted: true, choice: ['a'] },
                q2: { tries: 1, submitted: true, choice: ['z'] },
              },
              reflection: 'kept',
              rating: 4,
            },
            intro: { done: true, answers: {}, rating: 3 },
          },
          past: [{ correct: 2, max: 4 }],
          latest: {
            seed: 9,
            index: 3,
            drawn: ['alpha.b1', 'gone.b1', 'beta.b2'],
            answers: { 'alpha.b1': ['a'], 'gone.b1': ['a'], 'beta.b2': ['q'] },
          },
        },
      },
      course,
    );
    const { location, record } = decodeSnapshot(old, course);
    expect(location).toBe('menu');
    expect(record.modules.removed).toBeUndefined();
    expect(record.modules.alpha).toEqual({
      done: false,
      furthest: 'check',
      answers: { q1: { tries: 1, submitted: true, choice: ['c'] } },
      reflection: 'kept',
      rating: 4,
    });
    expect(record.modules.intro).toEqual({ done: true, answers: {} }); // intro has no self-assessment
    expect(record.past).toEqual([{ correct: 2, max: 4 }]);
    expect(record.latest).toEqual({ seed: 9, index: 1, drawn: ['alpha.b1', 'beta.b2'], answers: { 'alpha.b1': ['a'] } });
  });
});
