/**
 * Fault injection in the browser against the real scorm-again runtime (issue 12): the BUILT sample
 * course (1.2 and 2004) in an iframe of the LMS harness, whose API object is wrapped by the fault
 * schedule of scripts/harness/lms-faults.ts (a call that throws, answers "false" + 101, answers
 * `undefined`, takes its time, the API gone from the window and back, Terminate / LMSFinish failing),
 * set and changed by the test while the learner works through the UI.
 *
 * The oracle is what the LMS holds after each commit that succeeds (snapshotted in the page): across
 * the snapshots of a run the status, the score once passed, the interactions and objectives already
 * held, and the saved state (decoded with the engine's codec: every answer, text and module done) never
 * get poorer; and once the faults end, the LMS ends up holding what a fault-free run of the same path
 * holds (times aside). The page's clock is Playwright's: where the tracker's retries would make the test
 * wait (1, 2, 4, 8, 16, then every 30 s), the test moves the clock on until the state it waits for is
 * there, so nothing waits for time. Math.random is seeded in every frame, so two runs of one path draw
 * the same final-assessment questions.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { buildDir, repoRoot, SAMPLE_12, SAMPLE_2004 } from '../../scripts/harness/build.ts';
import { esc, exact, Learner, Texts } from '../../scripts/harness/learner.ts';
import type { CommitSnapshot, FaultKind, FaultSchedule, FaultStats, LmsFaults, SeenCall } from '../../scripts/harness/lms-faults.ts';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX, type ScormVersion } from '../../scripts/harness/lms-harness.ts';
import { courseReady } from '../../scripts/harness/ready.ts';
import { serveStatic, type StaticServer } from '../../scripts/harness/server.ts';
import { loadCourse } from '../../src/content-model/load.ts';
import type { Module } from '../../src/content-model/types.ts';
import { decodeSnapshot } from '../../src/engine/index.ts';
import { relaunchCmi } from '../../src/tracking/adapters/standalone.ts';
import { heldOf, lostOrRewritten, poorerSteps, storedOf, valueAt, type Json } from '../support/lms-oracle.ts';

const VERSIONS: ScormVersion[] = ['1.2', '2004'];
const sample = loadCourse('tests/sample-course', { uiRoot: repoRoot });
const { course } = sample;
const PREFIX: Record<ScormVersion, string> = { '1.2': '/lms/content/faults/scorm12/', '2004': '/lms/content/faults/scorm2004/' };
/** 1.2 in the course's default language, 2004 in the learner's as the LMS states it. */
const LANGUAGE: Record<ScormVersion, string> = { '1.2': course.defaultLanguage, '2004': 'en' };
const PLAN = 'Tal med teamet om næste skridt.';
const planned = course.modules.find((m) => m.selfAssessment)!;
const moduleById = (id: string) => course.modules.find((m) => m.id === id)!;

function firstLaunch(v: ScormVersion): Json {
  if (v === '1.2')
    return { core: { student_id: 'learner-1', student_name: 'Doe, Jane', entry: 'ab-initio' }, student_data: { mastery_score: '75' } };
  return {
    learner_id: 'learner-1',
    learner_name: 'Doe, Jane',
    entry: 'ab-initio',
    scaled_passing_score: '0.75',
    learner_preference: { language: LANGUAGE[v] },
  };
}

let server: StaticServer;
let browser: Browser;
const routes: Record<string, string> = {};
let launches = 0;

