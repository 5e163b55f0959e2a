/**
 * The verifier for administrators: our packages pass; every kind of broken or hostile zip fails with
 * its reason, and none of them crashes it or makes it write anything. The hostile zips are made here,
 * from our own package, so each differs from a good one in exactly one way.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageEntries } from '../../../src/packaging/package.ts';
import { formatReport, verifyPackage, type CheckId, type VerifyReport } from '../../../src/packaging/verify.ts';
import { ENTRY_MARGIN, type ZipLimits } from '../../../src/packaging/zip-read.ts';
import { zipToBuffer, type ZipInput } from '../../../src/packaging/zip-write.ts';
import { fakeBuild, forgeDeclaredSize, makeZip, renameEntry, runScript, sampleMetadata, type RawEntry } from './helpers.ts';

const meta = sampleMetadata();
const buildDir = fakeBuild();
const good = {
  '1.2': packageEntries({ target: 'scorm12', meta, buildDir }),
  '2004': packageEntries({ target: 'scorm2004', meta, buildDir }),
};

const status = (r: VerifyReport, id: CheckId) => r.checks.find((c) => c.id === id);
const failed = (r: VerifyReport) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);
const text = (r: VerifyReport, id: CheckId) => {
  const c = status(r, id)!;
  return [c.detail, ...(c.items ?? [])].join('\n');
};

/** Our 2004 package with its entries changed by `edit`. */
function variant(edit: (entries: RawEntry[]) => RawEntry[], version: '1.2' | '2004' = '2004'): Promise<Buffer> {
  const entries: RawEntry[] = good[version].entries.map((e: ZipInput) => ({ name: e.path, data: e.data }));
  return makeZip(edit(entries));
}

/** Our package with its manifest text changed by `edit`. */
const withManifest = (edit: (xml: string) => string, version: '1.2' | '2004' = '2004') =>
  variant((es) => es.map((e) => (e.name === 'imsmanifest.xml' ? { ...e, data: edit(e.data.toString()) } : e)), version);

async function verify(zip: Buffer, limits?: Partial<ZipLimits>): Promise<VerifyReport> {
  const r = await verifyPackage(zip, { limits, name: 'test.zip' });
  // Whatever the zip, the report prints.
  expect(formatReport(r)).toMatch(/RESULT: (PASS|FAIL)/);
  return r;
}

describe('our packages', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s passes every check', async (v) => {
    const r = await verify(await zipToBuffer(good[v].entries));
    expect(failed(r)).toEqual([]);
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.version).toBe(v === '1.2' ? 'SCORM 1.2' : 'SCORM 2004 4th Edition');
    expect(text(r, 'mastery')).toMatch(/75%/);
  });
});

