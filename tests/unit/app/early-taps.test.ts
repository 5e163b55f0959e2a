// @vitest-environment happy-dom
/** Taps on the pre-rendered first screen, kept until the app takes over. */
import { describe, expect, it } from 'vitest';
import { keepEarlyTaps } from '../../../src/app/early-taps.ts';

function screen() {
  const root = document.createElement('div');
  root.innerHTML = '<button data-early="start"><span>Start kurset</span></button><button>Afslut</button>';
  document.body.replaceChildren(root);
  return { root, start: root.querySelector<HTMLElement>('[data-early]')!, exit: root.querySelectorAll('button')[1]! };
}

describe('early taps', () => {
  it('keeps a tap on Start (also on its text), shows it as pressed, and hands it over once', () => {
    const { root, start } = screen();
    const early = keepEarlyTaps(root);
    expect(root.hasAttribute('data-keeping-taps')).toBe(true);
    start.querySelector('span')!.click();
    expect(start.hasAttribute('data-early-pending')).toBe(true);
    expect(start.getAttribute('aria-busy')).toBe('true');
    expect([...early.release()]).toEqual(['start']);
    expect(root.hasAttribute('data-keeping-taps')).toBe(false);
    // The app has the screen now: the pressed look is gone and later taps are the app's
    expect(start.hasAttribute('data-early-pending')).toBe(false);
    expect(start.hasAttribute('aria-busy')).toBe(false);
    start.click();
    expect([...early.release()]).toEqual(['start']);
  });

  it('keeps nothing for taps elsewhere, or when nobody tapped', () => {
    const { root, exit } = screen();
    const early = keepEarlyTaps(root);
    exit.click();
    root.click();
    expect([...early.release()]).toEqual([]);
  });
});
