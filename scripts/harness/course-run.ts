/**
 * A full run of a built course inside the LMS harness, counting the SCORM traffic: every module, every
 * question answered, the final assessment passed, a quiet spell, then Exit. For the benchmark.
 */
import type { LoadedCourse } from '../../src/content-model/load.ts';
import { launchChromium } from './browser.ts';
import { Learner, Texts } from './learner.ts';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX, type LmsCall, type ScormVersion } from './lms-harness.ts';
import { serveStatic } from './server.ts';

export interface TrafficReport {
  total: number;
  setValue: number;
  commit: number;
  /** The learner's actions: page turns, choices, submissions. */
  actions: number;
  /**
   * The most commits between one action and the next. Each action sets off one commit at most, after
   * the next paint, so a learner quicker than that (this harness's) can see the previous action's
   * commit land in the next gap: 2 here is that, not two commits for one action.
   */
  maxCommitsPerAction: number;
  /** Commits in a quiet spell after the learner stopped (must be 0). */
  commitsWhileIdle: number;
  idleSeconds: number;
}

const IDLE_SECONDS = 5;

export function summariseTraffic(calls: LmsCall[], actions: number[], idleFrom: number, idleTo: number): TrafficReport {
  const isCommit = (c: LmsCall) => c.name === 'Commit' || c.name === 'LMSCommit';
  const commits = calls.filter(isCommit);
  // Commits that follow each action, up to the next one (the last up to the quiet spell).
  const bounds = [...actions, idleFrom];
  let maxCommitsPerAction = 0;
  for (let i = 0; i + 1 < bounds.length; i++)
    maxCommitsPerAction = Math.max(maxCommitsPerAction, commits.filter((c) => c.at >= bounds[i]! && c.at < bounds[i + 1]!).length);
  return {
    total: calls.length,
    setValue: calls.filter((c) => c.name.endsWith('SetValue')).length,
    commit: commits.length,
    actions: actions.length,
    maxCommitsPerAction,
    commitsWhileIdle: commits.filter((c) => c.at >= idleFrom && c.at <= idleTo).length,
    idleSeconds: IDLE_SECONDS,
  };
}

export async function runCourseThroughLms(dir: string, version: ScormVersion, loaded: LoadedCourse): Promise<TrafficReport> {
  const server = await serveStatic(
    { '/lms/content/run/': dir, [VENDOR_PREFIX]: VENDOR_DIR },
    { '/lms/launch.html': harnessHtml({ version, courseUrl: '/lms/content/run/index.html' }) },
  );
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/lms/launch.html`);
    // Actions are timed on the LMS page's clock, the one its call log uses.
    const learner = new Learner(page.frameLocator('#course'), new Texts(loaded.course.defaultLanguage, loaded), () =>
      page.evaluate(() => Date.now()),
    );
    await learner.start();
    for (const m of loaded.course.modules) {
      await learner.openModule(m);
      await learner.completeModule(m);
    }
    await learner.takeFinal();
    await page.waitForTimeout(3000); // let the last debounced save land
    const idleFrom = await page.evaluate(() => Date.now());
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const idleTo = await page.evaluate(() => Date.now());
    await learner.exit();
    const calls = await page.evaluate(() => (window as unknown as { lmsCalls: LmsCall[] }).lmsCalls);
    await context.close();
    return summariseTraffic(calls, learner.actions, idleFrom, idleTo);
  } finally {
    await browser.close();
    await server.close();
  }
}
