/**
 * Turns the content files into modules the player imports, validating them first:
 *
 *   virtual:course              the course model, image URLs and a loader per text namespace
 *   virtual:texts/<lang>/<ns>   one namespace's strings (`ui`, `course`, a module id, `modules` (every
 *                               module's title and summary, for the menu) or `bank`),
 *                               Markdown already rendered; each is its own chunk, loaded when needed
 *                               A module's namespace also exports `figures`: its figures' SVGs as
 *                               checked element trees (svg-tree.ts), so they load with the module and
 *                               no SVG text ever reaches the browser
 *
 * The plugin runs the whole content pipeline (src/content-model/load.ts), the same checks as
 * `npm run validate`, worded the same way. A content error fails the build with every problem named by
 * file, line and path; in the dev server it shows in the error overlay and the last good content stays
 * up. A language that is not complete is a draft: the dev server shows it with its gaps marked, a build
 * leaves it out unless `drafts: 'include'` (and says so).
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { ContentError } from './issues.ts';
import { loadCourse, type DraftMode, type LoadedCourse } from './load.ts';
import { renderTree } from './markdown.ts';
import { readFigure } from './module-model.ts';
import { moduleMinutes } from './reading-time.ts';
import { MENU_TEMPLATE_ID, PRERENDERED_ATTRIBUTE } from '../app/prerender-mark.ts';
import { firstScreenMarkup, preloadLinks, renderFirstScreen, type FirstScreen, type PrerenderOptions } from './prerender.ts';
import { courseTextSlots, moduleTextSlots } from './text-spec.ts';
import type { SvgFigure } from './svg-tree.ts';
import type { Module, TextTree } from './types.ts';

const COURSE_ID = 'virtual:course';
/** The organisation's theme: `content/theme.css` when the course has one, else nothing. */
const THEME_ID = 'virtual:course-theme.css';
const TEXTS_PREFIX = 'virtual:texts/';

/** The namespaces of the first screen: the player's strings and the course's own. */
const FIRST_SCREEN_NAMESPACES = ['ui', 'course'];
const RESOLVED = '\0';

export interface CoursePluginOptions {
  /** The folder holding `content/` and `locales/`. */
  root: string;
  /** Where the player's `locales/<lang>/ui.json` live, if not in `root`. */
  uiRoot?: string;
  /**
   * Languages that are not complete: left out (`exclude`, the default: a package), shipped with their
   * gaps in the source language (`include`), or shown with every gap marked (`mark`: the dev server).
   */
  drafts?: DraftMode;
  /** Builds pre-render the player's first screen into index.html (see prerender.ts); without it, a plain placeholder. */
  prerender?: PrerenderOptions;
}

/**
 * The namespaces of one language: `ui`, `course`, each module, `modules` (titles and summaries, so the
 * menu needs no module's full text) and `bank` (all modules' final-assessment questions).
 */
export function textNamespaces(loaded: LoadedCourse, lang: string): Record<string, TextTree> {
  const texts = loaded.texts[lang]!;
  const out: Record<string, TextTree> = { ui: texts.ui, course: renderTree(texts.course, courseTextSlots()) };
  const bank: TextTree = {};
  const modules: TextTree = {};
  for (const m of loaded.course.modules) {
    const slots = moduleTextSlots(m);
    const tree = texts.modules[m.id] ?? {};
    out[m.id] = renderTree(tree, slots, (s) => s.path[0] !== 'bank');
    const rendered = renderTree(tree, slots, (s) => s.path[0] === 'bank');
    if (rendered.bank) bank[m.id] = rendered.bank;
    modules[m.id] = { title: String(tree.title ?? ''), summary: String(tree.summary ?? '') };
  }
  out.bank = bank;
  out.modules = modules;
  return out;
}

/** A module's figures as element trees, by `src` (the loader has checked them: a problem stopped it). */
export function moduleFigures(root: string, module: Module): Record<string, SvgFigure> {
  const out: Record<string, SvgFigure> = {};
  for (const b of module.pages.flatMap((p) => p.blocks))
    if (b.type === 'figure' && !out[b.src]) {
      const { figure } = readFigure(resolve(root, 'content', b.src), `content/${b.src}`);
      if (figure) out[b.src] = figure;
    }
  return out;
}

