/**
 * Shared by the cmi5 tracking tests: a strict cmi5 LMS in-process (scripts/harness/cmi5-lms.ts), a
 * window launched from its launch URL, and a session opened the way src/app/start.tsx opens one.
 * Time is fake (vi timers); the LMS answers through the in-process fetch, so nothing waits on a clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { Cmi5Lms, type Cmi5LmsOptions, type Cmi5Session, type LaunchOptions } from '../../../../scripts/harness/cmi5-lms.ts';
import type { Json } from '../../../../scripts/harness/cmi5-rules.ts';
import type { Course, TextTree } from '../../../../src/content-model/types.ts';
import type { Session } from '../../../../src/session/index.ts';
import { openSession } from '../../../../src/tracking/index.ts';
import type { TextSource } from '../../../../src/tracking/cmi5/interactions.ts';
import type { TrackingSession } from '../../../../src/tracking/session.ts';
import { course as sampleCourse, quietLogger, repo } from '../support.ts';

/**
 * The sample course's texts from its locale files, as the build's text chunks give them. Read once, up
 * front: a read from disk while a test's fake clock runs would let the clock overtake it.
 */
const textFiles = new Map<string, TextTree>();
const localeRoot = resolve(repo, 'tests/sample-course/locales');
for (const language of readdirSync(localeRoot))
  for (const file of readdirSync(resolve(localeRoot, language)).filter((f) => f.endsWith('.json')))
    textFiles.set(`${language}/${file.slice(0, -5)}`, JSON.parse(readFileSync(resolve(localeRoot, language, file), 'utf8')) as TextTree);
export const sampleTexts: TextSource = (language, namespace) => Promise.resolve(textFiles.get(`${language}/${namespace}`));

export { Cmi5Lms };

/** A window as the LMS opens it: its URL is the launch URL; `assign` records where it was sent. */
export interface LaunchedWindow {
  win: Window;
  assigned: string[];
  pagehide(): void;
  hide(): void;
}

export function launchedWindow(launchUrl: string, storage: Storage = window.sessionStorage): LaunchedWindow {
  const events = new EventTarget();
  const assigned: string[] = [];
  const url = new URL(launchUrl);
  const win = {
    location: { search: url.search, href: url.href, assign: (to: string) => assigned.push(to) },
    addEventListener: (t: string, f: EventListener) => events.addEventListener(t, f),
    removeEventListener: (t: string, f: EventListener) => events.removeEventListener(t, f),
    dispatchEvent: (e: Event) => events.dispatchEvent(e),
    document: window.document,
    sessionStorage: storage,
  } as unknown as Window;
  return {
    win,
    assigned,
    pagehide: () => void events.dispatchEvent(new Event('pagehide')),
    hide: () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

export async function openCmi5(
  lms: Cmi5Lms,
  launch: Cmi5Session,
  w = launchedWindow(launch.launchUrl),
  c: Course = sampleCourse,
): Promise<{ session: Session; w: LaunchedWindow }> {
  const opening = openSession(c, {
    target: 'cmi5',
    win: w.win,
    logger: quietLogger(),
    fetch: lms.fetch,
    retryDelays: [1000, 2000, 4000],
    ...(c === sampleCourse ? { texts: sampleTexts } : {}),
  });
  // The open retries with timers when the LRS does not answer: let fake time run while it does.
  let done = false;
  void opening.finally(() => (done = true));
  for (let i = 0; i < 3000 && !done; i++) {
    await lms.quiet();
    await vi.advanceTimersByTimeAsync(100);
  }
  return { session: await opening, w };
}

/** The LMSes made in this test file: fake time waits for the answers of those with a real LRS. */
const live = new Set<Cmi5Lms>();
const STEP_MS = 100;

/**
 * Lets `ms` of fake time pass. With a real LRS behind an LMS, in steps, each after every real request
 * has its answer: a fake clock that jumped past real I/O would time requests out that were about to
 * succeed (see Cmi5Lms.quiet).
 */
export async function pass(ms: number): Promise<void> {
  const real = [...live].filter((l) => l.realLrs);
  if (!real.length) return void (await vi.advanceTimersByTimeAsync(ms));
  for (let left = ms; left > 0; left -= STEP_MS) {
    for (const l of real) await l.quiet();
    await vi.advanceTimersByTimeAsync(Math.min(STEP_MS, left));
  }
  for (const l of real) await l.quiet();
}

/** Lets fake time pass until `ready()` holds (at most `ms`), as `pass` does; false if it never did. */
export async function passUntil(ready: () => boolean, ms = 60_000): Promise<boolean> {
  for (let left = ms; left > 0 && !ready(); left -= STEP_MS) await pass(STEP_MS);
  return ready();
}

/** The Exit button: it waits for the LRS's answer, so fake time must pass meanwhile. */
export async function exitSession(session: Session, ms = 120_000): Promise<boolean> {
  const done = session.exit();
  await pass(ms);
  return done;
}

/** Lets the queue and the state writer finish what they can (fake time passes; microtasks run). */
export async function settle(ms = 5000): Promise<void> {
  await pass(ms);
}

export const verbName = (st: Json) =>
  String((st.verb as Json).id)
    .split('/')
    .pop();
export const isDefined = (st: Json) =>
  (((st.context as Json).contextActivities as Json | undefined)?.category as Json[] | undefined)?.some(
    (c) => c.id === 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  ) ?? false;

/** The defined statements' verbs, in order. */
export const definedVerbs = (list: Json[]) => list.filter(isDefined).map(verbName);

export const debug = (s: Session) => (s as TrackingSession).debugState();

export function newLms(options: Cmi5LmsOptions = {}): Cmi5Lms {
  const lms = new Cmi5Lms(options);
  live.add(lms);
  return lms;
}

export type { LaunchOptions };

/** Every test on a fake clock from the same morning, with a fresh tab session, the page visible. */
export function useCmi5Clock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
    sessionStorage.clear();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    sessionStorage.clear();
  });
}
