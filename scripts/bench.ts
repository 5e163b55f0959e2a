/**
 * The benchmark (`npm run bench`): builds the course, then loads it cold in headless Chromium inside an
 * LMS-like parent page, with the network throttled to 1.6 Mbps down / 750 kbps up / 150 ms round trip
 * and the CPU slowed 4x, and measures what a learner waits for. Also: chunk sizes, how the first load
 * and the build scale with a 100-module synthetic course, and the SCORM traffic of a full course run.
 * Writes BENCHMARKS.md. `BENCH_RUNS` sets the number of cold loads (default 5; medians are reported);
 * `BENCH_QUICK=1` measures only the loads and the learner's waits and prints them.
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './harness/browser.ts';
import { buildPlayer, type BuildTarget } from './harness/build.ts';
import { runCourseThroughLms, type TrafficReport } from './harness/course-run.ts';
import {
  FIRST_LOAD_BUDGET,
  RESUMED_FIRST_LOAD_BUDGET,
  firstLoad,
  listFiles,
  resumedFirstLoad,
  sizeOf,
  type BuiltFile,
} from './harness/first-load.ts';
import { installProbe, interact, settle, type Interaction, type Settled } from './harness/interactions.ts';
import { harnessHtml, VENDOR_DIR, VENDOR_PREFIX } from './harness/lms-harness.ts';
import { serveStatic } from './harness/server.ts';
import { loadCourse } from '../src/content-model/load.ts';
import { generateSyntheticCourse } from './generate-synthetic-course.ts';

const repo = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_QUICK=1: only the loads and the learner's waits, printed, not written (for trying a change). */
const QUICK = process.env.BENCH_QUICK === '1';
const THROTTLE = { downloadBps: 1_600_000, uploadBps: 750_000, rttMs: 150, cpuSlowdown: 4 };

