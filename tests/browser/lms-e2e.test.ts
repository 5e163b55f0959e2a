/**
 * The packaged course in an LMS, end to end, in Chromium.
 *
 * `npm run package -- --course tests/sample-course` writes both zips (once for this file); each is
 * unzipped to a temporary folder and served on 127.0.0.1 under a deep sub-path, next to a parent page
 * that hosts scorm-again the way an LMS does: the API object on the parent window (`window.API` for
 * 1.2, `window.API_1484_11` for 2004), preloaded with the learner and the mastery score read from the
 * package's own manifest, and the course in an iframe (or a pop-up window opened by the parent).
 *
 * For each version a learner:
 *   1. starts, answers the first module's knowledge check, writes a reflection and leaves (Exit);
 *   2. is relaunched with what the LMS stored (entry = resume): same place, same answers; completes
 *      every module and the final assessment through the UI; the LMS's final data is asserted
 *      (completion, success, score, number of interactions);
 *   3. is relaunched once more with the stored data: back on the results, the answers kept.
 * The course is driven through the UI's roles and labels, read from the locale files, so a change of
 * wording does not break the test. 1.2 runs in the course's default language (Danish), 2004 in the
 * learner's preferred language as the LMS states it (English).
 *
 * Throughout, every request of the course's frames is recorded: anything outside the package's
 * sub-path, or to another origin, fails the test; so does any Content-Security-Policy violation.
 *
 * PACKAGES_DIR=<folder with both zips> skips the packaging step (for iterating on this test).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseReady } from '../../scripts/harness/ready.ts';
import { loadCourse } from '../../src/content-model/load.ts';
import type { Course, Module } from '../../src/content-model/types.ts';
import { analyseManifest, packageIndex } from '../../src/packaging/analyse.ts';
import { parseXml } from '../../src/packaging/xml.ts';
import { readZip } from '../../src/packaging/zip-read.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { repoRoot } from '../../scripts/harness/build.ts';
import { endsWith, exact, Learner, Texts } from '../../scripts/harness/learner.ts';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX } from '../../scripts/harness/lms-harness.ts';
import { serveStatic, type StaticServer } from '../../scripts/harness/server.ts';

type Version = '1.2' | '2004';
const VERSIONS: Version[] = ['1.2', '2004'];
const SAMPLE = join(repoRoot, 'tests/sample-course');
const ZIP = (v: Version) => `sample-course-0.1.0-${v === '1.2' ? 'scorm12' : 'scorm2004'}.zip`;
/** Where the LMS serves each package: deep, and different for the pop-up. */
const IFRAME_PREFIX = (v: Version) => `/lms/content/abc/${v === '1.2' ? 'scorm12' : 'scorm2004'}/`;
const POPUP_PREFIX = (v: Version) => `/deep/tenant-7/courses/42/launch/${v === '1.2' ? 'scorm12' : 'scorm2004'}/`;
/** The learner's language as the LMS states it (none: the course's default). */
const LANGUAGE: Record<Version, string | undefined> = { '1.2': undefined, '2004': 'en' };

// ---------------------------------------------------------------------------------------------------
// Packaging and serving

function runPackage(out: string): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|VITE_|NODE_ENV$|TEST$|INIT_CWD$)/.test(k)) env[k] = v;
  return new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/package.ts'), '--course', SAMPLE, '--out', out],
      {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', fail);
    child.on('close', (code) => ok({ code: code ?? -1, output }));
  });
}

/** Unzips with our own reader (in memory, every name checked), into `dir`. Returns the manifest text. */
async function unzip(file: string, dir: string): Promise<string> {
  const z = await readZip(file, { keep: () => true });
  if (!z.readable || z.error) throw new Error(`${file}: ${z.error}`);
  for (const e of z.entries) {
    if (e.isDirectory) continue;
    if (e.isSymlink || e.name.startsWith('/') || e.name.split('/').includes('..')) throw new Error(`unsafe entry ${e.name}`);
    const target = join(dir, e.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, z.kept.get(e.name)!);
  }
  return z.kept.get('imsmanifest.xml')!.toString('utf8');
}

interface Launch {
  version: Version;
  /** CMI data the LMS holds before launch, in scorm-again's JSON form. */
  initial: Record<string, unknown>;
  popup?: boolean;
}

