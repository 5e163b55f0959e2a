/**
 * A small namespace-aware view of an XML document, enough to read manifests written by any tool with
 * any prefixes: each element and attribute carries its namespace URI and local name. Parsing is done by
 * fast-xml-parser; well-formedness is judged first by its validator. Documents that declare entities
 * are refused (a manifest has no use for them, and they are how entity-expansion attacks start).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XAttr {
  qname: string;
  ns: string;
  local: string;
  value: string;
}

export interface XElement {
  qname: string;
  ns: string;
  local: string;
  attrs: XAttr[];
  children: XElement[];
  /** Concatenated text directly inside this element, trimmed. */
  text: string;
  /** 1-based line of the start tag, when known. */
  line?: number;
}

export type ParseResult = { ok: true; root: XElement } | { ok: false; error: string; line?: number };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(xml: string): ParseResult {
  if (/<!ENTITY/i.test(xml))
    return { ok: false, error: 'the document declares XML entities (<!ENTITY ...>), which a manifest must not do' };
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true)
    return { ok: false, error: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`, line: valid.err.line };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
    processEntities: true,
    htmlEntities: false,
  });
  let ordered: Ordered[];
  try {
    ordered = parser.parse(xml) as Ordered[];
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const roots = ordered.flatMap((n) => toElements(n, new Map([['xml', XML_NS]])));
  if (roots.length !== 1) return { ok: false, error: roots.length ? 'more than one root element' : 'no root element' };
  return { ok: true, root: roots[0]! };
}

function tagOf(node: Ordered): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function split(qname: string): [string | undefined, string] {
  const i = qname.indexOf(':');
  return i < 0 ? [undefined, qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

function toElements(node: Ordered, scope: Map<string | undefined, string>): XElement[] {
  const tag = tagOf(node);
  if (!tag || tag.startsWith('#') || tag.startsWith('?') || tag.startsWith('!')) return [];
  const rawAttrs = node[':@'] ?? {};
  const inner = new Map(scope);
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns') inner.set(undefined, String(v));
    else if (k.startsWith('xmlns:')) inner.set(k.slice(6), String(v));
  }
  const [prefix, local] = split(tag);
  const attrs: XAttr[] = Object.entries(rawAttrs).map(([qname, value]) => {
    const [p, l] = split(qname);
    const ns = qname === 'xmlns' || p === 'xmlns' ? XMLNS_NS : p === undefined ? '' : (inner.get(p) ?? `undeclared:${p}`);
    return { qname, ns, local: l, value: String(value) };
  });
  const el: XElement = {
    qname: tag,
    ns: inner.get(prefix) ?? (prefix ? `undeclared:${prefix}` : ''),
    local,
    attrs,
    children: [],
    text: '',
  };
  const kids = node[tag];
  if (Array.isArray(kids)) {
    const texts: string[] = [];
    for (const k of kids as Ordered[]) {
      if ('#text' in k) texts.push(String(k['#text']));
      else el.children.push(...toElements(k, inner));
    }
    el.text = texts.join('').trim();
  }
  return [el];
}

export function attr(el: XElement, local: string, ns = ''): string | undefined {
  return el.attrs.find((a) => a.local === local && a.ns === ns)?.value;
}

export function children(el: XElement, local: string, ns?: string): XElement[] {
  return el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

export function child(el: XElement, local: string, ns?: string): XElement | undefined {
  return children(el, local, ns)[0];
}

export function* descendants(el: XElement): Generator<XElement> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}

export const XML_NAMESPACE = XML_NS;
