/**
 * XLIFF 1.2 for CAT tools (memoQ, Trados Studio, Phrase, Crowdin): writing and reading.
 *
 * Interpolation variables (`{{name}}`, `$t(key)`) and HTML tags become `<ph>` placeholders, so CAT
 * tools show them as protected tags that translators move but cannot break; everything else,
 * Markdown included, is text. Reading keeps the line of every unit and target for error messages, and
 * accepts what CAT tools write back: `<g>`/`<mrk>` wrappers, `<x/>`, `<bx/>`, `<ex/>` referring to the
 * source's placeholders, CDATA, comments, namespaced extensions.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HTML_TAG, PLACEHOLDER } from '../content-model/text-checks.ts';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

export interface XliffUnit {
  id: string;
  /** The key path inside its file, for the `resname` attribute. */
  resname: string;
  source: string;
  target?: string;
  /** XLIFF 1.2 target state: `translated`, `needs-review-translation`, `final` ... */
  state?: string;
  notes: string[];
}

export interface XliffFile {
  /** The `original` attribute: the file the units come from, such as `p01.json`. */
  original: string;
  /** A note for the whole file. */
  note?: string;
  units: XliffUnit[];
}

export interface XliffDocument {
  sourceLanguage: string;
  targetLanguage: string;
  productName?: string;
  files: XliffFile[];
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const CODE = new RegExp(`${PLACEHOLDER.source}|${HTML_TAG.source}`, 'g');

/** The codes (placeholders, tags) of a string, in order. */
export function inlineCodes(text: string): string[] {
  return text.match(CODE) ?? [];
}

/**
 * Text with its codes as `<ph id="n">`. Source codes are numbered 1..n; a target's codes take the id
 * of the same code in the source (so CAT tools pair them), and new ones continue after n.
 */
function encodeInline(text: string, sourceCodes: string[] = inlineCodes(text)): string {
  if (NOT_XML.test(text)) throw new Error(`the text ${JSON.stringify(text.slice(0, 40))} contains a character XML cannot hold`);
  const free = sourceCodes.map((code, i) => ({ code, id: i + 1, used: false }));
  let next = sourceCodes.length + 1;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CODE)) {
    out += escapeText(text.slice(last, m.index));
    const slot = free.find((f) => !f.used && f.code === m[0]);
    if (slot) slot.used = true;
    out += `<ph id="${slot ? slot.id : next++}">${escapeText(m[0])}</ph>`;
    last = m.index + m[0].length;
  }
  return out + escapeText(text.slice(last));
}

