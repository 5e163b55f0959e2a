/**
 * i18next, fed namespace by namespace: `ui` and `course` for the first screen, a module's text when the
 * learner opens it, `bank` for the final assessment. Each namespace is its own chunk (see the content
 * plugin), so a language or a module costs nothing until it is needed.
 */
import i18next, { type i18n as I18n } from 'i18next';
import type { SvgFigure } from '../content-model/svg-tree.ts';
import type { TextTree } from '../content-model/types.ts';

/**
 * One loader per `<lang>/<namespace>`. A module's namespace also brings the module's figures (their
 * SVG as checked element trees, by `src`), so a figure's drawing arrives with its module's words.
 */
export type TextLoaders = Record<string, () => Promise<{ default: TextTree; figures?: Record<string, SvgFigure> }>>;

export async function createI18n(language: string, fallback: string): Promise<I18n> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: fallback,
    ns: ['ui', 'course'],
    defaultNS: 'ui',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes; course HTML comes pre-rendered from Markdown
    returnNull: false,
  });
  // Nesting ($t(key)) is resolved at build time, where the kind of every string is known and a plain
  // string pulled into Markdown is escaped (src/content-model/nesting.ts). Here it is off: no string may
  // pull another into the page by a route the build did not check.
  i18n.services.interpolator.nest = (str: string) => str;
  return i18n;
}

/** Loads namespaces for a language (and the fallback language) unless already loaded. */
export async function ensureNamespaces(i18n: I18n, loaders: TextLoaders, languages: string[], namespaces: string[]): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const lang of new Set(languages))
    for (const ns of namespaces) {
      const load = loaders[`${lang}/${ns}`];
      if (!load || i18n.hasResourceBundle(lang, ns)) continue;
      jobs.push(load().then((m) => void i18n.addResourceBundle(lang, ns, m.default, true, true)));
    }
  await Promise.all(jobs);
}
