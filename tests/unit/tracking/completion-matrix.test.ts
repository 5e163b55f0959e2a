/**
 * The completion-rules matrix of docs/tracking.md, checked: the course's rules (courseStatus) as each
 * SCORM version reports them (the adapters' status writes and exit).
 */
import { describe, expect, test } from 'vitest';
import type { Course } from '../../../src/content-model/types.ts';
import type { FinalAttempt, LearnerRecord } from '../../../src/engine/index.ts';
import { scorm12 } from '../../../src/tracking/adapters/scorm12.ts';
import { scorm2004 } from '../../../src/tracking/adapters/scorm2004.ts';
import type { LmsStart } from '../../../src/tracking/adapters/dialect.ts';
import { buildReport } from '../../../src/tracking/report.ts';
import { course as sample } from './support.ts';

type Rule = 'all-modules-and-final/final' | 'all-modules/final' | 'all-modules/none' | 'all-modules-and-final/none';

function withRule(rule: Rule): Course {
  const [completedWhen, successFrom] = rule.split('/') as [
    Course['settings']['completion']['completedWhen'],
    Course['settings']['completion']['successFrom'],
  ];
  return { ...sample, settings: { ...sample.settings, gating: 'free', completion: { completedWhen, successFrom } } };
}

const done = { done: true, answers: {} };
const allDone = Object.fromEntries(sample.modules.map((m) => [m.id, done]));
const attempt = (correct: number): FinalAttempt => ({
  seed: 1,
  drawn: ['intro.b1', 'alpha.b1', 'alpha.b2', 'beta.b1'],
  answers: {},
  index: 3,
  correct,
});
const situations: Record<string, LearnerRecord> = {
  nothing: { modules: {}, past: [] },
  someModules: { modules: { intro: done }, past: [] },
  allModules: { modules: allDone, past: [] },
  failedAttemptsLeft: { modules: allDone, past: [], latest: attempt(1) },
  passed: { modules: allDone, past: [], latest: attempt(4) },
  exhausted: { modules: allDone, past: [{ correct: 1, max: 4 }], latest: attempt(2) },
  passedModulesLeft: { modules: { intro: done }, past: [], latest: attempt(4) },
};

/** [1.2 lesson_status, 2004 completion_status, 2004 success_status, finished] — as in the docs' table. */
const MATRIX: Record<string, Partial<Record<Rule, [string, string, string, boolean]>>> = {
  nothing: {
    'all-modules-and-final/final': ['incomplete', 'incomplete', 'unknown', false],
    'all-modules/final': ['incomplete', 'incomplete', 'unknown', false],
  },
  someModules: {
    'all-modules-and-final/final': ['incomplete', 'incomplete', 'unknown', false],
    'all-modules/none': ['incomplete', 'incomplete', 'unknown', false],
  },
  allModules: {
    'all-modules-and-final/final': ['incomplete', 'incomplete', 'unknown', false],
    'all-modules/final': ['completed', 'completed', 'unknown', true],
    'all-modules/none': ['completed', 'completed', 'unknown', true],
  },
  failedAttemptsLeft: {
    'all-modules-and-final/final': ['incomplete', 'incomplete', 'failed', false],
    'all-modules/final': ['failed', 'completed', 'failed', true],
    'all-modules-and-final/none': ['incomplete', 'incomplete', 'unknown', false],
  },
  passed: {
    'all-modules-and-final/final': ['passed', 'completed', 'passed', true],
    'all-modules/final': ['passed', 'completed', 'passed', true],
    'all-modules-and-final/none': ['completed', 'completed', 'unknown', true],
  },
  exhausted: {
    'all-modules-and-final/final': ['failed', 'completed', 'failed', true],
    'all-modules/final': ['failed', 'completed', 'failed', true],
    'all-modules-and-final/none': ['completed', 'completed', 'unknown', true],
  },
  passedModulesLeft: {
    'all-modules-and-final/final': ['incomplete', 'incomplete', 'passed', false],
    'all-modules/final': ['incomplete', 'incomplete', 'passed', false],
  },
};

