// @vitest-environment happy-dom
/**
 * A commit meant for "after paint" runs once the learner has the new screen: after a frame in which
 * no view is still drawing (a module whose texts are on their way), and never later than
 * DRAWING_WAIT_MS, so a screen that never finishes drawing does not stop saving.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAWING_ATTRIBUTE } from '../../../src/session/session.ts';
import { browserTimers, DRAWING_WAIT_MS } from '../../../src/tracking/scheduler.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] });
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

const drawingView = () => {
  const view = document.createElement('div');
  view.setAttribute(DRAWING_ATTRIBUTE, '');
  document.body.append(view);
  return view;
};

describe('browserTimers.afterPaint', () => {
  it('runs after the next frame when every view is drawn', () => {
    const fn = vi.fn();
    browserTimers(window).afterPaint!(fn);
    expect(fn).not.toHaveBeenCalled(); // the click is handled and painted first
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('waits while a view is still drawing, and runs in the first frame after it is drawn', () => {
    const view = drawingView();
    const fn = vi.fn();
    browserTimers(window).afterPaint!(fn);
    vi.advanceTimersByTime(800);
    expect(fn).not.toHaveBeenCalled();
    view.remove();
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('waits no longer than DRAWING_WAIT_MS for a screen that stays in its loading state', () => {
    drawingView();
    const fn = vi.fn();
    browserTimers(window).afterPaint!(fn);
    vi.advanceTimersByTime(DRAWING_WAIT_MS - 100);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(fn).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledOnce(); // once only, whichever of frame and fallback came first
  });

  it('can be cancelled while it waits', () => {
    const view = drawingView();
    const fn = vi.fn();
    const cancel = browserTimers(window).afterPaint!(fn);
    vi.advanceTimersByTime(300);
    cancel();
    view.remove();
    vi.advanceTimersByTime(DRAWING_WAIT_MS * 2);
    expect(fn).not.toHaveBeenCalled();
  });
});
