/**
 * What a learner waits for after the first paint, measured inside the course frame of the LMS harness
 * under the benchmark's throttle: the learner taps Start the moment it is on screen (again every 100 ms
 * until the course reacts), reads the menu, opens the first module, then goes back to the menu. Every
 * time is taken in the course frame (`performance.now()`, from its navigation start) by a script the
 * benchmark installs before the course loads, so no round trip to the test driver is inside a figure.
 * "On screen" is the first animation frame after the DOM has it, i.e. the next paint; for opening a
 * module and going back, also the paint itself as Element Timing reports it.
 *
 * Also the layout shift from the pre-rendered screen to the app, in loads where nobody taps.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';

export interface Interaction {
  /** When the Start button was first on screen (pre-rendered or the app's). */
  startVisible: number;
  /** When the course first reacted to a tap on Start (the start screen left the page). */
  tapHandled: number;
  /** When the first tap showed on screen (the button pressed, kept for the app), if the page shows it. */
  tapAnswered?: number;
  /**
   * When the player had taken the screen over (its `course:interactive` mark: hydrated, handlers
   * attached, a tap kept before it ran acted on by the machine).
   */
  playerReady: number;
  /** Layout shift from the menu on screen until the learner opens the first module (the player taking the menu over). */
  clsMenu: number;
  /** Taps it took (a tap before the app can handle it is lost, unless the page keeps it). */
  taps: number;
  /** The module menu on screen, its rows drawn. */
  menuOnScreen: number;
  /** From the tap on the first module's button to the paint of its first page (Element Timing on its title). */
  openModulePainted: number;
  /** From the same tap to the first task after the next frame (tasks queued ahead of it count too). */
  openModule: number;
  /** Whether a loading spinner showed while the module opened. */
  spinner: boolean;
  /** From the tap on "To the course overview" to the paint of the menu's rows. */
  backToMenuPainted: number;
  /** From the same tap to the first task after that frame. */
  backToMenu: number;
}

export interface Settled {
  /** Cumulative layout shift from the navigation start until the app has been interactive for a while. */
  cls: number;
  /**
   * How far the first screen's title moved or changed size, in px, from its first paint (the pre-rendered
   * screen) to the app's: a replaced element is not a layout shift, so CLS alone would not see a jump.
   */
  titleMoved: number;
}

/** Installed in every frame before any of its scripts; acts only in the course's frame. */
const probe = (startText: string, menuText: string, tap: boolean) => `(() => {
  if (!location.pathname.includes('/lms/content/')) return;
  const B = (window.__bench = { cls: 0, clsMenu: 0, taps: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) B.cls += e.value;
      // Once the menu is on screen: what moves while the player takes it over
      if (B.menuOnScreen > 0 && e.startTime > B.menuOnScreen) B.clsMenu += e.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const afterPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0)));
  const visible = (el) => !!el && el.getClientRects().length > 0 && !el.closest('[hidden]');
  const startButton = () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(startText)} && visible(b));
  const menuRows = () => document.querySelector('.view--menu li h2');
  B.tapping = ${tap};
  const titleBox = () => {
    const h = [...document.querySelectorAll('h1')].find(visible);
    if (!h) return undefined;
    const r = h.getBoundingClientRect();
    return { top: r.top, left: r.left, width: r.width, height: r.height };
  };
  B.titleBox = titleBox;
  const tick = () => {
    if (!B.firstTitle) B.firstTitle = titleBox();
    const b = startButton();
    if (b && B.startVisible === undefined) B.startVisible = performance.now();
    if (B.tapping && B.tapHandled === undefined) {
      if (B.taps > 0 && !document.querySelector('.view--start, .splash')) B.tapHandled = performance.now();
      else if (b && b.hasAttribute('data-early-pending')) {
        // The page kept the tap: the learner sees the button pressed and waits
        if (B.tapAnswered === undefined) { B.tapAnswered = -1; afterPaint().then((t) => (B.tapAnswered = t)); }
      } else if (b && (B.lastTap === undefined || performance.now() - B.lastTap >= 100)) {
        // Nothing seems to happen: the learner taps again
        B.lastTap = performance.now();
        B.taps++;
        b.click();
      }
    }
    if (B.tapHandled !== undefined && B.menuOnScreen === undefined && menuRows()) {
      B.menuOnScreen = -1;
      afterPaint().then((t) => (B.menuOnScreen = t));
    }
    if (B.menuOnScreen === undefined || B.menuOnScreen < 0) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  /**
   * Clicks the button and resolves with two times from the click: \`painted\`, when the browser painted the
   * new screen's \`target\` element (Element Timing: the element is marked the moment the DOM has it,
   * before that paint), and \`ms\`, the first task after the next frame (the measure used before
   * Element Timing; tasks queued ahead of it count too); and whether a spinner showed.
   */
  B.marks = 0;
  B.timeClick = (button, done, target) => new Promise((ok) => {
    let spinner = false;
    const id = 'bench-' + ++B.marks;
    const t0 = performance.now();
    const result = {};
    const finish = () => { if (result.ms !== undefined && result.painted !== undefined) ok({ ...result, spinner }); };
    const painted = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.identifier === id) { painted.disconnect(); result.painted = (e.renderTime || e.loadTime) - t0; finish(); }
    });
    painted.observe({ type: 'element' });
    const check = () => {
      if (document.querySelector('.loading')) spinner = true;
      if (done()) {
        observer.disconnect();
        target()?.setAttribute('elementtiming', id);
        afterPaint().then((t) => {
          result.ms = t - t0;
          // No entry within 2 s (the element was painted before it was marked): reported as not measured
          setTimeout(() => { if (result.painted === undefined) { painted.disconnect(); result.painted = NaN; finish(); } }, 2000);
          finish();
        });
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    button.click();
    check();
  });
  B.openFirstModule = () => B.timeClick(document.querySelector('.view--menu li button'),
    () => !!document.querySelector('#main article.page') && !document.querySelector('.loading'),
    () => [...document.querySelectorAll('#main article.page h1, #main h1')].find(visible));
  B.backToMenu = () => B.timeClick([...document.querySelectorAll('#main button')].find((b) => b.textContent.trim() === ${JSON.stringify(menuText)}),
    () => !!menuRows(), menuRows);
})()`;

