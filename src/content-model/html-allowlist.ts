/**
 * What course HTML is: exactly the markup the build's Markdown renderer makes (src/content-model/
 * markdown.ts: markdown-it with raw HTML and images off), and nothing else. The renderer escapes every
 * `<`, `>`, `&` and `"` of the author's text, so in its output every `<` opens a tag the renderer wrote;
 * this checks each of those tags against the list below.
 *
 * The pipeline checks every rendered string with it (a problem is reported at the string's file and
 * line), and the player's Trusted Types policy checks every string again before it reaches the page
 * (src/player/shared/Html.tsx): one list, at build time and in the browser.
 */

/** Tag names, and for each the attributes it may carry with what their values may be. */
const ALLOWED: Record<string, Record<string, RegExp>> = {
  p: {},
  br: {},
  hr: {},
  em: {},
  strong: {},
  s: {},
  code: { class: /^language-[\w-]+$/ },
  pre: {},
  a: { href: /^(?:https?:\/\/|mailto:|#)/i, title: /^/, target: /^_blank$/, rel: /^noopener noreferrer$/ },
  ul: {},
  ol: { start: /^\d{1,9}$/ },
  li: {},
  blockquote: {},
  h1: {},
  h2: {},
  h3: {},
  h4: {},
  h5: {},
  h6: {},
  table: {},
  thead: {},
  tbody: {},
  tr: {},
  th: {},
  td: {},
};

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*>/y;
const ATTRIBUTE = /\s+([a-z][a-z-]*)="([^"<>]*)"/g;

/** Why `html` is not course HTML (the first reason), or undefined when every tag is on the list. */
export function courseHtmlProblem(html: string): string | undefined {
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const m = TAG.exec(html);
    if (!m) return `markup that is not a plain tag at character ${at + 1} (${JSON.stringify(html.slice(at, at + 20))})`;
    const [, closing, name, attributes] = m;
    const allowed = ALLOWED[name!];
    if (!allowed) return `a <${name}> element, which course text never has`;
    if (closing && attributes) return `attributes on a closing </${name}> tag`;
    for (const [, attr, value] of attributes!.matchAll(ATTRIBUTE)) {
      const rule = allowed[attr!];
      if (!rule) return `a ${attr} attribute on <${name}>, which course text never has`;
      if (!rule.test(decodeAttribute(value!)))
        return name === 'a' && attr === 'href'
          ? `a link to "${decodeAttribute(value!)}", which is not a full https:, http: or mailto: address`
          : `${attr}="${value}" on <${name}>, which course text never has`;
    }
  }
  return undefined;
}

function decodeAttribute(v: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return v.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi, (all, dec: string, hex: string, name: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code === undefined) return named[name.toLowerCase()] ?? all;
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The string as visible text: what the page shows instead of markup that is not course HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
