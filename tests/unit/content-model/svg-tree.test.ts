/**
 * A figure's SVG becomes a plain element tree at build time, checked against the allow-list
 * (src/content-model/svg-tree.ts): what is allowed comes through exactly, what is not is refused with
 * its file and line, and no refused thing ever reaches the tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svgTree, type SvgElement } from '../../../src/content-model/svg-tree.ts';

const FILE = 'content/figures/x.svg';
const svg = (body: string, root = 'viewBox="0 0 600 160" font-size="12"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${root}>\n${body}\n</svg>`;
const messages = (text: string) => svgTree(text, FILE).issues.map((i) => `${i.file}:${i.line}: ${i.message}`);

describe('an SVG as an element tree', () => {
  it('keeps elements and presentation attributes (in React spelling), drops namespaces, marks labels', () => {
    const r = svgTree(
      svg(
        '<!-- a comment -->\n<g stroke="#1b1b1b" stroke-width="2">\n  <rect x="1" y="2" width="3" height="4" rx="1"/>\n</g>\n<text x="5" y="6" text-anchor="middle" data-label="title"></text>',
      ),
      FILE,
    );
    expect(r.issues).toEqual([]);
    expect(r.labels).toEqual(['title']);
    expect(r.figure).toEqual({
      width: 600,
      height: 160,
      minFontSize: 12,
      minWidth: 560,
      root: {
        name: 'svg',
        attributes: { viewBox: '0 0 600 160', fontSize: '12' },
        children: [
          {
            name: 'g',
            attributes: { stroke: '#1b1b1b', strokeWidth: '2' },
            children: [{ name: 'rect', attributes: { x: '1', y: '2', width: '3', height: '4', rx: '1' }, children: [] }],
          },
          { name: 'text', attributes: { x: '5', y: '6', textAnchor: 'middle' }, children: [], label: 'title' },
        ],
      },
    });
  });

  it('turns a style attribute into the presentation attributes it sets (the page forbids inline styles)', () => {
    const r = svgTree(svg('<rect style="fill: #fff; stroke-width:2" width="1" height="1"/><text data-label="a"/>'), FILE);
    expect(r.issues).toEqual([]);
    expect(r.figure!.root.children[0]!.attributes).toEqual({ fill: '#fff', strokeWidth: '2', width: '1', height: '1' });
  });

  it('keeps references inside the file (url(#id), href="#id") and lists each label once, in order', () => {
    const r = svgTree(
      svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0"/></defs>' +
          '<rect fill="url(#g)" width="1" height="1"/><use href="#p"/><text data-label="b"/><text data-label="a"/><text data-label="b"/>',
      ),
      FILE,
    );
    expect(r.issues).toEqual([]);
    expect(r.labels).toEqual(['b', 'a']);
  });

  it('takes the smallest text size from the texts themselves or what they inherit', () => {
    const r = svgTree(
      svg('<g font-size="9"><text data-label="a"/></g><text font-size="20" data-label="b"/>', 'viewBox="0 0 660 100" font-size="14"'),
      FILE,
    );
    expect(r.figure!.minFontSize).toBe(9);
    // 660 units at 11 px for the 9-unit text: 807 px, in steps of 40.
    expect(r.figure!.minWidth).toBe(840);
  });

  it('refuses what is hostile or untranslatable, each at its file and line', () => {
    expect(
      messages(
        svg(
          [
            '<script>alert(1)</script>',
            '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
            '<rect onclick="alert(1)" width="1" height="1"/>',
            '<use href="https://evil.example/a.svg#x"/>',
            '<rect fill="url(https://evil.example/p.svg#g)" width="1" height="1"/>',
            '<style>rect { fill: red }</style>',
            '<rect style="behavior: url(x.htc)" width="1" height="1"/>',
            '<text x="1">Hello</text>',
            '<a href="https://example.org"><text data-label="a"/></a>',
            '<rect fill="url(#missing)" width="1" height="1"/>',
            '<text data-label="b"/>',
          ].join('\n'),
          'viewBox="0 0 600 160" onload="alert(1)"',
        ),
      ),
    ).toEqual([
      `${FILE}:1: an event handler (onload="...") on <svg>: a figure runs nothing`,
      `${FILE}:2: a <script> element: a figure is a drawing and runs nothing`,
      `${FILE}:3: a <foreignObject> element: a figure holds only SVG drawing elements`,
      `${FILE}:4: an event handler (onclick="...") on <rect>: a figure runs nothing`,
      `${FILE}:5: a link to "https://evil.example/a.svg#x" on <use>: a figure may refer only to elements of its own file (href="#id")`,
      `${FILE}:6: fill="url(https://evil.example/p.svg#g)" on <rect> refers outside the file: use url(#id) of an element in this SVG`,
      `${FILE}:7: a <style> element: give colours and fonts as attributes (fill="#2e8b57", font-size="14")`,
      `${FILE}:8: style="behavior: url(x.htc)" on <rect> sets "behavior: url(x.htc)", which has no presentation attribute: write it as an attribute or leave it out`,
      `${FILE}:9: words written in the SVG ("Hello"): they would not be translated; write data-label="key" on the <text> and put the words in the locale files at labels.<key>`,
      `${FILE}:10: an <a> link: a figure links nowhere`,
      `${FILE}:11: fill refers to "#missing", but no element of this file has id="missing"`,
    ]);
  });

  it('refuses a file that is not one well-formed <svg> with a viewBox', () => {
    expect(messages('<svg viewBox="0 0 1 1"><text data-label="a"></svg>')[0]).toMatch(
      /^content\/figures\/x\.svg:1: is not well-formed XML: /,
    );
    expect(messages('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>')).toEqual([
      `${FILE}:1: a <!DOCTYPE> or <!ENTITY> declaration: an SVG figure needs neither (remove it)`,
    ]);
    expect(messages('<html><text data-label="a"/></html>')).toEqual([
      `${FILE}:1: is not one <svg> element: a figure file holds a single <svg> root`,
    ]);
    expect(messages('<svg><text data-label="a"/></svg>')).toEqual([
      `${FILE}:1: the <svg> has no viewBox="0 0 width height": the player scales the figure to the page by it`,
    ]);
    expect(messages(svg('<rect width="1" height="1"/>'))).toEqual([
      `${FILE}:1: has no words: mark each <text> with data-label="key" and put the words in the locale files`,
    ]);
  });

  it('converts every figure of the real course without a problem', () => {
    const dir = 'content/figures';
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.svg'))) {
      const r = svgTree(readFileSync(`${dir}/${f}`, 'utf8'), `${dir}/${f}`);
      expect(r.issues, f).toEqual([]);
      expect(r.labels.length, f).toBeGreaterThan(0);
    }
  });
});

// --- property: nothing refused reaches the tree; everything allowed comes through -----------------

const SAFE_ELEMENTS = ['g', 'rect', 'circle', 'path', 'line', 'polygon'] as const;
const HOSTILE_ELEMENTS = ['script', 'foreignObject', 'style', 'image', 'iframe', 'a', 'animate', 'set', 'object'] as const;
const SAFE_ATTRIBUTES: [string, string][] = [
  ['fill', 'fill'],
  ['stroke', 'stroke'],
  ['stroke-width', 'strokeWidth'],
  ['opacity', 'opacity'],
  ['transform', 'transform'],
  ['x', 'x'],
  ['d', 'd'],
];
const HOSTILE_ATTRIBUTES = ['onload', 'onclick', 'onMouseOver', 'href', 'xlink:href', 'class', 'style', 'src', 'formaction'];
const value = fc.constantFrom(
  '#2e8b57',
  '2',
  'translate(1 2)',
  'url(https://evil.example/x)',
  'javascript:alert(1)',
  'url(#nowhere)',
  'M0 0',
);

interface Gen {
  name: string;
  attrs: [string, string][];
  children: Gen[];
}
const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<string>(...SAFE_ELEMENTS) },
  { weight: 1, arbitrary: fc.constantFrom<string>(...HOSTILE_ELEMENTS) },
);
const attrs = fc.uniqueArray(
  fc.tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SAFE_ATTRIBUTES.map(([a]) => a)) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_ATTRIBUTES) },
    ),
    value,
  ),
  { maxLength: 3, selector: ([a]) => a },
);
/** Elements nested up to `depth` levels. */
const elementAt = (depth: number): fc.Arbitrary<Gen> =>
  fc.record({ name, attrs, children: depth > 0 ? fc.array(elementAt(depth - 1), { maxLength: 3 }) : fc.constant([]) });
