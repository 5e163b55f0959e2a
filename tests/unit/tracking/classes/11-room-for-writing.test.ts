// @vitest-environment happy-dom
/**
 * Class 11, room for writing. In SCORM 1.2 a learner writing ordinary Danish keeps 400 characters in
 * every reflection and 150 in every action step of the full real course, and the LMS's suspend data
 * stays within 4,096; incompressible text next to it gets only the room that keeps the worst case
 * within the limit, and the machine refuses more. In 2004 the caps (2,000 / 400) are the only limit.
 * Against scorm-again's real runtime, both versions.
 */
import { describe, expect, test } from 'vitest';
import type { TextField } from '../../../../src/engine/index.ts';
import type { CourseActor } from '../../../../src/session/index.ts';
import { incompressibleText, SUSPEND_LIMITS } from '../../../../src/tracking/suspend-budget.ts';
import { DANISH_REFLECTIONS, DANISH_STEPS } from '../fixtures/learner-texts.ts';
import { boot, createLms, doModule, step, useSessions } from '../support.ts';
import { fieldsOf, real, useCourseSessions, write } from './real-course.ts';

useSessions(); // fake timers and a clean window for each test
const open = useCourseSessions();

type Row = { field: TextField; index: number; asked: string; kept: string };

/** Takes every module of the real course writing each reflection, then each action step on the results: `text(field, index, cap)`. */
function takeCourse(actor: CourseActor, text: (field: TextField, index: number, cap: number) => string): Row[] {
  const rows: Row[] = [];
  const { limits } = actor.getSnapshot().context;
  const fields = fieldsOf(real);
  step(actor, { type: 'START' });
  for (const m of real.modules) {
    const field = fields.find((f) => f.moduleId === m.id && f.kind === 'reflection');
    const asked = field ? text(field, fields.indexOf(field), limits.reflection) : '';
    // The module's reflection is written through the field's room (as the player does), then the module goes on.
    doModule(actor, m.id, { reflection: asked }, 200);
    if (field)
      rows.push({ field, index: fields.indexOf(field), asked, kept: actor.getSnapshot().context.record.modules[m.id]?.reflection ?? '' });
  }
  step(actor, { type: 'OPEN_RESULTS' });
  for (const field of fields.filter((f) => f.kind === 'plan')) {
    const asked = text(field, fields.indexOf(field), limits.actionStep);
    rows.push({ field, index: fields.indexOf(field), asked, kept: write(actor, field, asked) });
  }
  return rows.sort((a, b) => a.index - b.index);
}

const danish = (f: TextField, n: number, cap: number) =>
  (f.kind === 'reflection' ? DANISH_REFLECTIONS : DANISH_STEPS)[n % 10]!.slice(0, cap);

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const limit = version === '1.2' ? SUSPEND_LIMITS.scorm12 : SUSPEND_LIMITS.scorm2004;

  test('ordinary Danish keeps the full cap in every reflection and action step; the LMS holds all of it', async () => {
    const lms = await createLms(version);
    const s = await open(version, real);
    const { actor } = boot(s, real);
    const caps = actor.getSnapshot().context.limits;
    expect(caps.reflection).toBeGreaterThanOrEqual(version === '1.2' ? 400 : 2000);
    expect(caps.actionStep).toBeGreaterThanOrEqual(150);
    let n = 0;
    const rows = takeCourse(actor, (f, _, cap) => danish(f, n++, cap));
    expect(rows.length).toBe(fieldsOf(real).length);
    for (const x of rows) expect(x.kept).toBe(x.asked);
    if (version === '1.2') for (const x of rows) expect(x.kept).toHaveLength(x.field.kind === 'reflection' ? 400 : 150);
    await s.exit();
    const stored = lms.get('cmi.suspend_data');
    console.info(`class 11, SCORM ${version}: real course, Danish at full caps: the LMS holds ${stored.length} of ${limit} characters`);
    expect(lms.setsOf('cmi.suspend_data').every((v) => v.length <= limit)).toBe(true);
  });

  test('incompressible text next to real Danish: it gets only the room left, the machine refuses more, the LMS never holds more than the limit', async () => {
    const lms = await createLms(version);
    const s = await open(version, real);
    const { actor } = boot(s, real);
    let n = 0;
    // Every other field incompressible, from the first on; real Danish in between.
    const rows = takeCourse(actor, (f, i, cap) => (i % 2 === 0 ? incompressibleText(cap, i + 1) : danish(f, n++, cap)));
    // Danish written before the room ran short kept all of it.
    expect(rows[1]!.kept).toBe(rows[1]!.asked);
    if (version === '1.2') {
      // The room ran short: later text was cut to what fits (the field showed the room and refused more).
      const cut = rows.filter((x) => x.kept.length < x.asked.length);
      expect(cut.length).toBeGreaterThan(0);
      // The machine itself refuses the text the field refused.
      const plan = cut.find((x) => x.field.kind === 'plan')!;
      const before = actor.getSnapshot().context.record;
      actor.send({ type: 'SET_PLAN', moduleId: plan.field.moduleId, text: plan.asked });
      expect(actor.getSnapshot().context.record).toBe(before);
    } else {
      for (const x of rows) expect(x.kept).toBe(x.asked);
    }
    await s.exit();
    const sets = lms.setsOf('cmi.suspend_data');
    console.info(
      `class 11, SCORM ${version}: incompressible next to Danish, characters kept of asked: ${rows.map((x) => `${x.index % 2 ? 'da' : 'noise'} ${x.kept.length}/${x.asked.length}`).join(', ')}; the LMS holds ${lms.get('cmi.suspend_data').length} of ${limit}`,
    );
    expect(sets.length).toBeGreaterThan(0);
    expect(sets.every((v) => v.length <= limit)).toBe(true);
    // The last state written is the one the LMS holds: the tracker's own net never had to refuse one.
    expect(sets.at(-1)).toBe(lms.get('cmi.suspend_data'));
  });
});
