// @vitest-environment happy-dom
/**
 * Every question type's answers, as both adapters write them, against the real scorm-again runtime:
 * each write is accepted (2004 validates patterns strictly), and the 1.2 values also match the 1.2
 * grammar of RTE 3.4.2.7.5, which scorm-again leaves unchecked.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Question } from '../../../src/content-model/types.ts';
import { keyOf } from '../../../src/question-types/cmi.ts';
import { modelOf } from '../../../src/question-types/index.ts';
import { scorm12 } from '../../../src/tracking/adapters/scorm12.ts';
import { scorm2004 } from '../../../src/tracking/adapters/scorm2004.ts';
import { decisionInteraction, questionInteraction } from '../../../src/tracking/report.ts';
import { useBothRuntimes } from '../tracking/runtimes.ts';
import { anyAnswer, QUESTIONS } from './questions.ts';

const runtimes = useBothRuntimes();
const set = runtimes.set;

/** SCORM 1.2 RTE 3.4.2.7.5: single characters 0-9/a-z; choice and sequencing a list, matching `s.t` pairs. */
const GRAMMAR_12 = {
  choice: /^[0-9a-z](,[0-9a-z])*$/,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
};

const times = { shownAt: Date.UTC(2026, 2, 2, 9), answeredAt: Date.UTC(2026, 2, 2, 9, 1) };

describe('CMI patterns of every question type', () => {
  test.each(QUESTIONS.map((q) => [q.type, q.id, q] as const))('%s (%s): every answer is accepted by both runtimes', (_, __, q) => {
    let n = 0;
    fc.assert(
      fc.property(anyAnswer(q), (answer) => {
        const report = questionInteraction('kc', q, answer, times, 'Knowledge check');
        for (const [lms, dialect] of [
          [runtimes.lms12, scorm12],
          [runtimes.lms2004, scorm2004],
        ] as const) {
          for (const [element, value] of dialect.interactionWrites(n, report))
            expect([element, value, set(lms, element, value)]).toEqual([element, value, 'true']);
        }
        const cmi = modelOf(q).cmi(q, answer);
        const type = cmi.type as keyof typeof GRAMMAR_12;
        if (answer.length) expect(cmi.response['1.2']).toMatch(GRAMMAR_12[type]);
        expect(cmi.correct!['1.2']).toMatch(GRAMMAR_12[type]);
        n++;
      }),
      { numRuns: 40 },
    );
    expect(n).toBe(40);
  });

  test('the interaction types are choice, sequencing and matching', () => {
    const types = Object.fromEntries(QUESTIONS.map((q) => [q.type, modelOf(q).cmi(q, modelOf(q).correctAnswer(q)).type]));
    expect(types).toEqual({ single: 'choice', multiple: 'choice', ordering: 'sequencing', matching: 'matching' });
  });

  test('examples, in both versions', () => {
    const [single, multiple, ordering, matching] = QUESTIONS as [Question, Question, Question, Question];
    const cmi = (q: Question, a: string[]) => modelOf(q).cmi(q, a);
    expect(cmi(single, ['c'])).toMatchObject({
      type: 'choice',
      response: { '1.2': 'c', '2004': 'c' },
      correct: { '1.2': 'b', '2004': 'b' },
    });
    // Option ids longer than one character are lettered by position; a choice reads in option order.
    expect(cmi(multiple, ['maybe', 'agree']).response).toEqual({ '1.2': 'a,c', '2004': 'a[,]c' });
    expect(cmi(ordering, ['c', 'a', 'b', 'd'])).toMatchObject({
      type: 'sequencing',
      response: { '1.2': 'c,a,b,d', '2004': 'c[,]a[,]b[,]d' },
      correct: { '1.2': 'a,b,c,d', '2004': 'a[,]b[,]c[,]d' },
    });
    expect(cmi(matching, ['budget=hr', 'risk=ciso'])).toMatchObject({
      type: 'matching',
      response: { '1.2': 'a.c,b.b', '2004': 'a[.]c[,]b[.]b' },
      correct: { '1.2': 'a.a,b.b,c.c', '2004': 'a[.]a[,]b[.]b[,]c[.]c' },
    });
  });

  test('option keys: single characters as they are, other ids lettered by position', () => {
    expect(keyOf(['a', 'b', 'c', 'd'], 'd')).toBe('d');
    expect(keyOf(['agree', 'disagree', 'maybe'], 'maybe')).toBe('c');
    expect(keyOf(['x1', 'x2'], 'x2')).toBe('b');
    expect(keyOf(['a', 'b'], 'z')).toBe('');
  });

  test('a decision is a neutral choice with no correct response, valid in both versions', () => {
    const block = { id: 'dilemma', type: 'decision' as const, options: ['wait', 'act', 'ask'] };
    for (const [n, option] of block.options.entries()) {
      const report = decisionInteraction('p01', 'case', block, option, times);
      expect(report).toMatchObject({ id: 'decision_p01_case_dilemma', result: 'neutral', kind: 'answer' });
      for (const [lms, dialect] of [
        [runtimes.lms12, scorm12],
        [runtimes.lms2004, scorm2004],
      ] as const) {
        const writes = dialect.interactionWrites(n, report);
        expect(writes.some(([e]) => e.includes('correct_responses'))).toBe(false);
        expect(writes).toContainEqual([`cmi.interactions.${n}.type`, 'choice']);
        expect(writes).toContainEqual([`cmi.interactions.${n}.result`, 'neutral']);
        for (const [element, value] of writes) expect([element, value, set(lms, element, value)]).toEqual([element, value, 'true']);
      }
    }
  });
});
