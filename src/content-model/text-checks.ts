/**
 * What a string carries besides its words: i18next interpolation variables, the markup its Markdown
 * produces (links, emphasis, paragraphs, lists), HTML tags, and anything unsafe. The validator compares
 * a translation's with its source's; the XLIFF import checks a translator's target the same way.
 */
import MarkdownIt from 'markdown-it';
import type { TextKind } from './text-spec.ts';

/** Parses with raw HTML recognised (the player renders with `html: false`), so HTML can be reported. */
const md = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: false });

/** `{{name}}`, `{{count, number}}`, `{{- raw}}` and i18next nesting `$t(key)`, as written. */
export const PLACEHOLDER = /\{\{[^{}]*\}\}|\$t\([^()]*\)/g;
/** An HTML start, end or self-closing tag, or a comment. */
export const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;

/** The variables a string interpolates, normalised (`{{ name }}` and `{{name}}` are the same), sorted. */
export function placeholders(text: string): string[] {
  return (text.match(PLACEHOLDER) ?? [])
    .map((p) => (p.startsWith('{{') ? `{{${p.slice(2, -2).split(',')[0]!.replace(/^-/, '').trim()}}}` : p.replace(/\s+/g, '')))
    .sort();
}

function tagLabel(tag: string): string {
  if (tag.startsWith('<!--')) return 'HTML comment';
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(tag)!;
  return `<${m[1]}${m[2]!.toLowerCase()}>`;
}

function htmlTags(text: string): string[] {
  return (text.match(HTML_TAG) ?? []).map(tagLabel);
}

const MARKDOWN_LABELS: Record<string, string> = {
  strong: '**bold**',
  em: '*emphasis*',
  s: '~~strikethrough~~',
  code: '`code`',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'paragraph',
  li: 'list item',
  ul: 'bulleted list',
  ol: 'numbered list',
  blockquote: 'quote',
  hr: 'horizontal rule',
  br: 'line break',
  table: 'table',
  pre: 'code block',
};

/**
 * The markup a string produces, as a sorted list of labels: for Markdown, each element markdown-it
 * makes (a link with its target, bold, a paragraph, a list item ...) plus raw HTML tags; for plain text,
 * the HTML tags it contains. Two strings whose lists differ do not have the same markup.
 */
export function markupSignature(text: string, kind: TextKind): string[] {
  if (kind === 'plain') return htmlTags(text).sort();
  const out: string[] = [];
  const visit = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.children) visit(t.children);
      if (t.type === 'link_open') out.push(`link to ${t.attrGet('href') ?? ''}`);
      else if (t.type === 'image') out.push(`image ${t.attrGet('src') ?? ''}`);
      else if (t.type === 'html_inline' || t.type === 'html_block') out.push(...htmlTags(t.content));
      else if (t.type === 'code_inline') out.push(MARKDOWN_LABELS.code!);
      else if (t.type === 'fence' || t.type === 'code_block') out.push(MARKDOWN_LABELS.pre!);
      else if (t.type === 'hr') out.push(MARKDOWN_LABELS.hr!);
      else if (t.type === 'hardbreak') out.push(MARKDOWN_LABELS.br!);
      else if (t.nesting === 1 && !t.hidden && MARKDOWN_LABELS[t.tag]) out.push(MARKDOWN_LABELS[t.tag]!);
    }
  };
  visit(md.parse(text, {}));
  return out.sort();
}

/** Multiset difference: what `a` has more of than `b`, each label once per surplus occurrence. */
function surplus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

export interface Difference {
  missing: string[];
  extra: string[];
}

function difference(source: string[], target: string[]): Difference | undefined {
  const missing = surplus(source, target);
  const extra = surplus(target, source);
  return missing.length || extra.length ? { missing, extra } : undefined;
}

/** "missing {{name}}; has {{nmae}}, which the source does not" */
export function describeDifference(d: Difference): string {
  const parts: string[] = [];
  if (d.missing.length) parts.push(`missing ${d.missing.join(', ')}`);
  if (d.extra.length) parts.push(`has ${d.extra.join(', ')}, which the source does not`);
  return parts.join('; ');
}

/**
 * Messages for every way `target` differs from `source` in placeholders or markup, worded for the
 * translator; `sourceName` says which file or language the source is (`da`, `locales/da/p01.json`).
 */
