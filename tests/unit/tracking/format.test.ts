// @vitest-environment happy-dom
/** Value formats of both data models, checked against the real scorm-again runtime's validation. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cmiId, cut, decimal, duration2004, time12, timespan12, timestamp2004 } from '../../../src/tracking/cmi/format.ts';
import { responseText } from '../../../src/tracking/adapters/dialect.ts';
import { useBothRuntimes } from './runtimes.ts';

const runtimes = useBothRuntimes();
const set12 = (e: string, v: string) => runtimes.set(runtimes.lms12, e, v);
const set2004 = (e: string, v: string) => runtimes.set(runtimes.lms2004, e, v);

const toMs2004 = (d: string) => {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(d)!;
  return (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000;
};
const toMs12 = (t: string) => {
  const [h, m, s] = t.split(':').map(Number);
  return (h! * 3600 + m! * 60 + s!) * 1000;
};

describe('times and durations', () => {
  test('examples', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_450)).toBe('0001:02:03.45');
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(3_723_450)).toBe('PT1H2M3.45S');
    expect(duration2004(60_000)).toBe('PT1M');
    expect(duration2004(1_500)).toBe('PT1.5S');
    expect(time12(new Date(2026, 0, 2, 7, 8, 9))).toBe('07:08:09');
    expect(timestamp2004(new Date(Date.UTC(2026, 0, 2, 7, 8, 9, 456)))).toBe('2026-01-02T07:08:09.45Z');
  });

  test('every session time and latency is accepted by scorm-again and means the same time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 3600 * 1000 }), (ms) => {
        expect(set12('cmi.core.session_time', timespan12(ms))).toBe('true');
        expect(set2004('cmi.session_time', duration2004(ms))).toBe('true');
        expect(Math.abs(toMs12(timespan12(ms)) - ms)).toBeLessThan(5.5); // rounding to 0.01 s, plus float noise in the parse
        expect(Math.abs(toMs2004(duration2004(ms)) - ms)).toBeLessThan(5.5); // rounding to 0.01 s, plus float noise in the parse
      }),
      { numRuns: 300 },
    );
  });

  test('timestamps are accepted', () => {
    set12('cmi.interactions.0.id', 'x');
    set2004('cmi.interactions.0.id', 'x');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(set12('cmi.interactions.0.time', time12(d))).toBe('true');
        expect(set2004('cmi.interactions.0.timestamp', timestamp2004(d))).toBe('true');
      }),
      { numRuns: 200 },
    );
  });
});

describe('identifiers and responses', () => {
  test('ids use only letters, digits, - and _ (SCORM 1.2 CMIIdentifier), and are stable', () => {
    expect(cmiId('kc', 'p01.q1')).toBe('kc_p01_q1');
    expect(cmiId('final', 'start-module.b12')).toBe('final_start-module_b12');
    expect(cmiId('decision', 'p01', 'case', 'choose')).toBe('decision_p01_case_choose');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}\.[a-z0-9][a-z0-9-]{0,20}$/), (id) =>
        /^[A-Za-z0-9_-]{1,250}$/.test(cmiId('kc', id)),
      ),
    );
  });

  test('free text: any reflection becomes a valid long-fill-in (2004) and fill-in (1.2) response', () => {
    set12('cmi.interactions.0.id', 'reflection_p01');
    set12('cmi.interactions.0.type', 'fill-in');
    set2004('cmi.interactions.0.id', 'reflection_p01');
    set2004('cmi.interactions.0.type', 'long-fill-in');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        expect(set12('cmi.interactions.0.student_response', cut(responseText(text), 255))).toBe('true');
        expect(set2004('cmi.interactions.0.learner_response', cut(responseText(text), 4000))).toBe('true');
      }),
      { numRuns: 200 },
    );
    expect(responseText('{lang=en} hi\nthere')).toBe(' {lang=en} hi ¶ there');
  });

  test('cut never splits a surrogate pair', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('abc', 5)).toBe('abc');
  });

  test('decimals have no exponent and at most four places', () => {
    expect(decimal(1 / 3)).toBe('0.3333');
    expect(decimal(1e-7)).toBe('0');
    expect(decimal(1)).toBe('1');
  });
});
