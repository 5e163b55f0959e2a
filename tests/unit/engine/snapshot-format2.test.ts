/**
 * Saved-state format 2: ASCII only (characters == UTF-8 bytes), deterministic, compressed; format 1
 * (what learners' LMSs hold) still restores; another course's state restores nothing; an answer or a
 * decision made before its question or block changed is dropped, and the restore says what it dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import type { Course, Question } from '../../../src/content-model/types.ts';
import { courseMachine } from '../../../src/engine/machine.ts';
import { ALPHABET, fromBase85, toBase85 } from '../../../src/engine/saved-text.ts';
import {
  decodeSnapshot,
  encodeSnapshot,
  encodeSnapshotFormat1,
  restoreSnapshot,
  savedOf,
  SnapshotError,
  type Saved,
} from '../../../src/engine/snapshot.ts';
import { course, eventsFor, input } from './sample.ts';
import { withDecisionOptions, withQuestion } from '../../support/course-edits.ts';

type Snap = SnapshotFrom<typeof courseMachine>;

/** A reachable state, with texts of any UTF-16 units (lone surrogates too) written where the path allows. */
function play(choices: number[], texts: string[]): Snap {
  const actor = createActor(courseMachine, { input: input({ limits: { reflection: 10_000, actionStep: 10_000 } }) }).start();
  let t = 0;
  for (const c of choices) {
    const s = actor.getSnapshot();
    const events = eventsFor(s);
    if (s.matches({ module: 'reflection' }) && c % 3 === 0) actor.send({ type: 'SET_REFLECTION', text: texts[t++ % texts.length] ?? '' });
    else if (s.matches('results') && c % 3 === 0)
      actor.send({ type: 'SET_PLAN', moduleId: 'alpha', text: texts[t++ % texts.length] ?? '' });
    else actor.send(events[c % events.length]!);
  }
  return actor.getSnapshot();
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const paths = fc.array(fc.nat(200), { maxLength: 140 });

describe('format 2 text', () => {
  it('is ASCII from its alphabet, as many bytes as characters, restores exactly, and is the same text for the same state', () => {
    fc.assert(
      fc.property(paths, fc.array(anyText, { minLength: 1, maxLength: 3 }), (choices, texts) => {
        const saved = savedOf(play(choices, texts));
        const text = encodeSnapshot(saved, course);
        expect(text[0]).toBe('2');
        for (const ch of text) expect(ALPHABET.includes(ch)).toBe(true);
        expect(utf8Length(text)).toBe(text.length);
        const restored = decodeSnapshot(text, course);
        expect(restored.record).toEqual(saved.record);
        expect(encodeSnapshot(restored, course)).toBe(text);
        expect(encodeSnapshot(structuredClone(saved), course)).toBe(text);
      }),
      { numRuns: 120 },
    );
  });

  it('keeps any bytes through its base-85 layer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...fromBase85(toBase85(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('is smaller than the packed text it holds once there is text to compress', () => {
    const saved = savedOf(play([1, 2, 3], ['x']));
    saved.record.modules.alpha = {
      done: false,
      answers: {},
      reflection: 'Jeg vil tale med mit team om, hvordan vi bruger data. '.repeat(6),
    };
    expect(encodeSnapshot(saved, course).length).toBeLessThan(encodeSnapshotFormat1(saved, course).length / 2);
  });

  it('turns any damaged text into a SnapshotError, never another failure or a wrong state taken silently', () => {
    const text = encodeSnapshot(savedOf(play([5, 9, 13, 40, 2, 2, 2, 2], ['hej'])), course);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.constantFrom(...ALPHABET, 'æ', ' ', '"'), (at, ch) => {
        const damaged = text.slice(0, at) + ch + text.slice(at + 1);
        try {
          decodeSnapshot(damaged, course);
        } catch (e) {
          expect(e).toBeInstanceOf(SnapshotError);
        }
      }),
    );
    expect(() => decodeSnapshot(text.slice(0, -3), course)).toThrow(SnapshotError);
    expect(() => decodeSnapshot('2', course)).toThrow(SnapshotError);
  });
});

describe('format 1, as learners have it stored', () => {
  it('restores any reachable state exactly, and is written again as format 2', () => {
    fc.assert(
      fc.property(paths, (choices) => {
        const saved = savedOf(play(choices, ['Refleksion med æøå']));
        const old = encodeSnapshotFormat1(saved, course);
        expect(old.startsWith('[1#')).toBe(true);
        const { saved: restored, report } = restoreSnapshot(old, course);
        expect(report.format).toBe(1);
        expect(restored.record).toEqual(saved.record);
        expect(encodeSnapshot(restored, course)).toBe(encodeSnapshot(saved, course));
      }),
      { numRuns: 80 },
    );
  });
});

