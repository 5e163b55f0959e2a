/**
 * A figure's SVG as plain data: element names, attributes and children, checked against an allow-list
 * at build time, so that the player renders it with React elements and no string ever becomes markup
 * in the browser (the page's CSP requires Trusted Types and forbids inline styles).
 *
 * What an SVG may hold: drawing elements (shapes, paths, groups, gradients, patterns, markers, clip
 * paths, `<use>` of the same file), their geometry and presentation attributes, and `<text>`/`<tspan>`
 * elements whose words come from the locale files (`data-label="key"`: the words are
 * `labels.<key>` of the block, so translators see them). Refused, each with its file and line: scripts,
 * `<foreignObject>`, `<style>`, event handlers, links or references to anything outside the file, words
 * written in the SVG itself (they would not be translated), and any element or attribute not on the list.
 * A `style="..."` attribute is turned into the presentation attributes it sets, or refused when it sets
 * anything else.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ContentIssue } from './issues.ts';

/** One element of the tree. `label`: the text comes from the block's `labels.<label>` string. */
export interface SvgElement {
  name: string;
  /** Attribute name as React spells it (`strokeWidth`), and its value. */
  attributes: Record<string, string>;
  children: SvgElement[];
  label?: string;
}

/** A figure ready for the player: the root `<svg>` and what the view needs to lay it out. */
export interface SvgFigure {
  root: SvgElement;
  /** The viewBox's width and height (the drawing's own units). */
  width: number;
  height: number;
  /** The smallest font size any text is drawn at, in the drawing's units. */
  minFontSize: number;
  /** CSS pixels below which that text would be too small to read (the phone then scrolls the figure). */
  minWidth: number;
}

export interface SvgResult {
  figure?: SvgFigure;
  /** The `data-label` keys in document order, without repeats. */
  labels: string[];
  issues: ContentIssue[];
}

/** Elements an SVG may hold. Text may only come through `data-label` on `<text>` or `<tspan>`. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'path',
  'text',
  'tspan',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'marker',
  'clipPath',
  'mask',
]);

/** Why an element is refused, where a reason helps more than "not on the list". */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: 'a <script> element: a figure is a drawing and runs nothing',
  foreignObject: 'a <foreignObject> element: a figure holds only SVG drawing elements',
  style: 'a <style> element: give colours and fonts as attributes (fill="#2e8b57", font-size="14")',
  title: 'a <title> element: the figure\'s accessible name is its "alt" text in the locale files',
  desc: 'a <desc> element: the figure in words is its "description" text in the locale files',
  a: 'an <a> link: a figure links nowhere',
  image: 'an <image> element: a figure draws with SVG shapes only (use an image block for pictures)',
  iframe: 'an <iframe> element',
  animate: 'an animation element: a figure does not move',
  animateTransform: 'an animation element: a figure does not move',
  animateMotion: 'an animation element: a figure does not move',
  set: 'a <set> element: a figure does not change',
};

/** Attributes (SVG spelling) an element may carry, with the name React gives each. */
const ATTRIBUTES: Record<string, string> = {
  id: 'id',
  viewBox: 'viewBox',
  preserveAspectRatio: 'preserveAspectRatio',
  width: 'width',
  height: 'height',
  x: 'x',
  y: 'y',
  x1: 'x1',
  y1: 'y1',
  x2: 'x2',
  y2: 'y2',
  cx: 'cx',
  cy: 'cy',
  r: 'r',
  rx: 'rx',
  ry: 'ry',
  fx: 'fx',
  fy: 'fy',
  dx: 'dx',
  dy: 'dy',
  d: 'd',
  points: 'points',
  transform: 'transform',
  href: 'href',
  fill: 'fill',
  'fill-opacity': 'fillOpacity',
  'fill-rule': 'fillRule',
  'clip-rule': 'clipRule',
  stroke: 'stroke',
  'stroke-width': 'strokeWidth',
  'stroke-dasharray': 'strokeDasharray',
  'stroke-dashoffset': 'strokeDashoffset',
  'stroke-linecap': 'strokeLinecap',
  'stroke-linejoin': 'strokeLinejoin',
  'stroke-miterlimit': 'strokeMiterlimit',
  'stroke-opacity': 'strokeOpacity',
  opacity: 'opacity',
  'paint-order': 'paintOrder',
  'vector-effect': 'vectorEffect',
  'shape-rendering': 'shapeRendering',
  visibility: 'visibility',
  display: 'display',
  'font-family': 'fontFamily',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  'font-style': 'fontStyle',
  'text-anchor': 'textAnchor',
  'dominant-baseline': 'dominantBaseline',
  'alignment-baseline': 'alignmentBaseline',
  'letter-spacing': 'letterSpacing',
  'text-decoration': 'textDecoration',
  textLength: 'textLength',
  lengthAdjust: 'lengthAdjust',
  'marker-start': 'markerStart',
  'marker-mid': 'markerMid',
  'marker-end': 'markerEnd',
  markerWidth: 'markerWidth',
  markerHeight: 'markerHeight',
  markerUnits: 'markerUnits',
  refX: 'refX',
  refY: 'refY',
  orient: 'orient',
  offset: 'offset',
  'stop-color': 'stopColor',
  'stop-opacity': 'stopOpacity',
  gradientUnits: 'gradientUnits',
  gradientTransform: 'gradientTransform',
  spreadMethod: 'spreadMethod',
  patternUnits: 'patternUnits',
  patternContentUnits: 'patternContentUnits',
  patternTransform: 'patternTransform',
  'clip-path': 'clipPath',
  clipPathUnits: 'clipPathUnits',
  mask: 'mask',
  maskUnits: 'maskUnits',
  maskContentUnits: 'maskContentUnits',
};

