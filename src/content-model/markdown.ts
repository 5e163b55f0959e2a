/**
 * Markdown is rendered once, at build time, so the player ships HTML and no Markdown parser. Raw HTML
 * in the source is shown as text, never executed, and only safe link protocols are kept (markdown-it's
 * defaults, with `html: false`).
 */
import MarkdownIt from 'markdown-it';
import type { TextSlot } from './text-spec.ts';
import type { TextTree } from './types.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

// Links leave the course in a new window, so the learner never loses their place in the LMS frame.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('target', '_blank');
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
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
