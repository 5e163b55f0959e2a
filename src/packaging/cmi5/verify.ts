/**
 * The cmi5 part of `npm run verify`: a zip with cmi5.xml at its root (and no imsmanifest.xml) is a cmi5
 * course package (spec section 14). The zip-level checks (readable, size, links, entry names) are the
 * SCORM verifier's; this module checks the course structure, as an importing LMS would:
 *
 *   cmi5.xml readable and well-formed ─► valid against CourseStructure.xsd ─► ids fully qualified IRIs,
 *   unique ─► every AU's url resolves (relative: a file of the zip; no "..", no absolute path, no cmi5
 *   launch parameter in its query) ─► moveOn and masteryScore, named for the administrator.
 */
import { packageIndex, resolveHref } from '../analyse.ts';
import { attr, child, descendants, parseXml, decodeXmlBytes, type XElement } from '../xml.ts';
import type { ZipReadResult } from '../zip-read.ts';
import { CMI5_NS, COURSE_STRUCTURE_FILE, LAUNCH_PARAMETERS } from './course-structure.ts';
import { validateCourseStructureXsd } from './xsd.ts';

export { COURSE_STRUCTURE_FILE };

export type Cmi5CheckId = 'cmi5-structure' | 'cmi5-schema' | 'cmi5-ids' | 'cmi5-au-urls' | 'cmi5-move-on';

export const CMI5_TITLES: Record<Cmi5CheckId, string> = {
  'cmi5-structure': 'cmi5.xml at the root, well-formed',
  'cmi5-schema': 'cmi5.xml valid against the cmi5 course structure schema',
  'cmi5-ids': 'Course, block, objective and AU ids are unique, fully qualified IRIs',
  'cmi5-au-urls': 'Every AU launch URL resolves',
  'cmi5-move-on': 'moveOn and masteryScore',
};

export interface Cmi5Check {
  id: Cmi5CheckId;
  status: 'pass' | 'fail' | 'note' | 'skip';
  detail: string;
  items?: string[];
}

/** Whether a zip read by the verifier is a cmi5 package rather than a SCORM one. */
export function isCmi5Zip(zip: Pick<ZipReadResult, 'entries'>): boolean {
  return zip.entries.some((e) => e.name === COURSE_STRUCTURE_FILE) && !zip.entries.some((e) => e.name === 'imsmanifest.xml');
}

/** An absolute IRI: a scheme, then something (cmi5 3.0: fully qualified, not an IRI reference). */
export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value) && !/[<>"{}|\\^`\s]/.test(value);
}

export async function verifyCourseStructure(zip: ZipReadResult): Promise<Cmi5Check[]> {
  const checks: Cmi5Check[] = [];
  const later = (why: string) =>
    (['cmi5-schema', 'cmi5-ids', 'cmi5-au-urls', 'cmi5-move-on'] as const)
      .filter((id) => !checks.some((c) => c.id === id))
      .forEach((id) => checks.push({ id, status: 'skip', detail: why }));
  const bytes = zip.kept.get(COURSE_STRUCTURE_FILE);
  if (!bytes) {
    checks.push({ id: 'cmi5-structure', status: 'fail', detail: 'cmi5.xml is at the root but cannot be read (too large, or damaged)' });
    later('not checked: cmi5.xml cannot be read');
    return checks;
  }
  const xml = decodeXmlBytes(bytes);
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    checks.push({ id: 'cmi5-structure', status: 'fail', detail: `cmi5.xml is not well-formed: ${parsed.error}` });
    later('not checked: cmi5.xml is not well-formed XML');
    return checks;
  }
  const root = parsed.root;
  if (root.local !== 'courseStructure' || root.ns !== CMI5_NS) {
    checks.push({
      id: 'cmi5-structure',
      status: 'fail',
      detail: `the root element is <${root.qname}> in namespace "${root.ns}", not <courseStructure> in ${CMI5_NS}`,
    });
    later('not checked: not a cmi5 course structure');
    return checks;
  }
  const aus = [...descendants(root)].filter((e) => e.local === 'au' && e.ns === CMI5_NS);
  checks.push({
    id: 'cmi5-structure',
    status: 'pass',
    detail: `cmi5.xml, ${bytes.length} bytes, ${aus.length} AU${aus.length === 1 ? '' : 's'}`,
  });

  const xsd = await validateCourseStructureXsd(xml);
  checks.push(
    xsd.valid
      ? { id: 'cmi5-schema', status: 'pass', detail: 'valid against CourseStructure.xsd (cmi5, AICC)' }
      : {
          id: 'cmi5-schema',
          status: 'fail',
          detail: `${xsd.errors.length} error${xsd.errors.length === 1 ? '' : 's'} against CourseStructure.xsd`,
          items: xsd.errors,
        },
  );

  checks.push(idCheck(root));
  checks.push(urlCheck(aus, zip));
  checks.push(moveOnCheck(aus));
  return checks;
}

