/**
 * Review mode in an LMS, in Chromium (issue 12, class 6): Moodle relaunches a SCORM 1.2 attempt whose
 * status is `failed` with `cmi.core.lesson_mode = review`. The built 1.2 course, in an iframe of the
 * LMS harness (scorm-again as the LMS), holding a real saved state of a failed attempt with one attempt
 * left: it must show the failed result the LMS holds, offer no retake, say that the attempt is read-only
 * and how to get a new one, and leave the LMS holding failed/0 and the same saved state.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildDir, repoRoot, SAMPLE_12 } from '../../scripts/harness/build.ts';
import { exact, Learner, Texts } from '../../scripts/harness/learner.ts';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX } from '../../scripts/harness/lms-harness.ts';
import { courseReady } from '../../scripts/harness/ready.ts';
import { serveStatic, type StaticServer } from '../../scripts/harness/server.ts';
import { loadCourse } from '../../src/content-model/load.ts';
import { courseMachine, encodeSnapshot, questionIndex, savedOf } from '../../src/engine/index.ts';
import { rightAnswer, wrongAnswer } from '../support/answers.ts';

const sample = loadCourse('tests/sample-course', { uiRoot: repoRoot });
const { course } = sample;
const PREFIX = '/lms/content/review/scorm12/';

/** A learner's saved state after every module and one failed attempt at the final (one attempt left). */
function failedOnceState(): string {
  const actor = createActor(courseMachine, { input: { course, limits: course.settings.limits.scorm12, newSeed: () => 99 } }).start();
  const questions = questionIndex(course);
  actor.send({ type: 'START' });
  for (const m of course.modules) {
    actor.send({ type: 'OPEN_MODULE', moduleId: m.id });
    for (let guard = 0; guard < 50 && actor.getSnapshot().matches('module'); guard++) {
      const s = actor.getSnapshot();
      if (s.matches({ module: 'page' }))
        for (const b of m.pages.find((p) => p.id === s.context.pageId)!.blocks)
          if (b.type === 'decision') actor.send({ type: 'DECIDE', blockId: b.id, option: b.options[0]! });
      if (s.matches({ module: 'check' }))
        for (const q of m.questions) {
          actor.send({ type: 'SELECT', questionId: q.localId, choice: rightAnswer(q) });
          actor.send({ type: 'SUBMIT_ANSWER', questionId: q.localId });
        }
      if (s.matches({ module: 'reflection' })) actor.send({ type: 'SET_REFLECTION', text: 'Mine tanker' });
      if (s.matches({ module: 'self' })) actor.send({ type: 'RATE', value: 3 });
      actor.send({ type: 'NEXT' });
    }
  }
  actor.send({ type: 'OPEN_FINAL' });
  actor.send({ type: 'BEGIN_ATTEMPT' });
  for (const id of actor.getSnapshot().context.record.latest!.drawn)
    actor.send({ type: 'ANSWER_FINAL', questionId: id, choice: wrongAnswer(questions.get(id)!) });
  actor.send({ type: 'SUBMIT_FINAL' });
  const snap = actor.getSnapshot();
  if (!snap.matches({ final: 'result' }) || snap.context.record.latest?.correct !== 0) throw new Error('the failed attempt was not made');
  actor.stop();
  return encodeSnapshot(savedOf(snap), course);
}

const suspend = failedOnceState();
const initial = {
  core: {
    student_id: 'learner-1',
    student_name: 'Doe, Jane',
    entry: 'resume',
    lesson_mode: 'review',
    lesson_status: 'failed',
    lesson_location: 'final',
    score: { raw: '0', min: '0', max: '100' },
  },
  student_data: { mastery_score: '75' },
  suspend_data: suspend,
};

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(
    { [PREFIX]: buildDir(SAMPLE_12), [VENDOR_PREFIX]: VENDOR_DIR },
    { '/lms/review.html': harnessHtml({ version: '1.2', courseUrl: `${PREFIX}index.html`, initial }) },
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Cmi = Record<string, any>;

describe('SCORM 1.2 review mode in an LMS', () => {
  it('a failed attempt relaunched in review shows failed, offers no retake, says it is read-only, and the LMS still holds failed/0', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(15_000);
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(e.error().message));
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/lms/review.html`);
      const frame = page.frameLocator('#course');
      expect(await courseReady(frame)).toBe('lms');
      const x = new Texts(course.defaultLanguage, sample);
      const learner = new Learner(frame, x);
      const statement = frame.getByRole('region', { name: exact(x.t('readOnly.review.title')) });

      // Back where the learner rested: the final's result, as the LMS holds it.
      await learner.heading(x.t('final.resultTitle')).waitFor({ timeout: 20_000 });
      await statement.waitFor();
      await expect.poll(() => statement.getByText(x.t('readOnly.newAttempt')).isVisible()).toBe(true);
      const failed = x.t('readOnly.recordedStatus', { status: x.t('readOnly.status.failed') });
      await expect.poll(() => frame.getByText(exact(failed)).isVisible()).toBe(true);
      await expect.poll(() => frame.getByText(exact(x.t('readOnly.recordedScore', { percent: 0 }))).isVisible()).toBe(true);
      expect(await frame.getByRole('button', { name: exact(x.t('final.retake')) }).count()).toBe(0);
      expect(await frame.getByText(exact(x.t('final.passed'))).count()).toBe(0);
      expect(await frame.getByText(exact(x.t('save.saved'))).count()).toBe(0);
      expect(await statement.getByRole('button').count()).toBe(0);

      // The menu: the statement stays; the final's card says what the LMS holds, not a pass.
      await learner.button(x.t('app.toMenu')).click();
      await learner.heading(x.t('menu.title')).waitFor();
      await statement.waitFor();
      await expect.poll(() => frame.getByText(exact(failed)).isVisible()).toBe(true);
      expect(await frame.getByText(exact(x.t('menu.passed'))).count()).toBe(0);

      await learner.exit();
      await expect.poll(() => frame.getByText(x.t('readOnly.exitBody')).isVisible()).toBe(true);

      const data = (await page.evaluate(() => (window as any).lmsData())) as Cmi;
      const cmi: Cmi = data.cmi ?? data;
      expect(cmi.core.lesson_status).toBe('failed');
      expect(cmi.core.score.raw).toBe('0');
      expect(cmi.suspend_data).toBe(suspend);
      const calls = (await page.evaluate(() => (window as any).lmsCalls)) as { name: string; result: string }[];
      expect(calls.filter((c) => c.name === 'LMSSetValue' || c.name === 'LMSCommit')).toEqual([]);
      expect(calls.filter((c) => c.name === 'LMSFinish').map((c) => c.result)).toEqual(['true']);
      expect(calls.filter((c) => c.result === 'false')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
