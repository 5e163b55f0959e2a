// @vitest-environment happy-dom
/**
 * Class 14, characters are bytes. What the LMS stores as suspend data is ASCII only, from an alphabet
 * no LMS escapes, so its UTF-8 bytes equal its characters and the 1.2 guarantee holds in both units:
 * Danish letters, quotes, markup, line breaks and emoji typed by the learner come back unit for unit.
 * Against scorm-again's real runtime, both versions.
 */
import { describe, expect, test } from 'vitest';
import { decodeSnapshot } from '../../../../src/engine/index.ts';
import { ALPHABET } from '../../../../src/engine/saved-text.ts';
import { incompressibleText, SUSPEND_LIMITS } from '../../../../src/tracking/suspend-budget.ts';
import { DANISH_REFLECTIONS } from '../fixtures/learner-texts.ts';
import { boot, course, createLms, currentSnapshot, doModule, relaunchData, step, useSessions } from '../support.ts';

const open = useSessions();
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const limit = version === '1.2' ? SUSPEND_LIMITS.scorm12 : SUSPEND_LIMITS.scorm2004;
  const cap = version === '1.2' ? course.settings.limits.scorm12.reflection : course.settings.limits.scorm2004.reflection;
  const texts = {
    intro: `Æbler, øl & "gåsetegn" <b>fed</b> \\ 😀\nNy linje. ${DANISH_REFLECTIONS[0]}`.slice(0, cap),
    alpha: incompressibleText(cap, 7),
  };

  /** A learner who writes both texts, in intro and alpha. */
  const writeBoth = async () => {
    const lms = await createLms(version);
    const s = await open(version);
    const { actor } = boot(s);
    step(actor, { type: 'START' });
    doModule(actor, 'intro', { reflection: texts.intro });
    doModule(actor, 'alpha', { reflection: texts.alpha });
    return { lms, s, actor };
  };

  test('every suspend data the LMS is given is ASCII from the alphabet, as many bytes as characters, within the limit in both', async () => {
    const { lms, actor } = await writeBoth();
    const sets = lms.setsOf('cmi.suspend_data');
    expect(sets.length).toBeGreaterThan(0);
    for (const v of sets) {
      expect([...v].every((c) => ALPHABET.includes(c))).toBe(true);
      expect(bytes(v)).toBe(v.length);
      expect(bytes(v)).toBeLessThanOrEqual(limit);
    }
    expect(lms.get('cmi.suspend_data')).toBe(currentSnapshot(actor));
  });

  test('the texts come back unit for unit at the next launch (emoji, line breaks, quotes and markup too)', async () => {
    const { lms, s, actor } = await writeBoth();
    const kept = actor.getSnapshot().context.record;
    await s.exit();
    const stored = lms.get('cmi.suspend_data');
    expect(decodeSnapshot(stored, course).record.modules.intro!.reflection).toBe(texts.intro);

    lms.remove();
    await createLms(version, relaunchData(lms));
    const again = await open(version);
    const relaunched = boot(again);
    expect(relaunched.saved?.record).toEqual(kept);
    expect(relaunched.actor.getSnapshot().context.record.modules.alpha!.reflection).toBe(kept.modules.alpha!.reflection);
  });
});