export function writeXliff(doc: XliffDocument): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${XLIFF_NS}">`];
  for (const f of doc.files) {
    const attrs = [
      `original="${escapeAttr(f.original)}"`,
      `source-language="${escapeAttr(doc.sourceLanguage)}"`,
      `target-language="${escapeAttr(doc.targetLanguage)}"`,
      'datatype="plaintext"',
      ...(doc.productName ? [`product-name="${escapeAttr(doc.productName)}"`] : []),
    ];
    lines.push(`  <file ${attrs.join(' ')}>`);
    if (f.note) lines.push('    <header>', `      <note>${escapeText(f.note)}</note>`, '    </header>');
    lines.push('    <body>');
    for (const u of f.units) {
      lines.push(`      <trans-unit id="${escapeAttr(u.id)}" resname="${escapeAttr(u.resname)}" xml:space="preserve">`);
      const codes = inlineCodes(u.source);
      lines.push(`        <source>${encodeInline(u.source, codes)}</source>`);
      if (u.target !== undefined)
        lines.push(`        <target${u.state ? ` state="${u.state}"` : ''}>${encodeInline(u.target, codes)}</target>`);
      for (const n of u.notes) lines.push(`        <note from="developer">${escapeText(n)}</note>`);
      lines.push('      </trans-unit>');
    }
    lines.push('    </body>', '  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface ParsedUnit {
  id: string;
  /** Line of `<trans-unit>`. */
  line: number;
  /** Line of `<target>`, or of the unit when it has none. */
  targetLine: number;
  source: string;
  /** Undefined when the unit has no `<target>` element. */
  target?: string;
  state?: string;
  /** `approved="yes"` on the `<trans-unit>`: the translation is approved whatever its state says. */
  approved?: boolean;
  sourceLanguage?: string;
  targetLanguage?: string;
}

/**
 * XLIFF 1.2's target states (and `approved`): which say the target is a translation. `new`,
 * `needs-translation`, `needs-adaptation`, `needs-l10n` and the `needs-review-*` states say it is not
 * (yet): CAT tools write the source text into such targets, and importing them would count copies as
 * translations.
 */
export const TRANSLATED_STATES = ['translated', 'signed-off', 'final'] as const;
export const UNTRANSLATED_STATES = [
  'new',
  'needs-translation',
  'needs-adaptation',
  'needs-l10n',
  'needs-review-translation',
  'needs-review-adaptation',
  'needs-review-l10n',
] as const;

export type TargetStatus = 'translated' | 'not-translated' | 'unknown-state';

/** Whether a unit's target counts as a translation. A target without a state counts (many tools write none). */
export function targetStatus(u: Pick<ParsedUnit, 'state' | 'approved'>): TargetStatus {
  if (u.approved || u.state === undefined || (TRANSLATED_STATES as readonly string[]).includes(u.state)) return 'translated';
  if ((UNTRANSLATED_STATES as readonly string[]).includes(u.state)) return 'not-translated';
  return 'unknown-state';
}

export interface XliffProblem {
  line?: number;
  /** The unit's id, when the problem is in a unit. */
  id?: string;
  message: string;
}

export interface ParsedXliff {
  version?: string;
  sourceLanguages: string[];
  targetLanguages: string[];
  units: ParsedUnit[];
  problems: XliffProblem[];
}

type XmlNode = { [tag: string]: XmlNode[] } & { ':@'?: Record<string, string>; '#text'?: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false, // decoded below, in one pass, so `&amp;#13;` stays `&#13;`
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return XML_ENTITIES[e] ?? all;
  });
}

const tagOf = (n: XmlNode): string => Object.keys(n).find((k) => k !== ':@')!;
const attr = (n: XmlNode, name: string): string | undefined => {
  const v = n[':@']?.[name];
  return v === undefined ? undefined : decodeXml(v);
};
const children = (n: XmlNode): XmlNode[] => (n[tagOf(n)] as XmlNode[] | undefined) ?? [];

/** Text of an element, ignoring markup (for the native code inside `<ph>`). */
function plainText(nodes: XmlNode[]): string {
  return nodes
    .map((n) => {
      const tag = tagOf(n);
      if (tag === '#text') return decodeXml(n['#text'] ?? '');
      if (tag === '#cdata')
        return children(n)
          .map((c) => c['#text'] ?? '')
          .join('');
      return tag === 'sub' ? '' : plainText(children(n));
    })
    .join('');
}

/** Inline content back to the string: placeholders to their code, wrappers unwrapped. */
function inlineContent(nodes: XmlNode[], codes: Map<string, string>, problems: string[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') out += decodeXml(n['#text'] ?? '');
    else if (tag === '#cdata')
      out += children(n)
        .map((c) => c['#text'] ?? '')
        .join('');
    else if (tag === 'ph' || tag === 'bpt' || tag === 'ept' || tag === 'it') {
      const code = plainText(children(n));
      const id = attr(n, 'id');
      if (id !== undefined && !codes.has(id)) codes.set(id, code);
      out += code;
    } else if (tag === 'x' || tag === 'bx' || tag === 'ex') {
      const id = attr(n, 'id') ?? '';
      const code = codes.get(id);
      if (code === undefined) problems.push(`<${tag} id="${id}"/> refers to no placeholder of the source`);
      else out += code;
    } else if (tag === 'g' || tag === 'mrk') out += inlineContent(children(n), codes, problems);
    else problems.push(`unexpected element <${tag}> in the text`);
  }
  return out;
}

