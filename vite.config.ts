/**
 * One config for the dev server, the build and the tests.
 *
 *   COURSE_ROOT    folder with content/ and locales/ (default: this repository's real course)
 *   TARGET         the package target (src/targets: scorm12 | scorm2004 | cmi5; default scorm2004)
 *   OUT_DIR        where the build goes (default dist/build/<target>)
 *   COURSE_DRAFTS  `include`: ship the languages that are not complete yet (default: left out)
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, Rolldown } from 'vite';
import { defineConfig } from 'vitest/config';
import { coursePlugin } from './src/content-model/vite-plugin.ts';
import { HTML_POLICY_NAMES } from './src/player/shared/html-policy.ts';
import { isCmi5, parseTarget, type TargetId } from './src/targets/index.ts';

const here = import.meta.dirname;
const courseRoot = resolve(here, process.env.COURSE_ROOT ?? '.');
const target = parseTarget(process.env.TARGET, 'the TARGET environment variable');
const outDir = resolve(here, process.env.OUT_DIR ?? `dist/build/${target}`);

/**
 * The packaged launch page allows scripts only from the package itself: no inline script, no eval; no
 * inline style attribute; and Trusted Types for every script sink, so that HTML reaches the page only
 * through the player's one policy (src/player/shared/Html.tsx: course Markdown, sanitized). A cmi5
 * package also talks to the LMS's xAPI endpoint and fetch URL, which the launch URL names and which are
 * often on another host, so it may connect to any https origin (never run code from one).
 */
export function contentSecurityPolicy(target: TargetId): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    isCmi5(target) ? "connect-src 'self' https:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${HTML_POLICY_NAMES.join(' ')}`,
  ].join('; ');
}

/** The SCORM packages' policy. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('scorm2004');

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(target) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const define = { __PACKAGE_TARGET__: JSON.stringify(target) };

const PLAYER_START = resolve(here, 'src/app/start.tsx');
const LAUNCH_ENTRY = resolve(here, 'src/main.tsx');

/** The modules `from` imports statically, and theirs. */
function staticGraph(from: string, ctx: Rolldown.ChunkingContext): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The player's code, in one chunk: everything the player's start imports statically (but what the
 * launch page's entry has already). Left alone, the bundler splits off each group of modules that the
 * later views share with the first screen (the engine, i18next, the scoring, ...): files the launch page
 * must fetch anyway, each compressed on its own. One chunk is some 2 KB smaller and fewer requests.
 */
function playerChunk(): Rolldown.CodeSplittingGroup {
  let player: Set<string> | undefined;
  return {
    name: (id, ctx) => {
      if (!player) {
        const entry = staticGraph(LAUNCH_ENTRY, ctx);
        player = new Set([...staticGraph(PLAYER_START, ctx)].filter((m) => !entry.has(m)));
      }
      return player.has(id) ? 'start' : null;
    },
    debugName: 'start',
  };
}

export default defineConfig(({ mode, command }) => ({
  base: './',
  // Tests load content through the loader directly; the plugin's validation is for the dev server and builds.
  plugins: [
    react(),
    ...(mode === 'test'
      ? []
      : [
          coursePlugin({
            root: courseRoot,
            uiRoot: here,
            // The preview shows drafts with their gaps marked; a build leaves them out unless asked.
            drafts: command === 'serve' ? 'mark' : process.env.COURSE_DRAFTS === 'include' ? 'include' : 'exclude',
            prerender: { entry: '/src/app/prerender.tsx', root: here, plugins: () => [react()], define },
          }),
        ]),
    contentSecurityPolicyPlugin(),
  ],
  define,
  resolve: {
    // React 19 has useSyncExternalStore itself: the shim's fallback (for React < 18) need not ship
    // in the first screen's code (@xstate/react and react-i18next import it).
    alias: [
      { find: /^use-sync-external-store\/shim$/, replacement: 'react' },
      { find: /^use-sync-external-store\/shim\/with-selector$/, replacement: 'use-sync-external-store/with-selector' },
    ],
  },
  build: {
    outDir,
    emptyOutDir: true,
    // What the browsers learners open an LMS in have long had (class fields, `??=`, `.at()`, top-level
    // await: Chrome and Edge 94, Firefox 93, Safari 16.4): no transpile helpers in the code.
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // Only the player's own modules are grouped, so nothing of the entry is pulled into it.
        codeSplitting: { includeDependenciesRecursively: false, groups: [playerChunk()] },
        // Text chunks are named by language and namespace (texts/da-p01-<hash>.js), so budgets and
        // the benchmark can tell the first screen's text from every other module's.
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          const text = /^\0virtual:texts\/([^/]+)\/(.+)$/.exec(id);
          return text ? `assets/texts/${text[1]}-${text[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    reporters: ['default', './tests/setup/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          setupFiles: ['tests/setup/browser.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
