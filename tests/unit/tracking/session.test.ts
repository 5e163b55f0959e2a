// @vitest-environment happy-dom
/**
 * What the LMS says at launch and how the session honours it: mastery, learner name, language, entry,
 * review/browse modes, unreadable saved data, status that must never go down, the suspend-data limit,
 * and the commit policy (what commits when, and nothing while idle).
 */
import { describe, expect, test, vi } from 'vitest';
import { createActor } from 'xstate';
import { courseMachine } from '../../../src/engine/index.ts';
import { prepareLaunch, type Notice, type SaveState } from '../../../src/session/index.ts';
import { getTrackingLog } from '../../../src/tracking/index.ts';
import { incompressibleText } from '../../../src/tracking/suspend-budget.ts';
import {
  boot,
  course,
  createLms,
  currentSnapshot,
  doAttempt,
  doModule,
  hidePage,
  pageHide,
  relaunchData,
  showPage,
  step,
  useSessions,
} from './support.ts';

const open = useSessions();
const current = currentSnapshot;

describe('launch data', () => {
  test('1.2: mastery_score 0-100 becomes 0..1, the name reads first-last, language comes from the preference', async () => {
    await createLms('1.2', {
      core: { student_name: 'Jensen, Ole', entry: 'ab-initio' },
      student_data: { mastery_score: '80' },
      student_preference: { language: 'en-GB' },
    });
    const s = await open('1.2');
    expect(s.start).toMatchObject({
      target: 'scorm12',
      store: 'lms',
      masteryScore: 0.8,
      learnerName: 'Ole Jensen',
      language: 'en-GB',
      mode: 'normal',
      notices: [],
    });
  });

  test('2004: scaled_passing_score, learner_name, learner_preference.language', async () => {
    await createLms('2004', {
      learner_name: 'Ole Jensen',
      entry: 'ab-initio',
      scaled_passing_score: '0.6',
      learner_preference: { language: 'da' },
    });
    const s = await open('2004');
    expect(s.start).toMatchObject({ target: 'scorm2004', store: 'lms', masteryScore: 0.6, learnerName: 'Ole Jensen', language: 'da' });
  });

  test("without a mastery score from the LMS the course's applies (none is returned)", async () => {
    await createLms('2004', { entry: 'ab-initio' });
    const s = await open('2004');
    expect(s.start.masteryScore).toBeUndefined();
    expect(s.start.learnerName).toBeUndefined();
  });

  test('the LMS mastery decides pass/fail', async () => {
    const lms = await createLms('2004', { entry: 'ab-initio', scaled_passing_score: '0.5' });
    const s = await open('2004');
    const { actor } = boot(s);
    step(actor, { type: 'START' });
    for (const m of course.modules) doModule(actor, m.id);
    step(actor, { type: 'OPEN_FINAL' });
    doAttempt(actor, 2); // 50%: passes the LMS's 0.5, would fail the course's 0.75
    expect(lms.get('cmi.success_status')).toBe('passed');
    expect(lms.get('cmi.score.scaled')).toBe('0.5');
  });

  test('1.2 entry "" with suspend data still resumes (LMSs that do not say resume)', async () => {
    const first = await createLms('1.2', { core: { entry: 'ab-initio' } });
    const s1 = await open('1.2');
    const a = boot(s1).actor;
    step(a, { type: 'START' });
    doModule(a, 'intro');
    await s1.exit();
    first.remove();
    const data = relaunchData(first);
    (data.core as Record<string, unknown>).entry = '';
    await createLms('1.2', data);
    const s2 = await open('1.2');
    expect(s2.start.saved).toBe(first.get('cmi.suspend_data'));
  });

  test('entry ab-initio is a new attempt: old suspend data is not restored (and in 2004 not even asked for)', async () => {
    const lms = await createLms('2004', { entry: 'ab-initio', suspend_data: '[1#4:menu{}[]_]' });
    const s = await open('2004');
    expect(s.start.saved).toBeUndefined();
    expect(lms.callsTo('GetValue').map((c) => c.args[0])).not.toContain('cmi.suspend_data');
    // Reads of elements the LMS has no value for yet answer 403 "not initialised": that is an answer.
    expect(lms.errors().filter((c) => c.method !== 'GetValue' || c.error !== '403')).toEqual([]);
  });

  test("setLanguage writes the learner's preference", async () => {
    const lms12 = await createLms('1.2', { core: { entry: 'ab-initio' } });
    const s12 = await open('1.2');
    boot(s12);
    s12.setLanguage('en');
    vi.advanceTimersByTime(10);
    expect(lms12.get('cmi.student_preference.language')).toBe('en');
    await s12.exit();
    lms12.remove();
    const lms = await createLms('2004', { entry: 'ab-initio' });
    const s = await open('2004');
    boot(s);
    s.setLanguage('da');
    vi.advanceTimersByTime(10);
    expect(lms.get('cmi.learner_preference.language')).toBe('da');
    expect(lms.callsTo('Commit').length).toBeGreaterThan(1);
  });
});

