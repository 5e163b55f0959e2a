/**
 * A cmi5 launch of the built package in Chromium: the strict cmi5 test LMS (scripts/harness/cmi5-lms.ts)
 * serves the cmi5 build of the sample course and launches it in a frame with the five cmi5 parameters;
 * statements go through the LMS's xAPI and cmi5 checks into a real LRS (Learning Locker's xapi-statements,
 * started here). The learner takes a module and the final assessment through the UI and leaves with the
 * Exit button; the LRS then holds initialized ... completed, passed, terminated, every answer, and the
 * frame goes to the LMS's return URL. A relaunch of the registration resumes from the State API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildDir, repoRoot, SAMPLE_CMI5 } from '../../scripts/harness/build.ts';
import { Cmi5Lms, lrsStatements, type Cmi5Session } from '../../scripts/harness/cmi5-lms.ts';
import type { Json } from '../../scripts/harness/cmi5-rules.ts';
import { Learner, Texts, until } from '../../scripts/harness/learner.ts';
import { courseReady } from '../../scripts/harness/ready.ts';
import { startRealLrs, type RealLrs } from '../../scripts/harness/real-lrs.ts';
import { loadCourse } from '../../src/content-model/load.ts';

const loaded = loadCourse(`${repoRoot}/tests/sample-course`, { uiRoot: repoRoot });
const x = new Texts('da', loaded);

let lrs: RealLrs;
let lms: Cmi5Lms;
let browser: Browser;
let base: string;

beforeAll(async () => {
  lrs = await startRealLrs();
  lms = new Cmi5Lms({ courseDir: buildDir(SAMPLE_CMI5), lrs });
  base = await lms.listen();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await lrs?.stop();
});

/** The LMS's page: the AU in a frame, as an LMS opens an AnyWindow AU. */
async function open(launch: Cmi5Session): Promise<{ page: Page; learner: Learner }> {
  const page = await browser.newPage();
  await page.goto(`${base}/lms?au=${encodeURIComponent(launch.launchUrl)}`);
  const frame = page.frameLocator('#au');
  expect(await courseReady(frame)).toBe('lms');
  return { page, learner: new Learner(frame, x) };
}

const verb = (s: Json) =>
  String((s.verb as Json).id)
    .split('/')
    .pop();
const defined = (list: Json[]) =>
  list
    .filter((s) =>
      (((s.context as Json).contextActivities as Json).category as Json[] | undefined)?.some(
        (c) => c.id === 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
      ),
    )
    .map(verb);

describe('cmi5 in Chromium', () => {
  let first: Cmi5Session;

  it('tracks a whole course through xAPI into a real LRS, and leaves to the return URL', async () => {
    first = lms.launch({ masteryScore: 0.75, returnURL: `${base}/course/returned.html` });
    const { page, learner } = await open(first);
    await learner.start();
    for (const m of loaded.course.modules) {
      await learner.openModule(m);
      await learner.completeModule(m);
    }
    await learner.takeFinal();
    await learner.button(x.t('app.exit')).click();
    // Terminated is the last statement; then the frame is sent to the LMS's return URL.
    await until(async () => first.progress.terminated, 30_000);
    await until(async () => page.frames().some((f) => f.url().endsWith('/course/returned.html')), 30_000);
    await page.close();

    expect(lms.violations).toEqual([]);
    const stored = await lrsStatements(lrs, first.facts.registration);
    expect(defined(stored)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(stored.map((s) => s.id).sort()).toEqual(
      lms
        .statementsOf(first.facts.registration)
        .map((s) => s.id)
        .sort(),
    );
    const answers = stored.filter((s) => verb(s) === 'answered');
    expect(answers.length).toBe(learner.checkSubmissions + learner.finalQuestions + learner.reflections.size);
    // The activities carry the course's words (Danish, the learner's and the course's language).
    const q = loaded.course.modules.find((m) => m.questions.length)!.questions[0]!;
    const kc = answers.find((s) => String((s.object as Json).id).endsWith(`:kc:${q.id}`))!;
    expect(((kc.object as Json).definition as Json).name).toEqual({ da: x.c(q.moduleId, `knowledgeCheck.questions.${q.localId}.prompt`) });
    expect(first.tokenFetched).toBe(1);
  }, 180_000);

  it('a new session of the same registration resumes from the State API and sends neither completed nor passed again', async () => {
    const again = lms.launch({ masteryScore: 0.75, registration: first.facts.registration });
    const { page } = await open(again);
    const frame = page.frameLocator('#au');
    // The learner is welcomed back where they left off.
    await frame.getByText(x.t('notices.welcomeBack')).waitFor();
    await frame.getByRole('button', { name: x.t('app.exit') }).click();
    await until(async () => again.progress.terminated, 30_000);
    await page.close();
    expect(lms.violations).toEqual([]);
    const inSecond = lms.statements.filter((s) => s.sessionKey === again.key).map((s) => s.statement);
    expect(defined(inSecond)).toEqual(['initialized', 'terminated']);
  }, 120_000);
});
