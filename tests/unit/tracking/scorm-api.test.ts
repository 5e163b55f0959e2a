// @vitest-environment happy-dom
/** The content-side SCORM wrapper: discovery, lifecycle, success rules, error reporting, the call log. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { clearScormCallLog, getScormCallLog, onScormCall } from '../../../src/tracking/scorm-api/call-log.ts';
import { ScormConnection } from '../../../src/tracking/scorm-api/connection.ts';
import { findApi, isApi, MAX_DEPTH } from '../../../src/tracking/scorm-api/discovery.ts';
import type { ScormApi } from '../../../src/tracking/scorm-api/types.ts';
import { cleanWindow, createLms, quietLogger } from './support.ts';

beforeEach(() => {
  cleanWindow();
  clearScormCallLog();
});
afterEach(() => cleanWindow());

const api12 = () => ({
  LMSInitialize: () => 'true',
  LMSFinish: () => 'true',
  LMSGetValue: () => '',
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
  LMSGetErrorString: () => '',
  LMSGetDiagnostic: () => '',
});
const api2004 = () => ({
  Initialize: () => 'true',
  Terminate: () => 'true',
  GetValue: () => '',
  SetValue: () => 'true',
  Commit: () => 'true',
  GetLastError: () => '0',
  GetErrorString: () => '',
  GetDiagnostic: () => '',
});

/** A window-like chain; `crossOrigin` windows throw on every property read except parent/opener/top. */
function frame(
  props: Record<string, unknown> = {},
  options: { parent?: object; opener?: object; crossOrigin?: boolean } = {},
): Record<string, unknown> {
  const self: Record<string, unknown> = {};
  const target = { ...props };
  const win = new Proxy(target, {
    get(_, key) {
      if (key === 'parent') return options.parent ?? win;
      if (key === 'top') {
        let w: Record<string, unknown> = win;
        for (let i = 0; i < 50 && w.parent !== w; i++) w = w.parent as Record<string, unknown>;
        return w;
      }
      if (key === 'opener') return options.opener ?? null;
      if (options.crossOrigin) throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      return target[key as string];
    },
  });
  void self;
  return win;
}

describe('API discovery', () => {
  test('finds the API in this window, then up the parents', () => {
    const api = api2004();
    expect(findApi(frame({ API_1484_11: api }), '2004')?.api).toBe(api);
    const top = frame({ API_1484_11: api });
    const middle = frame({}, { parent: top });
    const found = findApi(frame({}, { parent: middle }), '2004');
    expect(found).toMatchObject({ api, via: 'self', depth: 2 });
  });

  test("looks only for the build version's API", () => {
    const win = frame({ API: api12() });
    expect(findApi(win, '2004')).toBeUndefined();
    expect(findApi(win, '1.2')?.api).toBeTruthy();
    expect(findApi(frame({ API_1484_11: api2004() }), '1.2')).toBeUndefined();
  });

  test('walks past cross-origin windows without throwing', () => {
    const api = api12();
    const lms = frame({ API: api });
    const foreign = frame({}, { parent: lms, crossOrigin: true });
    expect(findApi(frame({}, { parent: foreign }), '1.2')).toMatchObject({ api, depth: 2 });
  });

  test("then the opener's chain, and the top window's opener", () => {
    const api = api2004();
    const lms = frame({ API_1484_11: api });
    expect(findApi(frame({}, { opener: lms }), '2004')).toMatchObject({ api, via: 'opener' });
    const top = frame({}, { opener: frame({}, { parent: lms }) });
    expect(findApi(frame({}, { parent: top }), '2004')).toMatchObject({ api, via: 'top-opener', depth: 1 });
  });

  test('is bounded', () => {
    const api = api2004();
    let w = frame({ API_1484_11: api });
    for (let i = 0; i < MAX_DEPTH; i++) w = frame({}, { parent: w });
    expect(findApi(w, '2004')?.depth).toBe(MAX_DEPTH);
    expect(findApi(frame({}, { parent: w }), '2004')).toBeUndefined();
  });

  test('an object missing methods is not an API', () => {
    const { Commit: _, ...partial } = api2004();
    expect(isApi(partial, '2004')).toBe(false);
    expect(isApi(null, '2004')).toBe(false);
    expect(findApi(frame({ API_1484_11: partial }), '2004')).toBeUndefined();
  });

  test('finds a real scorm-again runtime on window', async () => {
    const lms = await createLms('2004');
    expect(findApi(window, '2004')?.api).toBe(lms.api);
  });
});