interface LoadMetrics {
  fcp: number;
  lcp: number;
  interactive: number;
  bytesBeforeFcp: number;
  bytesBeforeLcp: number;
  requestsBeforeFcp: number;
  requestsBeforeLcp: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (x: number) => `${Math.round(x)} ms`;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/**
 * Read inside the course frame after the load: paint timings, the player's "interactive" mark, and the
 * bytes and requests that had arrived by each paint. A string, so no bundler helper leaks into the page.
 */
const MEASURE_IN_FRAME = `(async () => {
  const lcp = await new Promise((ok) => {
    new PerformanceObserver((list) => ok(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => ok(NaN), 3000);
  });
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
  const interactive = performance.getEntriesByName('course:interactive')[0]?.startTime ?? NaN;
  const nav = performance.getEntriesByType('navigation')[0];
  const loads = [{ end: nav.responseEnd, bytes: nav.transferSize }, ...performance.getEntriesByType('resource').map((r) => ({ end: r.responseEnd, bytes: r.transferSize }))];
  const before = (t) => loads.filter((l) => l.end <= t);
  const sum = (ls) => ls.reduce((n, l) => n + l.bytes, 0);
  return { fcp, lcp, interactive, bytesBeforeFcp: sum(before(fcp)), bytesBeforeLcp: sum(before(lcp)), requestsBeforeFcp: before(fcp).length, requestsBeforeLcp: before(lcp).length };
})()`;

/** A fresh, throttled browser context and page (cache disabled, network and CPU slowed). */
async function throttledPage(browser: Awaited<ReturnType<typeof launchChromium>>, setup?: (c: BrowserContext) => Promise<void>) {
  const context = await browser.newContext();
  await setup?.(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.rttMs,
    downloadThroughput: THROTTLE.downloadBps / 8,
    uploadThroughput: THROTTLE.uploadBps / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
  return { context, page };
}

const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Cold loads in which the learner taps Start at once, opens the first module and goes back; and loads left alone, for the layout shift. */
async function learnerWaits(
  dir: string,
  runs: number,
  texts: { start: string; menu: string },
): Promise<{ waits: Interaction[]; settled: Settled[] }> {
  const server = await serveStatic(
    { '/lms/content/course-1/': dir, [VENDOR_PREFIX]: VENDOR_DIR },
    { '/lms/launch.html': harnessHtml({ version: '1.2', courseUrl: '/lms/content/course-1/index.html' }) },
    { gzip: true },
  );
  const browser = await launchChromium();
  const waits: Interaction[] = [];
  const settled: Settled[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      for (const tap of [true, false]) {
        const { context, page } = await throttledPage(browser, (c) => installProbe(c, texts.start, texts.menu, tap));
        const url = `${server.url}/lms/launch.html`;
        if (tap) waits.push(await interact(page, url, pause));
        else settled.push(await settle(page, url, pause));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { waits, settled };
}

/** Cold loads of a built course inside the LMS harness, under the throttle. */
async function coldLoads(dir: string, runs: number): Promise<LoadMetrics[]> {
  const server = await serveStatic(
    { '/lms/content/course-1/': dir, [VENDOR_PREFIX]: VENDOR_DIR },
    { '/lms/launch.html': harnessHtml({ version: '1.2', courseUrl: '/lms/content/course-1/index.html' }) },
    { gzip: true },
  );
  const browser = await launchChromium();
  const results: LoadMetrics[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { context, page } = await throttledPage(browser);
      await page.goto(`${server.url}/lms/launch.html`);
      const frame = page.frameLocator('#course');
      await frame.locator('h1').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500); // let LCP settle
      const course = page.frames().find((f) => f.url().includes('/lms/content/'))!;
      const m = (await course.evaluate(MEASURE_IN_FRAME)) as LoadMetrics;
      // Times count from the course frame's navigation start: the LMS page's own loading is the LMS's.
      results.push(m);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

function chunkTable(dir: string): BuiltFile[] {
  return listFiles(dir)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((f) => sizeOf(dir, f))
    .sort((a, b) => b.gzip - a.gzip);
}

async function main(): Promise<void> {
  const real12: BuildTarget = { name: 'bench-course-scorm12', courseRoot: '.', target: 'scorm12' };
  const real2004: BuildTarget = { name: 'bench-course-scorm2004', courseRoot: '.', target: 'scorm2004' };
  const synthRoot = mkdtempSync(join(tmpdir(), 'synthetic-course-'));
  try {
    console.log('Building the real course (SCORM 1.2 and 2004)...');
    const [real12Dir, realBuildMs] = await timed(() => buildPlayer(real12));
    const [real2004Dir] = await timed(() => buildPlayer(real2004));
    console.log('Generating and building the synthetic course (100 modules, 3 languages)...');
    generateSyntheticCourse(synthRoot, 100, ['da', 'en', 'de']);
    const synth: BuildTarget = { name: 'bench-synthetic-scorm12', courseRoot: synthRoot, target: 'scorm12' };
    const [synthDir, synthBuildMs] = await timed(() => buildPlayer(synth));

    const packageTime = (course: string) =>
      timed(() =>
        execFileSync('npx', ['tsx', 'scripts/package.ts', '--course', course, '--out', mkdtempSync(join(tmpdir(), 'bench-package-'))], {
          cwd: repo,
          stdio: 'pipe',
        }),
      );
    const [, realPackageMs] = QUICK ? [undefined, NaN] : await packageTime('.');
    const [, synthPackageMs] = QUICK ? [undefined, NaN] : await packageTime(synthRoot);

    const real = loadCourse(repo);
    const realFirst = firstLoad(real12Dir, real.course.defaultLanguage);
    const synthFirst = firstLoad(synthDir, 'da');
    const realResumed = resumedFirstLoad(real12Dir, real.course.defaultLanguage);
    const sum = (fs: BuiltFile[]) => fs.reduce((n, f) => n + f.gzip, 0);
    const growth = sum(synthFirst) / sum(realFirst) - 1;

    console.log(`Cold loads under the throttle (${RUNS} runs each)...`);
    const realLoads = await coldLoads(real12Dir, RUNS);
    const synthLoads = await coldLoads(synthDir, RUNS);

    console.log(`What the learner waits for, under the throttle (${RUNS} runs each)...`);
    const texts = (lang: string, l: ReturnType<typeof loadCourse>) => {
      const ui = l.texts[lang]!.ui as { start: { start: string }; app: { toMenu: string } };
      return { start: ui.start.start, menu: ui.app.toMenu };
    };
    const realWaits = await learnerWaits(real12Dir, RUNS, texts(real.course.defaultLanguage, real));
    const synthLoaded = loadCourse(synthRoot, { uiRoot: repo });
    const synthWaits = await learnerWaits(synthDir, RUNS, texts(synthLoaded.course.defaultLanguage, synthLoaded));

    if (QUICK) {
      const figures = { realLoads, synthLoads, realWaits, synthWaits } as Figures;
      console.log(
        [loadRow('real', realLoads), loadRow('synthetic', synthLoads), waitRows(figures.realWaits, figures.synthWaits)].join('\n'),
      );
      return;
    }
    console.log('Counting SCORM calls of a full course run in each version...');
    const traffic12 = await runCourseThroughLms(real12Dir, '1.2', real);
    const traffic2004 = await runCourseThroughLms(real2004Dir, '2004', real);

    writeFileSync(
      resolve(repo, 'BENCHMARKS.md'),
      report({
        realLoads,
        synthLoads,
        realWaits,
        synthWaits,
        realFirst,
        realResumed,
        synthFirst,
        growth,
        realBuildMs,
        synthBuildMs,
        realPackageMs,
        synthPackageMs,
        chunks: chunkTable(real12Dir),
        traffic12,
        traffic2004,
      }),
    );
    console.log('Wrote BENCHMARKS.md');
  } finally {
    rmSync(synthRoot, { recursive: true, force: true });
  }
}

interface Figures {
  realLoads: LoadMetrics[];
  synthLoads: LoadMetrics[];
  realWaits: { waits: Interaction[]; settled: Settled[] };
  synthWaits: { waits: Interaction[]; settled: Settled[] };
  realFirst: BuiltFile[];
  /** A resumed learner's first load: realFirst, then the saved-state code. */
  realResumed: BuiltFile[];
  synthFirst: BuiltFile[];
  growth: number;
  realBuildMs: number;
  synthBuildMs: number;
  realPackageMs: number;
  synthPackageMs: number;
  chunks: BuiltFile[];
  traffic12: TrafficReport;
  traffic2004: TrafficReport;
}

/** A median with its spread: `432 ms (401–470)`. */
const spread = (xs: number[], unit: (x: number) => string = ms) =>
  `${unit(median(xs))} (${unit(Math.min(...xs)).replace(/ .*/, '')}–${unit(Math.max(...xs))})`;

function loadRow(name: string, loads: LoadMetrics[]): string {
  const m = (k: keyof LoadMetrics) => median(loads.map((l) => l[k]));
  const s = (k: keyof LoadMetrics) => spread(loads.map((l) => l[k]));
  return `| ${name} | ${s('fcp')} | ${s('lcp')} | ${s('interactive')} | ${kb(m('bytesBeforeFcp'))} (${m('requestsBeforeFcp')} req.) | ${kb(m('bytesBeforeLcp'))} (${m('requestsBeforeLcp')} req.) |`;
}

function waitRows(real: Figures['realWaits'], synth: Figures['synthWaits']): string {
  const row = (name: string, pick: (w: Interaction) => number, unit: (x: number) => string = ms, compare = true) => {
    const r = real.waits.map(pick);
    const s = synth.waits.map(pick);
    const vs = compare ? `${median(s) >= median(r) ? '+' : '−'}${Math.abs((median(s) / median(r) - 1) * 100).toFixed(0)} %` : '';
    return `| ${name} | ${spread(r, unit)} | ${spread(s, unit)} | ${vs} |`;
  };
  const count = (x: number) => String(Math.round(x * 10) / 10);
  const cls = (x: number) => x.toFixed(3);
  const spinners = (w: Interaction[]) => `${w.filter((x) => x.spinner).length} of ${w.length}`;
  const clsRow = (() => {
    const r = real.settled.map((x) => x.cls);
    const s = synth.settled.map((x) => x.cls);
    const moved = (x: number) => `${Math.round(x)} px`;
    return [
      `| layout shift from the pre-rendered screen to the app (CLS, nobody tapping) | ${spread(r, cls)} | ${spread(s, cls)} | |`,
      `| the title's move or change of size from the pre-rendered screen to the app | ${spread(
        real.settled.map((x) => x.titleMoved),
        moved,
      )} | ${spread(
        synth.settled.map((x) => x.titleMoved),
        moved,
      )} | |`,
    ].join('\n');
  })();
  return [
    row('Start on screen (pre-rendered)', (w) => w.startVisible),
    row('first tap on Start handled (the start screen gone: the menu shown)', (w) => w.tapHandled),
    row('taps on Start until one is handled (one every 100 ms)', (w) => w.taps, count, false),
    row('module menu on screen (pre-rendered, shown by the entry until the player has it)', (w) => w.menuOnScreen),
    row('the player has the menu (hydrated, the tap acted on by the machine, tracked)', (w) => w.playerReady),
    row(
      'layout shift while the player takes the menu over (from the menu on screen until the first module is opened)',
      (w) => w.clsMenu,
      cls,
      false,
    ),
    row('first module on screen after a tap on it in the menu (its title painted)', (w) => w.openModulePainted),
    row('… to the first task after the next frame (the measure used before)', (w) => w.openModule),
    `| spinner while the first module opened | ${spinners(real.waits)} | ${spinners(synth.waits)} | |`,
    row('back to the menu from the module (the rows painted)', (w) => w.backToMenuPainted),
    row('… to the first task after the next frame', (w) => w.backToMenu),
    clsRow,
  ].join('\n');
}

/** Issue 16's goals for what the learner waits for, against the real course's medians. */
function goals(waits: Interaction[]): string {
  const goal = (name: string, x: number, limit: number) => `${name} ${ms(x)} (goal ≤ ${ms(limit)}: ${x <= limit ? 'met' : 'not met'})`;
  return `Goals (real course, medians): ${goal('first tap on Start handled', median(waits.map((w) => w.tapHandled)), 1000)}; ${goal('module menu on screen', median(waits.map((w) => w.menuOnScreen)), 1500)}; ${goal('first module on screen after the tap (painted)', median(waits.map((w) => w.openModulePainted)), 150)}.`;
}

function trafficRow(name: string, t: TrafficReport): string {
  return `| ${name} | ${t.total} | ${t.setValue} | ${t.commit} | ${t.actions} | ${(t.commit / t.actions).toFixed(2)} | ${t.maxCommitsPerAction} | ${t.commitsWhileIdle} |`;
}

const pct = (growth: number) => `${Math.abs(growth * 100).toFixed(1)} % ${growth >= 0 ? 'more' : 'less'}`;

/** A line for BENCHMARKS.md when `what` is over its budget in tests/browser/budget.test.ts, else nothing. */
function overBudget(what: string, bytes: number, budget: number): string {
  return bytes > budget
    ? `\n**Over budget:** ${what} is ${kb(bytes - budget)} over the ${kb(budget)} budget of \`tests/browser/budget.test.ts\`, which fails until it is back within it.\n`
    : '';
}

function report(f: Figures): string {
  const sum = (fs: BuiltFile[]) => fs.reduce((n, x) => n + x.gzip, 0);
  const savedState = f.realResumed.at(-1)!;
  const lcpBytes = (loads: LoadMetrics[]) => median(loads.map((l) => l.bytesBeforeLcp));
  const lcpGrowth = lcpBytes(f.synthLoads) / lcpBytes(f.realLoads) - 1;
  return `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Debian Chromium (headless).

## Cold load inside an LMS frame

Throttle: ${THROTTLE.downloadBps / 1e6} Mbps down, ${THROTTLE.uploadBps / 1e3} kbps up, ${THROTTLE.rttMs} ms round trip, CPU slowed ${THROTTLE.cpuSlowdown}x; cache disabled; served gzipped as an LMS's web server does; medians of ${RUNS} runs. The course runs in an iframe of an LMS-like page that hosts the SCORM API. Times count from the course frame's navigation start (the LMS page's own loading is not the course's); bytes are what the course frame transferred, headers included. "Answers input" is when the first screen is rendered with its handlers attached (the player's \`course:interactive\` mark).

| course | first contentful paint | largest contentful paint | answers input | bytes before FCP | bytes before LCP |
| --- | --- | --- | --- | --- | --- |
${loadRow('real course (11 modules, 2 languages)', f.realLoads)}
${loadRow('synthetic course (100 modules, 3 languages)', f.synthLoads)}

## What the learner waits for

The same throttle and frame; the learner taps Start the moment it is on screen (again every 100 ms until the course reacts), reads the menu for 2 s, opens the first module, reads for 1 s and goes back to the menu. Times are taken inside the course frame by a probe installed before the course loads (from the frame's navigation start, or from the tap); "on screen" is the first frame painted after the DOM has it. Medians of ${RUNS} runs, with the fastest and slowest run in brackets; the layout shift is from ${RUNS} further loads in which nobody taps.

| | real course (11 modules) | synthetic course (100 modules) | synthetic vs real |
| --- | --- | --- | --- |
${waitRows(f.realWaits, f.synthWaits)}

A tap on Start is handled by the launch page itself: it carries the menu pre-rendered beside the start screen, neutral (titles, summaries and minutes; nothing about the learner's progress, which the build cannot know), and its small entry script shows it on the tap, its heading focused. The player then hydrates that menu, fills in the learner's status on the same rows and sends the machine the START (and a module's row tapped meanwhile), so the machine and tracking end where they would had the player handled the tap itself; "the player has the menu" is when that is done. A tap made before even the entry script has run is lost, which is why the learner here usually taps twice. The layout shift while the player takes the menu over comes from the rows' buttons changing their word ("Open" to "Start") and the next module being marked; the change of screen on the tap itself is not counted, as a browser does not count a change in answer to input.

${goals(f.realWaits.waits)}

## Bytes until the first screen is interactive (from the build; deterministic)

| course | files | gzip |
| --- | --- | --- |
| real | ${f.realFirst.map((x) => x.file).join(', ')} | ${kb(sum(f.realFirst))} |
| synthetic | ${f.synthFirst.map((x) => x.file).join(', ')} | ${kb(sum(f.synthFirst))} |

These are a fresh learner's bytes. A resumed learner also moves the saved-state code before the first screen (${savedState.file}: the compression of the saved state, restoring it, a text's room; ${kb(savedState.gzip)}), ${kb(sum(f.realResumed))} in all for the real course: the tracking loads it to read the stored state. A fresh learner loads it right after the first screen answers; a save asked for before it has arrived waits for it. \`tests/browser/budget.test.ts\` allows ${kb(FIRST_LOAD_BUDGET)} for a fresh learner and ${kb(RESUMED_FIRST_LOAD_BUDGET)} for a resumed one.
${overBudget("a resumed learner's first load", sum(f.realResumed), RESUMED_FIRST_LOAD_BUDGET)}${overBudget("the real course's first load", sum(f.realFirst), FIRST_LOAD_BUDGET)}
Measured in the browser, the synthetic course moves ${pct(lcpGrowth)} before its largest contentful paint than the real one (the first screen is pre-rendered in the launch page). Until the first screen is interactive (the files above: the player, the course model and the first screen's text in one language) it moves ${pct(f.growth)}: the course model grows with the number of modules; module text and other languages load only when needed.

## Build and package time

| course | vite build (one SCORM version) | npm run package (both zips) |
| --- | --- | --- |
| real (11 modules, 2 languages) | ${ms(f.realBuildMs)} | ${ms(f.realPackageMs)} |
| synthetic (100 modules, 3 languages) | ${ms(f.synthBuildMs)} | ${ms(f.synthPackageMs)} |

## Chunks of the real course's build (SCORM 1.2)

| file | raw | gzip |
| --- | --- | --- |
${f.chunks.map((c) => `| ${c.file} | ${kb(c.raw)} | ${kb(c.gzip)} |`).join('\n')}

## LMS traffic of a full course run

Every module taken, every question answered, the final assessment passed, then exit; the course then left idle for ${f.traffic12.idleSeconds} s.

| version | SCORM calls | SetValue | Commit | learner actions (page turns, choices, submits) | commits per action | most commits between two actions | commits while idle |
| --- | --- | --- | --- | --- | --- | --- | --- |
${trafficRow('SCORM 1.2', f.traffic12)}
${trafficRow('SCORM 2004 4th ed.', f.traffic2004)}

A meaningful action (a page turn, a submitted answer) is committed after the next paint and typing or choosing after a pause, with at most one commit pending or running (src/tracking/scheduler.ts). The harness's learner acts again within about 100 ms, so one action's commit can land after the next click: "most commits between two actions" is then 2 although no action set off more than one commit (checked on the call log: the first of such two is the previous action's, a few ms after the click).

Reproduce: \`npm run bench\` (BENCH_RUNS=5 by default).
`;
}

await main();