export function compareWithSource(source: string, target: string, kind: TextKind, sourceName: string): string[] {
  const out: string[] = [];
  const vars = difference(placeholders(source), placeholders(target));
  if (vars) out.push(`interpolation variables differ from the source (${sourceName}): ${describeDifference(vars)}`);
  const markup = difference(markupSignature(source, kind), markupSignature(target, kind));
  if (markup)
    out.push(
      `${kind === 'markdown' ? 'Markdown differs' : 'HTML tags differ'} from the source (${sourceName}): ${describeDifference(markup)}`,
    );
  return out;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

/** Decodes the HTML entities an attacker might use to hide `javascript:` (`&#106;`, `&#x6A;`, `&colon;`). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? all;
  });
}

/**
 * Unsafe content in a string, one message per kind of problem: a `<script>` tag, an event-handler
 * attribute (`onerror=` in a tag, or with a quoted value anywhere), a `javascript:`/`vbscript:`/`data:text/html` URL, and, in Markdown, raw HTML
 * (the player shows it as literal text, so it is always a mistake). Plain strings may contain `<` and
 * `>` as text; they are checked for the first three only.
 */
export function unsafeMarkup(text: string, kind: TextKind): string[] {
  const out: string[] = [];
  const decoded = decodeEntities(text);
  if (/<\s*script\b/i.test(decoded)) out.push('contains a <script> tag: scripts are never allowed in course text');
  // Inside a tag (`<img src=x onerror=...`), or anywhere with a quoted value (`" onclick="...`).
  const handler = /<[a-z][^<>]*?[\s"'/](on[a-z]+)\s*=/i.exec(decoded) ?? /(?:^|[\s"'/])(on[a-z]+)\s*=\s*["'`]/i.exec(decoded);
  if (handler) out.push(`contains an event-handler attribute (${handler[1]!.toLowerCase()}=): not allowed in course text`);
  // Browsers ignore tabs, newlines and control characters inside a URL scheme, so ignore them too. A
  // scheme counts where a URL can start (after `(`, a quote, `=`, `<` or `[`), or after a space when
  // no space follows the colon ("JavaScript: a language" in prose is fine).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  const squeezed = decoded.replace(/[\u0000-\u001f]+/g, '');
  const url = /(?:[("'=<[]\s*|^|\s)(javascript|vbscript|data)\s*:/gi;
  for (let m = url.exec(squeezed); m; m = url.exec(squeezed)) {
    const scheme = m[1]!.toLowerCase();
    const rest = squeezed.slice(m.index + m[0].length);
    const inUrlPosition = /^[("'=<[]/.test(m[0]);
    if (scheme === 'data' ? /^\s*text\/html/i.test(rest) : inUrlPosition || /^\S/.test(rest)) {
      out.push(`contains a ${scheme === 'data' ? 'data:text/html' : scheme + ':'} URL: links must use https:, http: or mailto:`);
      break;
    }
  }
  if (kind === 'markdown' && out.length === 0) {
    const html: string[] = [];
    const visit = (tokens: ReturnType<typeof md.parse>) => {
      for (const t of tokens) {
        if (t.children) visit(t.children);
        if (t.type === 'html_inline' || t.type === 'html_block') html.push(...htmlTags(t.content));
      }
    };
    visit(md.parse(text, {}));
    if (html.length)
      out.push(
        `contains raw HTML (${[...new Set(html)].join(', ')}): Markdown fields show HTML as literal text; use Markdown instead (**bold**, *emphasis*, [text](https://...))`,
      );
  }
  return out;
}

/** Longer than any string a learner reads on one screen; a longer one is a paste gone wrong. */
export const MAX_STRING_LENGTH = 10_000;

export function lengthProblem(text: string): string | undefined {
  if (text.length <= MAX_STRING_LENGTH) return undefined;
  return `is ${text.length.toLocaleString('en')} characters long, more than the ${MAX_STRING_LENGTH.toLocaleString('en')} a string may have (about four pages): split it into several blocks or pages`;
}

/**
 * Markdown images, which the player never shows: one from another host would load from outside the
 * package (the LMS's CSP blocks it, and it tracks the learner), and a local one is not packaged. Images
 * are image or figure blocks, whose files the build ships and whose alt text every language gives.
 */
export function markdownImageProblems(text: string, kind: TextKind): string[] {
  if (kind !== 'markdown') return [];
  const out: string[] = [];
  const visit = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.children) visit(t.children);
      if (t.type !== 'image') continue;
      const src = String(t.attrGet('src') ?? '');
      out.push(
        /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)
          ? `shows an image from another host (${src}): a course carries every image it shows (the LMS's security policy blocks outside images); put the file under content/images/ and use an image block`
          : `has a Markdown image (${src || 'no address'}), which the package does not carry: use an image block (type: image) with the file under content/images/`,
      );
    }
  };
  visit(md.parse(text, {}));
  return out;
}
