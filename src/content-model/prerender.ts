/**
 * Build-time rendering of the launch page's first screen, for the content plugin's transformIndexHtml:
 * the player's own start screen (src/app/prerender.tsx), rendered to HTML by a short-lived Vite server
 * in SSR mode with the same content plugin, so the markup is exactly what the app's first render makes
 * and the app can hydrate it. Also: the modulepreload links that fetch the player's code in parallel
 * with the small entry script, so a dynamic import costs no extra round trip.
 */
import type { IndexHtmlTransformContext, Plugin, PluginOption } from 'vite';

export interface PrerenderOptions {
  /** The module that renders the first screen (exports `prerenderFirstScreen`). */
  entry: string;
  /** Vite's root for the SSR load (the repository). */
  root: string;
  /** The plugins the SSR load needs besides the content plugin (React's JSX transform). */
  plugins: () => PluginOption[];
  /** The build's `define`s (the package target), so the first screen is the build's own. */
  define: Record<string, string>;
}

export interface FirstScreen {
  html: string;
  /** The menu the first tap leads to, for the same root (the entry shows it on that tap). */
  menu: string;
  language: string;
  /** Marks the root, so the app hydrates only the screen it would render itself. */
  mark: string;
  /** The root's mark once the entry has shown the menu. */
  menuMark: string;
}

/**
 * The launch page's root with the start screen in it, followed by the menu in an inert `<template>`
 * (parsed, never painted or run; the entry clones it on a tap on Start, so no HTML string reaches a
 * Trusted Types sink).
 */
export function firstScreenMarkup(screen: FirstScreen, attribute: string, templateId: string): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    `<div id="root" ${attribute}="${attr(screen.mark)}">${screen.html}</div>` +
    `<template id="${attr(templateId)}" data-mark="${attr(screen.menuMark)}">${screen.menu}</template>`
  );
}

/**
 * The SSR server needs no browser dependencies pre-bundled, and must not touch the project's
 * pre-bundle cache (node_modules/.vite/deps): Vite re-optimizes into it whenever the config differs,
 * so every build replaced the folder a running dev server (`npm start`) serves from with its own,
 * smaller set, removing the folder for a moment while it did. React's plugin adds its runtime to
 * `optimizeDeps.include`, which keeps the optimizer on; this empties the list after every plugin's
 * `config` hook, which with `noDiscovery` turns the optimizer off (Vite's documented way).
 */
function noDepsOptimizer(): Plugin {
  return {
    name: 'prerender-no-deps-optimizer',
    enforce: 'post',
    config(config) {
      config.optimizeDeps = { ...config.optimizeDeps, noDiscovery: true, include: [] };
    },
  };
}

export async function renderFirstScreen(options: PrerenderOptions, contentPlugin: PluginOption): Promise<FirstScreen> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root: options.root,
    logLevel: 'error',
    appType: 'custom',
    mode: 'production',
    define: options.define,
    plugins: [...options.plugins(), contentPlugin, noDepsOptimizer()],
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  try {
    const m = (await server.ssrLoadModule(options.entry)) as { prerenderFirstScreen(): Promise<FirstScreen> };
    return await m.prerenderFirstScreen();
  } finally {
    await server.close();
  }
}

/**
 * `<link rel="modulepreload">` for the chunks the entry imports dynamically (the player), and theirs;
 * then, at low priority, the text chunks the first tap leads to (`later`: the menu's titles and the
 * first module, as `virtual:texts/<lang>/<ns>` ids), so they are in the page before they are asked for
 * and no tap can cancel them.
 */
export function preloadLinks(ctx: IndexHtmlTransformContext, later: readonly string[] = []): string[] {
  const bundle = ctx.bundle;
  const entry = ctx.chunk;
  if (!bundle || !entry) return [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const chunk = bundle[file];
    if (!chunk || chunk.type !== 'chunk') return;
    seen.add(file);
    chunk.imports.forEach(visit);
  };
  // Only the player's start: the inspector is dev-only, text chunks load when needed.
  for (const file of entry.dynamicImports) {
    const chunk = bundle[file];
    if (chunk?.type === 'chunk' && chunk.moduleIds.some((id) => id.endsWith('/src/app/start.tsx'))) visit(file);
  }
  seen.delete(entry.fileName);
  for (const file of entry.imports) seen.delete(file); // already loaded by the entry itself
  const player = [...seen].map((file) => `<link rel="modulepreload" href="./${file}">`);
  const texts = Object.values(bundle)
    .filter((c) => c.type === 'chunk' && later.some((id) => c.facadeModuleId === `\0${id}`))
    .map((c) => `<link rel="modulepreload" fetchpriority="low" href="./${c.fileName}">`);
  return [...player, ...texts];
}
