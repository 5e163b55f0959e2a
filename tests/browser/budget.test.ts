/**
 * Byte budgets on the real course's LMS build (deterministic, so asserted here; timings live in the
 * benchmark). Each failure names the chunk that broke the budget.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content-model/load.ts';
import { buildDir, REAL_12, repoRoot } from '../../scripts/harness/build.ts';
import {
  FIRST_LOAD_BUDGET,
  firstLoad,
  listFiles,
  RESUMED_FIRST_LOAD_BUDGET,
  resumedFirstLoad,
  savedStateChunk,
  sizeOf,
} from '../../scripts/harness/first-load.ts';

const dir = buildDir(REAL_12);
const { course, texts } = loadCourse(repoRoot);
const first = firstLoad(dir, course.defaultLanguage);
const describeFiles = (files: { file: string; gzip: number }[]) => files.map((f) => `${f.file} (${f.gzip} B gzip)`).join(', ');

/** Strings only scorm-again's runtime holds (settings it reads internally): our LMS path must not. */
const SCORM_AGAIN_MARKERS = ['selfReportSessionTime', 'autocommitSeconds'];

describe('first-load budget (LMS path)', () => {
  it('moves at most 147 KB gzip until the first screen is interactive (a fresh learner)', () => {
    const total = first.reduce((n, f) => n + f.gzip, 0);
    expect(total, `first load: ${describeFiles(first)}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it('keeps the saved-state code (compression, restoring, the text room) out of it, in a chunk a resumed learner adds: at most 157 KB in all', () => {
    const chunk = savedStateChunk(dir);
    expect(chunk, 'the saved-state chunk').toBeDefined();
    // fflate's inflate and the dictionary's words are in it, and nowhere in the first load
    for (const marker of ['invalid block type', 'medarbejderne'])
      for (const f of [chunk!, ...first.filter((x) => x.file.endsWith('.js')).map((x) => x.file)])
        expect(readFileSync(join(dir, f), 'utf8').includes(marker), `${f} and "${marker}"`).toBe(f === chunk);
    const resumed = resumedFirstLoad(dir, course.defaultLanguage);
    expect(resumed.at(-1)!.file).toBe(chunk);
    expect(
      resumed.reduce((n, f) => n + f.gzip, 0),
      `resumed first load: ${describeFiles(resumed)}`,
    ).toBeLessThanOrEqual(RESUMED_FIRST_LOAD_BUDGET);
  });

  it('paints the first screen from the launch page and its styles alone: at most 8 KB gzip', () => {
    // The screen is pre-rendered in index.html; no script is needed to show it. The styles the page links
    // hold it up; the player's own, which its entry loads, do not.
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const linkedStyles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]!);
    const painted = first.filter((f) => f.file === 'index.html' || linkedStyles.includes(f.file));
    expect(painted.length, 'the launch page and its styles').toBeGreaterThan(1);
    expect(
      painted.reduce((n, f) => n + f.gzip, 0),
      describeFiles(painted),
    ).toBeLessThanOrEqual(8_000);
  });

  it('starts with an entry script of at most 2 KB gzip that answers early taps while the player loads beside it', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)![1]!;
    expect(sizeOf(dir, entry).gzip).toBeLessThanOrEqual(2_000);
    // The player is preloaded by the launch page itself, not discovered after the entry has run
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(preloaded.some((f) => /assets\/start-/.test(f))).toBe(true);
  });

  it('brings the first screen text with the player, in the default language only: no request for it after the code', () => {
    expect(first.filter((f) => f.file.startsWith('assets/texts/')).map((f) => f.file)).toEqual([]);
    const code = first.filter((f) => f.file.endsWith('.js')).map((f) => readFileSync(join(dir, f.file), 'utf8'));
    const startText = (lang: string) => (texts[lang]!.ui as { start: { start: string } }).start.start;
    expect(code.some((c) => c.includes(JSON.stringify(startText(course.defaultLanguage)).slice(1, -1)))).toBe(true);
    for (const lang of course.languages.filter((l) => l !== course.defaultLanguage))
      for (const c of code) expect(c.includes(startText(lang)), `${lang} text in the first load`).toBe(false);
  });

  it('carries only the first screen and the way to the first module: not the final, the results, the radar, the action plan or SCORM 2004', () => {
    const markers = {
      'the final assessment': 'question-list__item',
      'the results': 'view--results',
      'the radar chart': 'radar__shape',
      'the action plan': 'action-plan',
      'SCORM 2004 (this is a SCORM 1.2 build)': 'cmi.success_status',
    };
    for (const f of first.filter((x) => x.file.endsWith('.js'))) {
      const content = readFileSync(join(dir, f.file), 'utf8');
      for (const [what, marker] of Object.entries(markers)) expect(content.includes(marker), `${f.file} holds ${what}`).toBe(false);
    }
    // ...and they are still in the package, each loaded when needed
    const all = listFiles(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const marker of ['question-list__item', 'view--results', 'radar__shape', 'action-plan'])
      expect(
        all.some((c) => c.includes(marker)),
        marker,
      ).toBe(true);
  });

  it('pre-renders the player’s own first screen, which the app hydrates: header, start screen and the Start button', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toMatch(/<div id="root" data-prerendered="start:[a-z-]+">/);
    expect(html).toContain('class="site-header"');
    expect(html).toContain('data-early="start"');
    expect(html).toContain(`>${(texts[course.defaultLanguage]!.ui as { start: { start: string } }).start.start}</button>`);
  });

  it('carries the menu a tap on Start leads to, pre-rendered and neutral, beside the start screen', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const menu = /<template id="prerendered-menu" data-mark="menu:([a-z-]+)">([\s\S]*?)<\/template>/.exec(html);
    expect(menu?.[1]).toBe(course.defaultLanguage);
    const rows = [...menu![2]!.matchAll(/<li class="module-row module-row--unknown">/g)];
    expect(rows).toHaveLength(course.modules.length);
    for (const m of course.modules) expect(menu![2]).toContain(`data-early="open:${m.id}"`);
    // Nothing about a learner's progress: the build cannot know it
    const ui = texts[course.defaultLanguage]!.ui as { menu: { status: Record<string, string>; open: Record<string, string> } };
    for (const word of [...Object.values(ui.menu.status), ...Object.values(ui.menu.open)]) expect(menu![2]).not.toContain(`>${word}<`);
    expect(menu![2]).not.toContain('aria-valuenow');
  });

  it.each(course.modules.map((m) => m.id))(
    'keeps module %s text out of the first load: its title and summary only in the pre-rendered menu, its pages nowhere',
    (id) => {
      const title = texts[course.defaultLanguage]!.modules[id]!.title as string;
      const summary = texts[course.defaultLanguage]!.modules[id]!.summary as string;
      const page = Object.values(texts[course.defaultLanguage]!.modules[id]!.pages as Record<string, { title: string }>)[0]!.title;
      for (const f of first) {
        const content = readFileSync(join(dir, f.file), 'utf8');
        const menu = /<template id="prerendered-menu"[\s\S]*?<\/template>/.exec(content)?.[0] ?? '';
        const outside = content.replace(menu, '');
        expect(outside.includes(title) || outside.includes(summary) || content.includes(page), `${f.file} holds text of module ${id}`).toBe(
          false,
        );
        if (f.file === 'index.html') expect(menu.includes(title) && menu.includes(summary), 'the pre-rendered menu').toBe(true);
      }
    },
  );

  it('never puts scorm-again on the LMS path: it is a lazily loaded chunk for standalone use only', () => {
    for (const f of first) {
      const content = readFileSync(join(dir, f.file), 'utf8');
      for (const marker of SCORM_AGAIN_MARKERS) expect(content.includes(marker), `${f.file} holds scorm-again ("${marker}")`).toBe(false);
    }
    const lazy = listFiles(dir).filter(
      (f) => f.endsWith('.js') && SCORM_AGAIN_MARKERS.every((m) => readFileSync(join(dir, f), 'utf8').includes(m)),
    );
    expect(lazy.length, 'the standalone runtime is still in the build, as its own chunk').toBeGreaterThan(0);
  });

  it("leaves the authors' inspector out of the package", () => {
    for (const f of listFiles(dir).filter((x) => x.endsWith('.js')))
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toContain('Simulate LMS faults');
  });

  it('uses system fonts, or one web-font subset under 30 KB', () => {
    const fonts = listFiles(dir)
      .filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f))
      .map((f) => sizeOf(dir, f));
    expect(fonts.length, describeFiles(fonts)).toBeLessThanOrEqual(1);
    for (const f of fonts) expect(f.raw, f.file).toBeLessThan(30_000);
  });

  it('requests nothing from outside the package', () => {
    for (const f of listFiles(dir).filter((x) => /\.(html|js|css)$/.test(x))) {
      const content = readFileSync(resolve(dir, f), 'utf8');
      expect(content, f).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\/|@import\s+url\(["']?https?:|url\(["']?https?:\/\//);
    }
  });
});
