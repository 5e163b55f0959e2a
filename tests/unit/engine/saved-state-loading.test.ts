// @vitest-environment happy-dom
/**
 * The saved-state code (compression, restoring, a text's room) is its own chunk, loaded beside the
 * player. Every test here starts from a fresh module graph in which it is not loaded yet (the unit setup
 * loads it for every other test), and checks that nothing is lost on the way: a save asked for before
 * the code is there waits for it and still happens; a page that goes first throws nothing and writes no
 * state; a resumed learner's session has the code before the stored state is read.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type * as SupportModule from '../tracking/support.ts';
import type * as LoaderModule from '../../../src/engine/saved-state-loader.ts';
import type * as TrackingModule from '../../../src/tracking/index.ts';
import type * as EngineModule from '../../../src/engine/index.ts';

type Support = typeof SupportModule;
type Loader = typeof LoaderModule;
type Tracking = typeof TrackingModule;
type Engine = typeof EngineModule;

/** A fresh module graph: the saved-state code is not loaded in it. */
async function fresh(): Promise<{ support: Support; loader: Loader; tracking: Tracking; engine: Engine }> {
  vi.resetModules();
  const [support, loader, tracking, engine] = await Promise.all([
    import('../tracking/support.ts'),
    import('../../../src/engine/saved-state-loader.ts'),
    import('../../../src/tracking/index.ts'),
    import('../../../src/engine/index.ts'),
  ]);
  return { support, loader, tracking, engine };
}

let stops: Array<() => void | Promise<unknown>> = [];
beforeEach(() => {
  stops = [];
});
afterEach(async () => {
  for (const stop of stops) await stop();
  for (const key of ['API', 'API_1484_11']) delete (window as unknown as Record<string, unknown>)[key];
});

describe('the saved-state code loaded beside the player', () => {
  test('a fresh learner: the first save waits for the code and then happens, with the state as it is by then', async () => {
    const { support, loader, tracking, engine } = await fresh();
    const lms = await support.createLms('1.2', { core: { entry: 'ab-initio' } });
    const session = await tracking.openSession(support.course, { target: 'scorm12', logger: support.quietLogger(), debounceMs: 0 });
    expect(loader.savedStateLoaded(), 'a fresh learner does not need the code to open the session').toBe(false);
    const { actor } = support.boot(session);
    stops.push(() => session.exit(), support.stopLifecycles);

    actor.send({ type: 'START' });
    actor.send({ type: 'OPEN_MODULE', moduleId: support.course.modules[0]!.id });
    await vi.waitFor(() => expect(lms.get('cmi.suspend_data')).not.toBe(''), { timeout: 5000 });
    expect(loader.savedStateLoaded()).toBe(true);
    const saved = engine.decodeSnapshot(lms.get('cmi.suspend_data'), support.course);
    expect(saved.location).toBe(`module:${support.course.modules[0]!.id}`);
    expect(lms.get('cmi.core.lesson_location')).toBe(`module:${support.course.modules[0]!.id}`);
  });

  test('a page that goes before the code has arrived throws nothing, ends the session and writes no state', async () => {
    const { support, loader, tracking } = await fresh();
    const lms = await support.createLms('1.2', { core: { entry: 'ab-initio' } });
    const logger = support.quietLogger();
    const errors = vi.spyOn(logger, 'error');
    const session = await tracking.openSession(support.course, { target: 'scorm12', logger });
    const { actor } = support.boot(session);
    stops.push(support.stopLifecycles);

    actor.send({ type: 'START' });
    expect(loader.savedStateLoaded()).toBe(false);
    support.pageHide();
    expect(errors).not.toHaveBeenCalled();
    expect(lms.callsTo('LMSFinish')).toHaveLength(1);
    // Nothing in place of the state: the LMS keeps what it held (nothing, for a fresh learner).
    expect(lms.setsOf('cmi.suspend_data')).toEqual([]);
  });

  test('a resumed learner: the session has the code before it reads the stored state, and the launch restores it', async () => {
    const { support, loader, engine } = await fresh();
    await loader.loadSavedState();
    const moduleId = support.course.modules[0]!.id;
    const stored = engine.encodeSnapshot(
      { location: `module:${moduleId}`, record: { modules: { [moduleId]: { done: false, answers: {} } }, past: [] } },
      support.course,
    );

    const again = await fresh();
    await again.support.createLms('1.2', { core: { entry: 'resume' }, suspend_data: stored });
    expect(again.loader.savedStateLoaded()).toBe(false);
    const session = await again.tracking.openSession(again.support.course, { target: 'scorm12', logger: again.support.quietLogger() });
    expect(again.loader.savedStateLoaded()).toBe(true);
    const booted = again.support.boot(session);
    stops.push(() => session.exit(), again.support.stopLifecycles);
    expect(booted.unreadable).toBe(false);
    expect(booted.saved?.location).toBe(`module:${moduleId}`);
  });

  test("a text's room before the code has arrived: within its cap a text may shrink, never grow", async () => {
    const { support, loader, engine } = await fresh();
    expect(loader.savedStateLoaded()).toBe(false);
    const m = support.course.modules.find((x) => x.reflection)!;
    const limits = { reflection: 400, actionStep: 150 };
    const record = { modules: { [m.id]: { done: false, answers: {}, reflection: 'abc' } }, past: [] };
    const field = { kind: 'reflection', moduleId: m.id } as const;
    expect(engine.textFits(support.course, record, limits, 4096, field, 'ab')).toBe(true);
    expect(engine.textFits(support.course, record, limits, 4096, field, 'abcd')).toBe(false);
    expect(engine.roomFor(support.course, record, limits, 4096, field, 'abc')).toEqual({ max: 3, left: 0, bySavedState: true });
    expect(() => engine.encodeSnapshot({ location: 'menu', record }, support.course)).toThrow(loader.SavedStateNotLoaded);

    await loader.loadSavedState();
    expect(engine.textFits(support.course, record, limits, 4096, field, 'abcd')).toBe(true);
    expect(engine.roomFor(support.course, record, limits, 4096, field, 'abc').max).toBe(400);
  });
});
