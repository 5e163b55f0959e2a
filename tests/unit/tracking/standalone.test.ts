// @vitest-environment happy-dom
/**
 * Standalone: no LMS API anywhere, so the page hosts scorm-again itself with browser storage behind it.
 * The tracker talks to it like to any LMS; a reload resumes from what was stored.
 */
import { describe, expect, test, vi } from 'vitest';
import type { Notice, SaveState } from '../../../src/session/index.ts';
import { savedOf } from '../../../src/engine/index.ts';
import { storageKey } from '../../../src/tracking/adapters/standalone.ts';
import { incompressibleText } from '../../../src/tracking/suspend-budget.ts';
import { boot, course, currentSnapshot, doModule, pageHide, step, useSessions } from './support.ts';

const open = useSessions();
const current = currentSnapshot;
/** Browser storage that can be told to refuse writes (full, or denied by privacy settings). */
function flakyStorage(): Storage & { failing: boolean } {
  const data = new Map<string, string>();
  return {
    failing: false,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      if (this.failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

/** A reload: the page's globals go, browser storage stays. */
function reload(): void {
  for (const key of ['API', 'API_1484_11']) delete (window as unknown as Record<string, unknown>)[key];
}

describe.each(['1.2', '2004'] as const)('standalone, SCORM %s build', (version) => {
  const key = storageKey(course.id, version);

  test('hosts scorm-again as the API, says so quietly, and resumes after a reload', async () => {
    const s = await open(version);
    expect(s.start.store).toBe('browser');
    expect(s.start.notices).toEqual([{ key: 'standaloneOnly', tone: 'info' }]);
    expect(s.start.saved).toBeUndefined();
    const installed = (window as unknown as Record<string, unknown>)[version === '1.2' ? 'API' : 'API_1484_11'];
    expect(installed?.constructor.name).toBe(version === '1.2' ? 'Scorm12API' : 'Scorm2004API');
    const { actor } = boot(s);
    step(actor, { type: 'START' });
    doModule(actor, 'intro', { reflection: 'Kept in this browser: æøå' });
    step(actor, { type: 'OPEN_MODULE', moduleId: 'alpha' });
    step(actor, { type: 'NEXT' });
    const expected = current(actor);
    expect(JSON.parse(localStorage.getItem(key)!).cmi.suspend_data).toBe(expected);
    pageHide();

    reload();
    const again = await open(version);
    expect(again.start.saved).toBe(expected);
    const resumed = boot(again);
    expect(savedOf(resumed.actor.getSnapshot()).location).toBe('module:alpha');
    expect(resumed.actor.getSnapshot().context.pageId).toBe('two');
    expect(resumed.actor.getSnapshot().context.record).toEqual(actor.getSnapshot().context.record);
  });

  test('the language choice is kept', async () => {
    const s = await open(version);
    boot(s);
    s.setLanguage('en');
    vi.advanceTimersByTime(10);
    pageHide();
    reload();
    expect((await open(version)).start.language).toBe('en');
  });

  test('browser storage holds more than an LMS: a state over 4,096 characters is kept', async () => {
    const s = await open(version);
    const { actor } = boot(s);
    step(actor, { type: 'START' });
    // Text deflate cannot shrink: the saved state is compressed.
    doModule(actor, 'intro', { reflection: incompressibleText(course.settings.limits.scorm2004.reflection) });
    expect(current(actor).length).toBeGreaterThan(2000);
    expect(JSON.parse(localStorage.getItem(key)!).cmi.suspend_data).toBe(current(actor));
  });

  test('storage that refuses to write makes Commit fail like an LMS: retried, then told plainly', async () => {
    const storage = flakyStorage();
    const s = await open(version, { retryDelays: [1000, 2000], storage });
    const seen: Array<[SaveState, Notice | undefined]> = [];
    s.onSaveState((st, n) => seen.push([st, n]));
    const { actor } = boot(s);
    storage.failing = true;
    step(actor, { type: 'START' }, 0);
    vi.advanceTimersByTime(0);
    expect(seen.at(-1)?.[0]).toBe('retrying');
    vi.advanceTimersByTime(5000);
    expect(seen.at(-1)).toEqual(['failed', { key: 'saveFailed', tone: 'error' }]);
    storage.failing = false;
    doModule(actor, 'intro');
    expect(seen.at(-1)).toEqual(['saved', undefined]);
    expect(JSON.parse(storage.getItem(key)!).cmi.suspend_data).toBe(current(actor));
  });

  test('progress saved by the earlier localStorage placeholder is picked up', async () => {
    localStorage.setItem(`course:${course.id}`, '[1#4:menu{5:intro{1:dT}}[]_]');
    localStorage.setItem(`course:${course.id}:lang`, 'en');
    const s = await open(version);
    expect(s.start.saved).toBe('[1#4:menu{5:intro{1:dT}}[]_]');
    expect(s.start.language).toBe('en');
  });

  test('stored data in an unknown shape is set aside, not a crash', async () => {
    localStorage.setItem(key, '{not json');
    const s = await open(version);
    expect(s.start.store).toBe('browser');
    expect(s.start.saved).toBeUndefined();
  });
});

test('without usable storage the learner still works, and is told saving fails', async () => {
  const storage = flakyStorage();
  storage.failing = true;
  const s = await open('2004', { storage, win: window, retryDelays: [] });
  const seen: Array<[SaveState, Notice | undefined]> = [];
  s.onSaveState((st, n) => seen.push([st, n]));
  const { actor } = boot(s);
  step(actor, { type: 'START' });
  expect(seen.at(-1)).toEqual(['failed', { key: 'saveFailed', tone: 'error' }]);
  expect(actor.getSnapshot().matches('menu')).toBe(true);
});
