import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadCourse } from '../../content-model/load.ts';
import { courseMachine } from '../../engine/machine.ts';
import { viewKey, viewOf } from './view.ts';

const { course } = loadCourse('tests/sample-course', { uiRoot: '.' });

describe('view of a machine snapshot', () => {
  it('follows the learner and changes its key exactly when they move', () => {
    const actor = createActor(courseMachine, { input: { course, limits: course.settings.limits.scorm2004 } }).start();
    const key = () => viewKey(viewOf(actor.getSnapshot()));
    expect(key()).toBe('start');
    actor.send({ type: 'START' });
    expect(key()).toBe('menu');
    actor.send({ type: 'OPEN_MODULE', moduleId: 'alpha' });
    expect(viewOf(actor.getSnapshot())).toEqual({ at: 'module', step: 'page', moduleId: 'alpha', pageId: 'one' });
    expect(key()).toBe('module:alpha:page:one');
    actor.send({ type: 'NEXT' });
    expect(key()).toBe('module:alpha:page:two');
    actor.send({ type: 'NEXT' });
    expect(key()).toBe('module:alpha:check');
    actor.send({ type: 'SELECT', questionId: 'q1', choice: ['a'] });
    expect(key()).toBe('module:alpha:check'); // an answer is not a move
    actor.send({ type: 'MENU' });
    actor.send({ type: 'OPEN_RESULTS' });
    expect(key()).toBe('results');
  });

  it('keys the final assessment by question', () => {
    const modules = Object.fromEntries(course.modules.map((m) => [m.id, { done: true, answers: {} }]));
    const actor = createActor(courseMachine, {
      input: { course, limits: course.settings.limits.scorm2004, record: { modules, past: [] }, resumeAt: 'menu' },
    }).start();
    actor.send({ type: 'OPEN_FINAL' });
    expect(viewKey(viewOf(actor.getSnapshot()))).toBe('final:intro');
    actor.send({ type: 'BEGIN_ATTEMPT' });
    expect(viewKey(viewOf(actor.getSnapshot()))).toBe('final:taking:0');
    actor.send({ type: 'NEXT' });
    expect(viewKey(viewOf(actor.getSnapshot()))).toBe('final:taking:1');
  });
});