function idCheck(root: XElement): Cmi5Check {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const course = child(root, 'course', CMI5_NS);
  const identified: { el: XElement; what: string; id?: string }[] = [];
  if (course) identified.push({ el: course, what: 'course', ...opt(attr(course, 'id')) });
  for (const el of descendants(root)) {
    if (el.ns !== CMI5_NS) continue;
    if (el.local === 'au' || el.local === 'block') identified.push({ el, what: el.local, ...opt(attr(el, 'id')) });
    if (el.local === 'objective' && attr(el, 'id') !== undefined) identified.push({ el, what: 'objective', ...opt(attr(el, 'id')) });
    if (el.local === 'objective' && attr(el, 'idref') !== undefined && !isAbsoluteIri(attr(el, 'idref')!.trim()))
      problems.push(`line ${el.line ?? '?'}: objective idref "${attr(el, 'idref')}" is not a fully qualified IRI`);
  }
  for (const { el, what, id } of identified) {
    const value = id?.trim();
    if (!value) {
      problems.push(`line ${el.line ?? '?'}: the ${what} has no id`);
      continue;
    }
    if (!isAbsoluteIri(value)) problems.push(`line ${el.line ?? '?'}: the ${what} id "${value}" is not a fully qualified IRI`);
    const before = seen.get(value);
    if (before) problems.push(`line ${el.line ?? '?'}: the ${what} id "${value}" is also the id of a ${before}`);
    else seen.set(value, what);
  }
  return problems.length
    ? { id: 'cmi5-ids', status: 'fail', detail: `${problems.length} problem${problems.length === 1 ? '' : 's'}`, items: problems }
    : { id: 'cmi5-ids', status: 'pass', detail: `${identified.length} ids, all fully qualified and unique` };
}

function urlCheck(aus: XElement[], zip: ZipReadResult): Cmi5Check {
  const index = packageIndex(zip.entries.filter((e) => !e.isDirectory).map((e) => e.name));
  const problems: string[] = [];
  const notes: string[] = [];
  const found: string[] = [];
  for (const au of aus) {
    const id = attr(au, 'id') ?? '(no id)';
    const url = child(au, 'url', CMI5_NS)?.text.trim() ?? '';
    if (!url) {
      problems.push(`AU ${id} has no url`);
      continue;
    }
    const query = /\?([^#]*)/.exec(url)?.[1];
    if (query) {
      const names = new URLSearchParams(query);
      const clash = LAUNCH_PARAMETERS.filter((p) => names.has(p));
      if (clash.length) problems.push(`AU ${id}: its url's query uses ${clash.join(', ')}, which the LMS adds at launch (cmi5 8.1)`);
    }
    if (/[\s<>"{}|\\^`]/.test(url)) problems.push(`AU ${id}: the url "${url}" has characters a URL may not hold unencoded`);
    const r = resolveHref([], url);
    if (r.external !== undefined) notes.push(`AU ${id} is launched from outside the package: ${r.external}`);
    else if (r.problem !== undefined || r.path === undefined) problems.push(`AU ${id}: ${r.problem ?? `the url "${url}" cannot be read`}`);
    else if (!index.has(r.path)) {
      const variant = index.caseVariant(r.path);
      problems.push(`AU ${id}: ${r.path} is not in the zip${variant ? ` (there is "${variant}": names are case-sensitive)` : ''}`);
    } else found.push(r.path);
  }
  if (!aus.length) problems.push('the course structure has no AU');
  if (problems.length)
    return {
      id: 'cmi5-au-urls',
      status: 'fail',
      detail: `${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      items: [...problems, ...notes],
    };
  return {
    id: 'cmi5-au-urls',
    status: notes.length && !found.length ? 'note' : 'pass',
    detail: found.length ? `${found.join(', ')} in the zip` : 'every AU is launched from outside the package',
    ...(notes.length ? { items: notes } : {}),
  };
}

function moveOnCheck(aus: XElement[]): Cmi5Check {
  const items: string[] = [];
  const problems: string[] = [];
  for (const au of aus) {
    const id = attr(au, 'id') ?? '(no id)';
    const moveOn = attr(au, 'moveOn') ?? 'NotApplicable (default)';
    const mastery = attr(au, 'masteryScore');
    if (mastery !== undefined && !/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(mastery.trim()))
      problems.push(`AU ${id}: masteryScore "${mastery}" is not a decimal from 0 to 1 with at most 4 decimals`);
    if (mastery === undefined && /Passed/.test(moveOn))
      items.push(`AU ${id}: moveOn ${moveOn} without a masteryScore: the AU alone decides what passes`);
    items.push(
      `AU ${id}: moveOn ${moveOn}${mastery !== undefined ? `, masteryScore ${mastery} (${Math.round(Number(mastery) * 10000) / 100}%)` : ''}`,
    );
  }
  if (problems.length) return { id: 'cmi5-move-on', status: 'fail', detail: problems[0]!, items: [...problems.slice(1), ...items] };
  const only = aus.length === 1 ? items[items.length - 1]!.replace(/^AU [^:]+: /, '') : `${aus.length} AUs`;
  return { id: 'cmi5-move-on', status: 'pass', detail: only, ...(aus.length === 1 && items.length === 1 ? {} : { items }) };
}

function opt(id: string | undefined): { id?: string } {
  return id === undefined ? {} : { id };
}
