// @vitest-environment happy-dom
/**
 * Class 09, notices that tell the truth. "Welcome back, you continue where you left" only when the
 * learner does; another course's state restores nothing and says so (and is kept in the LMS until the
 * learner makes progress); a place that no longer exists, removed modules, dropped answers and
 * shortened texts each get their own plain notice, in Danish and English. Against scorm-again's real
 * runtime, both versions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Course } from '../../../../src/content-model/types.ts';
import { encodeSnapshot, encodeSnapshotFormat1, type Saved } from '../../../../src/engine/index.ts';
import { boot, course, createLms, repo, step, useSessions } from '../support.ts';

const open = useSessions();

const resumeWith = (version: '1.2' | '2004', saved: string) =>
  version === '1.2'
    ? { core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: saved }
    : { entry: 'resume', suspend_data: saved, completion_status: 'incomplete' };

const inAlpha: Saved = {
  location: 'module:alpha',
  record: {
    seed: 4,
    modules: {
      intro: { done: true, answers: { q1: { tries: 1, submitted: true, choice: ['a'] } }, reflection: 'Første tanke' },
      alpha: { done: false, at: 'page:two', furthest: 'page:two', answers: {} },
    },
    past: [],
  },
};

async function launchWith(version: '1.2' | '2004', stored: string) {
  const lms = await createLms(version, resumeWith(version, stored));
  const s = await open(version);
  return { lms, ...boot(s) };
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  test('everything restored: welcome back, and the learner is where they left', async () => {
    const { actor, notices } = await launchWith(version, encodeSnapshot(inAlpha, course));
    expect(notices.map((n) => n.key)).toEqual(['welcomeBack']);
    expect(actor.getSnapshot().value).toEqual({ module: 'page' });
    expect(actor.getSnapshot().context.pageId).toBe('two');
  });

  test('a format-1 state (what LMSs hold from before) restores with a welcome back', async () => {
    const { actor, notices } = await launchWith(version, encodeSnapshotFormat1(inAlpha, course));
    expect(notices.map((n) => n.key)).toEqual(['welcomeBack']);
    expect(actor.getSnapshot().context.record).toEqual(inAlpha.record);
  });

  test("another course's state: no welcome back, nothing restored, and it stays in the LMS until progress", async () => {
    const other: Course = { ...course, id: 'another-course' };
    const stored = encodeSnapshot(inAlpha, other);
    const { lms, actor, notices } = await launchWith(version, stored);
    expect(notices.map((n) => n.key)).toEqual(['otherCourseSave']);
    expect(actor.getSnapshot().value).toBe('start');
    expect(actor.getSnapshot().context.record.modules).toEqual({});
    step(actor, { type: 'START' });
    expect(lms.get('cmi.suspend_data')).toBe(stored);
    step(actor, { type: 'OPEN_MODULE', moduleId: 'intro' });
    expect(lms.get('cmi.suspend_data')).not.toBe(stored);
  });

  test('a place that no longer exists: "welcome back" says the answers came, not the place; a removed module is named', async () => {
    const stored = encodeSnapshot(
      {
        ...inAlpha,
        location: 'module:retired' as Saved['location'],
        record: { ...inAlpha.record, modules: { ...inAlpha.record.modules, retired: { done: true, answers: {} } } },
      },
      course,
    );
    const { actor, notices } = await launchWith(version, stored);
    expect(notices.map((n) => n.key)).toEqual(['welcomeBackElsewhere', 'modulesRemoved']);
    expect(notices[1]!.params).toEqual({ count: 1 });
    expect(actor.getSnapshot().value).toBe('menu');
    expect(actor.getSnapshot().context.record.modules.intro!.reflection).toBe('Første tanke');
  });

  test('a page that no longer exists in the module the learner was in: not "where you left"', async () => {
    const stored = encodeSnapshot(
      {
        ...inAlpha,
        record: {
          ...inAlpha.record,
          modules: { ...inAlpha.record.modules, alpha: { done: false, at: 'page:gone' as 'page:two', answers: {} } },
        },
      },
      course,
    );
    const { notices } = await launchWith(version, stored);
    expect(notices.map((n) => n.key)).toEqual(['welcomeBackElsewhere']);
  });
});

describe('the notices, in every language', () => {
  const keys = [
    'welcomeBack',
    'welcomeBackElsewhere',
    'otherCourseSave',
    'modulesRemoved',
    'answersDropped',
    'decisionsDropped',
    'textsShortened',
  ];
  test.each(['da', 'en'])('%s has each notice (singular and plural where counted) and a close label for it', (lang) => {
    const notices = JSON.parse(readFileSync(resolve(repo, `locales/${lang}/ui.json`), 'utf8')).notices as Record<
      string,
      string | Record<string, string>
    >;
    for (const key of keys) {
      const forms =
        key.endsWith('Dropped') || key === 'modulesRemoved' || key === 'textsShortened' ? [`${key}_one`, `${key}_other`] : [key];
      for (const f of forms)
        expect(typeof notices[f] === 'string' && (notices[f] as string).length > 20, `${lang} notices.${f}`).toBe(true);
      expect((notices.close as Record<string, string>)[key], `${lang} notices.close.${key}`).toBeTruthy();
    }
    expect(notices.welcomeBackElsewhere).not.toEqual(notices.welcomeBack);
  });
});
