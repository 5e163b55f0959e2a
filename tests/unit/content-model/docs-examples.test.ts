/**
 * The examples in docs/content-format.md are part of the tests, so the documentation cannot drift from
 * the format again: each YAML or JSON example under a heading that names a course file is checked
 * against what the loader accepts for that file (the schemas with their strict keys, and the text
 * slots), and the blocks table lists exactly the block types the schema has.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../src/content-model/issues.ts';
import { moduleModel } from '../../../src/content-model/module-model.ts';
import { courseSchema, moduleSchema } from '../../../src/content-model/schema.ts';
import { courseTextSlots, moduleTextSlots } from '../../../src/content-model/text-spec.ts';
import { stringLeaves } from '../../../src/content-model/course-files.ts';
import type { z } from 'zod';

const repo = resolve(import.meta.dirname, '../../..');
const doc = readFileSync(resolve(repo, 'docs/content-format.md'), 'utf8');
const tokens = new MarkdownIt().parse(doc, {});

interface Example {
  heading: string;
  lang: string;
  text: string;
  line: number;
}

/** Every fenced example with the `##` heading it stands under (backticks removed). */
const examples: Example[] = [];
let heading = '';
tokens.forEach((t, i) => {
  if (t.type === 'heading_open' && t.tag === 'h2') heading = tokens[i + 1]!.content.replace(/`/g, '');
  if (t.type === 'fence') examples.push({ heading, lang: t.info.trim().split(/\s+/)[0]!, text: t.content, line: t.map![0] + 1 });
});

const where = (e: Example) => `docs/content-format.md:${e.line} (under "${e.heading}")`;
const problems = (schema: z.ZodType, data: unknown) =>
  (schema.safeParse(data).error?.issues ?? []).map(
    (i) => `${formatPath(i.path)}: ${i.message}${'keys' in i ? ` ${JSON.stringify(i.keys)}` : ''}`,
  );
const exampleOf = (h: string) => {
  const e = examples.find((x) => x.heading === h);
  expect(e, `docs/content-format.md has an example under "${h}"`).toBeDefined();
  return e!;
};

describe('docs/content-format.md', () => {
  it('has an example of course.yaml that the loader accepts as it stands', () => {
    const e = exampleOf('content/course.yaml');
    expect(problems(courseSchema, parseYaml(e.text)), where(e)).toEqual([]);
  });

  it('has an example of a module file that the loader accepts as it stands', () => {
    const e = exampleOf('content/modules/<id>.yaml');
    expect(problems(moduleSchema, parseYaml(e.text)), where(e)).toEqual([]);
  });

  it("has a module's locale file whose every key is a string that example module defines", () => {
    const module = moduleModel(moduleSchema.parse(parseYaml(exampleOf('content/modules/<id>.yaml').text)), repo);
    const slots = new Set(moduleTextSlots(module).map((s) => s.path.join('.')));
    const e = exampleOf('locales/<lang>/<id>.json');
    const unknown = stringLeaves(JSON.parse(e.text))
      .map((l) => l.path.join('.'))
      .filter((p) => !slots.has(p));
    expect(unknown, where(e)).toEqual([]);
  });

  it('has a course.json whose every key is a course string', () => {
    const slots = new Set(courseTextSlots().map((s) => s.path.join('.')));
    const e = exampleOf('locales/<lang>/course.json');
    const leaves = stringLeaves(JSON.parse(e.text)).map((l) => l.path.join('.'));
    expect(
      leaves.filter((p) => !slots.has(p)),
      where(e),
    ).toEqual([]);
    // And it shows every required one.
    expect(
      courseTextSlots()
        .filter((s) => !s.optional)
        .map((s) => s.path.join('.'))
        .filter((p) => !leaves.includes(p)),
      where(e),
    ).toEqual([]);
  });

  it('checks every example that names a course file, and parses every YAML and JSON example', () => {
    const known = new Set(['content/course.yaml', 'content/modules/<id>.yaml', 'locales/<lang>/<id>.json', 'locales/<lang>/course.json']);
    for (const e of examples) {
      if (/^(content|locales)\//.test(e.heading))
        expect(known.has(e.heading), `${where(e)}: an example of a file this test does not check yet: add it here`).toBe(true);
      if (e.lang === 'yaml') expect(() => parseYaml(e.text), where(e)).not.toThrow();
      if (e.lang === 'json') expect(() => JSON.parse(e.text), where(e)).not.toThrow();
    }
  });

  it('lists exactly the block types of the schema in its blocks table', () => {
    type Def = { _zod: { def: { shape: Record<string, Def>; element: Def; options: Def[]; values: unknown[] } } };
    const page = (moduleSchema as unknown as Def)._zod.def.shape.pages!._zod.def.element;
    const blocks = page._zod.def.shape.blocks!._zod.def.element;
    const types = blocks._zod.def.options.map((o) => String(o._zod.def.shape.type!._zod.def.values[0])).sort();
    const section = doc.slice(doc.indexOf('## Blocks'), doc.indexOf('\n## ', doc.indexOf('## Blocks') + 1));
    const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!).sort();
    expect(listed).toEqual(types);
  });
});
