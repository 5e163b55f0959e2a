/** What the moment of completion offers next, and what it says was done. */
import { describe, expect, it } from 'vitest';
import { moduleSummary, modulesDone, nextStep } from '../../../src/player/completed/completed-model.ts';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import { sample } from './support/player.tsx';
import { rightAnswer } from '../../support/answers.ts';

const course = sample().course;
const done = { done: true, answers: {} };
const rec = (modules: LearnerRecord['modules'], past: LearnerRecord['past'] = []): LearnerRecord => ({ modules, past });

describe('the next step after a module', () => {
  it('is the next unfinished module, wrapping round to one skipped earlier', () => {
    expect(nextStep(course, rec({ intro: done }), 'intro')).toEqual({ kind: 'module', moduleId: 'alpha' });
    expect(nextStep(course, rec({ intro: done, beta: done }), 'intro')).toEqual({ kind: 'module', moduleId: 'alpha' });
    expect(nextStep(course, rec({ beta: done }), 'beta')).toEqual({ kind: 'module', moduleId: 'omega' });
    expect(nextStep(course, rec({ beta: done, omega: done }), 'omega')).toEqual({ kind: 'module', moduleId: 'intro' });
  });

  it('is the final assessment once every module is done, and the results once it is passed or used up', () => {
    const all = Object.fromEntries(course.modules.map((m) => [m.id, done]));
    expect(nextStep(course, rec(all), 'beta')).toEqual({ kind: 'final' });
    const attempts = course.settings.final.attempts;
    const failedAll = Array.from({ length: attempts }, () => ({ correct: 0, max: 4 }));
    expect(nextStep(course, rec(all, failedAll), 'beta')).toEqual({ kind: 'results' });
    expect(nextStep(course, rec(all, [{ correct: 4, max: 4 }]), 'beta')).toEqual({ kind: 'results' });
  });

  it('skips a module that gating keeps closed', () => {
    const sequential = { ...course, settings: { ...course.settings, gating: 'sequential' as const } };
    // beta finished out of order (a restored record): alpha is open, nothing after it is
    expect(nextStep(sequential, rec({ intro: done, beta: done }), 'beta')).toEqual({ kind: 'module', moduleId: 'alpha' });
  });
});

describe('what the learner did', () => {
  it('counts pages, right answers, the reflection and the rating of the module', () => {
    const alpha = course.modules.find((m) => m.id === 'alpha')!;
    const answers = Object.fromEntries(alpha.questions.map((q) => [q.localId, { choice: rightAnswer(q), tries: 1, submitted: true }]));
    const summary = moduleSummary(alpha, rec({ alpha: { ...done, answers, reflection: 'x', rating: 4 } }));
    expect(summary).toEqual({
      pages: alpha.pages.length,
      check: { correct: alpha.questions.length, total: alpha.questions.length },
      reflected: true,
      rating: 4,
    });
    expect(modulesDone(course, rec({ alpha: done }))).toEqual({ done: 1, total: course.modules.length });
  });
});
