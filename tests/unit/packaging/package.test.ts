/**
 * `npm run package` end to end on the sample course: the real Vite build of every target (SCORM 1.2, 2004, cmi5), the
 * zips it writes, and the same checks as the manifest tests, now on the zipped manifests. The script
 * runs in a child process with a clean environment, exactly as an author runs it; once per file, plus
 * once more (in another time zone) to prove the zips are byte-identical.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseManifest, packageIndex } from '../../../src/packaging/analyse.ts';
import { decodeEntities } from '../../../src/packaging/package.ts';
import { schemaFiles } from '../../../src/packaging/schemas.ts';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../vite.config.ts';
import { validateCourseStructureXsd } from '../../../src/packaging/cmi5/xsd.ts';
import { verifyPackage } from '../../../src/packaging/verify.ts';
import { attr, child, children, parseXml } from '../../../src/packaging/xml.ts';
import { validateManifestXsd } from '../../../src/packaging/xsd.ts';
import { readZip } from '../../../src/packaging/zip-read.ts';
import { validateMain } from '../../../src/authoring/cli.ts';
import { captureIo } from '../authoring/helpers.ts';
import { repoRoot, runScript, sampleCourse, type RunResult } from './helpers.ts';

const ZIPS = { '1.2': 'sample-course-0.1.0-scorm12.zip', '2004': 'sample-course-0.1.0-scorm2004.zip' } as const;
const CMI5_ZIP = 'sample-course-0.1.0-cmi5.zip';
let out: string;
let run: RunResult;
const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));

beforeAll(async () => {
  out = tempDir('package-cli-');
  run = await runScript('package', ['--course', sampleCourse, '--out', out]);
  if (run.code !== 0) throw new Error(`npm run package failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
}, 240_000);

async function unzip(file: string) {
  const z = await readZip(file, { keep: () => true });
  expect(z.error).toBeUndefined();
  return z;
}

describe('npm run package', () => {
  it('writes one zip per package target, named by course id and version, and says so', () => {
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.zip'))
        .sort(),
    ).toEqual([CMI5_ZIP, ZIPS['1.2'], ZIPS['2004']]);
    expect(run.stdout).toMatch(/✓ .*sample-course-0\.1\.0-scorm12\.zip\s+SCORM 1\.2/);
    expect(run.stdout).toMatch(/✓ .*sample-course-0\.1\.0-scorm2004\.zip\s+SCORM 2004 4th Edition/);
    expect(run.stdout).toMatch(/✓ .*sample-course-0\.1\.0-cmi5\.zip\s+cmi5 \(xAPI\), \d+ course files \+ 0 schema files/);
  });

  it('cmi5: cmi5.xml at the root, valid against the cmi5 schema, one AU launching index.html; verify passes without a note', async () => {
    const file = join(out, CMI5_ZIP);
    const r = await verifyPackage(file);
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
    expect(r.version).toBe('cmi5');
    expect(r.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['cmi5-structure', 'cmi5-schema', 'cmi5-ids', 'cmi5-au-urls', 'cmi5-move-on']),
    );
    const z = await unzip(file);
    const names = z.entries.map((e) => e.name);
    expect(names).toContain('cmi5.xml');
    expect(names).not.toContain('imsmanifest.xml');
    expect(names.filter((n) => n.endsWith('.xsd'))).toEqual([]);
    const xml = z.kept.get('cmi5.xml')!.toString('utf8');
    expect((await validateCourseStructureXsd(xml)).errors).toEqual([]);
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.error);
    const au = child(parsed.root, 'au')!;
    expect(attr(au, 'id')).toBe('urn:course:sample-course:au');
    expect(attr(au, 'moveOn')).toBe('CompletedAndPassed');
    expect(attr(au, 'masteryScore')).toBe('0.75');
    expect(child(au, 'url')!.text).toBe('index.html');
    // The launch page may reach the LMS's xAPI endpoint (often on another host), and nothing more.
    const html = z.kept.get('index.html')!.toString('utf8');
    const policy = decodeEntities(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '');
    expect(policy).toBe(contentSecurityPolicy('cmi5'));
    expect(policy).toMatch(/(^|; )connect-src 'self' https:(;|$)/);
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
  });

  it.each(['1.2', '2004'] as const)('SCORM %s: the zip passes verify without a single note', async (v) => {
    const r = await verifyPackage(join(out, ZIPS[v]));
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(['1.2', '2004'] as const)(
    'SCORM %s: manifest at the root, schemas beside it, every file listed and every listed file present',
    async (v) => {
      const z = await unzip(join(out, ZIPS[v]));
      const names = z.entries.map((e) => e.name);
      const xml = z.kept.get('imsmanifest.xml')!.toString('utf8');
      expect((await validateManifestXsd(xml, v === '1.2' ? 'scorm12' : 'scorm2004-4th')).errors).toEqual([]);
      const schemas = schemaFiles(v === '1.2' ? 'scorm12' : 'scorm2004-4th').map((s) => s.path);
      for (const s of schemas) expect(names).toContain(s);
      if (v === '1.2') expect(schemas).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd']);
      // The schema files are the official bytes.
      for (const s of schemaFiles(v === '1.2' ? 'scorm12' : 'scorm2004-4th')) expect(z.kept.get(s.path)!.equals(s.data)).toBe(true);

      const parsed = parseXml(xml);
      if (!parsed.ok) throw new Error(parsed.error);
      const resources = children(child(parsed.root, 'resources')!, 'resource');
      expect(resources).toHaveLength(1);
      const listed = children(resources[0]!, 'file').map((f) => decodeURIComponent(attr(f, 'href')!));
      const courseFiles = names.filter((n) => n !== 'imsmanifest.xml' && !schemas.includes(n));
      expect(listed.slice().sort()).toEqual(courseFiles.slice().sort());
      expect(new Set(listed).size).toBe(listed.length);
      for (const f of listed) expect(names).toContain(f);
      const a = analyseManifest(parsed.root, packageIndex(names));
      expect([...a.references, ...a.spelling, ...a.paths, ...a.mastery.problems]).toEqual([]);
      expect(a.launch?.path).toBe('index.html');
      expect(a.mastery.found?.value).toBe(0.75);
      // No folder entries, no absolute paths, no "..".
      for (const n of names) expect(n).toMatch(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\]+[^/]$/);
    },
  );

  it.each(['1.2', '2004'] as const)(
    'SCORM %s: the build is the launch page with its CSP, and refers only to files inside the package',
    async (v) => {
      const z = await unzip(join(out, ZIPS[v]));
      const html = z.kept.get('index.html')!.toString('utf8');
      const policy = decodeEntities(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '');
      expect(policy).toBe(CONTENT_SECURITY_POLICY);
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).not.toMatch(/unsafe-eval/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
      for (const m of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
        if (m[1]!.startsWith('#')) continue; // a place in the page itself (the skip link)
        expect(m[1]).toMatch(/^\.\//);
        expect(z.kept.has(m[1]!.slice(2))).toBe(true);
      }
      expect(z.entries.some((e) => /\.js$/.test(e.name))).toBe(true);
    },
  );

  it('gives byte-identical zips for the same input, in another time zone too, and leaves a draft language out', async () => {
    // The same course with a partial locales/de/: a draft, which is left out, so the zips do not change.
    const withDraft = tempDir('package-draft-');
    cpSync(sampleCourse, withDraft, { recursive: true });
    mkdirSync(join(withDraft, 'locales/de'));
    cpSync(join(sampleCourse, 'locales/en/course.json'), join(withDraft, 'locales/de/course.json'));
    const again = tempDir('package-cli-again-');
    const second = await runScript('package', ['--course', withDraft, '--out', again], { TZ: 'Pacific/Chatham' });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(
      /^! de is a draft \(\d+ of \d+ strings translated\): left out; npm run package -- --drafts includes it$/m,
    );
    expect(second.stdout).toContain('Languages: da, en');
    for (const name of [...Object.values(ZIPS), CMI5_ZIP]) {
      const a = readFileSync(join(out, name));
      const b = readFileSync(join(again, name));
      expect(b.equals(a), `${name} differs between two runs`).toBe(true);
    }
    // Fixed timestamps, sorted entries, fixed permissions.
    const z = await readZip(join(out, ZIPS['2004']));
    const names = z.entries.map((e) => e.name);
    expect(names).toEqual([...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    expect(new Set(z.entries.map((e) => e.mode))).toEqual(new Set([0o100644]));
  }, 240_000);

  it('stops on invalid content, naming file and path, and writes no zip', async () => {
    const broken = tempDir('package-broken-');
    cpSync(sampleCourse, broken, { recursive: true });
    const file = join(broken, 'content/modules/beta.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('correct: [b] }', 'correct: [z] }'));
    const target = join(broken, 'out');
    const r = await runScript('package', ['--course', broken, '--out', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/modules\/beta\.yaml:\d+: knowledgeCheck\.questions\[0\]\.correct\[0\]: unknown option "z"/);
    expect(existsSync(target)).toBe(false);

    // What validate refuses, package refuses, in the same words (one pipeline).
    const unsafe = tempDir('package-unsafe-');
    cpSync(sampleCourse, unsafe, { recursive: true });
    for (const lang of ['da', 'en']) {
      const locale = join(unsafe, `locales/${lang}/beta.json`);
      const data = JSON.parse(readFileSync(locale, 'utf8'));
      data.actionPlan.hint = 'Et skridt <img src=x onerror=alert(1)>';
      data.pages.only.blocks.warn.body = 'Pas [på](javascript:alert(1)).';
      writeFileSync(locale, JSON.stringify(data, null, 2));
    }
    const refused = await runScript('package', ['--course', unsafe, '--out', join(unsafe, 'out')]);
    expect(refused.code).toBe(1);
    const io = captureIo();
    expect(validateMain(['--course', unsafe, '--ui-root', repoRoot], io)).toBe(1);
    const validateLines = io.stdout.slice(0, -1);
    expect(validateLines).toHaveLength(4);
    expect(refused.stderr.split('\n').filter((l) => /^locales\//.test(l))).toEqual(validateLines);
    expect(existsSync(join(unsafe, 'out'))).toBe(false);

    const missing = await runScript('package', ['--course', join(broken, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No course in .*content\/course\.yaml/);
  }, 60_000);
});
