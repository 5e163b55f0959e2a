/**
 * A full run of a built course inside the LMS harness, counting the SCORM traffic: every module, every
 * question answered, the final assessment passed, a quiet spell, then Exit. For the benchmark.
 */
import type { LoadedCourse } from '../../../src/content-model/load';
import { launchChromium } from './browser';
import { Learner, Texts } from './learner';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX, type LmsCall, type ScormVersion } from './lms-harness';
import { serveStatic } from './server';

export interface TrafficReport {
  total: number;
  setValue: number;
  commit: number;
  /** Changes of the LMS location (one per page turn or step). */
  pageTurns: number;
  /** The most commits between two location changes. */
  maxCommitsPerTurn: number;
  /** Commits in a quiet spell after the learner stopped (must be 0). */
  commitsWhileIdle: number;
  idleSeconds: number;
}

const IDLE_SECONDS = 5;

export function summariseTraffic(calls: LmsCall[], idleFrom: number, idleTo: number): TrafficReport {
  const isCommit = (c: LmsCall) => c.name === 'Commit' || c.name === 'LMSCommit';
  const isLocation = (c: LmsCall) => (c.name === 'SetValue' || c.name === 'LMSSetValue') && /^cmi\.(core\.lesson_)?location$/.test(c.args[0] ?? '');
  let turns = 0;
  let commitsThisTurn = 0;
  let maxCommitsPerTurn = 0;
  let lastLocation: string | undefined;
  for (const c of calls) {
    if (isLocation(c) && c.args[1] !== lastLocation) {
      lastLocation = c.args[1];
      turns++;
      commitsThisTurn = 0;
    }
    if (isCommit(c)) maxCommitsPerTurn = Math.max(maxCommitsPerTurn, ++commitsThisTurn);
  }
  return {
    total: calls.length,
    setValue: calls.filter((c) => c.name.endsWith('SetValue')).length,
    commit: calls.filter(isCommit).length,
    pageTurns: turns,
    maxCommitsPerTurn,
    commitsWhileIdle: calls.filter((c) => isCommit(c) && c.at >= idleFrom && c.at <= idleTo).length,
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
    const learner = new Learner(page.frameLocator('#course'), new Texts(loaded.course.defaultLanguage, loaded));
    await learner.start();
    for (const m of loaded.course.modules) {
      await learner.openModule(m);
      await learner.completeModule(m);
    }
    await learner.takeFinal();
    await page.waitForTimeout(3000); // let the last debounced save land
    const idleFrom = await page.evaluate(() => performance.now());
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const idleTo = await page.evaluate(() => performance.now());
    await learner.exit();
    const calls = await page.evaluate(() => (window as unknown as { lmsCalls: LmsCall[] }).lmsCalls);
    await context.close();
    return summariseTraffic(calls, idleFrom, idleTo);
  } finally {
    await browser.close();
    await server.close();
  }
}
