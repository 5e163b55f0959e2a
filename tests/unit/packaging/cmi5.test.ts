/**
 * The cmi5 package: cmi5.xml from the course (valid against the cmi5 spec's CourseStructure.xsd, moveOn
 * and masteryScore from the completion settings), the zip, and `verify` on good and broken cmi5 packages.
 */
import { describe, expect, it } from 'vitest';
import { buildCourseStructure } from '../../../src/packaging/cmi5/course-structure.ts';
import { validateCourseStructureXsd } from '../../../src/packaging/cmi5/xsd.ts';
import { packageBuild } from '../../../src/packaging/package.ts';
import { formatReport, verifyPackage } from '../../../src/packaging/verify.ts';
import { attr, child, children, parseXml } from '../../../src/packaging/xml.ts';
import { readZip } from '../../../src/packaging/zip-read.ts';
import { resolveLimits } from '../../../src/content-model/load.ts';
import { auIri, childIri, courseIri, masteryOf, moveOnOf } from '../../../src/targets/cmi5.ts';
import { fakeBuild, makeZip, sampleMetadata } from './helpers.ts';

const files = ['index.html', 'assets/app.js'];

function structure(xml: string) {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.root;
}

describe('cmi5.xml', () => {
  it('has the course and one AU, titles and descriptions in every language, and validates against the cmi5 schema', async () => {
    const meta = sampleMetadata();
    const xml = buildCourseStructure({ meta, files });
    expect(await validateCourseStructureXsd(xml)).toEqual({ valid: true, errors: [] });
    const root = structure(xml);
    expect(root.local).toBe('courseStructure');
    expect(root.ns).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    const course = child(root, 'course')!;
    expect(attr(course, 'id')).toBe('urn:course:sample-course');
    expect(children(child(course, 'title')!, 'langstring').map((l) => [attr(l, 'lang'), l.text])).toEqual(
      meta.titles.map((t) => [t.language, t.text]),
    );
    const aus = children(root, 'au');
    expect(aus).toHaveLength(1);
    expect(attr(aus[0]!, 'id')).toBe('urn:course:sample-course:au');
    expect(attr(aus[0]!, 'launchMethod')).toBe('AnyWindow');
    expect(child(aus[0]!, 'url')!.text).toBe('index.html');
    expect(children(child(aus[0]!, 'description')!, 'langstring').length).toBeGreaterThan(0);
    // The same input gives the same bytes.
    expect(buildCourseStructure({ meta, files: [...files].reverse() })).toBe(xml);
  });

  it('takes moveOn and masteryScore from the completion and mastery settings', async () => {
    const meta = sampleMetadata();
    const passed = structure(buildCourseStructure({ meta: { ...meta, masteryScore: 0.83335 }, files }));
    expect(attr(child(passed, 'au')!, 'moveOn')).toBe('CompletedAndPassed');
    expect(attr(child(passed, 'au')!, 'masteryScore')).toBe('0.8334');
    const completedOnly = buildCourseStructure({ meta: { ...meta, moveOn: 'Completed' }, files });
    expect(attr(child(structure(completedOnly), 'au')!, 'moveOn')).toBe('Completed');
    expect(attr(child(structure(completedOnly), 'au')!, 'masteryScore')).toBeUndefined();
    expect((await validateCourseStructureXsd(completedOnly)).valid).toBe(true);

    const settings = {
      completion: { completedWhen: 'all-modules', successFrom: 'final' },
      final: { masteryScore: 0.8, draw: 1, shuffle: true, attempts: 1 },
    } as const;
    expect(moveOnOf(settings)).toBe('CompletedAndPassed');
    expect(masteryOf(settings)).toBe(0.8);
    expect(moveOnOf({ completion: { ...settings.completion, successFrom: 'none' } })).toBe('Completed');
    expect(masteryOf({ ...settings, completion: { ...settings.completion, successFrom: 'none' } })).toBeUndefined();
  });

  it('makes every id from the course IRI: its own http(s) IRI, or a URN of its id', () => {
    expect(courseIri({ id: 'leadership' })).toBe('urn:course:leadership');
    expect(auIri({ id: 'leadership' })).toBe('urn:course:leadership:au');
    expect(courseIri({ id: 'x', iri: 'https://learn.example.org/courses/x/' })).toBe('https://learn.example.org/courses/x/');
    expect(auIri({ id: 'x', iri: 'https://learn.example.org/courses/x/' })).toBe('https://learn.example.org/courses/x/au');
    expect(childIri('https://e.org/c', 'question', 'p01 q/1')).toBe('https://e.org/c/question/p01%20q%2F1');
    expect(childIri('urn:course:c', 'question', 'p01-q1')).toBe('urn:course:c:question:p01-q1');
  });

  it('refuses a launch file that is not among the files', () => {
    expect(() => buildCourseStructure({ meta: sampleMetadata(), files: ['other.html'] })).toThrow(/launch file index\.html/);
  });

  it('the schema check finds what an LMS would refuse: no description, an unknown moveOn, a mastery score above 1', async () => {
    const xml = buildCourseStructure({ meta: sampleMetadata(), files });
    const noDescription = xml.replace(/<description>[\s\S]*?<\/description>/, '');
    const badMoveOn = xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Finished"');
    const badMastery = xml.replace('masteryScore="0.75"', 'masteryScore="1.5"');
    for (const [bad, message] of [
      [noDescription, /description/],
      [badMoveOn, /moveOn/],
      [badMastery, /masteryScore/],
    ] as const) {
      const r = await validateCourseStructureXsd(bad);
      expect(r.valid).toBe(false);
      expect(r.errors.join('\n')).toMatch(message);
      expect(r.errors[0]).toMatch(/^line \d+: /);
    }
  });
});

