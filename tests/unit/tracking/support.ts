/**
 * Test support for tracking: the sample course, a REAL scorm-again runtime standing in for the LMS
 * (never a hand-written mock), a recorder of every call made to it, fault injection by wrapping the
 * real object's methods, and helpers that drive the real course machine the way a learner would.
 */
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { createActor } from 'xstate';
import { prepareLaunch, type CourseActor, type Launch, type Notice, type SaveState, type Session } from '../../../src/session/index.ts';
import { loadCourse } from '../../../src/content-model/load.ts';
import type { Course } from '../../../src/content-model/types.ts';
import {
  courseMachine,
  decodeSnapshot,
  encodeSnapshot,
  savedOf,
  questionIndex,
  type EngineEvent,
  type Saved,
} from '../../../src/engine/index.ts';
import { openSession } from '../../../src/tracking/index.ts';
import { loadScormAgain, type ScormAgainApi } from '../../../src/tracking/adapters/scorm-again.ts';
import { relaunchCmi } from '../../../src/tracking/adapters/standalone.ts';
import { API_NAME, METHODS, type ScormVersion } from '../../../src/tracking/scorm-api/types.ts';
import { targetOfScormVersion } from '../../../src/targets/index.ts';
import { createLogger } from '../../../src/tracking/log.ts';
import { watchPageLifecycle } from '../../../src/app/page-lifecycle.ts';
import { rightAnswer, wrongAnswer } from '../../support/answers.ts';

export const repo = resolve(import.meta.dirname, '../../..');
/**
 * The sample course borrows the player's ui.json only for validation; tracking needs none of it, so a
 * fixed minimal ui.json keeps these tests independent of the player's strings being edited.
 */
export const FIXTURE_UI = resolve(import.meta.dirname, 'fixtures/ui');
export const course: Course = loadCourse(resolve(repo, 'tests/sample-course'), { uiRoot: FIXTURE_UI }).course;

export const quietLogger = () => createLogger({ quiet: true });

export type Json = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  args: unknown[];
  result: unknown;
  /** GetLastError right after the call (the injected one, when a fault was injected). */
  error: string;
  faulted?: boolean;
}

export interface Fault {
  /** The LMS method, as the version names it (e.g. `Commit`, `LMSSetValue`). */
  method: string;
  /** For GetValue/SetValue: which element. */
  element?: string | RegExp;
  /** How many calls to affect (default: all). */
  times?: number;
  /** Return this instead of calling the real method. */
  result?: string;
  /** Return `undefined` instead of calling the real method (a broken LMS bridge). */
  returnsUndefined?: boolean;
  /** The error code GetLastError reports after the faulted call (default '0'). */
  error?: string;
  /** Call the real method but make GetLastError report this afterwards. */
  errorAfter?: string;
  throws?: boolean;
  /** Busy-wait this long before answering (a slow, synchronous LMS). */
  delayMs?: number;
  /** Under fake timers: the call takes this long on the clock (the page's time moves on; no timer fires meanwhile). */
  clockMs?: number;
}

export interface Lms {
  version: ScormVersion;
  api: ScormAgainApi;
  calls: RecordedCall[];
  faults: Fault[];
  /**
   * A fault schedule: asked before each call (but the error-reporting ones), its answer wins over
   * `faults`. For property tests that number the calls.
   */
  schedule?: (method: string, args: unknown[]) => Fault | undefined;
  /** The runtime's CMI as an LMS would store it. */
  cmi(): Json;
  get(element: string): string;
  callsTo(method: string): RecordedCall[];
  /** Calls whose error was not 0 (but for 2004 reads of elements with no value yet). */
  errors(): RecordedCall[];
  /** The values set for an element, in order. */
  setsOf(element: string | RegExp): string[];
  remove(): void;
}

const ERROR_METHODS = new Set([
  'GetLastError',
  'GetErrorString',
  'GetDiagnostic',
  'LMSGetLastError',
  'LMSGetErrorString',
  'LMSGetDiagnostic',
]);

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // a synchronous LMS call that takes its time
  }
}

