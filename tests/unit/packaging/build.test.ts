/**
 * What the packager checks in a build before zipping it, and the zip writer's determinism: the same
 * files give the same bytes whatever order, timestamps or permissions they have on disk.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuild, listBuildFiles, packageBuild } from '../../../src/packaging/package.ts';
import { readZip } from '../../../src/packaging/zip-read.ts';
import { FIXED_MTIME, zipToBuffer } from '../../../src/packaging/zip-write.ts';
import { CSP, fakeBuild, sampleMetadata } from './helpers.ts';

const meta = sampleMetadata();
const page = (head: string, body = '<div id="root"></div>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const cspMeta = (policy = CSP) => `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#39;')}">`;
const problemsOf = (extra: Record<string, string>) => {
  const dir = fakeBuild(extra);
  return checkBuild(dir, listBuildFiles(dir));
};

describe('the build check', () => {
  it('accepts a Vite build: CSP (with entities), module script and stylesheet by relative URL', () => {
    expect(
      problemsOf({ 'index.html': page(`${cspMeta()}<script type="module" crossorigin src="./assets/index-abc123.js"></script>`) }),
    ).toEqual([]);
  });

  it('refuses a launch page without a CSP, or one that allows inline script or eval', () => {
    expect(problemsOf({ 'index.html': page('<script src="./a.js"></script>') })).toEqual([
      'index.html has no Content-Security-Policy meta tag',
    ]);
    expect(problemsOf({ 'index.html': page(cspMeta("default-src 'self'; script-src 'self' 'unsafe-inline'")) })[0]).toMatch(
      /script-src allows more/,
    );
    expect(problemsOf({ 'index.html': page(cspMeta("default-src 'self'; script-src 'self' 'unsafe-eval'")) })[0]).toMatch(
      /script-src allows more/,
    );
    expect(problemsOf({ 'index.html': page(cspMeta("default-src 'self'; script-src https://cdn.example.com")) })[0]).toMatch(
      /script-src allows more/,
    );
  });

  it('refuses inline script and inline event handlers', () => {
    expect(problemsOf({ 'index.html': page(`${cspMeta()}<script>window.x = 1</script>`) })).toEqual([
      'index.html has an inline <script>, which the Content-Security-Policy blocks',
    ]);
    expect(problemsOf({ 'index.html': page(cspMeta(), '<body onload="go()"></body>') })[0]).toMatch(/inline event handler/);
    // Text that merely reads like an attribute is not a handler.
    expect(problemsOf({ 'index.html': page(cspMeta(), '<p>Set option=2 and go on= later</p>') })).toEqual([]);
  });

  it('refuses URLs that leave the package: root-relative, other hosts, protocol-relative, <base>', () => {
    expect(problemsOf({ 'index.html': page(`${cspMeta()}<script type="module" src="/assets/app.js"></script>`) })[0]).toMatch(
      /"\/assets\/app\.js", outside the package/,
    );
    expect(problemsOf({ 'index.html': page(`${cspMeta()}<link rel="stylesheet" href="https://fonts.example.com/a.css">`) })[0]).toMatch(
      /outside the package/,
    );
    expect(problemsOf({ 'index.html': page(`${cspMeta()}<link rel="icon" href="//cdn.example.com/i.png">`) })[0]).toMatch(
      /outside the package/,
    );
    expect(problemsOf({ 'index.html': page(`${cspMeta()}<base href="/course/">`) }).join('\n')).toMatch(/<base> element/);
    expect(problemsOf({ 'assets/index-def456.css': '@import "https://fonts.example.com/x.css"; body{background:url(/bg.png)}' })).toEqual([
      'assets/index-def456.css refers to "https://fonts.example.com/x.css", outside the package: use a relative URL',
      'assets/index-def456.css refers to "/bg.png", outside the package: use a relative URL',
    ]);
    expect(problemsOf({ 'assets/index-def456.css': 'a{background:url(data:image/png;base64,AAAA)}' })).toEqual([]);
  });

  it('refuses a build without its launch page, with a symbolic link, or with files the package format reserves', async () => {
    const dir = fakeBuild();
    expect(checkBuild(dir, listBuildFiles(dir), 'start.html')).toEqual(['the build has no start.html']);
    symlinkSync('/etc/passwd', join(dir, 'assets/passwd'));
    expect(() => listBuildFiles(dir)).toThrow(/symbolic link/);
    const reserved = fakeBuild({ 'imsmanifest.xml': '<manifest/>' });
    await expect(packageBuild({ target: 'scorm12', meta, buildDir: reserved })).rejects.toThrow(/reserves: imsmanifest\.xml/);
    const broken = fakeBuild({ 'index.html': page('') });
    await expect(packageBuild({ target: 'scorm2004', meta, buildDir: broken })).rejects.toThrow(
      /not fit for a SCORM package:\n {2}- index\.html has no Content-Security-Policy/,
    );
  });
});

describe('the zip writer', () => {
  it('sorts entries by path, fixes timestamps and permissions, and adds no folder entries', async () => {
    const zip = await zipToBuffer([
      { path: 'b/z.txt', data: Buffer.from('z') },
      { path: 'a.txt', data: Buffer.from('a') },
      { path: 'B.txt', data: Buffer.from('B') },
    ]);
    const z = await readZip(zip);
    expect(z.entries.map((e) => e.name)).toEqual(['B.txt', 'a.txt', 'b/z.txt']);
    expect(z.entries.every((e) => e.mode === 0o100644 && !e.isDirectory)).toBe(true);
    // The DOS date and time in each local header: 2000-01-01 00:00:00 in every time zone.
    for (
      let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      at >= 0;
      at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)
    ) {
      expect(zip.readUInt16LE(at + 10)).toBe(0); // 00:00:00
      expect(zip.readUInt16LE(at + 12)).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
    }
    expect(FIXED_MTIME.getHours()).toBe(0);
  });

  it('refuses unsafe or duplicate paths', async () => {
    await expect(zipToBuffer([{ path: '../x', data: Buffer.from('') }])).rejects.toThrow(/not a clean relative zip path/);
    await expect(zipToBuffer([{ path: '/x', data: Buffer.from('') }])).rejects.toThrow(/not a clean relative zip path/);
    await expect(
      zipToBuffer([
        { path: 'a', data: Buffer.from('') },
        { path: 'a', data: Buffer.from('') },
      ]),
    ).rejects.toThrow(/duplicate/);
  });

  it('gives the same bytes for the same build, whatever the files’ order, times and modes on disk', async () => {
    const one = fakeBuild();
    const two = mkdtempSync(join(tmpdir(), 'pkg-build-two-'));
    // Same files, written in reverse order, with other timestamps and permissions.
    const files = listBuildFiles(one).reverse();
    for (const f of files) {
      mkdirSync(join(two, f, '..'), { recursive: true });
      writeFileSync(join(two, f), readFileSync(join(one, f)));
      utimesSync(join(two, f), new Date(2031, 5, 6), new Date(2031, 5, 6));
      chmodSync(join(two, f), 0o600);
    }
    for (const target of ['scorm12', 'scorm2004'] as const) {
      const a = await packageBuild({ target, meta, buildDir: one });
      const b = await packageBuild({ target, meta, buildDir: two });
      expect(b.bytes.equals(a.bytes)).toBe(true);
    }
  });
});
