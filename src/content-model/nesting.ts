/**
 * i18next nesting, `$t(key)` or `$t(namespace:key)`, resolved at build time, where the kind of every
 * string is known: the player turns nesting off (src/i18n/create-i18n.ts), so no string ever reaches
 * the page through a route the build did not check.
 *
 * A plain string pulled into a Markdown field arrives as text: every Markdown character in it is
 * escaped, so `<iframe ...>` or `**` shows as written instead of becoming markup. A Markdown string
 * pulled into a Markdown field keeps its Markdown (its author wrote it as Markdown). A Markdown string
 * cannot be pulled into a plain field (its markup would show as asterisks); nesting with options,
 * a key that does not exist and a reference that loops back are errors.
 */
import { closestName } from './suggest.ts';
import type { TextKind } from './text-spec.ts';

/** i18next's default nesting syntax: `$t(` key, optional `, {options}`, `)`. */
export const NESTING = /\$t\(([^()]*)\)/g;

export interface NestedTarget {
  text: string;
  kind: TextKind;
}

export interface NestingScope {
  /** The namespace the string lives in: `$t(key)` without a namespace looks there. */
  ns: string;
  /** A string of the same language, or undefined when there is none. */
  lookup(ns: string, path: string[]): NestedTarget | undefined;
  /** Every key of a namespace, dotted, for "did you mean". */
  keys?(ns: string): string[];
}

export interface Resolved {
  text: string;
  problems: string[];
}

/** Backslash-escapes every ASCII punctuation character Markdown could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, '\\$&').replace(/\n/g, ' ');
}

const MAX_DEPTH = 8;

export function hasNesting(text: string): boolean {
  return text.includes('$t(');
}

/** `text` with every `$t(...)` replaced by the string it names, escaped for the field it lands in. */
export function resolveNesting(text: string, kind: TextKind, scope: NestingScope, trail: string[] = []): Resolved {
  const problems: string[] = [];
  const out = text.replace(NESTING, (whole, inner: string) => {
    const [rawKey, ...options] = inner.split(',');
    const key = rawKey!.trim();
    if (options.length) {
      problems.push(`${whole}: nesting with options is not supported: write the text out, or nest a string without options`);
      return whole;
    }
    const colon = key.indexOf(':');
    const ns = colon > 0 ? key.slice(0, colon) : scope.ns;
    const path = (colon > 0 ? key.slice(colon + 1) : key).split('.');
    const id = `${ns}:${path.join('.')}`;
    if (trail.includes(id) || trail.length >= MAX_DEPTH) {
      problems.push(`${whole} loops back to itself (${[...trail, id].join(' -> ')}): nesting must end in a string without $t(...)`);
      return whole;
    }
    const target = scope.lookup(ns, path);
    if (!target) {
      const near = closestName(path.join('.'), scope.keys?.(ns) ?? []);
      problems.push(
        `${whole} names no string: there is no "${path.join('.')}" in the ${ns} text of this language${near ? `: did you mean $t(${colon > 0 ? `${ns}:` : ''}${near})?` : ''}`,
      );
      return whole;
    }
    if (kind === 'plain' && target.kind === 'markdown') {
      problems.push(`${whole} pulls a Markdown field into a plain-text field, where its markup would show as written: nest a plain string`);
      return whole;
    }
    const inner2 = resolveNesting(target.text, target.kind, { ...scope, ns }, [...trail, id]);
    problems.push(...inner2.problems);
    return kind === 'markdown' && target.kind === 'plain' ? escapeMarkdown(inner2.text) : inner2.text;
  });
  return { text: out, problems };
}