describe('what a restore reports', () => {
  const done: Saved = {
    location: 'module:alpha',
    record: {
      seed: 5,
      modules: {
        alpha: {
          done: false,
          at: 'page:two',
          furthest: 'page:two',
          answers: { q1: { tries: 1, submitted: true, choice: ['c'] }, q2: { tries: 1, submitted: true, choice: ['a', 'b'] } },
          reflection: 'min tekst',
        },
        omega: { done: false, answers: {}, decisions: { 'choice.dilemma': 'act' } },
      },
      past: [],
      latest: { seed: 3, drawn: ['alpha.b1', 'beta.b1'], answers: { 'alpha.b1': ['a'], 'beta.b1': ['b'] }, index: 1 },
    },
  };

  it('nothing dropped when the course is the same', () => {
    const { report, saved } = restoreSnapshot(encodeSnapshot(done, course), course);
    expect(report).toEqual({ format: 2, modulesDropped: [], answersDropped: [], decisionsDropped: [] });
    expect(saved).toEqual(done);
  });

  it("another course's state restores nothing, in both formats", () => {
    const other: Course = { ...course, id: 'another-course' };
    const r2 = restoreSnapshot(encodeSnapshot(done, other), course);
    expect(r2.report.otherCourse).toBe('another-course');
    expect(r2.saved.record).toEqual({ modules: {}, past: [] });
    const foreign1 = encodeSnapshotFormat1(
      { location: 'module:p01', record: { modules: { p01: { done: true, answers: {} } }, past: [] } },
      course,
    );
    expect(restoreSnapshot(foreign1, course).report.otherCourse).toBe('');
  });

  it('an answer to a question whose key or options changed is dropped and named; one whose objective moved is kept', () => {
    const text = encodeSnapshot(done, course);
    const newKey = withQuestion(course, 'alpha.q1', (q) => ({ ...q, correct: ['a'] }) as Question);
    const r = restoreSnapshot(text, newKey);
    expect(r.saved.record.modules.alpha!.answers.q1).toBeUndefined();
    expect(r.saved.record.modules.alpha!.answers.q2).toEqual(done.record.modules.alpha!.answers.q2);
    expect(r.report.answersDropped).toEqual(['alpha.q1']);

    const moreOptions = withQuestion(
      course,
      'alpha.b1',
      (q) => ({ ...q, options: [...(q as { options: string[] }).options, 'z'] }) as Question,
    );
    const f = restoreSnapshot(text, moreOptions);
    expect(f.saved.record.latest!.answers).toEqual({ 'beta.b1': ['b'] });
    expect(f.saved.record.latest!.drawn).toEqual(['alpha.b1', 'beta.b1']);
    expect(f.report.answersDropped).toEqual(['alpha.b1']);

    const moved = withQuestion(course, 'alpha.q1', (q) => ({ ...q, objective: 'alpha.elsewhere' }));
    expect(restoreSnapshot(text, moved).report.answersDropped).toEqual([]);
  });

  it('a format-1 answer has no stamp: it is kept while it still fits its question', () => {
    const newKey = withQuestion(course, 'alpha.q1', (q) => ({ ...q, correct: ['a'] }) as Question);
    const r = restoreSnapshot(encodeSnapshotFormat1(done, course), newKey);
    expect(r.saved.record.modules.alpha!.answers.q1).toEqual(done.record.modules.alpha!.answers.q1);
  });

  it('a decision whose block has other options now is dropped and named', () => {
    const changed = withDecisionOptions(course, 'omega', () => ['act', 'wait']);
    const r = restoreSnapshot(encodeSnapshot(done, course), changed);
    expect(r.saved.record.modules.omega!.decisions).toBeUndefined();
    expect(r.report.decisionsDropped).toEqual(['omega.choice.dilemma']);
  });

  it('a removed module and a place that no longer exists are named', () => {
    const withoutAlpha: Course = { ...course, modules: course.modules.filter((m) => m.id !== 'alpha') };
    const r = restoreSnapshot(encodeSnapshot(done, course), withoutAlpha);
    expect(r.report.modulesDropped).toEqual(['alpha']);
    expect(r.report.placeDropped).toBe('module:alpha');
    expect(r.saved.location).toBe('menu');

    const pageGone: Course = {
      ...course,
      modules: course.modules.map((m) => (m.id === 'alpha' ? { ...m, pages: m.pages.filter((p) => p.id !== 'two') } : m)),
    };
    const p = restoreSnapshot(encodeSnapshot(done, course), pageGone);
    expect(p.report.placeDropped).toBe('module:alpha');
    expect(p.report.modulesDropped).toEqual([]);
  });
});