/** A real scorm-again runtime, loaded with what the LMS knows at launch, installed on `window`. */
export async function createLms(version: ScormVersion, initial?: Json, options: { install?: boolean } = {}): Promise<Lms> {
  const Runtime = await loadScormAgain(version);
  const api = new Runtime({ logLevel: 5, autocommit: false });
  if (initial) api.loadFromJSON(initial);
  const names = METHODS[version];
  const target = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = Object.fromEntries(Object.values(names).map((n) => [n, target[n]!.bind(api)])) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const calls: RecordedCall[] = [];
  const faults: Fault[] = [];
  let forcedError: string | undefined;
  const lms = {} as Lms;

  const realError = () => String(original[names.getLastError]!());
  for (const name of Object.values(names)) {
    if (name === names.getLastError) {
      target[name] = () => forcedError ?? realError();
      continue;
    }
    if (ERROR_METHODS.has(name)) continue;
    target[name] = (...args: unknown[]) => {
      const fault =
        lms.schedule?.(name, args) ??
        faults.find(
          (f) =>
            f.method === name &&
            (f.times === undefined || f.times > 0) &&
            (f.element === undefined || (typeof f.element === 'string' ? args[0] === f.element : f.element.test(String(args[0])))),
        );
      if (fault) {
        if (fault.times !== undefined) fault.times--;
        if (fault.delayMs) busyWait(fault.delayMs);
        if (fault.clockMs) vi.setSystemTime(Date.now() + fault.clockMs);
        if (fault.throws) {
          calls.push({ method: name, args, result: undefined, error: 'threw', faulted: true });
          throw new Error(`injected: ${name} failed`);
        }
        if (fault.result !== undefined || fault.returnsUndefined) {
          forcedError = fault.error ?? '0';
          calls.push({ method: name, args, result: fault.result, error: forcedError, faulted: true });
          return fault.result;
        }
      }
      forcedError = undefined;
      const result = original[name]!(...args);
      if (fault?.errorAfter !== undefined) forcedError = fault.errorAfter;
      calls.push({ method: name, args, result, error: forcedError ?? realError(), ...(fault ? { faulted: true } : {}) });
      return result;
    };
  }
  const key = API_NAME[version];
  if (options.install !== false) (window as unknown as Json)[key] = api;
  return Object.assign(lms, {
    version,
    api,
    calls,
    faults,
    cmi: () => (api.renderCMIToJSONObject() as Json).cmi as Json,
    get: (element) => {
      const parts = element.replace(/^cmi\./, '').split('.');
      let node: unknown = (api.renderCMIToJSONObject() as Json).cmi;
      for (const p of parts) node = node && typeof node === 'object' ? (node as Json)[p] : undefined;
      return node === undefined ? '' : String(node);
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    // A read of an element that has no value yet answers 403 "not initialised" in 2004: an answer, not an error.
    errors: () => calls.filter((c) => c.error !== '0' && !(c.method === 'GetValue' && c.error === '403')),
    setsOf: (element) =>
      calls
        .filter(
          (c) => c.method === names.setValue && (typeof element === 'string' ? c.args[0] === element : element.test(String(c.args[0]))),
        )
        .map((c) => String(c.args[1])),
    remove: () => {
      if ((window as unknown as Json)[key] === api) delete (window as unknown as Json)[key];
    },
  } satisfies Omit<Lms, 'schedule'>);
}

/** What the LMS hands the SCO at the next launch: the stored CMI, entry from the last exit. */
export function relaunchData(lms: Lms): Json {
  return relaunchCmi(lms.cmi(), lms.version);
}

const lifecycles: Array<() => void> = [];

/**
 * What src/app/start.tsx does with a session: the same launch preparation, the machine started,
 * tracking following it, the page lifecycle watched (`drafts`: the view's pending texts, if any).
 */
export function boot(
  session: Session,
  c: Course = course,
  seeds: number[] = [11, 22, 33, 44],
  drafts: () => void = () => {},
): { actor: CourseActor; saved?: Saved; unreadable: boolean; course: Course; notices: Launch['notices'] } {
  let i = 0;
  const launch = prepareLaunch(c, session.start, { newSeed: () => seeds[i++ % seeds.length]! });
  const actor = createActor(courseMachine, { input: launch.input });
  session.attach(actor);
  actor.start();
  lifecycles.push(watchPageLifecycle(window, { flushDrafts: drafts, session }));
  return {
    actor,
    ...(launch.saved ? { saved: launch.saved } : {}),
    unreadable: !!launch.unreadable,
    course: launch.course,
    notices: launch.notices,
  };
}

/** Stops following the page lifecycle of every session booted so far (a test that boots many). */
export function stopLifecycles(): void {
  for (const stop of lifecycles.splice(0)) stop();
}

/** Sends an event and lets the learner pause a moment (time passes; scheduled commits run). */
export function step(actor: CourseActor, event: EngineEvent, pauseMs = 3000): void {
  actor.send(event);
  vi.advanceTimersByTime(pauseMs);
}

const questions = questionIndex(course);
export const correctOf = (id: string) => rightAnswer(questions.get(id)!);
export const wrongOf = (id: string) => wrongAnswer(questions.get(id)!);

export interface ModulePlan {
  wrongFirst?: boolean;
  reflection?: string;
  rating?: number;
}

/** Takes a module from the menu to its end: every page and its decisions, the check (optionally wrong first), reflection, self-assessment. */
export function doModule(actor: CourseActor, moduleId: string, plan: ModulePlan = {}, pauseMs = 3000): void {
  step(actor, { type: 'OPEN_MODULE', moduleId }, pauseMs);
  for (let guard = 0; guard < 50 && actor.getSnapshot().matches('module'); guard++) {
    const s = actor.getSnapshot();
    const m = s.context.course.modules.find((x) => x.id === s.context.moduleId)!;
    // Every decision on the page: its first option.
    if (s.matches({ module: 'page' }))
      for (const b of m.pages.find((p) => p.id === s.context.pageId)!.blocks)
        if (b.type === 'decision') step(actor, { type: 'DECIDE', blockId: b.id, option: b.options[0]! }, pauseMs);
    if (s.matches({ module: 'check' })) {
      for (const q of m.questions) {
        if (plan.wrongFirst) {
          step(actor, { type: 'SELECT', questionId: q.localId, choice: wrongOf(q.id) }, pauseMs);
          step(actor, { type: 'SUBMIT_ANSWER', questionId: q.localId }, pauseMs);
        }
        step(actor, { type: 'SELECT', questionId: q.localId, choice: rightAnswer(q) }, pauseMs);
        step(actor, { type: 'SUBMIT_ANSWER', questionId: q.localId }, pauseMs);
      }
    }
    if (s.matches({ module: 'reflection' }))
      step(actor, { type: 'SET_REFLECTION', text: plan.reflection ?? `Thoughts on ${moduleId}` }, pauseMs);
    if (s.matches({ module: 'self' })) step(actor, { type: 'RATE', value: plan.rating ?? 4 }, pauseMs);
    step(actor, { type: 'NEXT' }, pauseMs);
  }
}

/** Takes one final-assessment attempt from the final's intro/result: `correct` questions right, the rest wrong. */
export function doAttempt(actor: CourseActor, correct: number, options: { submit?: boolean; answer?: number } = {}, pauseMs = 3000): void {
  step(actor, { type: 'BEGIN_ATTEMPT' }, pauseMs);
  const attempt = actor.getSnapshot().context.record.latest!;
  const answer = options.answer ?? attempt.drawn.length;
  attempt.drawn.slice(0, answer).forEach((id, i) => {
    step(actor, { type: 'ANSWER_FINAL', questionId: id, choice: i < correct ? correctOf(id) : wrongOf(id) }, pauseMs);
    if (i < attempt.drawn.length - 1) step(actor, { type: 'NEXT' }, pauseMs);
  });
  if (options.submit !== false) step(actor, { type: 'SUBMIT_FINAL' }, pauseMs);
}

/** Fires the page lifecycle events a browser would. */
export function hidePage(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function showPage(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function pageHide(persisted = false): void {
  const e = new Event('pagehide');
  Object.defineProperty(e, 'persisted', { value: persisted });
  window.dispatchEvent(e);
}

/** The page shown again (`persisted`: from the back/forward cache). */
export function pageShow(persisted = true): void {
  const e = new Event('pageshow');
  Object.defineProperty(e, 'persisted', { value: persisted });
  window.dispatchEvent(e);
}

/** The element names of each version, for assertions written once for both. */
export const E = {
  '1.2': {
    interactions: 'cmi.interactions',
    response: 'student_response',
    timestamp: 'time',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    location: 'cmi.core.lesson_location',
    wrong: 'wrong',
  },
  '2004': {
    interactions: 'cmi.interactions',
    response: 'learner_response',
    timestamp: 'timestamp',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    location: 'cmi.location',
    wrong: 'incorrect',
  },
} as const;

export function cleanWindow(): void {
  for (const key of ['API', 'API_1484_11']) delete (window as unknown as Json)[key];
  localStorage.clear();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
}

/** Each test runs on fake timers in a clean window; the sessions it opens are exited after it. */
export function useSessions(): (version: ScormVersion, extra?: Parameters<typeof openSession>[1]) => Promise<Session> {
  const sessions: Session[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
    cleanWindow();
  });
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.exit();
    for (const stop of lifecycles.splice(0)) stop();
    vi.useRealTimers();
    cleanWindow();
  });
  return async (version, extra = {}) => {
    const s = await openSession(course, { target: targetOfScormVersion(version), logger: quietLogger(), ...extra });
    sessions.push(s);
    return s;
  };
}