/** Line numbers of each `<trans-unit>` and its `<target>`, in document order. */
function unitLines(text: string): { line: number; targetLine?: number }[] {
  // Blank out comments and CDATA (keeping their newlines) so that tags inside them are not counted.
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const out: { line: number; targetLine?: number }[] = [];
  let line = 1;
  let last = 0;
  const lineAt = (index: number) => {
    for (let i = last; i < index; i++) if (blanked.charCodeAt(i) === 10) line++;
    last = index;
    return line;
  };
  let inUnit = false;
  for (const m of blanked.matchAll(/<(\/?)(?:[\w.-]+:)?(trans-unit|target)\b/g)) {
    const at = lineAt(m.index);
    if (m[2] === 'trans-unit') {
      inUnit = !m[1];
      if (inUnit) out.push({ line: at });
    } else if (!m[1] && inUnit && out.at(-1)!.targetLine === undefined) out.at(-1)!.targetLine = at;
  }
  return out;
}

export function readXliff(raw: string): ParsedXliff {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const result: ParsedXliff = { sourceLanguages: [], targetLanguages: [], units: [], problems: [] };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    result.problems.push({ line: valid.err.line > 0 ? valid.err.line : undefined, message: `not well-formed XML: ${valid.err.msg}` });
    return result;
  }
  const doc = parser.parse(text) as XmlNode[];
  const root = doc.find((n) => tagOf(n) === 'xliff');
  if (!root) {
    result.problems.push({ line: 1, message: 'not an XLIFF file: no <xliff> element' });
    return result;
  }
  result.version = attr(root, 'version');
  if (result.version !== '1.2') {
    result.problems.push({
      line: 1,
      message: `XLIFF version ${result.version ?? '(none)'} is not supported: export and import use XLIFF 1.2`,
    });
    return result;
  }
  const lines = unitLines(text);
  let index = 0;
  const visit = (nodes: XmlNode[], file: { sourceLanguage?: string; targetLanguage?: string }) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'group' || tag === 'body') visit(children(n), file);
      else if (tag === 'trans-unit') {
        const where = lines[index++] ?? { line: 0 };
        const id = attr(n, 'id') ?? '';
        const kids = children(n);
        const sourceNode = kids.find((k) => tagOf(k) === 'source');
        const targetNode = kids.find((k) => tagOf(k) === 'target');
        const codes = new Map<string, string>();
        const problems: string[] = [];
        const source = sourceNode ? inlineContent(children(sourceNode), codes, problems) : '';
        for (const p of problems.splice(0)) result.problems.push({ line: where.line, id, message: `<source>: ${p}` });
        const target = targetNode ? inlineContent(children(targetNode), codes, problems) : undefined;
        for (const p of problems) result.problems.push({ line: where.targetLine ?? where.line, id, message: `<target>: ${p}` });
        if (!id) result.problems.push({ line: where.line, message: '<trans-unit> has no id' });
        if (!sourceNode) result.problems.push({ line: where.line, id, message: '<trans-unit> has no <source>' });
        result.units.push({
          id,
          line: where.line,
          targetLine: where.targetLine ?? where.line,
          source,
          target,
          state: targetNode ? attr(targetNode, 'state') : undefined,
          approved: attr(n, 'approved') === 'yes',
          ...file,
        });
      }
    }
  };
  for (const f of children(root).filter((n) => tagOf(n) === 'file')) {
    const file = { sourceLanguage: attr(f, 'source-language'), targetLanguage: attr(f, 'target-language') };
    if (file.sourceLanguage && !result.sourceLanguages.includes(file.sourceLanguage)) result.sourceLanguages.push(file.sourceLanguage);
    if (file.targetLanguage && !result.targetLanguages.includes(file.targetLanguage)) result.targetLanguages.push(file.targetLanguage);
    visit(children(f), file);
  }
  return result;
}
