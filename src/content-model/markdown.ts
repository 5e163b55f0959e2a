/**
 * Markdown is rendered once, at build time, so the player ships HTML and no Markdown parser. Raw HTML
 * in the source is shown as text, never executed, and only safe link protocols are kept (markdown-it's
 * defaults, with `html: false`). Images are off: the pipeline refuses them (a course ships its images
 * as image blocks), and should one reach the renderer it stays text.
 */
import MarkdownIt from 'markdown-it';
import type { TextSlot } from './text-spec.ts';
import type { TextTree } from './types.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false }).disable('image');

// Links leave the course in a new window, so the learner never loses their place in the LMS frame.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('target', '_blank');
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Table cells' alignment comes as an inline style attribute, which the launch page's CSP forbids: dropped.
for (const rule of ['th_open', 'td_open'] as const)
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrs = tokens[idx]!.attrs?.filter(([name]) => name !== 'style') ?? null;
    return self.renderToken(tokens, idx, options);
  };

// A fenced block's info string ("~~~js") would become a `language-…` class, escaped as written: course
// text has no syntax colouring, and an info string such as "c++" or "<" made a class course HTML refuses.
const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) => {
  tokens[idx]!.info = '';
  return defaultFence(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source).trim();
}

/** A copy of `tree` with every Markdown slot rendered to HTML. */
export function renderTree(tree: TextTree, slots: readonly TextSlot[], pick: (slot: TextSlot) => boolean = () => true): TextTree {
  const out: TextTree = {};
  for (const s of slots) {
    if (!pick(s)) continue;
    let node: unknown = tree;
    for (const k of s.path) node = node && typeof node === 'object' ? (node as TextTree)[k] : undefined;
    if (typeof node !== 'string') continue;
    let target = out;
    for (const k of s.path.slice(0, -1)) target = (target[k] ??= {}) as TextTree;
    target[s.path.at(-1)!] = s.kind === 'markdown' ? renderMarkdown(node) : node;
  }
  return out;
}