const sample = loadCourse(SAMPLE, { uiRoot: repoRoot });
const course: Course = sample.course;

// ---------------------------------------------------------------------------------------------------
// The LMS's data

type Cmi = Record<string, any>;
const cmiOf = (data: any): Cmi => data.cmi ?? data;
const count = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o).length : 0);

interface Manifested {
  /** As the LMS hands it to the SCO: 1.2 0..100, 2004 -1..1. */
  mastery: string;
}

/**
 * What an LMS keeps between the sessions of one attempt, and hands back on relaunch with entry = resume:
 * status, score, location, suspend data, and the objectives and interactions recorded so far.
 */
function relaunchData(v: Version, previous: Cmi, base: Record<string, unknown>): Record<string, unknown> {
  if (v === '1.2') {
    const core = previous.core ?? {};
    return {
      ...base,
      suspend_data: previous.suspend_data,
      core: {
        ...(base.core as object),
        lesson_location: core.lesson_location,
        lesson_status: core.lesson_status,
        score: core.score,
        entry: 'resume',
      },
      objectives: previous.objectives,
      interactions: previous.interactions,
    };
  }
  return {
    ...base,
    entry: 'resume',
    location: previous.location,
    suspend_data: previous.suspend_data,
    completion_status: previous.completion_status,
    success_status: previous.success_status,
    progress_measure: previous.progress_measure,
    score: previous.score,
    objectives: previous.objectives,
    interactions: previous.interactions,
  };
}

