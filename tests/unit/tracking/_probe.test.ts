import { test } from 'vitest';
import { createActor } from 'xstate';
import { loadCourse } from '../../../src/content-model/load';
import { courseMachine } from '../../../src/engine';
declare const __SCORM_VERSION__: string;
test('probe', () => {
  console.log('version', typeof __SCORM_VERSION__ !== 'undefined' ? __SCORM_VERSION__ : 'undef');
  const { course } = loadCourse('tests/sample-course', { uiRoot: 'tests/unit/tracking/fixtures/ui' });
  const actor = createActor(courseMachine, { input: { course, limits: course.settings.limits.scorm12 } });
  actor.subscribe((s) => console.log('snap', JSON.stringify(s.value), JSON.stringify(s.context.record.modules.intro?.answers)));
  actor.on('*', (e) => console.log('emit', JSON.stringify(e), JSON.stringify(actor.getSnapshot().context.record.modules.intro?.answers)));
  actor.start();
  actor.send({ type: 'START' });
  actor.send({ type: 'OPEN_MODULE', moduleId: 'intro' });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'SELECT', questionId: 'q1', choice: ['b'] });
  actor.send({ type: 'SUBMIT_ANSWER', questionId: 'q1' });
});
