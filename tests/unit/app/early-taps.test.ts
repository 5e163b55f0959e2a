// @vitest-environment happy-dom
/** Taps on the pre-rendered screens, answered or kept until the app takes over. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepEarlyTaps } from '../../../src/app/early-taps.ts';
import { PRERENDERED_ATTRIBUTE } from '../../../src/app/prerender-mark.ts';

const START =
  '<main><h1 tabindex="-1">Kurset</h1><button data-early="start"><span>Start kurset</span></button></main><button>Afslut</button>';
/** The content of the menu's <main> (the header and footer are the start screen's). */
const MENU =
  '<h1 tabindex="-1">Kursusoversigt</h1><ol>' +
  ['intro', 'alpha', 'beta'].map((id) => `<li><button data-early="open:${id}"><span>Åbn</span></button></li>`).join('') +
  '</ol>';

function screen(withMenu = true) {
  const root = document.createElement('div');
  root.setAttribute(PRERENDERED_ATTRIBUTE, 'start:da');
  root.innerHTML = START;
  const template = document.createElement('template');
  template.id = 'prerendered-menu';
  template.dataset.mark = 'menu:da';
  template.innerHTML = MENU;
  document.body.replaceChildren(root, ...(withMenu ? [template] : []));
  return {
    root,
    template: withMenu ? template : null,
    start: root.querySelector<HTMLElement>('[data-early]')!,
    exit: root.querySelectorAll('button')[1]!,
  };
}

const row = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-early="open:${id}"]`)!;

describe('early taps', () => {
  it('answers a tap on Start (also on its text) with the pre-rendered menu, its heading focused, and hands it over once', () => {
    const { root, start, template } = screen();
    const early = keepEarlyTaps(root, template);
    expect(root.hasAttribute('data-keeping-taps')).toBe(true);
    start.querySelector('span')!.click();
    // The menu is the main's content now, the rest of the screen kept, marked so, and the template is gone
    expect(root.querySelector('h1')!.textContent).toBe('Kursusoversigt');
    expect(root.innerHTML).toBe(`<main>${MENU}</main><button>Afslut</button>`);
    expect(root.getAttribute(PRERENDERED_ATTRIBUTE)).toBe('menu:da');
    expect(document.getElementById('prerendered-menu')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('h1'));
    expect(early.release()).toEqual({ start: true });
    expect(root.hasAttribute('data-keeping-taps')).toBe(false);
  });

  it('keeps the last tap on a module row of the pre-rendered menu, shown as busy, and clears that look on release', () => {
    const { root, start, template } = screen();
    const early = keepEarlyTaps(root, template);
    start.click();
    row(root, 'alpha').click();
    expect(row(root, 'alpha').getAttribute('aria-busy')).toBe('true');
    row(root, 'beta').querySelector('span')!.click();
    expect(row(root, 'alpha').hasAttribute('data-early-pending')).toBe(false);
    expect(row(root, 'beta').hasAttribute('data-early-pending')).toBe(true);
    expect(early.release()).toEqual({ start: true, open: 'beta' });
    expect(root.querySelectorAll('[data-early-pending], [aria-busy]')).toHaveLength(0);
    // The app has the screen now: later taps are the app's
    row(root, 'intro').click();
    expect(early.release()).toEqual({ start: true, open: 'beta' });
  });

  it('without a pre-rendered menu, keeps a tap on Start as pressed', () => {
    const { root, start } = screen(false);
    const early = keepEarlyTaps(root, null);
    start.click();
    expect(start.hasAttribute('data-early-pending')).toBe(true);
    expect(start.getAttribute('aria-busy')).toBe('true');
    expect(root.getAttribute(PRERENDERED_ATTRIBUTE)).toBe('start:da');
    expect(early.release()).toEqual({ start: true });
    expect(start.hasAttribute('data-early-pending')).toBe(false);
    expect(start.hasAttribute('aria-busy')).toBe(false);
  });

  it('keeps nothing for taps elsewhere, or when nobody tapped', () => {
    const { root, exit, template } = screen();
    const early = keepEarlyTaps(root, template);
    exit.click();
    root.click();
    expect(early.release()).toEqual({ start: false });
    expect(root.innerHTML).toBe(START);
  });

  it('whatever the learner taps, in any order: the menu shows once, and what is handed over is Start and the last row tapped after it', () => {
    const tap = fc.oneof(fc.constant('start'), fc.constant('exit'), fc.constantFrom('intro', 'alpha', 'beta'));
    fc.assert(
      fc.property(fc.array(tap, { maxLength: 12 }), (taps) => {
        const { root, template } = screen();
        const early = keepEarlyTaps(root, template);
        let shown = false;
        let open: string | undefined;
        for (const t of taps) {
          if (t === 'start') {
            const b = root.querySelector<HTMLElement>('[data-early="start"]');
            if (b) b.click();
            shown = true;
          } else if (t === 'exit') root.querySelector<HTMLElement>('main ~ button')?.click();
          else if (shown) {
            row(root, t).click();
            open = t;
          }
        }
        expect(root.getAttribute(PRERENDERED_ATTRIBUTE)).toBe(shown ? 'menu:da' : 'start:da');
        expect(root.querySelectorAll('[data-early-pending]').length).toBe(open ? 1 : 0);
        expect(early.release()).toEqual({ start: shown, ...(open ? { open } : {}) });
        expect(root.querySelectorAll('[data-early-pending], [aria-busy]')).toHaveLength(0);
      }),
    );
  });
});
