/**
 * Translation status per language: for every string of the source language, whether the language has
 * it (translated), lacks it or has it empty (missing), or has it but the source text has changed since
 * (outdated: the recorded source hash no longer matches; see hashes.ts).
 */
import { localeTree, translationOf, type Catalog, type SourceString } from './catalog.ts';
import { stringLeaves } from '../content-model/course-files.ts';
import { readHashes, sourceHash } from './hashes.ts';

export interface Counts {
  total: number;
  /** Present and not known to be outdated (includes untracked). */
  translated: number;
  outdated: number;
  missing: number;
  /** Translated, but with no recorded source hash, so it cannot be told whether it is outdated. */
  untracked: number;
  /** Keys in the translation that the source does not have. */
  extra: number;
}

export interface NamespaceStatus extends Counts {
  ns: string;
  /** The translation's file, relative to the course root. */
  file: string;
  missingStrings: SourceString[];
  outdatedStrings: SourceString[];
}

export interface LanguageStatus extends Counts {
  lang: string;
  namespaces: NamespaceStatus[];
}

const zero = (): Counts => ({ total: 0, translated: 0, outdated: 0, missing: 0, untracked: 0, extra: 0 });

export function languageStatus(catalog: Catalog, lang: string): LanguageStatus {
  const hashes = readHashes(catalog, lang);
  const totals: LanguageStatus = { lang, namespaces: [], ...zero() };
  for (const { ns, strings } of catalog.namespaces) {
    const st: NamespaceStatus = {
      ns,
      file: catalog.files.rel(catalog.files.localePath(lang, ns)),
      missingStrings: [],
      outdatedStrings: [],
      ...zero(),
    };
    for (const s of strings) {
      st.total++;
      if (translationOf(catalog, lang, s) === undefined) {
        st.missing++;
        st.missingStrings.push(s);
        continue;
      }
      const recorded = hashes.get(s.id);
      if (recorded === undefined) {
        st.untracked++;
        st.translated++;
      } else if (recorded !== sourceHash(s.text)) {
        st.outdated++;
        st.outdatedStrings.push(s);
      } else st.translated++;
    }
    const known = new Set(strings.map((s) => s.path.join('.')));
    st.extra = stringLeaves(localeTree(catalog, lang, ns)).filter((l) => !known.has(l.path.join('.'))).length;
    for (const k of Object.keys(zero()) as (keyof Counts)[]) totals[k] += st[k];
    totals.namespaces.push(st);
  }
  return totals;
}

/** Share of strings translated and up to date, rounded down so that 100% means done. */
export function percent(c: Counts): string {
  if (c.total === 0) return '100%';
  return `${(Math.floor((c.translated / c.total) * 1000) / 10).toString()}%`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

export interface FormatOptions {
  /** List every missing and outdated string with where its source is. */
  details?: boolean;
}

export function formatStatus(catalog: Catalog, statuses: LanguageStatus[], options: FormatOptions = {}): string {
  const src = catalog.sourceLanguage;
  if (statuses.length === 0)
    return `No translations yet: locales/ holds only the source language (${src}). Add one with npm run i18n:export -- --target <lang>.`;
  const out: string[] = [];
  for (const st of statuses) {
    out.push(`${st.lang} (source: ${src})`);
    const head = ['  file', 'strings', 'translated', 'outdated', 'missing', 'done'];
    const row = (name: string, c: Counts) => [
      `  ${name}`,
      String(c.total),
      String(c.translated),
      String(c.outdated),
      String(c.missing),
      percent(c),
    ];
    out.push(...table([head, ...st.namespaces.map((n) => row(n.file, n)), row('total', st)]));
    if (st.untracked)
      out.push(
        `  ${st.untracked} translation${st.untracked === 1 ? ' has' : 's have'} no recorded source hash, so they cannot be checked for being outdated;`,
        `  once they are checked, run: npm run i18n:status -- --update-hashes ${st.lang}`,
      );
    if (st.extra) out.push(`  ${st.extra} key${st.extra === 1 ? ' is' : 's are'} not in the source language (npm run validate lists them)`);
    if (options.details) {
      const where = (s: SourceString) =>
        `${s.id}  (${catalog.files.rel(catalog.files.localePath(src, s.ns))}${s.line ? `:${s.line}` : ''})`;
      for (const n of st.namespaces) {
        for (const s of n.missingStrings) out.push(`  missing   ${where(s)}`);
        for (const s of n.outdatedStrings) out.push(`  outdated  ${where(s)}`);
      }
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