/** Dropped without a word: namespace declarations and version marks, which React's SVG needs not. */
const IGNORED_ATTRIBUTES = new Set(['xmlns', 'xmlns:xlink', 'version', 'baseProfile', 'xml:space']);

/** Only these attributes may refer to another element, and only inside the file (`url(#id)`, `#id`). */
const LABEL_KEY = /^[A-Za-z0-9_-]+$/;
const LOCAL_URL = /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g;
const NUMBER = /^\s*(-?\d+(?:\.\d+)?)(?:px)?\s*$/;

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Converts one SVG file's text (`file`: its path for messages, relative to the course root). */
export function svgTree(text: string, file: string): SvgResult {
  const issues: ContentIssue[] = [];
  const labels: string[] = [];
  const refuse = (line: number | undefined, message: string) => issues.push({ file, line, message });
  const lineAt = (index: number | undefined) => (index === undefined ? undefined : text.slice(0, index).split('\n').length);

  const doctype = text.search(/<!DOCTYPE|<!ENTITY/i);
  if (doctype >= 0) {
    refuse(lineAt(doctype), 'a <!DOCTYPE> or <!ENTITY> declaration: an SVG figure needs neither (remove it)');
    return { labels, issues };
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    refuse(valid.err.line, `is not well-formed XML: ${valid.err.msg} (column ${valid.err.col})`);
    return { labels, issues };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    captureMetaData: true,
    commentPropName: '#comment',
    cdataPropName: '#cdata',
    processEntities: true,
    htmlEntities: false,
  });
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const nodes = parser.parse(text) as Ordered[];

  const ids = new Set<string>();
  /** References to ids (checked once every id is known). */
  const references: { id: string; line?: number; attribute: string }[] = [];
  let minFontSize = Infinity;

  const convertAttributes = (name: string, raw: Record<string, string>, line: number | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    const set = (attr: string, value: string) => {
      if (IGNORED_ATTRIBUTES.has(attr) || attr === 'data-label') return;
      if (/^on/i.test(attr)) return refuse(line, `an event handler (${attr}="...") on <${name}>: a figure runs nothing`);
      if (attr === 'xlink:href' || attr === 'href') {
        if (name !== 'use') return refuse(line, `a ${attr} on <${name}>: only <use> refers to another element`);
        if (!/^#[^\s#]+$/.test(value))
          return refuse(line, `a link to "${value}" on <use>: a figure may refer only to elements of its own file (href="#id")`);
        references.push({ id: value.slice(1), line, attribute: attr });
        out.href = value;
        return;
      }
      const react = ATTRIBUTES[attr];
      if (!react)
        return refuse(line, `a ${attr} attribute on <${name}>, which a figure may not have (see docs/content-format.md, "figure")`);
      if (/url\(/i.test(value)) {
        const refs = [...value.matchAll(LOCAL_URL)];
        if (value.replace(LOCAL_URL, '').includes('url(') || !refs.length)
          return refuse(line, `${attr}="${value}" on <${name}> refers outside the file: use url(#id) of an element in this SVG`);
        for (const m of refs) references.push({ id: m[1]!, line, attribute: attr });
      }
      if (/javascript:|expression\(/i.test(value)) return refuse(line, `${attr}="${value}" on <${name}> holds code`);
      out[react] = value;
    };
    for (const [attr, value] of Object.entries(raw)) {
      if (attr === 'style') {
        // Inline styles are forbidden on the page: each declaration becomes the attribute it stands for.
        for (const declaration of value.split(';')) {
          if (!declaration.trim()) continue;
          const colon = declaration.indexOf(':');
          const property = declaration.slice(0, colon).trim();
          const v = declaration.slice(colon + 1).trim();
          if (colon < 0 || !ATTRIBUTES[property] || ['id', 'href', 'd', 'points', 'transform'].includes(property))
            refuse(
              line,
              `style="${value}" on <${name}> sets "${declaration.trim()}", which has no presentation attribute: write it as an attribute or leave it out`,
            );
          else set(property, v);
        }
      } else set(attr, value);
    }
    if (out.id !== undefined) {
      if (ids.has(out.id)) refuse(line, `two elements have id="${out.id}"`);
      ids.add(out.id);
    }
    return out;
  };

  const startLine = (node: Ordered) => lineAt((node as unknown as Record<string, { startIndex?: number } | undefined>)[meta]?.startIndex);
  const nameOf = (node: Ordered) => Object.keys(node).find((k) => k !== ':@')!;

  /** `fontSize`: the size this element inherits (a text's size is its own or its nearest ancestor's). */
  const convert = (node: Ordered, inText: boolean, fontSize: string | undefined): SvgElement | undefined => {
    const name = nameOf(node);
    const line = startLine(node);
    if (!ELEMENTS.has(name)) {
      refuse(line, REFUSED_ELEMENTS[name] ?? `a <${name}> element, which a figure may not have (see docs/content-format.md, "figure")`);
      return undefined;
    }
    const raw = node[':@'] ?? {};
    const element: SvgElement = { name, attributes: convertAttributes(name, raw, line), children: [] };
    const size = element.attributes.fontSize ?? fontSize;
    const isText = name === 'text' || name === 'tspan';
    const label = raw['data-label'];
    if (label !== undefined) {
      if (!isText) refuse(line, `data-label on <${name}>: only <text> and <tspan> carry words`);
      else if (!LABEL_KEY.test(label)) refuse(line, `data-label="${label}": a label key is letters, digits, "-" and "_"`);
      else {
        element.label = label;
        if (!labels.includes(label)) labels.push(label);
        const n = NUMBER.exec(size ?? '16');
        if (n) minFontSize = Math.min(minFontSize, Number(n[1]));
      }
    }
    let wordsRefused = false;
    for (const child of (node[name] as Ordered[] | undefined) ?? []) {
      const childName = nameOf(child);
      if (childName === '#comment') continue;
      if (childName === '#text' || childName === '#cdata') {
        const words = childName === '#text' ? String(child['#text']) : JSON.stringify(child['#cdata']);
        if (words.trim() && (wordsRefused = true))
          refuse(
            line,
            isText
              ? `words written in the SVG ("${words.trim().slice(0, 40)}"): they would not be translated; write data-label="key" on the <${name}> and put the words in the locale files at labels.<key>`
              : `text "${words.trim().slice(0, 40)}" inside <${name}>`,
          );
        continue;
      }
      if (childName.startsWith('?')) {
        refuse(line, `a processing instruction <${childName}>: an SVG figure needs none`);
        continue;
      }
      const c = convert(child, inText || isText, size);
      if (!c) continue;
      if (element.label)
        refuse(
          startLine(child),
          `<${name} data-label="${element.label}"> holds a <${c.name}>: the label's words replace everything inside it`,
        );
      element.children.push(c);
    }
    if (isText && !inText && !wordsRefused && !element.label && !element.children.some((c) => c.label))
      refuse(line, `a <${name}> without data-label: its words would not come from the locale files (write data-label="key")`);
    return element;
  };

  const top = nodes.filter((n) => {
    const k = Object.keys(n).find((key) => key !== ':@')!;
    return k !== '#comment' && k !== '?xml' && !(k === '#text' && !String(n['#text']).trim());
  });
  const rootNode = top[0];
  const rootName = rootNode && Object.keys(rootNode).find((k) => k !== ':@');
  if (!rootNode || top.length !== 1 || rootName !== 'svg') {
    refuse(1, 'is not one <svg> element: a figure file holds a single <svg> root');
    return { labels, issues };
  }
  const root = convert(rootNode, false, undefined);
  for (const r of references)
    if (!ids.has(r.id)) refuse(r.line, `${r.attribute} refers to "#${r.id}", but no element of this file has id="${r.id}"`);

  const line = startLine(rootNode);
  const box = (root?.attributes.viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2]! <= 0 || box[3]! <= 0)
    refuse(line, 'the <svg> has no viewBox="0 0 width height": the player scales the figure to the page by it');
  if (!labels.length) refuse(line, 'has no words: mark each <text> with data-label="key" and put the words in the locale files');
  if (issues.length || !root) return { labels, issues };
  // The player sizes the figure itself (to the page's width): the file's own width and height do not apply.
  delete root.attributes.width;
  delete root.attributes.height;
  const smallest = Number.isFinite(minFontSize) ? minFontSize : 16;
  return {
    figure: { root, width: box[2]!, height: box[3]!, minFontSize: smallest, minWidth: minimumWidth(box[2]!, smallest) },
    labels,
    issues,
  };
}

/** The smallest size, in CSS pixels, a figure's text is shown at: below it a phone scrolls the figure instead. */
export const MIN_TEXT_PX = 11;
/** Minimum widths come in steps of this many pixels (each step is a class in src/player/blocks/blocks.css). */
const MIN_WIDTH_STEP = 40;
const MIN_WIDTH_RANGE = [320, 960] as const;

/** The CSS width below which the smallest text (`minFontSize` of `width` units) would be drawn under MIN_TEXT_PX. */
export function minimumWidth(width: number, minFontSize: number): number {
  const needed = Math.ceil((width * MIN_TEXT_PX) / minFontSize / MIN_WIDTH_STEP) * MIN_WIDTH_STEP;
  return Math.min(MIN_WIDTH_RANGE[1], Math.max(MIN_WIDTH_RANGE[0], needed));
}