describe.each(['review', 'browse'] as const)('%s mode', (mode) => {
  test.each(['1.2', '2004'] as const)('records nothing in SCORM %s', async (version) => {
    const saved = '[1#4:menu{}[]_]';
    const lms = await createLms(
      version,
      version === '1.2'
        ? { core: { lesson_mode: mode, entry: 'resume', lesson_status: 'completed' }, suspend_data: saved }
        : { mode, entry: 'resume', suspend_data: saved, completion_status: 'completed' },
    );
    const s = await open(version);
    expect(s.start.mode).toBe(mode);
    expect(s.start.saved).toBe(saved);
    const states: SaveState[] = [];
    s.onSaveState((st) => states.push(st));
    const { actor } = boot(s);
    doModule(actor, 'intro');
    s.setLanguage('en');
    hidePage();
    await s.exit();
    expect(lms.callsTo(version === '1.2' ? 'LMSSetValue' : 'SetValue')).toEqual([]);
    expect(lms.callsTo(version === '1.2' ? 'LMSCommit' : 'Commit')).toEqual([]);
    expect(lms.callsTo(version === '1.2' ? 'LMSFinish' : 'Terminate')).toHaveLength(1);
    expect(states).toEqual(['off']);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const exitEl = version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
  const setName = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const commitName = version === '1.2' ? 'LMSCommit' : 'Commit';

  test('unreadable saved data: no crash, kept untouched until the learner makes progress', async () => {
    const garbage = 'QUIZ|slide=12|{"old":"format"}';
    const lms = await createLms(
      version,
      version === '1.2'
        ? { core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: garbage }
        : { entry: 'resume', suspend_data: garbage, completion_status: 'incomplete' },
    );
    const s = await open(version);
    expect(s.start.saved).toBe(garbage);
    const { actor, unreadable } = boot(s);
    expect(unreadable).toBe(true);
    expect(getTrackingLog().some((l) => l.message.includes('unreadable') && (l.details as { raw?: string })?.raw === garbage)).toBe(true);
    // Looking around is not progress: the raw value stays for support.
    step(actor, { type: 'START' });
    step(actor, { type: 'OPEN_FINAL' });
    hidePage();
    showPage();
    expect(lms.setsOf('cmi.suspend_data')).toEqual([]);
    expect(lms.get('cmi.suspend_data')).toBe(garbage);
    // Progress replaces it.
    step(actor, { type: 'OPEN_MODULE', moduleId: 'intro' });
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
  });

  test('unreadable saved data and the learner leaves at once: exit stays suspend, the data survives', async () => {
    const garbage = '%%%';
    const lms = await createLms(
      version,
      version === '1.2' ? { core: { entry: 'resume' }, suspend_data: garbage } : { entry: 'resume', suspend_data: garbage },
    );
    const s = await open(version);
    const { actor } = boot(s);
    step(actor, { type: 'START' });
    pageHide();
    expect(lms.get('cmi.suspend_data')).toBe(garbage);
    expect(lms.get(exitEl)).toBe('suspend');
  });

  test('a status the LMS already holds is never lowered (lost or older saved data)', async () => {
    const lms = await createLms(
      version,
      version === '1.2'
        ? { core: { entry: 'resume', lesson_status: 'passed' } }
        : { entry: 'resume', completion_status: 'completed', success_status: 'passed' },
    );
    const s = await open(version);
    const { actor } = boot(s);
    step(actor, { type: 'START' });
    doModule(actor, 'intro');
    await s.exit();
    if (version === '1.2') {
      expect(lms.setsOf('cmi.core.lesson_status')).toEqual([]);
      expect(lms.get('cmi.core.lesson_status')).toBe('passed');
    } else {
      expect(lms.setsOf('cmi.completion_status')).toEqual(lms.setsOf('cmi.completion_status').map(() => 'completed'));
      expect(lms.setsOf('cmi.success_status')).toEqual([]);
      expect(lms.get('cmi.completion_status')).toBe('completed');
      expect(lms.get('cmi.progress_measure')).toBe('1');
    }
    expect(lms.errors().filter((c) => c.method === setName)).toEqual([]);
  });

  test('launch marks the attempt incomplete and suspended at once, in one commit', async () => {
    const lms = await createLms(version, version === '1.2' ? { core: { entry: 'ab-initio' } } : { entry: 'ab-initio' });
    await open(version);
    expect(lms.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe('incomplete');
    expect(lms.get(exitEl)).toBe('suspend');
    expect(lms.callsTo(commitName)).toHaveLength(1);
  });

  test('commit policy: page turns and answers commit at once, typing after a pause, never while idle', async () => {
    const lms = await createLms(
      version,
      version === '1.2' ? { core: { entry: 'ab-initio' } } : { entry: 'ab-initio', scaled_passing_score: '0.8', completion_threshold: '1' },
    );
    const s = await open(version);
    const { actor } = boot(s);
    const commits = () => lms.callsTo(commitName).length;
    const c0 = commits();
    actor.send({ type: 'START' });
    actor.send({ type: 'OPEN_MODULE', moduleId: 'intro' });
    expect(commits()).toBe(c0); // not inside the learner's click
    vi.advanceTimersByTime(0);
    expect(commits()).toBe(c0 + 1); // two changes, one commit
    step(actor, { type: 'NEXT' }, 0);
    expect(commits()).toBe(c0 + 2); // page turn
    step(actor, { type: 'SELECT', questionId: 'q1', choice: ['a'] }, 0);
    expect(commits()).toBe(c0 + 2); // a choice not yet submitted waits
    step(actor, { type: 'SUBMIT_ANSWER', questionId: 'q1' }, 0);
    expect(commits()).toBe(c0 + 3);
    step(actor, { type: 'NEXT' }, 0);
    const c1 = commits();
    for (let i = 1; i <= 10; i++) step(actor, { type: 'SET_REFLECTION', text: 'typing'.slice(0, (i % 6) + 1) + i }, 300);
    expect(commits()).toBe(c1); // still typing
    vi.advanceTimersByTime(1500);
    expect(commits()).toBe(c1 + 1); // one commit after the pause
    // Long typing without a pause still saves within the maximum wait.
    for (let i = 0; i < 40; i++) step(actor, { type: 'SET_REFLECTION', text: `more ${i}` }, 400);
    expect(commits()).toBeGreaterThanOrEqual(c1 + 2);
    vi.advanceTimersByTime(2000);
    // Idle: no timers, no commits.
    expect(vi.getTimerCount()).toBe(0);
    const idle = commits();
    vi.advanceTimersByTime(3_600_000);
    expect(commits()).toBe(idle);
    // Hidden: commit at once, even mid-typing.
    actor.send({ type: 'SET_REFLECTION', text: 'last words' });
    hidePage();
    expect(commits()).toBe(idle + 1);
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    // pagehide: exit + session time, then terminate once.
    pageHide();
    pageHide();
    expect(lms.callsTo(version === '1.2' ? 'LMSFinish' : 'Terminate')).toHaveLength(1);
    // The last value set is the session time (the exit is unchanged here: already suspend), committed
    // before Terminate, so nothing is left for Terminate to carry.
    const last = lms.calls.slice(-3).map((c) => [c.method, String(c.args[0] ?? '')]);
    expect(last).toEqual([
      [setName, version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time'],
      [commitName, ''],
      [version === '1.2' ? 'LMSFinish' : 'Terminate', ''],
    ]);
    expect(lms.get(exitEl)).toBe('suspend');
    expect(lms.errors()).toEqual([]);
  });

  test('suspend data over the limit is never written truncated: the last good state stays, the learner is told', async () => {
    const lms = await createLms(version, version === '1.2' ? { core: { entry: 'ab-initio' } } : { entry: 'ab-initio' });
    const s = await open(version);
    const seen: Array<[SaveState, Notice | undefined]> = [];
    s.onSaveState((st, n) => seen.push([st, n]));
    // A course whose limits let a reflection outgrow the LMS (the worst-case test keeps real courses from this).
    const huge = {
      ...course,
      settings: {
        ...course.settings,
        limits: {
          ...course.settings.limits,
          scorm12: { reflection: 70_000, actionStep: 90 },
          scorm2004: { reflection: 70_000, actionStep: 400 },
        },
      },
    };
    // The engine's room (src/engine/room.ts) keeps a real launch from this: this actor is given no saved-state limit, to reach the tracker's own net.
    const launch = prepareLaunch(huge, s.start);
    const actor = createActor(courseMachine, { input: { ...launch.input, savedStateLimit: Number.POSITIVE_INFINITY } });
    s.attach(actor);
    actor.start();
    step(actor, { type: 'START' });
    step(actor, { type: 'OPEN_MODULE', moduleId: 'intro' });
    step(actor, { type: 'NEXT' });
    step(actor, { type: 'SELECT', questionId: 'q1', choice: ['a'] });
    step(actor, { type: 'SUBMIT_ANSWER', questionId: 'q1' });
    step(actor, { type: 'NEXT' });
    const good = lms.get('cmi.suspend_data');
    expect(good).toBe(current(actor));
    const limit = version === '1.2' ? 4096 : 64000;
    step(actor, { type: 'SET_REFLECTION', text: incompressibleText(limit) });
    expect(lms.get('cmi.suspend_data')).toBe(good);
    expect(lms.setsOf('cmi.suspend_data').every((v) => v.length <= limit)).toBe(true);
    expect(seen.at(-1)).toEqual(['failed', { key: 'textTooLong', tone: 'warning' }]);
    expect(getTrackingLog().some((l) => l.level === 'error' && l.message.includes(`more than the ${limit}`))).toBe(true);
    // Shortened again: saved again.
    step(actor, { type: 'SET_REFLECTION', text: 'short' });
    expect(lms.get('cmi.suspend_data')).toBe(current(actor));
    expect(seen.at(-1)).toEqual(['saved', undefined]);
  });
});