beforeAll(async () => {
  server = await serveStatic(
    { [PREFIX['1.2']]: buildDir(SAMPLE_12), [PREFIX['2004']]: buildDir(SAMPLE_2004), [VENDOR_PREFIX]: VENDOR_DIR },
    routes,
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ── A launch in the harness ──────────────────────────────────────────────────────────────────────

interface Run {
  version: ScormVersion;
  context: BrowserContext;
  page: Page;
  frame: FrameLocator;
  learner: Learner;
  x: Texts;
  /** Uncaught errors in any frame. */
  errors: string[];
}

/** Every frame's Math.random, seeded the same in every run: the same path draws the same questions. */
function seededRandom(): void {
  let seed = 0x2f6b1d;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function launch(version: ScormVersion, initial: Json): Promise<Run> {
  const path = `/lms/faults-${version}-${++launches}.html`;
  routes[path] = harnessHtml({ version, courseUrl: `${PREFIX[version]}index.html`, initial, faults: true });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(20_000);
  // The page's clock flows as usual, and the test can move it on to a retry that is due later.
  await context.clock.install();
  await context.addInitScript(seededRandom);
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  const frame = page.frameLocator('#course');
  expect(await courseReady(frame)).toBe('lms');
  const x = new Texts(LANGUAGE[version], sample);
  return { version, context, page, frame, learner: new Learner(frame, x), x, errors };
}

/** One launch of the course in its LMS page: `body` drives it; no page error may have happened; the page is closed in any case. */
async function inRun(version: ScormVersion, initial: Json, body: (r: Run) => Promise<void>): Promise<void> {
  const r = await launch(version, initial);
  try {
    await body(r);
    expect(r.errors).toEqual([]);
  } finally {
    await r.context.close();
  }
}

type Win = { lmsFaults: LmsFaults; lmsData(): Json; lmsCalls: { name: string; result: string }[] };

const setFaults = (r: Run, schedule: FaultSchedule) => r.page.evaluate((s) => (window as unknown as Win).lmsFaults.set(s), schedule);
/** The faults end: no rule, and the API back on the window if it was gone. */
const endFaults = (r: Run) =>
  r.page.evaluate(() => {
    (window as unknown as Win).lmsFaults.clear();
    (window as unknown as Win).lmsFaults.back();
  });
const statsOf = (r: Run): Promise<FaultStats> => r.page.evaluate(() => (window as unknown as Win).lmsFaults.stats());
const snapshotsOf = (r: Run): Promise<CommitSnapshot[]> => r.page.evaluate(() => (window as unknown as Win).lmsFaults.snapshots());
const seenOf = (r: Run): Promise<SeenCall[]> => r.page.evaluate(() => (window as unknown as Win).lmsFaults.seen());
const lmsCmi = async (r: Run): Promise<Json> => ((await r.page.evaluate(() => (window as unknown as Win).lmsData())) as Json).cmi as Json;
const lmsCalls = (r: Run) => r.page.evaluate(() => (window as unknown as Win).lmsCalls);

/** The save indicator in the header, in one of its states. */
const indicator = (r: Run, state: 'saved' | 'saving' | 'retrying' | 'failed' | 'off') =>
  r.frame.getByText(new RegExp(`^${esc(r.x.t('header.saveLabel'))}:\\s*${esc(r.x.t(`save.${state}`))}$`));
const notice = (r: Run, key: string) => r.frame.getByText(r.x.t(`notices.${key}`), { exact: true });

/**
 * Waits for a state of the app, moving the page's clock on a second at a time while it is not there
 * (a retry due in 16 s comes in a few milliseconds). At most `seconds` of the page's time.
 */
async function advanceUntil(r: Run, check: () => Promise<boolean>, seconds = 180): Promise<void> {
  for (let s = 0; s < seconds; s++) {
    if (await check().catch(() => false)) return;
    await r.context.clock.fastForward(1000);
  }
  if (!(await check())) throw new Error(`not there after ${seconds} s of the page's time: ${check.toString()}`);
}
const savedAgain = (r: Run) => advanceUntil(r, () => indicator(r, 'saved').isVisible());

/** The oracle over one run: no successful commit left the LMS holding less than the one before. */
function neverPoorer(version: ScormVersion, snapshots: CommitSnapshot[]): void {
  expect(poorerSteps(snapshots.map((s) => heldOf(s.cmi, version, course)))).toEqual([]);
  const problems = snapshots
    .slice(1)
    .flatMap((s, i) => lostOrRewritten(snapshots[i]!.cmi, s.cmi, version, course).map((p) => `commit ${i + 2}: ${p}`));
  expect(problems).toEqual([]);
}

// ── The path ─────────────────────────────────────────────────────────────────────────────────────

type Phase = 'start' | Module['id'] | 'final' | 'results' | 'end';

/**
 * The whole sample course through the UI: every module (knowledge checks, reflections,
 * self-assessments), the final assessment passed, an action-plan step on the results. `phase` is
 * called as each part begins, so a schedule can change there.
 */
async function coursePath(r: Run, phase: (p: Phase) => Promise<void> = async () => {}): Promise<void> {
  const { learner, x } = r;
  await phase('start');
  await learner.start();
  for (const m of course.modules) {
    await phase(m.id);
    await learner.openModule(m);
    await learner.completeModule(m);
  }
  await phase('final');
  await learner.takeFinal();
  await phase('results');
  await learner.button(x.t('menu.openResults')).click();
  await learner.heading(x.c('course', 'closing.title')).waitFor();
  await learner.writePlan(planned, PLAN);
  await phase('end');
}

/** What a fault-free run of the path leaves in the LMS, per version (the first test of each makes it). */
const clean = {} as Record<ScormVersion, { cmi: Json; snapshots: CommitSnapshot[] }>;

/**
 * A fault per part of the course: each kind for a while, then the next. Each part's kind must have hit
 * `want` calls before the next part's faults begin (the page's clock is moved on until it has).
 */
const PHASED: Partial<Record<Phase, { schedule: FaultSchedule; kind: FaultKind; want: number }>> = {
  intro: { schedule: { rules: [{ kind: 'throw', calls: ['setValue', 'commit'] }] }, kind: 'throw', want: 4 },
  alpha: { schedule: { seed: 12, rules: [{ kind: 'false', calls: ['setValue', 'commit'], rate: 0.5 }] }, kind: 'false', want: 4 },
  beta: { schedule: { rules: [{ kind: 'undefined' }] }, kind: 'undefined', want: 4 },
  omega: {
    schedule: {
      seed: 2004,
      rules: [
        { kind: 'delay', ms: 40, calls: ['getValue', 'setValue', 'commit'] },
        { kind: 'false', calls: ['commit'], rate: 0.5, error: '391' },
      ],
    },
    kind: 'delay',
    want: 8,
  },
  // The LMS frame goes away at the first call of the final and stays away until the results.
  final: { schedule: { rules: [{ kind: 'gone', from: 0, to: 1 }] }, kind: 'gone', want: 1 },
};

describe.each(VERSIONS)('SCORM %s: faults injected into the real runtime in the browser', (v) => {
  it('without faults, the whole course leaves the LMS holding a passed attempt, and no commit left it poorer than the one before', async () => {
    await inRun(v, firstLaunch(v), async (r) => {
      await coursePath(r);
      await savedAgain(r);
      await r.learner.exit();
      const cmi = await lmsCmi(r);
      const snapshots = await snapshotsOf(r);
      clean[v] = { cmi, snapshots };
      expect(valueAt(cmi, v === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed');
      expect(Object.keys(cmi.interactions as Json).length).toBe(
        r.learner.checkSubmissions + r.learner.finalQuestions + r.learner.reflections.size + 1,
      );
      expect(snapshots.length).toBeGreaterThan(10);
      neverPoorer(v, snapshots);
      expect((await statsOf(r)).faulted).toBe(0);
    });
  });

  it('calls failing for a while (throw, "false", undefined, slow, the API gone and back) while the learner works: the LMS ends up holding what the fault-free run holds, never poorer on the way', async () => {
    expect(clean[v], 'the fault-free run did not finish').toBeDefined();
    await inRun(v, firstLaunch(v), async (r) => {
      let current: (typeof PHASED)[Phase];
      await coursePath(r, async (p) => {
        if (current) {
          const { kind, want } = current;
          await advanceUntil(r, async () => ((await statsOf(r)).byKind[kind] ?? 0) >= want);
        }
        if (p === 'results') {
          // The final was taken with the LMS gone: the learner was told, and worked on.
          await advanceUntil(r, () => notice(r, 'connectionLost').isVisible());
          await endFaults(r);
        }
        current = PHASED[p];
        if (current) await setFaults(r, current.schedule);
      });
      await savedAgain(r);
      await r.learner.exit();
      const stats = await statsOf(r);
      const snapshots = await snapshotsOf(r);
      const kinds: FaultKind[] = ['throw', 'false', 'undefined', 'delay', 'gone'];
      for (const k of kinds) expect(stats.byKind[k] ?? 0, `faults of kind ${k}`).toBeGreaterThan(0);
      expect(storedOf(await lmsCmi(r), v, course)).toEqual(storedOf(clean[v].cmi, v, course));
      neverPoorer(v, snapshots);
      console.log(
        `SCORM ${v} phased faults: ${stats.faulted} of ${stats.calls} calls faulted (${JSON.stringify(stats.byKind)}), ${snapshots.length} successful commits checked`,
      );
    });
  });

  it('an idle learner: after the faults end, saving resumes by itself, without a learner action', async () => {
    await inRun(v, firstLaunch(v), async (r) => {
      const intro = course.modules[0]!;
      await r.learner.start();
      await savedAgain(r);
      await setFaults(r, { rules: [{ kind: 'false', calls: ['setValue', 'commit'] }] });
      await r.learner.openModule(intro);
      for (const _ of intro.pages) await r.learner.next().click();
      await r.learner.heading(r.x.t('check.title')).waitFor();
      await r.learner.answerCheck(intro, intro.questions[0]!);
      // Retried after 1, 2, 4, 8 and 16 s, all failing: the learner is told it is not saved.
      await advanceUntil(r, () => indicator(r, 'failed').isVisible());
      await notice(r, 'saveFailed').waitFor();
      const cmi = await lmsCmi(r);
      expect(Object.keys(cmi.interactions ?? {})).toHaveLength(0);
      const actions = r.learner.actions.length;
      // The LMS works again; the learner does nothing. The steady retry stores everything.
      await endFaults(r);
      await savedAgain(r);
      expect(r.learner.actions.length).toBe(actions);
      const after = await lmsCmi(r);
      const interaction = (after.interactions as Record<string, Json>)['0']!;
      expect(interaction.id).toBe('kc_intro_q1');
      expect(interaction.result).toBe('correct');
      const saved = decodeSnapshot(valueAt(after, 'cmi.suspend_data'), course);
      expect(saved.record.modules.intro?.answers.q1?.tries).toBe(1);
      expect(saved.location).toBe('module:intro');
      expect(await notice(r, 'saveFailed').isVisible()).toBe(false);
      neverPoorer(v, await snapshotsOf(r));
    });
  });

  it('the API gone from the window and back: the learner is told, works on, and everything reaches the LMS when it is back', async () => {
    await inRun(v, firstLaunch(v), async (r) => {
      const beta = moduleById('beta');
      await r.learner.start();
      await savedAgain(r);
      await setFaults(r, { rules: [{ kind: 'gone', from: 0, to: 1 }] });
      await r.learner.openModule(beta);
      await r.learner.completeModule(beta);
      await advanceUntil(r, () => notice(r, 'connectionLost').isVisible());
      await indicator(r, 'failed').waitFor();
      expect(valueAt(await lmsCmi(r), 'cmi.suspend_data')).not.toContain('beta');
      await endFaults(r);
      await savedAgain(r);
      const cmi = await lmsCmi(r);
      expect(Object.values(cmi.interactions as Record<string, Json>).map((i) => i.id)).toEqual(['kc_beta_q1']);
      expect(Object.values(cmi.objectives as Record<string, Json>).map((o) => o.id)).toEqual(['beta']);
      const record = decodeSnapshot(valueAt(cmi, 'cmi.suspend_data'), course).record;
      expect(record.modules.beta).toMatchObject({ done: true, rating: 3 });
      expect((await statsOf(r)).byKind.gone).toBe(1);
      neverPoorer(v, await snapshotsOf(r));
    });
  });

  it('a slow LMS (300 ms a call) does not freeze the screen: every slow commit ran with the screen it saves already shown, commits are spaced out, the notice is calm', async () => {
    await inRun(v, firstLaunch(v), async (r) => {
      const { learner, x } = r;
      const alpha = moduleById('alpha');
      await learner.start();
      await savedAgain(r);
      const from = (await snapshotsOf(r)).length;
      await setFaults(r, { rules: [{ kind: 'delay', ms: 300, calls: ['getValue', 'setValue', 'commit'] }] });
      await learner.openModule(alpha);
      await learner.heading(x.c('alpha', 'pages.one.title')).waitFor();
      await learner.next().click();
      await learner.heading(x.c('alpha', 'pages.two.title')).waitFor();
      await learner.button(x.t('module.back')).click();
      await learner.heading(x.c('alpha', 'pages.one.title')).waitFor();
      await learner.next().click();
      await learner.heading(x.c('alpha', 'pages.two.title')).waitFor();
      await learner.next().click();
      await learner.heading(x.t('check.title')).waitFor();
      await learner.button(x.t('app.toMenu')).click();
      await learner.heading(x.t('menu.title')).waitFor();
      const madeClicks = 6; // open the module, Next, Back, Next, Next, to the menu
      await notice(r, 'slowLms').waitFor();
      await savedAgain(r);
      const slow = (await snapshotsOf(r)).slice(from);
      const seen = await seenOf(r);
      // What each slow commit saved, and what the learner was looking at when it ran.
      const checked = slow.map((s) => ({ saving: screenOf(r, s.cmi), shown: seen[s.call]!.shown }));
      expect(checked.filter((c) => c.saving !== undefined).length).toBeGreaterThanOrEqual(2);
      // Never while the screen the learner left is still shown, nor the new one's loading state: a
      // commit waits until the view is drawn (src/tracking/scheduler.ts, DRAWING_ATTRIBUTE).
      for (const c of checked) if (c.saving !== undefined) expect(c.shown).toBe(c.saving);
      expect(seen[slow.at(-1)!.call]!.shown).toBe(x.t('menu.title'));
      // Six clicks, far fewer commits: the slow LMS was asked less often (spaced out by 3× its time).
      expect(slow.length).toBeLessThan(madeClicks);
      expect(await notice(r, 'saveFailed').isVisible()).toBe(false);
      expect(await notice(r, 'saveRetrying').isVisible()).toBe(false);
      neverPoorer(v, await snapshotsOf(r));
    });
  });

  it('finishing fails: one notice, Exit again works; a Terminate that fails loses nothing', async () => {
    await inRun(v, firstLaunch(v), async (r) => {
      const beta = moduleById('beta');
      await r.learner.start();
      await r.learner.openModule(beta);
      await r.learner.completeModule(beta);
      await savedAgain(r);
      await setFaults(r, { rules: [{ kind: 'false', calls: ['commit', 'terminate'] }] });
      await r.learner.button(r.x.t('app.exit')).click();
      await notice(r, 'exitFailed').waitFor();
      // One notice, not also "could not be saved", and not the page saying all is saved.
      expect(await notice(r, 'saveFailed').count()).toBe(0);
      expect(await r.learner.heading(r.x.t('exit.title')).count()).toBe(0);
      const frameNotices = r.frame.locator('.notice');
      expect(await frameNotices.count()).toBe(1);
      // The LMS works again but its Terminate still fails: Exit again ends the visit, nothing lost.
      await setFaults(r, { rules: [{ kind: 'false', calls: ['terminate'] }] });
      await r.learner.exit();
      const cmi = await lmsCmi(r);
      const last = (await snapshotsOf(r)).at(-1)!;
      expect(storedOf(last.cmi, v, course)).toEqual(storedOf(cmi, v, course));
      expect(valueAt(last.cmi, v === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time')).not.toBe('');
      expect(valueAt(cmi, v === '1.2' ? 'cmi.core.exit' : 'cmi.exit')).toBe('suspend');
      expect(Object.values(cmi.interactions as Record<string, Json>).map((i) => i.id)).toEqual(['kc_beta_q1']);
      const terminates = (await seenOf(r)).filter((c) => c.name === (v === '1.2' ? 'LMSFinish' : 'Terminate'));
      expect(terminates.map((c) => c.fault)).toEqual(['false']);
      neverPoorer(v, await snapshotsOf(r));
    });
  });

  it.each(['review', 'browse'] as const)('%s mode writes nothing, offers no answer, and the LMS holds what it held', async (mode) => {
    // Review: the fault-free run's passed attempt, relaunched. Browse: a learner with nothing yet.
    const base = mode === 'review' ? relaunchCmi(clean[v].cmi, v) : firstLaunch(v);
    const initial: Json = v === '1.2' ? { ...base, core: { ...(base.core as Json), lesson_mode: mode } } : { ...base, mode };
    await inRun(v, initial, async (r) => {
      const { learner, x } = r;
      const before = await lmsCmi(r);
      const statement = r.frame.getByRole('region', { name: exact(x.t(`readOnly.${mode}.title`)) });
      await statement.waitFor();
      if (mode === 'browse') await learner.start();
      else {
        // Back on the results, which offer no way to the menu of their own: the welcome notice does.
        await learner.button(x.t('notices.toMenu')).click();
        await learner.heading(x.t('menu.title')).waitFor();
      }
      const intro = course.modules[0]!;
      await learner.openModule(intro, mode === 'review' ? 'completed' : 'not-started');
      for (const _ of intro.pages) await learner.next().click();
      await learner.heading(x.t('check.title')).waitFor();
      expect(await r.frame.getByRole('button', { name: exact(x.t('check.submit')) }).count()).toBe(0);
      await learner.next().click();
      expect(await r.frame.getByRole('textbox').count()).toBe(0);
      expect(await indicator(r, 'saved').count()).toBe(0);
      await learner.exit();
      await r.frame.getByText(x.t('readOnly.exitBody')).waitFor();
      const calls = await lmsCalls(r);
      const writes = calls.filter((c) => /SetValue|Commit/.test(c.name));
      expect(writes).toEqual([]);
      expect(calls.filter((c) => /Finish|Terminate/.test(c.name)).map((c) => c.result)).toEqual(['true']);
      const after = await lmsCmi(r);
      // A 1.2 LMS marks a browse of a course not attempted as browsed itself at the end (RTE 3.4.4).
      if (v === '1.2' && mode === 'browse') (after.core as Json).lesson_status = (before.core as Json).lesson_status;
      expect(after).toEqual(before);
    });
  });
});

/** The heading of the screen a saved state puts the learner on, where the test knows it. */
function screenOf(r: Run, cmi: Json): string | undefined {
  const raw = valueAt(cmi, 'cmi.suspend_data');
  if (!raw) return undefined;
  const saved = decodeSnapshot(raw, course);
  const { x } = r;
  if (saved.location === 'menu') return x.t('menu.title');
  if (!saved.location.startsWith('module:')) return undefined;
  const id = saved.location.slice('module:'.length);
  const at = saved.record.modules[id]?.at;
  if (at?.startsWith('page:')) return x.c(id, `pages.${at.slice('page:'.length)}.title`);
  if (at === 'check') return x.t('check.title');
  return undefined;
}
