/**
 * The suspend-data guarantee, measured: the saved state of a course never exceeds the suspend-data
 * limit of its SCORM version (4,096 characters in 1.2, 64,000 in 2004), and being ASCII it is as many
 * UTF-8 bytes as characters. Measured on the sample course and on the real course in content/: the
 * worst case with real Danish and English text at the full 1.2 caps fits; incompressible text is held
 * within the limit by the engine's room (src/engine/room.ts), whatever is typed in whatever order. If
 * the real course cannot be loaded, this fails: an unmeasurable course is not a course that fits.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../../src/content-model/load.ts';
import type { Course } from '../../../src/content-model/types.ts';
import {
  cutText,
  decodeSnapshot,
  encodeSnapshot,
  reserveSaved,
  roomFor,
  textFits,
  type LearnerRecord,
  type TextField,
} from '../../../src/engine/index.ts';
import {
  incompressibleText,
  SUSPEND_LIMITS,
  sizeOf,
  textsAtCaps,
  worstCaseSaved,
  worstCaseSize,
  worstText,
  WORST_CHARACTERS,
} from '../../../src/tracking/suspend-budget.ts';
import { DANISH_REFLECTIONS, DANISH_STEPS, ENGLISH_REFLECTIONS, ENGLISH_STEPS } from './fixtures/learner-texts.ts';
import { course as sample, repo } from './support.ts';

const LANGUAGES = {
  Danish: [DANISH_REFLECTIONS, DANISH_STEPS],
  English: [ENGLISH_REFLECTIONS, ENGLISH_STEPS],
} as const;

/** The course's texts at their caps, cut from what real learners write. */
function realTexts(course: Course, language: keyof typeof LANGUAGES) {
  const [reflections, steps] = LANGUAGES[language];
  return textsAtCaps(course, course.settings.limits.scorm12, (kind, i, cap) => {
    const text = (kind === 'reflection' ? reflections : steps)[i % (kind === 'reflection' ? reflections : steps).length]!;
    expect(text.length).toBeGreaterThanOrEqual(cap);
    return text.slice(0, cap);
  });
}

const fieldsOf = (course: Course): TextField[] =>
  course.modules.flatMap((m) => [
    ...(m.reflection ? [{ kind: 'reflection' as const, moduleId: m.id }] : []),
    ...(m.selfAssessment ? [{ kind: 'plan' as const, moduleId: m.id }] : []),
  ]);

const withText = (record: LearnerRecord, field: TextField, text: string): LearnerRecord => ({
  ...record,
  modules: { ...record.modules, [field.moduleId]: { done: false, answers: {}, ...record.modules[field.moduleId], [field.kind]: text } },
});

/**
 * A learner writing `text` into `field` as the player lets them: the field takes at most the room it
 * shows, and refuses a change that does not fit (the learner then has what fitted).
 */
function write(course: Course, record: LearnerRecord, field: TextField, text: string): LearnerRecord {
  const limits = course.settings.limits.scorm12;
  let kept = cutText(text, roomFor(course, record, limits, SUSPEND_LIMITS.scorm12, field, '').max);
  while (kept && !textFits(course, record, limits, SUSPEND_LIMITS.scorm12, field, kept))
    kept = cutText(kept, Math.floor(kept.length * 0.9));
  return withText(record, field, kept);
}

