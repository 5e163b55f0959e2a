/**
 * Text access for views. Namespaces arrive as separate chunks (see create-i18n.ts), so a view declares
 * which it needs; `useNamespaces` loads them for the UI language and the fallback language, and says
 * when they are ready. Nothing is rendered from a namespace before it is ready, so no raw keys flash.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ensureNamespaces } from '../../i18n/create-i18n.ts';
import { whenIdle } from './idle.ts';
import { usePlayer } from './player-context.tsx';

/** `t` for the given namespaces; re-renders on language change (namespaces are gated, see below). */
export function useT(ns: string | string[] = 'ui') {
  return useTranslation(ns, { useSuspense: false, bindI18n: 'languageChanged' });
}

export type LoadState = 'ready' | 'loading' | 'failed';

export function useNamespaces(namespaces: readonly string[]): { state: LoadState; retry(): void } {
  const { i18n } = useT();
  const { textLoaders, course } = usePlayer();
  const lang = i18n.language;
  const key = namespaces.join('|');
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failure, setFailure] = useState<{ key: string; attempt: number }>();
  const [attempt, setAttempt] = useState(0);
  const languages = [lang, course.defaultLanguage];
  const ready = languages.every((l) => namespaces.every((ns) => !textLoaders[`${l}/${ns}`] || i18n.hasResourceBundle(l, ns)));
  const failed = failure?.key === `${lang}|${key}` && failure.attempt === attempt;

  useEffect(() => {
    if (ready) return;
    let live = true;
    ensureNamespaces(i18n, textLoaders, [lang, course.defaultLanguage], key.split('|')).then(
      () => live && loaded(),
      () => live && setFailure({ key: `${lang}|${key}`, attempt }),
    );
    return () => {
      live = false;
    };
  }, [ready, i18n, textLoaders, lang, course.defaultLanguage, key, attempt]);

  return { state: ready ? 'ready' : failed ? 'failed' : 'loading', retry: () => setAttempt((a) => a + 1) };
}

/** Loads namespaces in the background when the browser is idle, so the next view opens at once. */
export function usePrefetch(namespaces: readonly string[]): void {
  const { i18n } = useT();
  const { textLoaders, course } = usePlayer();
  const lang = i18n.language;
  const key = namespaces.join('|');
  useEffect(() => {
    if (!key) return;
    return whenIdle(() => {
      // A failed prefetch is harmless: the view that needs the text loads it again and reports errors.
      ensureNamespaces(i18n, textLoaders, [lang, course.defaultLanguage], key.split('|')).catch(() => {});
    });
  }, [i18n, textLoaders, lang, course.defaultLanguage, key]);
}

/**
 * Loads namespaces now, in the background, and lets the load finish whatever the view does next: the
 * start screen fetches the menu's titles and the first module this way, so a tap on Start never cancels it.
 */
export function usePrefetchNow(namespaces: readonly string[]): void {
  const { i18n } = useT();
  const { textLoaders, course } = usePlayer();
  const lang = i18n.language;
  const key = namespaces.join('|');
  useEffect(() => {
    if (!key) return;
    // A failed prefetch is harmless: the view that needs the text loads it again and reports errors.
    ensureNamespaces(i18n, textLoaders, [lang, course.defaultLanguage], key.split('|')).catch(() => {});
  }, [i18n, textLoaders, lang, course.defaultLanguage, key]);
}

/** A function that starts loading namespaces in the background (on hover or focus of a way there). */
export function usePrefetcher(): (namespaces: readonly string[]) => void {
  const { i18n } = useT();
  const { textLoaders, course } = usePlayer();
  return useCallback(
    (namespaces: readonly string[]) => {
      ensureNamespaces(i18n, textLoaders, [i18n.language, course.defaultLanguage], [...namespaces]).catch(() => {});
    },
    [i18n, textLoaders, course.defaultLanguage],
  );
}