/** The encoded snapshot of an actor's current state. */
export function currentSnapshot(actor: CourseActor): string {
  const s = actor.getSnapshot();
  return encodeSnapshot(savedOf(s), s.context.course);
}

/** The run-time API's method names in each version. */
export const N = {
  '1.2': { get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', init: 'LMSInitialize' },
  '2004': { get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', init: 'Initialize' },
} as const;

/** A first launch (ab-initio), as an LMS hands it over; 2004 with a passing score and a completion threshold. */
export const firstLaunch = (version: ScormVersion): Json =>
  version === '1.2'
    ? { core: { entry: 'ab-initio', student_name: 'A, B' } }
    : { entry: 'ab-initio', learner_name: 'A, B', scaled_passing_score: '0.75', completion_threshold: '1' };

/** Every save state (and notice) the view is told, in order. */
export function followSaveState(session: Session): Array<[SaveState, Notice | undefined]> {
  const seen: Array<[SaveState, Notice | undefined]> = [];
  session.onSaveState((s, n) => seen.push([s, n]));
  return seen;
}

/** The interactions the LMS holds, by index. */
export function interactionsOf(lms: Lms): Json[] {
  return Object.entries((lms.cmi().interactions ?? {}) as Record<string, Json>)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);
}

/** The saved state the LMS holds, decoded (undefined when there is none). */
export function savedIn(lms: Lms): Saved | undefined {
  const raw = lms.get('cmi.suspend_data');
  return raw ? decodeSnapshot(raw, course) : undefined;
}

/** A first launch, opened, booted and started (past the start screen), with the save states followed. */
export async function startCourse(open: ReturnType<typeof useSessions>, version: ScormVersion) {
  const lms = await createLms(version, firstLaunch(version));
  const session = await open(version);
  const seen = followSaveState(session);
  const { actor } = boot(session);
  step(actor, { type: 'START' });
  return { lms, session, seen, actor };
}