const fresh = (status: Record<string, string>): LmsStart => ({
  entry: 'ab-initio',
  mode: 'normal',
  interactionCount: 0,
  objectiveIds: [],
  status,
  unknown: [],
});
const held = (status: Record<string, string>) => (e: string) => status[e] ?? '';

describe.each(Object.entries(MATRIX))('%s', (situation, rules) => {
  test.each(Object.entries(rules) as Array<[Rule, [string, string, string, boolean]]>)(
    '%s',
    (rule, [lesson, completion, success, finished]) => {
      const c = withRule(rule);
      const report = buildReport(c, { record: situations[situation]!, location: 'menu' });
      expect(report.finished).toBe(finished);
      const w12 = new Map(
        scorm12.stateWrites(
          report,
          held({ 'cmi.core.lesson_status': 'not attempted' }),
          fresh({ 'cmi.core.lesson_status': 'not attempted' }),
        ),
      );
      expect(w12.get('cmi.core.lesson_status')).toBe(lesson);
      expect(w12.get('cmi.core.exit')).toBe(finished ? '' : 'suspend');
      const w2004 = new Map(
        scorm2004.stateWrites(
          report,
          held({ 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown' }),
          fresh({ 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown' }),
        ),
      );
      expect(w2004.get('cmi.completion_status')).toBe(completion);
      expect(w2004.get('cmi.success_status') ?? 'unknown').toBe(success);
      expect(w2004.get('cmi.exit')).toBe(finished ? 'normal' : 'suspend');
      expect(Number(w2004.get('cmi.progress_measure')) === 1).toBe(completion === 'completed');
    },
  );
});

test('a status the LMS holds is never reported lower (the transport skips a value ranked below the held one)', () => {
  const report = buildReport(withRule('all-modules-and-final/final'), { record: situations.someModules!, location: 'menu' });
  const status12 = new Map(scorm12.stateWrites(report, held({}), fresh({}))).get('cmi.core.lesson_status')!;
  for (const heldStatus of ['passed', 'failed', 'completed'])
    expect(scorm12.rank('cmi.core.lesson_status', status12)!).toBeLessThan(scorm12.rank('cmi.core.lesson_status', heldStatus)!);
  const statuses = { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' };
  const w = new Map(scorm2004.stateWrites(report, held(statuses), fresh(statuses)));
  expect(w.get('cmi.completion_status')).toBe('completed');
  expect(w.get('cmi.progress_measure')).toBe('1');
  expect(scorm2004.rank('cmi.score.raw', '50')!).toBeLessThan(scorm2004.rank('cmi.score.raw', '80')!);
  expect(scorm2004.rank('cmi.objectives.3.completion_status', 'incomplete')!).toBeLessThan(
    scorm2004.rank('cmi.objectives.3.completion_status', 'completed')!,
  );
});

test('2004: progress_measure stays below the LMS completion threshold until complete', () => {
  const report = buildReport(withRule('all-modules-and-final/final'), { record: situations.allModules!, location: 'menu' });
  const w = new Map(scorm2004.stateWrites(report, held({}), { ...fresh({}), completionThreshold: 0.5 }));
  expect(Number(w.get('cmi.progress_measure'))).toBeLessThan(0.5);
  expect(w.get('cmi.completion_status')).toBe('incomplete');
});

test('score before status, in both versions', () => {
  const report = buildReport(withRule('all-modules-and-final/final'), { record: situations.passed!, location: 'results' });
  const e12 = scorm12.stateWrites(report, held({}), fresh({})).map(([e]) => e);
  expect(e12.indexOf('cmi.core.score.raw')).toBeLessThan(e12.indexOf('cmi.core.lesson_status'));
  const e2004 = scorm2004.stateWrites(report, held({}), fresh({})).map(([e]) => e);
  expect(e2004.indexOf('cmi.score.scaled')).toBeLessThan(e2004.indexOf('cmi.completion_status'));
  expect(e2004.indexOf('cmi.score.raw')).toBeLessThan(e2004.indexOf('cmi.success_status'));
});
