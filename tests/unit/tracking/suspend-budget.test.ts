/**
 * The suspend-data guarantee, measured: the worst-case finished state of a course must fit the
 * suspend-data limit of each SCORM version (4,096 characters in 1.2, 64,000 in 2004). Measured on the
 * sample course and on the real course in content/. If the real course cannot be loaded, this fails:
 * an unmeasurable course is not a course that fits.
 */
import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../../src/content-model/load.ts';
import type { Course } from '../../../src/content-model/types.ts';
import { decodeSnapshot, encodeSnapshot } from '../../../src/engine/index.ts';
import { SUSPEND_LIMITS, worstCaseSaved, worstCaseSize, worstText, WORST_CHARACTERS } from '../../../src/tracking/suspend-budget.ts';
import { course as sample, repo } from './support.ts';

function measure(course: Course, name: string): void {
  describe(`${name}: worst-case suspend data`, () => {
    test.each(['scorm12', 'scorm2004'] as const)('%s fits the limit and restores exactly', (version) => {
      const limits = course.settings.limits[version];
      const saved = worstCaseSaved(course, limits);
      // It really is the worst case the player allows: every text at its maximum length.
      for (const m of course.modules) {
        const r = saved.record.modules[m.id]!;
        expect(r.done).toBe(true);
        if (m.reflection) expect(r.reflection).toHaveLength(limits.reflection);
        if (m.selfAssessment) expect(r.plan).toHaveLength(limits.actionStep);
        for (const q of m.questions) expect(r.answers[q.localId]!.tries).toBe(course.settings.knowledgeCheck.attempts);
      }
      expect(saved.record.past.length + 1).toBe(course.settings.final.attempts);
      expect(saved.record.latest!.drawn).toHaveLength(course.settings.final.draw);
      expect(Object.keys(saved.record.latest!.answers)).toHaveLength(course.settings.final.draw);

      const encoded = encodeSnapshot(saved, course);
      const size = worstCaseSize(course, version);
      console.info(`${name} ${version}: worst case ${size.chars} of ${size.limit} characters (${size.utf8Bytes} UTF-8 bytes)`);
      expect(size.chars).toBe(encoded.length);
      expect(encoded.length).toBeLessThanOrEqual(SUSPEND_LIMITS[version]);
      expect(decodeSnapshot(encoded, course)).toEqual(saved);
    });
  });
}

test('the worst text is exactly as long as asked and uses every worst character', () => {
  for (const n of [0, 1, 19, 20, 21, 180, 2000]) expect(worstText(n)).toHaveLength(n);
  const long = worstText(400);
  for (const c of WORST_CHARACTERS) expect(long).toContain(c);
});

measure(sample, 'sample course');

// The real course is written in parallel; loading it must succeed for this to pass.
let real: Course;
try {
  real = loadCourse(repo).course;
} catch (e) {
  test('the real course in content/ loads', () => {
    throw e;
  });
}
if (real!) measure(real, 'real course');