const element = elementAt(2);

const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const serialise = (e: Gen): string =>
  `<${e.name}${e.attrs.map(([a, v]) => ` ${a}="${escape(v)}"`).join('')}>${e.children.map(serialise).join('')}</${e.name}>`;
const isSafe = (e: Gen): boolean =>
  (SAFE_ELEMENTS as readonly string[]).includes(e.name) &&
  e.attrs.every(([a, v]) => SAFE_ATTRIBUTES.some(([s]) => s === a) && !v.includes('url(') && !v.includes('javascript:')) &&
  e.children.every(isSafe);
const expected = (e: Gen): SvgElement => ({
  name: e.name,
  attributes: Object.fromEntries(e.attrs.map(([a, v]) => [SAFE_ATTRIBUTES.find(([s]) => s === a)![1], v])),
  children: e.children.map(expected),
});

const ALLOWED_NAMES = new Set(['svg', ...SAFE_ELEMENTS, 'text']);
const ALLOWED_PROPS = new Set(['viewBox', 'fontSize', ...SAFE_ATTRIBUTES.map(([, r]) => r)]);
function everyNode(e: SvgElement, check: (e: SvgElement) => void): void {
  check(e);
  e.children.forEach((c) => everyNode(c, check));
}

describe('the allow-list, over generated SVGs', () => {
  it('passes a safe SVG through exactly, and refuses every SVG with a hostile part (never a tree then)', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 4 }), (body) => {
        const r = svgTree(svg(body.map(serialise).join('') + '<text data-label="a"/>'), FILE);
        if (body.every(isSafe)) {
          expect(r.issues).toEqual([]);
          expect(r.figure!.root.children).toEqual([...body.map(expected), { name: 'text', attributes: {}, children: [], label: 'a' }]);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          expect(r.figure).toBeUndefined();
          for (const i of r.issues) expect(i.file).toBe(FILE);
        }
        if (r.figure)
          everyNode(r.figure.root, (e) => {
            expect(ALLOWED_NAMES.has(e.name)).toBe(true);
            for (const [k, v] of Object.entries(e.attributes)) {
              expect(ALLOWED_PROPS.has(k)).toBe(true);
              expect(v).not.toMatch(/javascript:|url\(/);
            }
          });
      }),
      { numRuns: 300 },
    );
  });
});
