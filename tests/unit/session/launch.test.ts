/** The one launch preparation: mastery override, decoding, limits and the machine's input, pure. */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { courseMachine, encodeSnapshot } from '../../../src/engine/index.ts';
import { limitsTarget, prepareLaunch, type SessionStart } from '../../../src/session/index.ts';
import { course } from '../engine/sample.ts';

const start = (extra: Partial<SessionStart> = {}): SessionStart => ({
  mode: 'normal',
  target: 'scorm12',
  store: 'lms',
  notices: [],
  ...extra,
});

describe('prepareLaunch', () => {
  it('applies the LMS mastery score over the course, and leaves the course alone without one', () => {
    expect(prepareLaunch(course, start({ masteryScore: 0.6 })).course.settings.final.masteryScore).toBe(0.6);
    expect(prepareLaunch(course, start()).course).toBe(course);
  });

  it('restores a saved state with a welcome back, and the machine starts there', () => {
    const saved = encodeSnapshot(
      {
        location: 'module:alpha',
        record: { modules: { alpha: { done: false, at: 'page:two', answers: {} } }, past: [] },
      },
      course,
    );
    const launch = prepareLaunch(course, start({ saved }));
    expect(launch.saved?.location).toBe('module:alpha');
    expect(launch.notices.map((n) => n.key)).toEqual(['welcomeBack']);
    const actor = createActor(courseMachine, { input: launch.input }).start();
    expect(actor.getSnapshot().value).toEqual({ module: 'page' });
    expect(actor.getSnapshot().context.pageId).toBe('two');
  });

  it('sets an unreadable state aside with a notice, keeping the raw text for support', () => {
    const launch = prepareLaunch(course, start({ saved: 'not our data', notices: [{ key: 'standaloneOnly', tone: 'info' }] }));
    expect(launch.saved).toBeUndefined();
    expect(launch.unreadable).toMatchObject({ raw: 'not our data', reason: expect.stringMatching(/not readable/) });
    expect(launch.notices.map((n) => n.key)).toEqual(['standaloneOnly', 'unreadableSave']);
    expect(launch.input.record).toBeUndefined();
  });

  it('takes the text limits of the target, and the roomiest in browser storage', () => {
    expect(prepareLaunch(course, start()).input.limits).toEqual(course.settings.limits.scorm12);
    expect(prepareLaunch(course, start({ target: 'scorm2004' })).input.limits).toEqual(course.settings.limits.scorm2004);
    expect(limitsTarget({ target: 'scorm12', store: 'browser' })).toBe('scorm2004');
  });

  it('lets the preview move the restored state, and passes the seed source on', () => {
    const launch = prepareLaunch(course, start(), {
      adjustSaved: (saved) => saved ?? { location: 'menu', record: { modules: {}, past: [] } },
      newSeed: () => 5,
    });
    expect(launch.input.resumeAt).toBe('menu');
    expect(launch.input.newSeed?.()).toBe(5);
  });

  it('review and browse start the machine read-only, with the result the LMS holds; a normal attempt is not read-only', () => {
    const review = prepareLaunch(course, start({ mode: 'review', recorded: { status: 'failed', score: 0 } }));
    expect(review.input.readOnly).toEqual({ mode: 'review', recorded: { status: 'failed', score: 0 } });
    expect(prepareLaunch(course, start({ mode: 'browse' })).input.readOnly).toEqual({ mode: 'browse', recorded: {} });
    expect(prepareLaunch(course, start({ recorded: { status: 'passed' } })).input.readOnly).toBeUndefined();
    const actor = createActor(courseMachine, { input: review.input }).start();
    expect(actor.getSnapshot().context.readOnly?.mode).toBe('review');
    actor.stop();
  });
});