describe('hostile and broken zips fail with their reason', () => {
  it('not a zip', async () => {
    const r = await verify(Buffer.from('%PDF-1.7\nthis is a PDF, renamed to .zip\n'));
    expect(r.ok).toBe(false);
    expect(status(r, 'zip')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/not a zip/) });
    expect(r.checks.filter((c) => c.id !== 'zip').every((c) => c.status === 'skip')).toBe(true);
  });

  it('an empty file', async () => {
    const r = await verify(Buffer.alloc(0));
    expect(status(r, 'zip')?.detail).toMatch(/empty/);
  });

  it('truncated', async () => {
    const whole = await zipToBuffer(good['2004'].entries);
    const r = await verify(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(status(r, 'zip')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/truncated/) });
  });

  it('damaged data (a flipped byte inside an entry)', async () => {
    const whole = Buffer.from(await zipToBuffer(good['2004'].entries));
    const at = whole.indexOf(Buffer.from('index.html')) + 200; // inside some compressed data, past the headers
    whole[at] = whole[at]! ^ 0xff;
    const r = await verify(whole);
    expect(r.ok).toBe(false);
    expect(failed(r).length).toBeGreaterThan(0);
  });

  it('no manifest', async () => {
    const r = await verify(await variant((es) => es.filter((e) => e.name !== 'imsmanifest.xml')));
    expect(status(r, 'manifest-root')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/no imsmanifest\.xml/) });
  });

  it('manifest in a subfolder (the course folder zipped, not its contents)', async () => {
    const r = await verify(await variant((es) => es.map((e) => ({ ...e, name: `course/${e.name}` }))));
    expect(status(r, 'manifest-root')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/course\/imsmanifest\.xml.*contents of the course folder/),
    });
  });

  it('malformed XML', async () => {
    const r = await verify(await withManifest((x) => x.replace('</organizations>', '')));
    expect(status(r, 'well-formed')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/line \d+/) });
    expect(status(r, 'schema')?.status).toBe('skip');
  });

  it('entity declarations (entity expansion) are refused', async () => {
    const r = await verify(
      await withManifest((x) =>
        x.replace(
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
        ),
      ),
    );
    expect(status(r, 'well-formed')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/entities/) });
  });

  it('unknown version', async () => {
    const r = await verify(
      await withManifest((x) =>
        x.replace('<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion>2004 5th Edition</schemaversion>'),
      ),
    );
    expect(status(r, 'version')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/unknown version.*5th/) });
    const other = await verify(
      await withManifest((x) => x.replace('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"', 'xmlns="http://example.com/not-scorm"')),
    );
    expect(status(other, 'version')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/unknown manifest namespace/) });
  });

  it('schema-invalid manifest: what an LMS may refuse fails, in plain words', async () => {
    const r = await verify(await withManifest((x) => x.replace('<imsss:deliveryControls', '<imsss:unknownThing/><imsss:deliveryControls')));
    expect(status(r, 'schema')).toMatchObject({ status: 'fail' });
    expect(status(r, 'schema')?.items).toEqual([
      expect.stringMatching(
        /^line \d+: <imsss:unknownThing> is not allowed here: the schema expects <imsss:randomizationControls> or <imsss:deliveryControls>$/,
      ),
    ]);
    expect(r.ok).toBe(false);
  });

  it('identifiers that start with a digit (as Storyline writes them): a warning, not a failure', async () => {
    const r = await verify(
      await withManifest((x) =>
        x
          .replace(/identifierref="sample-course-sco"/, 'identifierref="5EsGkXq2"')
          .replace(/<resource identifier="sample-course-sco"/, '<resource identifier="5EsGkXq2"')
          .replace(/<item identifier="sample-course-item"/, '<item identifier="6item_1"'),
      ),
    );
    expect(status(r, 'schema')).toMatchObject({
      status: 'warn',
      detail:
        'nothing an LMS refuses, but not valid against the letter of the SCORM 2004 4th Edition schemas: a strict LMS or validator may complain',
    });
    expect(status(r, 'schema')?.items).toEqual([
      expect.stringMatching(
        /^line \d+: <item identifier="6item_1">: the value starts with a digit, which the schema's xs:ID type does not allow; LMSs accept such ids/,
      ),
      expect.stringMatching(/^line \d+: <resource identifier="5EsGkXq2">: the value starts with a digit/),
    ]);
    expect(failed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(formatReport(r)).toMatch(/! WARN {2}Manifest valid against the official schemas/);
    expect(formatReport(r)).toMatch(
      /RESULT: PASS \(SCORM 2004 4th Edition\): ready to upload; read the 1 warning \(what only breaks the letter of a standard\) above\./,
    );
  });

  it('missing launch file', async () => {
    const r = await verify(await variant((es) => es.filter((e) => e.name !== 'index.html')));
    expect(status(r, 'launch')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/launch file "index\.html" is not in the zip/),
    });
    expect(status(r, 'references')?.status).toBe('fail');
  });

  it('dangling identifierref', async () => {
    const r = await verify(await withManifest((x) => x.replace('identifierref="sample-course-sco"', 'identifierref="no-such-resource"')));
    expect(status(r, 'references')).toMatchObject({ status: 'fail' });
    expect(text(r, 'references')).toMatch(/identifierref="no-such-resource" names no resource/);
  });

  it('a listed file missing from the zip, and a case mismatch', async () => {
    const r = await verify(
      await variant((es) => es.map((e) => (e.name === 'assets/da-ui-1.js' ? { ...e, name: 'assets/DA-ui-1.js' } : e))),
    );
    expect(text(r, 'references')).toMatch(/assets\/da-ui-1\.js.*not in the zip.*"assets\/DA-ui-1\.js".*case-sensitive/);
  });

  it('absolute path', async () => {
    const zip = renameEntry(await variant((es) => [...es, { name: 'Xetc/evil.txt', data: 'x' }]), 'Xetc/evil.txt', '/etc/evil.txt');
    const r = await verify(zip);
    expect(status(r, 'absolute-paths')).toMatchObject({ status: 'fail' });
    expect(text(r, 'absolute-paths')).toMatch(/\/etc\/evil\.txt/);
    const href = await verify(await withManifest((x) => x.replace('<file href="index.html"/>', '<file href="/index.html"/>')));
    expect(text(href, 'absolute-paths')).toMatch(/absolute path "\/index\.html"/);
    const drive = renameEntry(await variant((es) => [...es, { name: 'XYwin.txt', data: 'x' }]), 'XYwin.txt', 'C:win.txt');
    expect(status(await verify(drive), 'absolute-paths')?.status).toBe('fail');
  });

  it('".." entry (zip slip)', async () => {
    const zip = renameEntry(await variant((es) => [...es, { name: 'xx/evil.sh', data: 'rm -rf ~' }]), 'xx/evil.sh', '../evil.sh');
    const r = await verify(zip);
    expect(status(r, 'parent-paths')).toMatchObject({ status: 'fail' });
    expect(text(r, 'parent-paths')).toMatch(/\.\.\/evil\.sh/);
    const href = await verify(await withManifest((x) => x.replace('<file href="index.html"/>', '<file href="../index.html"/>')));
    expect(text(href, 'parent-paths')).toMatch(/points outside the package/);
  });

  it('symlink entry', async () => {
    const r = await verify(await variant((es) => [...es, { name: 'assets/passwd', data: '/etc/passwd', mode: 0o120777 }]));
    expect(status(r, 'links')).toMatchObject({ status: 'fail' });
    expect(text(r, 'links')).toMatch(/assets\/passwd.*symbolic link/);
  });

  it('backslash names and duplicates', async () => {
    const zip = await variant((es) => [
      ...es,
      { name: 'assets_win.js', data: 'x' },
      { name: 'assets/app.js', data: '1' },
      { name: 'assets/app.js', data: '2' },
    ]);
    const r = await verify(renameEntry(zip, 'assets_win.js', 'assets\\win.js'));
    expect(status(r, 'names')).toMatchObject({ status: 'fail' });
    expect(text(r, 'names')).toMatch(/backslashes[\s\S]*appears twice/);
  });

  it('decompression bomb over the size limit (honest headers): reported as a bomb, refused before inflating, the manifest still checked', async () => {
    const r = await verify(await variant((es) => [...es, { name: 'assets/zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) }]), {
      maxTotalBytes: 1024 * 1024,
    });
    expect(status(r, 'zip')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        /^a decompression bomb: its \d+(\.\d)? KB of packed data claim to unpack to 8\.\d MB \(1:\d+\), more than the limit of 1\.0 MB/,
      ),
    });
    expect(status(r, 'size')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/declare 8\.\d MB.*limit of 1\.0 MB/) });
    // Not the misleading "imsmanifest.xml cannot be read": the small manifest is read, and checked.
    expect(status(r, 'manifest-root')?.status).toBe('pass');
    expect(status(r, 'schema')?.status).toBe('pass');
    expect(r.zip!.totalBytes).toBeLessThan(64 * 1024);
  });

  it('a package over the size limit that is not a bomb says it is too large, not a bomb', async () => {
    const noise = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0, x = 7; i < noise.length; i++) noise[i] = x = (x * 1103515245 + 12345) & 0xff;
    const r = await verify(await variant((es) => [...es, { name: 'assets/video.bin', data: noise }]), { maxTotalBytes: 1024 * 1024 });
    expect(status(r, 'zip')?.status).toBe('pass');
    expect(status(r, 'size')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/declare 2\.\d MB.*limit of 1\.0 MB/) });
  });

  it('a manifest that is itself the bomb says so', async () => {
    const zip = forgeDeclaredSize(
      await withManifest((x) => x.replace('</manifest>', `<!--${' '.repeat(4 * 1024 * 1024)}--></manifest>`)),
      'imsmanifest.xml',
      2000,
    );
    const r = await verify(zip);
    expect(status(r, 'manifest-root')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^imsmanifest\.xml is itself the decompression bomb: it inflates past the 2\.0 KB its header claims/),
    });
    expect(r.zip!.entries.find((e) => e.name === 'imsmanifest.xml')!.size).toBeLessThanOrEqual(2000 + 2 * ENTRY_MARGIN);
  });

  it('decompression bomb with forged headers: caught while streaming, not by trusting them', async () => {
    const zip = forgeDeclaredSize(
      await variant((es) => [...es, { name: 'assets/zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) }]),
      'assets/zeros.bin',
      100,
    );
    const r = await verify(zip, { maxTotalBytes: 1024 * 1024 });
    expect(status(r, 'zip')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        /^a decompression bomb: assets\/zeros\.bin inflates past the 100 B its header claims \(stopped after \d+(\.\d)? KB\): a forged size/,
      ),
    });
    // Stopped at the declared size plus the margin, not at the 1 MB limit (nor at 1 GB).
    const entry = r.zip!.entries.find((e) => e.name === 'assets/zeros.bin')!;
    expect(entry.size).toBeLessThanOrEqual(100 + 2 * ENTRY_MARGIN);
    expect(status(r, 'size')?.status).toBe('skip');
    // The manifest is read first, so its checks still run.
    expect(status(r, 'schema')?.status).toBe('pass');
  });

  it('a forged size under the limit is caught as a damaged entry', async () => {
    const zip = forgeDeclaredSize(
      await variant((es) => [...es, { name: 'assets/zeros.bin', data: Buffer.alloc(64 * 1024) }]),
      'assets/zeros.bin',
      10,
    );
    const r = await verify(zip);
    expect(status(r, 'zip')).toMatchObject({ status: 'fail' });
    expect(text(r, 'zip')).toMatch(/assets\/zeros\.bin: inflates to 65536 bytes but its header claims 10/);
  });

  it('too many files', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `assets/f${i}.txt`, data: 'x' }));
    const r = await verify(await variant((es) => [...es, ...many]), { maxFiles: 30 });
    expect(status(r, 'file-count')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/holds \d+ entries, more than the limit of 30/),
    });
  });

  it('scormType spelt for the other version (which XSD validation lets through in 2004)', async () => {
    const r = await verify(await withManifest((x) => x.replace('adlcp:scormType="sco"', 'adlcp:scormtype="sco"')));
    expect(status(r, 'schema')?.status).toBe('pass');
    expect(status(r, 'scorm-type')).toMatchObject({ status: 'fail' });
    expect(text(r, 'scorm-type')).toMatch(/spelt for the wrong version; SCORM 2004 needs adlcp:scormType/);
    const r12 = await verify(await withManifest((x) => x.replace('adlcp:scormtype="sco"', 'adlcp:scormType="sco"'), '1.2'));
    expect(status(r12, 'scorm-type')).toMatchObject({ status: 'fail' });
  });

  it('a mastery score that is not a number', async () => {
    const r = await verify(
      await withManifest(
        (x) => x.replace('<adlcp:masteryscore>75</adlcp:masteryscore>', '<adlcp:masteryscore>high</adlcp:masteryscore>'),
        '1.2',
      ),
    );
    expect(status(r, 'mastery')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/"high" is not a number/) });
    const out = await verify(
      await withManifest(
        (x) => x.replace('<adlcp:masteryscore>75</adlcp:masteryscore>', '<adlcp:masteryscore>150</adlcp:masteryscore>'),
        '1.2',
      ),
    );
    expect(status(out, 'mastery')?.detail).toMatch(/outside 0-100/);
  });

  it('missing mastery score: named in a note, not a failure', async () => {
    const r12 = await verify(await withManifest((x) => x.replace(/\s*<adlcp:masteryscore>75<\/adlcp:masteryscore>/, ''), '1.2'));
    expect(status(r12, 'mastery')).toMatchObject({
      status: 'note',
      detail: expect.stringMatching(/no mastery score \(adlcp:masteryscore\)/),
    });
    expect(r12.ok).toBe(true);
    const r2004 = await verify(await withManifest((x) => x.replace(/\s*<imsss:objectives>[\s\S]*<\/imsss:objectives>/, '')));
    expect(status(r2004, 'mastery')).toMatchObject({ status: 'note', detail: expect.stringMatching(/no mastery score/) });
    expect(r2004.ok).toBe(true);
  });

  it('files the manifest does not list: a note', async () => {
    const r = await verify(await variant((es) => [...es, { name: 'notes/leftover.txt', data: 'x' }]));
    expect(status(r, 'listing')).toMatchObject({ status: 'note' });
    expect(text(r, 'listing')).toMatch(/notes\/leftover\.txt/);
    expect(r.ok).toBe(true);
  });

  it('a SCORM 1.2 manifest in the IMS CP 1.1.4 namespace: version told, schema check fails with the reason', async () => {
    const r = await verify(
      await withManifest(
        (x) => x.replace('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', 'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"'),
        '1.2',
      ),
    );
    expect(status(r, 'version')?.detail).toMatch(/^SCORM 1\.2/);
    expect(status(r, 'schema')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/must be in the namespace http:\/\/www\.imsproject\.org/),
    });
  });

  it('an older edition: SCORM 2004 3rd Edition is detected and validated against its schemas', async () => {
    const r = await verify(await withManifest((x) => x.replace('2004 4th Edition', '2004 3rd Edition')));
    expect(status(r, 'version')?.detail).toMatch(/SCORM 2004 3rd Edition/);
    // 3rd edition's imscp schema demands a schema for inline LOM, which is not bundled: said, not failed.
    expect(status(r, 'schema')).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/3rd Edition schemas \(its inline LOM metadata is not checked/),
    });
    const broken = await verify(
      await withManifest((x) =>
        x.replace('2004 4th Edition', '2004 3rd Edition').replace('<imsss:deliveryControls', '<imsss:x/><imsss:deliveryControls'),
      ),
    );
    expect(status(broken, 'schema')).toMatchObject({
      status: 'fail',
      detail: '1 error against the SCORM 2004 3rd Edition schemas that an LMS may refuse or misread',
    });
  });
});