describe('text limits for cmi5', () => {
  it('follow SCORM 2004 when course.yaml gives none for cmi5, and its own when it does', () => {
    const scorm12 = { reflection: 150, actionStep: 80 };
    const scorm2004 = { reflection: 2000, actionStep: 400 };
    expect(resolveLimits({ scorm12, scorm2004 })).toEqual({ scorm12, scorm2004, cmi5: scorm2004 });
    const cmi5 = { reflection: 4000, actionStep: 1000 };
    expect(resolveLimits({ scorm12, scorm2004, cmi5 })).toEqual({ scorm12, scorm2004, cmi5 });
  });
});

describe('a cmi5 package and verify', () => {
  it('zips cmi5.xml with the build (no manifest, no schema files) and passes verify', async () => {
    const meta = sampleMetadata();
    const result = await packageBuild({ target: 'cmi5', meta, buildDir: fakeBuild() });
    expect(result.schemaFiles).toEqual([]);
    const zip = await readZip(result.bytes, { keep: () => true });
    expect(zip.entries.map((e) => e.name)).toContain('cmi5.xml');
    expect(zip.entries.map((e) => e.name)).not.toContain('imsmanifest.xml');
    const r = await verifyPackage(result.bytes, { name: 'course-cmi5.zip' });
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
    expect(r.ok).toBe(true);
    const text = formatReport(r);
    expect(text).toMatch(/^cmi5 package check: course-cmi5\.zip/);
    expect(text).toMatch(/RESULT: PASS \(cmi5\)/);
    expect(text).toMatch(/moveOn CompletedAndPassed, masteryScore 0\.75 \(75%\)/);
    // No SCORM check is reported (as skipped or otherwise) for a cmi5 package.
    expect(r.checks.map((c) => c.id)).not.toContain('manifest-root');
  });

  const good = () => buildCourseStructure({ meta: sampleMetadata(), files });
  const zipWith = (xml: string, extra: Record<string, string> = {}) =>
    makeZip([
      { name: 'cmi5.xml', data: xml },
      { name: 'index.html', data: '<!doctype html>' },
      { name: 'assets/app.js', data: '' },
      ...Object.entries(extra).map(([name, data]) => ({ name, data })),
    ]);
  const failures = async (zip: Buffer) => {
    const r = await verifyPackage(zip);
    expect(r.ok).toBe(false);
    return r.checks.filter((c) => c.status === 'fail').map((c) => [c.id, [c.detail, ...(c.items ?? [])].join(' | ')]);
  };

  it('fails an AU whose launch file is missing, climbs out of the package, or takes a cmi5 launch parameter', async () => {
    expect(await failures(await zipWith(good().replace('<url>index.html</url>', '<url>Index.html</url>')))).toEqual([
      ['cmi5-au-urls', expect.stringMatching(/Index\.html is not in the zip \(there is "index\.html": names are case-sensitive\)/)],
    ]);
    expect(await failures(await zipWith(good().replace('<url>index.html</url>', '<url>../index.html</url>')))).toEqual([
      ['cmi5-au-urls', expect.stringMatching(/points outside the package/)],
    ]);
    expect(await failures(await zipWith(good().replace('<url>index.html</url>', '<url>index.html?lang=da&amp;endpoint=x</url>')))).toEqual([
      ['cmi5-au-urls', expect.stringMatching(/query uses endpoint, which the LMS adds at launch/)],
    ]);
  });

  it('fails ids that are not fully qualified IRIs or that repeat', async () => {
    const relative = good().replace('id="urn:course:sample-course:au"', 'id="au-1"');
    expect(await failures(await zipWith(relative))).toEqual([
      ['cmi5-ids', expect.stringMatching(/the au id "au-1" is not a fully qualified IRI/)],
    ]);
    const repeated = good().replace('id="urn:course:sample-course:au"', 'id="urn:course:sample-course"');
    expect(await failures(await zipWith(repeated))).toEqual([
      ['cmi5-ids', expect.stringMatching(/the au id "urn:course:sample-course" is also the id of a course/)],
    ]);
  });

  it('fails cmi5.xml that is not well-formed or not a course structure, and skips what it then cannot check', async () => {
    const broken = await verifyPackage(await zipWith('<courseStructure><course>'));
    expect(broken.checks.find((c) => c.id === 'cmi5-structure')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/not well-formed/),
    });
    expect(broken.checks.filter((c) => c.status === 'skip').map((c) => c.id)).toEqual([
      'cmi5-schema',
      'cmi5-ids',
      'cmi5-au-urls',
      'cmi5-move-on',
    ]);
    const other = await verifyPackage(await zipWith('<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"/>'));
    expect(other.checks.find((c) => c.id === 'cmi5-structure')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/not <courseStructure>/),
    });
    const invalid = await verifyPackage(await zipWith(good().replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"')));
    expect(invalid.checks.find((c) => c.id === 'cmi5-schema')).toMatchObject({
      status: 'fail',
      items: [expect.stringMatching(/^line \d+: .*moveOn/)],
    });
  });

  it('a zip with both cmi5.xml and imsmanifest.xml is checked as the SCORM package it claims to be', async () => {
    const r = await verifyPackage(await zipWith(good(), { 'imsmanifest.xml': '<manifest/>' }));
    expect(r.checks.map((c) => c.id)).toContain('manifest-root');
    expect(r.checks.map((c) => c.id)).not.toContain('cmi5-structure');
  });
});