describe('ScormConnection', () => {
  const connect = (api: object, version: '1.2' | '2004' = '2004', stillPresent?: () => boolean) =>
    new ScormConnection(api as ScormApi, version, { logger: quietLogger(), ...(stillPresent ? { stillPresent } : {}) });

  test('lifecycle: nothing before Initialize, nothing after Terminate, Terminate once', () => {
    const calls: string[] = [];
    const api = Object.fromEntries(
      Object.entries(api2004()).map(([k, f]) => [k, (...a: unknown[]) => (calls.push(k), (f as (...x: unknown[]) => string)(...a))]),
    );
    const c = connect(api);
    expect(c.setValue('cmi.location', 'x').ok).toBe(false);
    expect(c.commit().ok).toBe(false);
    expect(c.terminate().ok).toBe(false);
    expect(calls).toEqual([]);
    expect(c.initialize().ok).toBe(true);
    expect(c.state).toBe('initialised');
    expect(c.initialize().ok).toBe(false);
    expect(c.setValue('cmi.location', 'x').ok).toBe(true);
    expect(c.terminate().ok).toBe(true);
    expect(c.state).toBe('terminated');
    expect(c.terminate().ok).toBe(false);
    expect(c.getValue('cmi.location').ok).toBe(false);
    expect(calls.filter((k) => k === 'Terminate')).toHaveLength(1);
    expect(calls.filter((k) => k === 'Initialize')).toHaveLength(1);
    // GetLastError after every call that reached the LMS.
    const reached = calls.filter((k) => k !== 'GetLastError');
    expect(calls.filter((k) => k === 'GetLastError')).toHaveLength(reached.length);
    expect(getScormCallLog().filter((e) => e.refused)).toHaveLength(6);
  });

  test('only the string "true" is success', () => {
    for (const answer of [true, 'TRUE', 'True', '1', 1, undefined, null, 'false']) {
      const c = connect({ ...api2004(), Initialize: () => answer });
      expect(c.initialize().ok).toBe(false);
    }
    const ok = connect({ ...api12(), LMSCommit: () => true }, '1.2');
    ok.initialize();
    expect(ok.commit().ok).toBe(false);
  });

  test('an error code is read after every call, with its string and diagnostic', () => {
    let code = '0';
    const api = {
      ...api2004(),
      SetValue: () => ((code = '406'), 'false'),
      GetValue: () => ((code = '0'), 'v'),
      GetLastError: () => code,
      GetErrorString: (c: string) => `string ${c}`,
      GetDiagnostic: (c: string) => `diagnostic ${c}`,
    };
    const c = connect(api);
    c.initialize();
    const seen: unknown[] = [];
    const stop = onScormCall((e) => seen.push(e));
    const r = c.setValue('cmi.score.scaled', '2');
    expect(r).toEqual({ ok: false, value: '', error: 406 });
    expect(getScormCallLog().at(-1)).toMatchObject({
      method: 'SetValue',
      args: ['cmi.score.scaled', '2'],
      result: 'false',
      error: 406,
      errorString: 'string 406',
      diagnostic: 'diagnostic 406',
    });
    expect(c.getValue('cmi.location')).toEqual({ ok: true, value: 'v', error: 0 });
    expect(seen).toHaveLength(2);
    stop();
  });

  test('a GetValue of an element without a value (2004: 403) is "not set", not a fault', async () => {
    await createLms('2004');
    const c = connect((window as unknown as Record<string, object>).API_1484_11!);
    c.initialize();
    const r = c.getValue('cmi.scaled_passing_score');
    expect(r.ok).toBe(false);
    expect(c.isNotSet(r)).toBe(true);
  });

  test('a method that throws is caught; when the API is gone the connection is lost and refuses calls', () => {
    let present = true;
    const api = {
      ...api2004(),
      Commit: () => {
        throw new Error('freed script');
      },
    };
    const c = connect(api, '2004', () => present);
    c.initialize();
    expect(c.commit()).toEqual({ ok: false, value: '', error: -1 });
    expect(c.lost).toBe(false);
    present = false;
    expect(() => c.commit()).not.toThrow();
    expect(c.lost).toBe(true);
    expect(c.setValue('cmi.location', 'x').ok).toBe(false);
    expect(getScormCallLog().at(-1)?.refused).toMatch(/lost/);
    const thrown = getScormCallLog().filter((e) => e.threw);
    expect(thrown).toHaveLength(2);
    expect(thrown[0]!.threw).toContain('freed script');
  });

  test('a GetLastError that throws does not escape', () => {
    const c = connect({
      ...api2004(),
      GetLastError: () => {
        throw new Error('x');
      },
    });
    expect(() => c.initialize()).not.toThrow();
    expect(c.initialize().ok).toBe(false);
  });

  test('the call log keeps method, args, result, error and timing, with long values clipped', () => {
    const c = connect(api12(), '1.2');
    c.initialize();
    c.setValue('cmi.suspend_data', 'x'.repeat(5000));
    const e = getScormCallLog().at(-1)!;
    expect(e).toMatchObject({ method: 'LMSSetValue', result: 'true', error: 0 });
    expect(e.args[1]!.length).toBeLessThan(1100);
    expect(typeof e.time).toBe('number');
    expect(typeof e.ms).toBe('number');
    expect(e.seq).toBeGreaterThan(0);
  });
});
