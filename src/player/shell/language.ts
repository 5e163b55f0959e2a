/** Language names and switching. Each language is named in its own language, so no UI string is needed. */
import type { i18n as I18n } from 'i18next';
import { ensureNamespaces, type TextLoaders } from '../../i18n/create-i18n.ts';

export function ownName(lang: string): string {
  let name = lang;
  try {
    name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    // An unknown tag keeps its code as its name.
  }
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/**
 * Switches the UI language. Every namespace the learner already has open is loaded in the new language
 * first, so the view re-renders in place without a loading state. The machine is not touched, so every
 * answer and the place stay as they are.
 */
export async function switchLanguage(i18n: I18n, loaders: TextLoaders, lang: string, fallback: string): Promise<void> {
  const open = Object.keys(i18n.store.data[i18n.language] ?? {});
  await ensureNamespaces(i18n, loaders, [lang, fallback], open.length ? open : ['ui', 'course']);
  await i18n.changeLanguage(lang);
}