function measure(course: Course, name: string): void {
  describe(`${name}: suspend data`, () => {
    test('SCORM 2004: the worst case, every text at its cap in incompressible text, fits and restores exactly', () => {
      const limits = course.settings.limits.scorm2004;
      const saved = worstCaseSaved(course, limits);
      for (const m of course.modules) {
        const r = saved.record.modules[m.id]!;
        expect(r.done).toBe(true);
        if (m.reflection) expect(r.reflection).toHaveLength(limits.reflection);
        if (m.selfAssessment) expect(r.plan).toHaveLength(limits.actionStep);
        for (const q of m.questions) expect(r.answers[q.localId]!.tries).toBe(course.settings.knowledgeCheck.attempts);
      }
      expect(saved.record.past.length + 1).toBe(course.settings.final.attempts);
      expect(saved.record.latest!.drawn).toHaveLength(course.settings.final.draw);
      const size = worstCaseSize(course, 'scorm2004');
      console.info(`${name} scorm2004: worst case ${size.chars} of ${size.limit} characters (${size.utf8Bytes} UTF-8 bytes)`);
      expect(size.fits).toBe(true);
      expect(size.utf8Bytes).toBe(size.chars);
      expect(decodeSnapshot(encodeSnapshot(saved, course), course)).toEqual(saved);
    });

    test('SCORM 1.2: the worst case with no texts leaves room for them', () => {
      const size = sizeOf(reserveSaved(course), course, 'scorm12');
      console.info(`${name} scorm12: worst case without texts ${size.chars} of ${size.limit} characters`);
      expect(size.chars).toBeLessThan(size.limit / 2);
    });

    test('SCORM 1.2: incompressible text is held within 4,096 by the room, whatever is typed in whatever order', () => {
      const fields = fieldsOf(course);
      const text = fc.oneof(
        fc.nat().map((seed) => incompressibleText(course.settings.limits.scorm12.reflection, seed + 1)),
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constant(worstText(400)),
        fc.constantFrom(...DANISH_REFLECTIONS, ...ENGLISH_STEPS),
      );
      fc.assert(
        fc.property(fc.shuffledSubarray(fields, { minLength: 1 }), fc.array(text, { minLength: 1, maxLength: 4 }), (order, texts) => {
          let record: LearnerRecord = { modules: {}, past: [] };
          order.forEach((field, i) => (record = write(course, record, field, texts[i % texts.length]!)));
          // Everything else at its largest, with the texts the room let through.
          const texts_ = Object.fromEntries(
            Object.entries(record.modules).map(([id, r]) => [id, { reflection: r.reflection, plan: r.plan }]),
          );
          const size = sizeOf(reserveSaved(course, texts_), course, 'scorm12');
          expect(size.chars).toBeLessThanOrEqual(SUSPEND_LIMITS.scorm12);
          expect(size.utf8Bytes).toBe(size.chars);
        }),
        { numRuns: 25 },
      );
    });
  });
}

test('the worst text is exactly as long as asked and uses every worst character; the incompressible text too', () => {
  for (const n of [0, 1, 19, 20, 21, 180, 2000]) expect(worstText(n)).toHaveLength(n);
  const long = worstText(400);
  for (const c of WORST_CHARACTERS) expect(long).toContain(c);
  for (const n of [0, 1, 2, 399, 400]) expect(incompressibleText(n)).toHaveLength(n);
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
if (real!) {
  measure(real, 'real course');

  describe('real course, SCORM 1.2: room for writing', () => {
    test('caps of at least 400 characters per reflection and 150 per action step', () => {
      expect(real.settings.limits.scorm12.reflection).toBeGreaterThanOrEqual(400);
      expect(real.settings.limits.scorm12.actionStep).toBeGreaterThanOrEqual(150);
    });

    test.each(['Danish', 'English'] as const)(
      '%s at the full caps in every field fits 4,096 characters and bytes in the worst case',
      (language) => {
        const saved = reserveSaved(real, realTexts(real, language));
        const size = sizeOf(saved, real, 'scorm12');
        const texts = Object.values(saved.record.modules).reduce((n, r) => n + (r.reflection?.length ?? 0) + (r.plan?.length ?? 0), 0);
        console.info(
          `real course scorm12, ${language} at full caps (${texts} characters of text): worst case ${size.chars} of ${size.limit} characters, ${size.utf8Bytes} UTF-8 bytes`,
        );
        expect(size.chars).toBeLessThanOrEqual(SUSPEND_LIMITS.scorm12);
        expect(size.utf8Bytes).toBe(size.chars);
        expect(decodeSnapshot(encodeSnapshot(saved, real), real)).toEqual(saved);
      },
    );

    test('incompressible text at the caps would not fit: the room is what holds it', () => {
      expect(worstCaseSize(real, 'scorm12').fits).toBe(false);
    });
  });
}
