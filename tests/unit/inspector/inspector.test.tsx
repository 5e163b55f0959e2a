// @vitest-environment happy-dom
/** The authors' inspector: simulated faults on a real scorm-again API, preview jumps, and the panel. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { courseMachine } from '../../../src/engine/machine.ts';
import { activeFaults, setFault } from '../../../src/inspector/faults.ts';
import { dataModelFromCalls, Inspector } from '../../../src/inspector/Inspector.tsx';
import { applyJump, previewUrl, readPreviewParams } from '../../../src/inspector/preview-url.ts';
import { loadScormAgain } from '../../../src/tracking/adapters/scorm-again.ts';
import { clearScormCallLog, recordCall } from '../../../src/tracking/scorm-api/call-log.ts';
import { course, input } from '../engine/sample.ts';

/** The LMS-facing methods, as a course calls them. */
type LmsMethods = Record<
  'Initialize' | 'Commit' | 'GetLastError' | 'LMSInitialize' | 'LMSSetValue' | 'LMSGetLastError',
  (...args: string[]) => string
>;
const lms = (api: object) => api as unknown as LmsMethods;

type Runtime = Awaited<ReturnType<typeof loadScormAgain>>;
let Scorm2004API: Runtime;
let Scorm12API: Runtime;
beforeAll(async () => {
  Scorm2004API = await loadScormAgain('2004');
  Scorm12API = await loadScormAgain('1.2');
});

afterEach(() => {
  cleanup();
  clearScormCallLog();
});

describe('simulated LMS faults', () => {
  it('makes Commit fail with error 391 in SCORM 2004, and recovers when switched off', () => {
    const api = lms(new Scorm2004API({ logLevel: 5 }));
    expect(api.Initialize('')).toBe('true');
    setFault(api, 'commit-fails', true);
    expect(api.Commit('')).toBe('false');
    expect(api.GetLastError()).toBe('391');
    expect(activeFaults(api)).toEqual(['commit-fails']);
    setFault(api, 'commit-fails', false);
    expect(api.Commit('')).toBe('true');
    expect(api.GetLastError()).toBe('0');
  });

  it('makes SetValue and GetValue fail with error 101 in SCORM 1.2', () => {
    const api = lms(new Scorm12API({ logLevel: 5 }));
    expect(api.LMSInitialize('')).toBe('true');
    setFault(api, 'calls-fail', true);
    expect(api.LMSSetValue('cmi.core.lesson_location', 'x')).toBe('false');
    expect(api.LMSGetLastError()).toBe('101');
    setFault(api, 'calls-fail', false);
    expect(api.LMSSetValue('cmi.core.lesson_location', 'x')).toBe('true');
  });

  it('makes every call throw when the API is lost', () => {
    const api = lms(new Scorm2004API({ logLevel: 5 }));
    setFault(api, 'api-lost', true);
    expect(() => api.Initialize('')).toThrow(/API is gone/);
  });
});

describe('preview parameters', () => {
  it('reads version, language and jump target from the URL', () => {
    expect(readPreviewParams('?target=scorm12&lang=en&jump=alpha/two')).toEqual({
      target: 'scorm12',
      lang: 'en',
      jump: { moduleId: 'alpha', pageId: 'two' },
    });
    expect(readPreviewParams('?target=scorm3&jump=final')).toEqual({ jump: 'final' });
    expect(previewUrl('http://h/?jump=x&lang=da', { jump: undefined, target: 'scorm12' })).toBe('http://h/?lang=da&target=scorm12');
  });

  it('jumps to any page of any module, past the gating', () => {
    const saved = applyJump(undefined, course, { moduleId: 'beta', pageId: 'only' });
    const actor = createActor(courseMachine, { input: input({ record: saved!.record, resumeAt: saved!.location }) }).start();
    expect(actor.getSnapshot().value).toEqual({ module: 'page' });
    expect([actor.getSnapshot().context.moduleId, actor.getSnapshot().context.pageId]).toEqual(['beta', 'only']);
  });

  it('jumps to the final assessment by marking the modules done', () => {
    const saved = applyJump(undefined, course, 'final');
    const actor = createActor(courseMachine, { input: input({ record: saved!.record, resumeAt: saved!.location }) }).start();
    expect(actor.getSnapshot().value).toEqual({ final: 'intro' });
  });
});

describe('the inspector panel', () => {
  const setup = (api?: object) => {
    const actor = createActor(courseMachine, { input: input() }).start();
    const navigate = vi.fn();
    const resetProgress = vi.fn();
    render(
      <Inspector
        actor={actor}
        course={course}
        target="scorm2004"
        language="da"
        api={api}
        navigate={navigate}
        resetProgress={resetProgress}
      />,
    );
    return { navigate, resetProgress };
  };
  const entry = (method: string, args: string[], error = 0) =>
    recordCall({ time: 0, method, args, result: error ? 'false' : 'true', error, ms: 1 });

  it('opens with Alt+Shift+I and shows the data model the course has set, live', () => {
    setup();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.keyDown(window, { altKey: true, shiftKey: true, code: 'KeyI' });
    act(() => {
      entry('SetValue', ['cmi.location', 'menu']);
      entry('SetValue', ['cmi.location', 'module:alpha']);
      entry('SetValue', ['cmi.exit', 'bogus'], 406);
    });
    const table = screen.getByRole('table', { name: 'Values the course has set in the LMS' });
    expect(within(table).getByText('module:alpha')).toBeTruthy();
    expect(within(table).queryByText('bogus')).toBeNull(); // a refused value is not in the LMS
  });

  it('lists calls with their error codes', () => {
    setup();
    act(() => void entry('Commit', [''], 391));
    fireEvent.click(screen.getByRole('button', { name: 'Inspector' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Call log' }));
    const row = screen.getByText('Commit()').closest('tr')!;
    expect(row.className).toContain('inspector__error');
    expect(within(row).getByText('391')).toBeTruthy();
  });

  it('resets progress, jumps, and switches version and language through the preview URL', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    const { navigate, resetProgress } = setup(api);
    fireEvent.click(screen.getByRole('button', { name: 'Inspector' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Controls' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
    expect(resetProgress).toHaveBeenCalledOnce();
    fireEvent.change(screen.getByRole('combobox', { name: 'Jump to' }), { target: { value: 'alpha/two' } });
    expect(navigate).toHaveBeenLastCalledWith(expect.stringContaining('jump=alpha%2Ftwo'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Package target' }), { target: { value: 'scorm12' } });
    expect(navigate).toHaveBeenLastCalledWith(expect.stringContaining('target=scorm12'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'en' } });
    expect(navigate).toHaveBeenLastCalledWith(expect.stringContaining('lang=en'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Commit fails' }));
    expect(activeFaults(api)).toEqual(['commit-fails']);
  });
});

it('keeps the data model to the last accepted value of each element', () => {
  expect(
    dataModelFromCalls([
      { seq: 1, time: 0, method: 'SetValue', args: ['cmi.b', '1'], error: 0, ms: 0 },
      { seq: 2, time: 0, method: 'LMSSetValue', args: ['cmi.a', '2'], error: 0, ms: 0 },
      { seq: 3, time: 0, method: 'SetValue', args: ['cmi.b', '3'], error: 0, ms: 0 },
    ]),
  ).toEqual([
    ['cmi.a', '2'],
    ['cmi.b', '3'],
  ]);
});