describe('scripts/verify.ts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
    writeFileSync(join(dir, 'good.zip'), await zipToBuffer(good['1.2'].entries));
    writeFileSync(join(dir, 'bad.zip'), 'not a zip');
  });

  it('prints one line per check and exits 0 for a good zip, 1 for a bad one, 2 without arguments', async () => {
    const ok = await runScript('verify', [join(dir, 'good.zip')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/✓ PASS\s+Readable zip/);
    expect(ok.stdout).toMatch(/RESULT: PASS \(SCORM 1\.2\)/);
    const bad = await runScript('verify', [join(dir, 'bad.zip')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ FAIL\s+Readable zip\s+not a zip/);
    expect(bad.stderr).toBe('');
    const none = await runScript('verify', []);
    expect(none.code).toBe(2);
    const folder = await runScript('verify', [dir]);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toMatch(/is a folder, not a zip file/);
    const missing = await runScript('verify', [join(dir, 'nope.zip')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/cannot read the file/);
    // It wrote nothing beside the zips.
    expect(readdirSync(dir).sort()).toEqual(['bad.zip', 'good.zip']);
  }, 60_000);

  it('takes limits on the command line', async () => {
    const r = await runScript('verify', [join(dir, 'good.zip'), '--max-files', '3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ FAIL\s+File count/);
  }, 30_000);
});