/** Estimated minutes per language and module, for the menu. */
export function readingMinutes(l: LoadedCourse): Record<string, Record<string, number>> {
  return Object.fromEntries(
    l.course.languages.map((lang) => [
      lang,
      Object.fromEntries(l.course.modules.map((m) => [m.id, moduleMinutes(m, l.texts[lang]?.modules[m.id] ?? {})])),
    ]),
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function coursePlugin(options: CoursePluginOptions): Plugin {
  const root = resolve(options.root);
  const uiRoot = options.uiRoot ? resolve(options.uiRoot) : undefined;
  let loaded: LoadedCourse | undefined;
  let server: ViteDevServer | undefined;
  const drafts: DraftMode = options.drafts ?? 'exclude';
  /** Rendered namespaces per language, computed once per load: every text chunk reads from it. */
  let namespaces = new Map<string, Record<string, TextTree>>();
  /** The pre-rendered first screen of this build (rendered once per build). */
  let firstScreen: FirstScreen | undefined;

  const load = (): LoadedCourse => {
    if (!loaded) namespaces = new Map();
    return (loaded ??= loadCourse(root, { uiRoot, drafts }));
  };
  const namespacesOf = (l: LoadedCourse, lang: string): Record<string, TextTree> => {
    let ns = namespaces.get(lang);
    if (!ns) namespaces.set(lang, (ns = textNamespaces(l, lang)));
    return ns;
  };

  const courseModule = (l: LoadedCourse): string => {
    const images = l.course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'image' ? [b.src] : []))));
    const unique = [...new Set(images)];

    const imports = unique.map((src, i) => `import image${i} from ${JSON.stringify(resolve(root, 'content', src) + '?url')};`);
    // The first screen's texts in the default language (needed in every launch, as the fallback too) come
    // with the player's code: no request after it. Every other namespace is its own chunk.
    const first = FIRST_SCREEN_NAMESPACES.map((ns) => `${l.course.defaultLanguage}/${ns}`);
    const firstImports = first.map((key, i) => `import first${i} from ${JSON.stringify(TEXTS_PREFIX + key)};`);
    const loaders = l.course.languages.flatMap((lang) =>
      Object.keys(namespacesOf(l, lang)).map((ns) => {
        const key = `${lang}/${ns}`;
        const inline = first.indexOf(key);
        const load = inline >= 0 ? `Promise.resolve({ default: first${inline} })` : `import(${JSON.stringify(TEXTS_PREFIX + key)})`;
        return `  ${JSON.stringify(key)}: () => ${load},`;
      }),
    );
    return [
      ...imports,
      ...firstImports,
      // The bank is every module's `bank`, joined: shipped once, rebuilt on load.
      `const model = ${JSON.stringify({ ...l.course, bank: undefined })};`,
      `export const course = { ...model, bank: model.modules.flatMap((m) => m.bank) };`,
      `export const images = {${unique.map((src, i) => `${JSON.stringify(src)}: image${i}`).join(', ')}};`,
      `export const textLoaders = {\n${loaders.join('\n')}\n};`,

      `export const readingMinutes = ${JSON.stringify(readingMinutes(l))};`,
      // Languages shipped although not complete (the preview marks their gaps).
      `export const draftLanguages = ${JSON.stringify(l.drafts)};`,
    ].join('\n');
  };

  return {
    name: 'course-content',
    enforce: 'pre',
    resolveId(id) {
      if (id === THEME_ID) {
        // The real file, so its url(...)s (a logo) resolve beside it and ship in the package.
        const theme = resolve(root, 'content/theme.css');
        return existsSync(theme) ? theme : RESOLVED + THEME_ID;
      }
      if (id === COURSE_ID || id.startsWith(TEXTS_PREFIX)) return RESOLVED + id;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED + THEME_ID) return '/* no content/theme.css: the default theme applies */';
      if (!id.startsWith(RESOLVED + 'virtual:course') && !id.startsWith(RESOLVED + TEXTS_PREFIX)) return undefined;
      const name = id.slice(1);
      let l: LoadedCourse;
      try {
        l = load();
      } catch (e) {
        if (e instanceof ContentError) this.error(e.message);
        throw e;
      }
      for (const f of l.files) this.addWatchFile(f);
      if (name === COURSE_ID) return courseModule(l);
      const [lang, ns] = name.slice(TEXTS_PREFIX.length).split('/');
      const tree = l.texts[lang!] ? namespacesOf(l, lang!)[ns!] : undefined;
      if (!tree) this.error(`no text namespace "${ns}" for language "${lang}"`);
      const module = l.course.modules.find((m) => m.id === ns);
      const figures = module ? moduleFigures(root, module) : {};
      for (const src of Object.keys(figures)) this.addWatchFile(resolve(root, 'content', src));
      return [
        `export default ${JSON.stringify(tree)};`,
        ...(Object.keys(figures).length ? [`export const figures = ${JSON.stringify(figures)};`] : []),
      ].join('\n');
    },
    buildStart() {
      // Validate before anything else, so a content error stops the build with its full list.
      loaded = undefined;
      let l: LoadedCourse;
      firstScreen = undefined;
      try {
        l = load();
      } catch (e) {
        if (e instanceof ContentError) this.error(e.message);
        throw e;
      }
      for (const p of l.progress.filter((x) => !x.complete))
        this.warn(
          `${p.lang} is a draft (${p.translated} of ${p.total} strings translated): ${l.drafts.includes(p.lang) ? (drafts === 'mark' ? 'shown with its gaps marked' : 'included, its gaps in the source language') : 'left out of this build'}`,
        );
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const l = load();
        const text = l.texts[l.course.defaultLanguage]!.course;
        const title = escapeHtml(String(text.title ?? ''));
        const page = html
          .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(l.course.defaultLanguage)}"`)
          .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
        if (!options.prerender || ctx.server) {
          // The dev server: a plain placeholder (the title and description), replaced when the player starts.
          const description = escapeHtml(String(text.description ?? ''));
          return page.replace(
            '<div id="root"></div>',
            `<div id="root"><main class="splash" aria-busy="true"><h1 class="splash__title">${title}</h1><p class="splash__description">${description}</p></main></div>`,
          );
        }
        // A build: the player's own first screen, which the app hydrates, and its code preloaded beside the entry.
        const screen: FirstScreen = (firstScreen ??= await renderFirstScreen(
          options.prerender,
          coursePlugin({ root, ...(uiRoot ? { uiRoot } : {}), ...(options.drafts ? { drafts: options.drafts } : {}) }),
        ));
        return page
          .replace(
            '</head>',
            `${preloadLinks(ctx, [`${TEXTS_PREFIX}${l.course.defaultLanguage}/modules`, `${TEXTS_PREFIX}${l.course.defaultLanguage}/${l.course.modules[0]!.id}`]).join('')}</head>`,
          )
          .replace('<div id="root"></div>', () => firstScreenMarkup(screen, PRERENDERED_ATTRIBUTE, MENU_TEMPLATE_ID));
      },
    },
    configureServer(s) {
      server = s;
      s.watcher.add([resolve(root, 'content'), resolve(root, 'locales'), ...(uiRoot ? [resolve(uiRoot, 'locales')] : [])]);
      const onChange = (file: string) => {
        const inContent =
          [root, uiRoot].some((r) => r && !relative(resolve(r, 'content'), file).startsWith('..')) ||
          [root, uiRoot].some((r) => r && !relative(resolve(r, 'locales'), file).startsWith('..'));
        if (!inContent || !server) return;
        loaded = undefined;
        try {
          load();
        } catch (e) {
          if (e instanceof ContentError) {
            server.ws.send({ type: 'error', err: { message: e.message, stack: '', plugin: 'course-content' } });
            return;
          }
          throw e;
        }
        for (const mod of server.moduleGraph.idToModuleMap.values())
          if (mod.id?.startsWith(RESOLVED + 'virtual:')) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      s.watcher.on('change', onChange);
      s.watcher.on('add', onChange);
      s.watcher.on('unlink', onChange);
    },
  };
}