const courseFrame = (page: Page): Frame => page.frames().find((f) => f.url().includes('/lms/content/'))!;

/** Installs the probe in a context; with `tap`, the learner taps Start as soon as it is on screen. */
export async function installProbe(context: BrowserContext, startText: string, menuText: string, tap: boolean): Promise<void> {
  await context.addInitScript(probe(startText, menuText, tap));
}

/** A cold load in which the learner taps Start as soon as it shows, then opens a module and comes back. */
export async function interact(page: Page, launchUrl: string, pause: (ms: number) => Promise<void>): Promise<Interaction> {
  await page.goto(launchUrl, { waitUntil: 'commit' });
  const frame = await until(() => courseFrame(page));
  await frame.waitForFunction(
    () => ((window as unknown as { __bench: { menuOnScreen?: number } }).__bench.menuOnScreen ?? -1) > 0,
    undefined,
    {
      timeout: 60_000,
    },
  );
  await pause(2000); // the learner reads the menu
  const clsMenu = await frame.evaluate(() => (window as unknown as { __bench: { clsMenu: number } }).__bench.clsMenu);
  const open = await frame.evaluate(() =>
    (
      window as unknown as { __bench: { openFirstModule(): Promise<{ ms: number; painted: number; spinner: boolean }> } }
    ).__bench.openFirstModule(),
  );
  await pause(1000); // and the module's first lines
  const back = await frame.evaluate(() =>
    (window as unknown as { __bench: { backToMenu(): Promise<{ ms: number; painted: number; spinner: boolean }> } }).__bench.backToMenu(),
  );
  const b = await frame.evaluate(
    () =>
      (
        window as unknown as {
          __bench: { startVisible: number; tapAnswered?: number; tapHandled: number; taps: number; menuOnScreen: number };
        }
      ).__bench,
  );
  const playerReady = await frame.evaluate(() => performance.getEntriesByName('course:interactive')[0]?.startTime ?? Number.NaN);
  return {
    startVisible: b.startVisible,
    ...(b.tapAnswered !== undefined && b.tapAnswered > 0 ? { tapAnswered: b.tapAnswered } : {}),
    tapHandled: b.tapHandled,
    playerReady,
    clsMenu,
    taps: b.taps,
    menuOnScreen: b.menuOnScreen,
    openModulePainted: open.painted,
    openModule: open.ms,
    spinner: open.spinner,
    backToMenuPainted: back.painted,
    backToMenu: back.ms,
  };
}

/** A cold load left alone: the layout shift once the app has been interactive for `settleMs`. */
export async function settle(page: Page, launchUrl: string, pause: (ms: number) => Promise<void>, settleMs = 1500): Promise<Settled> {
  await page.goto(launchUrl, { waitUntil: 'commit' });
  const frame = await until(() => courseFrame(page));
  await frame.waitForSelector('html[data-course-ready]', { state: 'attached', timeout: 60_000 });
  await pause(settleMs);
  return frame.evaluate(() => {
    type Box = { top: number; left: number; width: number; height: number };
    const b = (window as unknown as { __bench: { cls: number; firstTitle?: Box; titleBox(): Box | undefined } }).__bench;
    const first = b.firstTitle;
    const now = b.titleBox();
    const moved =
      first && now
        ? Math.max(
            Math.abs(first.top - now.top),
            Math.abs(first.left - now.left),
            Math.abs(first.width - now.width),
            Math.abs(first.height - now.height),
          )
        : Number.NaN;
    return { cls: b.cls, titleMoved: moved };
  });
}

async function until<T>(get: () => T | undefined, timeout = 60_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the course frame');
    await new Promise((r) => setTimeout(r, 10));
  }
}