function firstLaunchData(v: Version, m: Manifested): Record<string, unknown> {
  const lang = LANGUAGE[v];
  if (v === '1.2')
    return {
      core: { student_id: 'learner-1', student_name: 'Doe, Jane', entry: 'ab-initio' },
      student_data: { mastery_score: m.mastery },
      ...(lang ? { student_preference: { language: lang } } : {}),
    };
  return {
    learner_id: 'learner-1',
    learner_name: 'Doe, Jane',
    entry: 'ab-initio',
    scaled_passing_score: m.mastery,
    ...(lang ? { learner_preference: { language: lang } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------

let server: StaticServer;
let browser: Browser;
const routes: Record<string, string> = {};
const manifested = {} as Record<Version, Manifested>;
let packagesDir: string;
const temporary: string[] = [];

beforeAll(async () => {
  packagesDir = process.env.PACKAGES_DIR ?? mkdtempSync(join(tmpdir(), 'lms-e2e-packages-'));
  if (!process.env.PACKAGES_DIR) {
    temporary.push(packagesDir);
    const r = await runPackage(packagesDir);
    if (r.code !== 0) throw new Error(`npm run package failed (exit ${r.code}):\n${r.output}`);
  }
  const mounts: Record<string, string> = { [VENDOR_PREFIX]: VENDOR_DIR };
  for (const v of VERSIONS) {
    const dir = mkdtempSync(join(tmpdir(), `lms-e2e-${v}-`));
    temporary.push(dir);
    const manifest = await unzip(join(packagesDir, ZIP(v)), dir);
    mounts[IFRAME_PREFIX(v)] = dir;
    mounts[POPUP_PREFIX(v)] = dir;
    // The LMS reads the mastery score from the manifest, as an import would.
    const parsed = parseXml(manifest);
    if (!parsed.ok) throw new Error(parsed.error);
    const found = analyseManifest(parsed.root, packageIndex([])).mastery.found;
    if (!found) throw new Error(`${ZIP(v)}: no mastery score in the manifest`);
    manifested[v] = { mastery: found.raw };
  }
  server = await serveStatic(mounts, routes);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

interface Session {
  context: BrowserContext;
  page: Page;
  frame: FrameLocator;
  /** Requests from the course (its frame or pop-up), and the problems seen. */
  courseRequests: string[];
  problems: string[];
  close(): Promise<void>;
}

/**
 * Opens the LMS page with the course in an iframe (or a pop-up), recording what the course requests.
 * Anything that would leave 127.0.0.1 is aborted and recorded as a problem.
 */
async function launch(l: Launch): Promise<Session> {
  const path = `/lms/launch-${l.version}${l.popup ? '-popup' : ''}-${Math.random().toString(36).slice(2)}.html`;
  routes[path] = harnessHtml({
    version: l.version,
    courseUrl: `${(l.popup ? POPUP_PREFIX : IFRAME_PREFIX)(l.version)}index.html`,
    initial: l.initial,
    popup: l.popup,
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(15_000);
  const prefix = `${server.url}${(l.popup ? POPUP_PREFIX : IFRAME_PREFIX)(l.version)}`;
  const courseRequests: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url + '/')) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // The LMS's own page; everything else (its frames, a pop-up) is the course. Made before the listeners
  // below, which are in place before the first navigation.
  const parent = await context.newPage();
  const isCourse = (r: Request) => {
    try {
      const frame = r.frame();
      return frame.page() !== parent || frame !== parent.mainFrame();
    } catch {
      return true; // the navigation that creates a frame or a pop-up: the course's launch page
    }
  };
  context.on('request', (r) => {
    if (r.url().startsWith('data:') || r.url().startsWith('blob:')) return;
    if (!isCourse(r)) return;
    courseRequests.push(r.url());
    if (!r.url().startsWith(prefix)) problems.push(`the course requested ${r.url()}, outside its package at ${prefix}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  context.on('console', (m) => {
    if (/CSP violation|Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  context.on('weberror', (e) => problems.push(`uncaught error: ${e.error().message}`));
  const page = parent;
  await page.goto(`${server.url}${path}`);
  let frame: FrameLocator;
  if (l.popup) {
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Launch the course' }).click()]);
    // A pop-up is a page, not a frame: the learner drives it through the same three calls.
    frame = pageAsFrame(popup);
  } else frame = page.frameLocator('#course');
  // The course is up when it says so (tracking open, first view rendered), not when its title shows.
  expect(await courseReady(frame)).toBe('lms');
  return { context, page, frame, courseRequests, problems, close: () => context.close() };
}

/** Lets a Learner drive a pop-up page with the same calls it uses on an iframe. */
function pageAsFrame(p: Page): FrameLocator {
  return { getByRole: p.getByRole.bind(p), getByText: p.getByText.bind(p), locator: p.locator.bind(p) } as unknown as FrameLocator;
}

async function lmsData(s: Session): Promise<Cmi> {
  return cmiOf(await s.page.evaluate(() => (window as any).lmsData()));
}
async function lmsCalls(s: Session): Promise<{ name: string; args: string[]; result: string; error: string }[]> {
  return s.page.evaluate(() => (window as any).lmsCalls);
}
async function lmsState(s: Session): Promise<{ initialized: boolean; terminated: boolean }> {
  return s.page.evaluate(() => (window as any).lmsState());
}

/** Calls that failed (returned "false"): the course must never make one. */
async function failedCalls(s: Session): Promise<string[]> {
  return (await lmsCalls(s)).filter((c) => c.result === 'false').map((c) => `${c.name}(${c.args.join(', ')}) -> false, error ${c.error}`);
}

describe.each(VERSIONS)('SCORM %s package in an LMS', (v) => {
  const lang = LANGUAGE[v] ?? course.defaultLanguage;
  const x = new Texts(lang, sample);
  const [intro, ...rest] = course.modules as [Module, ...Module[]];
  const firstReflection = 'Første tanker om kurset, gemt til næste gang.';
  const plan = 'Tal med teamet om næste skridt.';
  let stored: Cmi;
  let finalData: Cmi;
  let learner: Learner;

  it('session 1: starts in an iframe under a sub-path, answers, writes, exits; the LMS keeps a suspended attempt', async () => {
    const s = await launch({ version: v, initial: firstLaunchData(v, manifested[v]) });
    try {
      learner = new Learner(s.frame, x);
      await learner.start();
      await learner.openModule(intro);
      await s.frame.getByRole('heading', { level: 1, name: exact(x.c(intro.id, `pages.${intro.pages[0]!.id}.title`)) }).waitFor();
      for (const _ of intro.pages) await learner.next().click();
      await learner.heading(x.t('check.title')).waitFor();
      for (const q of intro.questions) await learner.answerCheck(intro, q);
      await learner.next().click();
      await learner.writeReflection(intro, firstReflection);
      await learner.exit();

      const state = await lmsState(s);
      expect(state).toEqual({ initialized: false, terminated: true });
      stored = await lmsData(s);
      if (v === '1.2') {
        expect(stored.core.exit).toBe('suspend');
        expect(stored.core.lesson_status).toBe('incomplete');
      } else {
        expect(stored.exit).toBe('suspend');
        expect(stored.completion_status).toBe('incomplete');
      }
      expect(stored.suspend_data).toBeTruthy();
      expect(await failedCalls(s)).toEqual([]);
      expect(s.problems).toEqual([]);
      expect(s.courseRequests.length).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });

  it('session 2: relaunched with entry = resume, it is where the learner left, answers kept; completing it reports to the LMS', async () => {
    expect(stored, 'session 1 did not run').toBeDefined();
    const s = await launch({ version: v, initial: relaunchData(v, stored, firstLaunchData(v, manifested[v])) });
    try {
      learner = new Learner(s.frame, x);
      // Same place: the reflection, with its text.
      await learner.heading(x.t('reflection.title')).waitFor({ timeout: 20_000 });
      await expect.poll(() => s.frame.getByText(x.t('notices.welcomeBack')).isVisible()).toBe(true);
      await expect(s.frame.getByRole('textbox', { name: exact(x.t('reflection.label')) }).inputValue()).resolves.toBe(firstReflection);
      learner.reflections.set(intro.id, firstReflection);
      learner.checkSubmissions = intro.questions.length; // submitted in session 1
      // Same answers: back on the knowledge check, the chosen option is still chosen and settled.
      await learner.button(x.t('module.back')).click();
      await learner.heading(x.t('check.title')).waitFor();
      for (const q of intro.questions) {
        // The introduction's check is choice questions (the other types are resumed in the unit tests).
        if (q.type !== 'single' && q.type !== 'multiple') throw new Error(`intro's ${q.id} is not a choice question`);
        const group = s.frame.getByRole('group', { name: endsWith(x.c(intro.id, `knowledgeCheck.questions.${q.localId}.prompt`)) });
        for (const o of q.correct) {
          const input = group.getByRole(q.type === 'single' ? 'radio' : 'checkbox', {
            name: new RegExp(`^${x.c(intro.id, `knowledgeCheck.questions.${q.localId}.options.${o}.text`)}`),
          });
          await expect(input.isChecked()).resolves.toBe(true);
          await expect(input.isDisabled()).resolves.toBe(true);
        }
      }
      await learner.next().click();
      await learner.completeModule(intro, 'reflection');

      for (const m of rest) {
        await learner.openModule(m);
        await learner.completeModule(m);
      }
      await learner.takeFinal();
      await learner.button(x.t('menu.openResults')).click();
      await learner.heading(x.c('course', 'closing.title')).waitFor();
      const planned = rest.find((m) => m.selfAssessment)!;
      await learner.writePlan(planned, plan);
      await learner.exit();

      finalData = await lmsData(s);
      // One interaction per submitted answer (knowledge checks and the final's questions), per reflection and per action-plan step.
      const expectedInteractions = learner.checkSubmissions + learner.finalQuestions + learner.reflections.size + learner.plans.size;
      expect(learner.reflections.size).toBe(course.modules.filter((m) => m.reflection).length);
      if (v === '1.2') {
        const core = finalData.core;
        expect(core.lesson_status).toBe('passed');
        expect(Number(core.score.raw) / Number(core.score.max || 100)).toBe(1);
        expect(Number(finalData.student_data.mastery_score)).toBe(75);
        expect(core.exit).not.toBe('suspend');
      } else {
        expect(finalData.completion_status).toBe('completed');
        expect(finalData.success_status).toBe('passed');
        expect(Number(finalData.score.scaled)).toBe(1);
        if (finalData.score.raw !== '') expect(Number(finalData.score.raw) / Number(finalData.score.max)).toBe(1);
        expect(finalData.exit).not.toBe('suspend');
      }
      expect(count(finalData.interactions), `interactions: ${JSON.stringify(finalData.interactions)}`).toBe(expectedInteractions);
      const results = Object.values(finalData.interactions as Record<string, { result: string }>).map((i) => i.result);
      expect(results.filter((r) => r === 'correct')).toHaveLength(learner.checkSubmissions + learner.finalQuestions);
      expect(await failedCalls(s)).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('session 3: relaunched after completion with the stored data, it shows the results with every answer kept', async () => {
    expect(finalData, 'session 2 did not complete').toBeDefined();
    const s = await launch({ version: v, initial: relaunchData(v, finalData, firstLaunchData(v, manifested[v])) });
    try {
      const again = new Learner(s.frame, x);
      await again.heading(x.c('course', 'closing.title')).waitFor({ timeout: 20_000 });
      await expect.poll(() => s.frame.getByText(x.t('results.score', { percent: 100 })).isVisible()).toBe(true);
      for (const [, text] of learner.reflections) await expect.poll(() => s.frame.getByText(text).first().isVisible()).toBe(true);
      const planned = rest.find((m) => m.selfAssessment)!;
      await expect(
        s.frame.getByRole('textbox', { name: exact(x.t('results.planLabel', { title: x.c(planned.id, 'title') })) }).inputValue(),
      ).resolves.toBe(plan);
      expect(await failedCalls(s)).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('in a pop-up window under another sub-path, it finds the LMS API through its opener and starts', async () => {
    const s = await launch({ version: v, initial: firstLaunchData(v, manifested[v]), popup: true });
    try {
      const popupLearner = new Learner(s.frame, x);
      await popupLearner.start();
      await expect.poll(async () => (await lmsState(s)).initialized).toBe(true);
      const calls = await lmsCalls(s);
      expect(calls.some((c) => c.name === (v === '1.2' ? 'LMSInitialize' : 'Initialize') && c.result === 'true')).toBe(true);
      expect(s.courseRequests.every((u) => u.startsWith(`${server.url}${POPUP_PREFIX(v)}`))).toBe(true);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('requests nothing outside its package, and the launch page carries the CSP as built', async () => {
    const s = await launch({ version: v, initial: firstLaunchData(v, manifested[v]) });
    try {
      const l = new Learner(s.frame, x);
      await l.start();
      // Visit every module's first page and the language switch, so lazily loaded texts and images load too.
      for (const m of course.modules) {
        await l.openModule(m);
        await s.frame.getByRole('heading', { level: 1, name: exact(x.c(m.id, `pages.${m.pages[0]!.id}.title`)) }).waitFor();
        await l.button(x.t('app.toMenu')).click();
        await l.heading(x.t('menu.title')).waitFor();
      }
      const prefix = `${server.url}${IFRAME_PREFIX(v)}`;
      expect(s.courseRequests.length).toBeGreaterThan(3);
      const outside = s.courseRequests.filter((u) => !u.startsWith(prefix));
      expect(outside, 'requests outside the package').toEqual([]);
      expect(s.problems).toEqual([]);
      const html = await (await s.page.request.get(`${prefix}index.html`)).text();
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
      expect(policy).toBe(CONTENT_SECURITY_POLICY);
      expect(/(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1]).toBe("'self'");
      expect(policy).toContain("require-trusted-types-for 'script'");
      expect(policy).not.toContain('unsafe-inline');
      // The policy is in force in the course's frame (on a module page, where Markdown is shown).
      await l.openModule(course.modules[0]!, 'in-progress');
      await s.frame
        .getByRole('heading', { level: 1, name: exact(x.c(course.modules[0]!.id, `pages.${course.modules[0]!.pages[0]!.id}.title`)) })
        .waitFor();
      const courseFrame = s.page.frames().find((fr) => fr.url().startsWith(prefix))!;
      const enforced = await courseFrame.evaluate(() => {
        const refused = (f: () => void) => {
          try {
            f();
            return false;
          } catch (e) {
            return e instanceof TypeError;
          }
        };
        const probe = document.createElement('div');
        document.body.appendChild(probe);
        // Inline style attributes are not applied (no style-src-attr 'unsafe-inline').
        probe.setAttribute('style', 'display: none');
        const styleApplied = getComputedStyle(probe).display === 'none';
        probe.remove();
        return {
          // Trusted Types: a string is refused at every script sink; only the player's policy makes HTML.
          innerHTML: refused(() => (document.createElement('div').innerHTML = '<img src=x>')),
          scriptText: refused(() => (document.createElement('script').textContent = 'window.inlineRan = true')),
          otherPolicy: refused(() => (window as any).trustedTypes.createPolicy('another', { createHTML: (x: string) => x })),
          styleApplied,
          // The player's own Markdown went through its policy: rendered, not refused.
          prose: document.querySelectorAll('.prose p').length,
        };
      });
      expect(enforced).toEqual({ innerHTML: true, scriptText: true, otherPolicy: true, styleApplied: false, prose: enforced.prose });
      expect(enforced.prose).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });
});
