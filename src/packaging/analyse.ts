/**
 * Reads a SCORM manifest as an LMS would: which version it is, which resource launches, what every
 * reference points at, which mastery score it carries. The checks that XSD validation cannot make
 * live here too, so the tests of our own packages and `verify` for anyone's share one implementation.
 */
import { NS, type SchemaSetId } from './schemas.ts';
import { attr, child, children, descendants, XML_NAMESPACE, type XElement } from './xml.ts';

export type Family = '1.2' | '2004';

export interface DetectedVersion {
  family: Family;
  edition?: '2nd' | '3rd' | '4th';
  label: string;
  /** The schemas to validate against, when we bundle them. */
  schemaSet: SchemaSetId;
  /** The schemas are not this edition's own (2nd edition is checked against the 3rd's). */
  approximate?: boolean;
  schemaversion?: string;
  /** The version is clear but the manifest's root namespace is not that version's (schema-invalid). */
  namespaceProblem?: string;
}

export interface Problem {
  message: string;
  /** For path problems: which rule the path breaks. */
  kind?: 'absolute' | 'parent' | 'name';
  /** A note informs; it does not fail the package. */
  note?: boolean;
}

export interface ResourceInfo {
  identifier: string;
  /** Launch href as written, and its package path when it points inside the package. */
  href?: string;
  path?: string;
  scormType?: string;
  /** Package paths of the resource's <file> elements. */
  files: string[];
  dependencies: string[];
}

export interface Mastery {
  /** Where it came from, e.g. `adlcp:masteryscore` or `imsss:minNormalizedMeasure`. */
  source: string;
  raw: string;
  /** As a share, 0..1 (1.2's 0..100 divided by 100). */
  value: number;
}

export interface ManifestAnalysis {
  version?: DetectedVersion;
  versionProblem?: string;
  identifier?: string;
  resources: Map<string, ResourceInfo>;
  launch?: { item: string; resource: string; href: string; path?: string };
  launchProblem?: string;
  references: Problem[];
  spelling: Problem[];
  paths: Problem[];
  mastery: { found?: Mastery; problems: Problem[] };
  /** Every package path the manifest points at (resource and file hrefs). */
  referencedPaths: Set<string>;
}

const SCORM12_CP = NS.imscp12;
const SCORM2004_CP = NS.imscp;

/** What the zip must hold: its entries by name, for lookups (exact and case-insensitive). */
export interface PackageIndex {
  has(path: string): boolean;
  /** A name that differs only in case, if any. */
  caseVariant(path: string): string | undefined;
}

export function packageIndex(names: Iterable<string>): PackageIndex {
  const exact = new Set(names);
  const lower = new Map([...exact].map((n) => [n.toLowerCase(), n]));
  return { has: (p) => exact.has(p), caseVariant: (p) => (exact.has(p) ? undefined : lower.get(p.toLowerCase())) };
}

export function detectVersion(root: XElement): { version?: DetectedVersion; problem?: string } {
  if (root.local !== 'manifest') return { problem: `the root element is <${root.qname}>, not <manifest>` };
  const metadata = child(root, 'metadata', root.ns);
  const schemaversion = metadata ? child(metadata, 'schemaversion', root.ns)?.text : undefined;
  const used = new Set<string>();
  for (const el of [root, ...descendants(root)]) {
    used.add(el.ns);
    for (const a of el.attrs) if (a.local !== 'xmlns' && !a.qname.startsWith('xmlns')) used.add(a.ns);
    for (const a of el.attrs) if (a.qname.startsWith('xmlns')) used.add(a.value);
  }
  const has12 = used.has(NS.adlcp12);
  const has2004 = used.has(NS.adlcp) || used.has(NS.imsss) || used.has(NS.adlseq) || used.has(NS.adlnav);
  const sv = schemaversion?.trim();
  const cpOk = root.ns === SCORM12_CP || root.ns === SCORM2004_CP;
  if (!cpOk) return { problem: `unknown manifest namespace "${root.ns || '(none)'}": not an IMS content package of SCORM 1.2 or 2004` };

  if (sv === '1.2' || (sv === undefined && has12 && !has2004)) {
    if (has2004) return { problem: 'the manifest says SCORM 1.2 but uses SCORM 2004 namespaces' };
    const namespaceProblem =
      root.ns !== SCORM12_CP
        ? `a SCORM 1.2 manifest must be in the namespace ${SCORM12_CP}, this one is in ${root.ns}: many LMSs accept it, strict ones refuse it`
        : undefined;
    return {
      version: {
        family: '1.2',
        label: 'SCORM 1.2',
        schemaSet: 'scorm12',
        schemaversion: sv,
        ...(namespaceProblem ? { namespaceProblem } : {}),
      },
    };
  }
  const editions: Record<string, DetectedVersion['edition']> = {
    'cam 1.3': '2nd',
    '2004 2nd edition': '2nd',
    '2004 3rd edition': '3rd',
    '2004 4th edition': '4th',
  };
  const edition = sv ? editions[sv.toLowerCase().replace(/\s+/g, ' ')] : undefined;
  if (edition) {
    if (has12) return { problem: `the manifest says SCORM 2004 (${sv}) but uses the SCORM 1.2 namespace ${NS.adlcp12}` };
    const namespaceProblem =
      root.ns !== SCORM2004_CP ? `a SCORM 2004 manifest must be in the namespace ${SCORM2004_CP}, this one is in ${root.ns}` : undefined;
    return {
      version: {
        ...(namespaceProblem ? { namespaceProblem } : {}),
        family: '2004',
        edition,
        label: `SCORM 2004 ${edition} Edition`,
        schemaSet: edition === '4th' ? 'scorm2004-4th' : 'scorm2004-3rd',
        approximate: edition === '2nd',
        schemaversion: sv,
      },
    };
  }
  if (sv === undefined) return { problem: 'no <metadata><schemaversion>, and the namespaces do not tell the version' };
  return { problem: `unknown schemaversion "${sv}" (expected 1.2, CAM 1.3, 2004 3rd Edition or 2004 4th Edition)` };
}

/** Joins xml:base values and an href into a package path, or explains why it is not one. */
export interface Resolved {
  path?: string;
  external?: string;
  problem?: string;
  kind?: 'absolute' | 'parent' | 'name';
}

export function resolveHref(bases: (string | undefined)[], href: string): Resolved {
  const full = [...bases.filter((b): b is string => !!b), href].reduce((acc, part) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(part) || part.startsWith('/') || part.startsWith('\\')) return part;
    return acc + part;
  }, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(full) && !/^file:/i.test(full)) return { external: full };
  if (/^[a-z]:[\\/]/i.test(full) || /^file:/i.test(full) || full.startsWith('/') || full.startsWith('\\'))
    return { problem: `absolute path "${full}"`, kind: 'absolute' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(full)) return { external: full };
  let clean = full.replace(/[?#].*$/, '');
  try {
    clean = decodeURIComponent(clean);
  } catch {
    return { problem: `badly encoded href "${full}"`, kind: 'name' };
  }
  if (clean.includes('\\')) return { problem: `backslash in href "${full}" (use /)`, kind: 'name' };
  const out: string[] = [];
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return { problem: `href "${full}" points outside the package`, kind: 'parent' };
      out.pop();
    } else out.push(seg);
  }
  return { path: out.join('/') };
}

const xmlBase = (el: XElement | undefined) => (el ? attr(el, 'base', XML_NAMESPACE) : undefined);

export function analyseManifest(root: XElement, zip: PackageIndex): ManifestAnalysis {
  const out: ManifestAnalysis = {
    resources: new Map(),
    references: [],
    spelling: [],
    paths: [],
    mastery: { problems: [] },
    referencedPaths: new Set(),
  };
  const detected = detectVersion(root);
  out.version = detected.version;
  out.versionProblem = detected.problem;
  out.identifier = attr(root, 'identifier');
  const cp = root.ns;
  const family = detected.version?.family;
  const adlcp = family === '1.2' ? NS.adlcp12 : NS.adlcp;

  // Resources, their files and launch hrefs.
  const resourcesEl = child(root, 'resources', cp);
  const allResources = resourcesEl ? children(resourcesEl, 'resource', cp) : [];
  const checkPath = (bases: (string | undefined)[], href: string, what: string): string | undefined => {
    const r = resolveHref(bases, href);
    if (r.problem) {
      out.paths.push({ message: `${what}: ${r.problem}`, kind: r.kind });
      return undefined;
    }
    if (r.external) return undefined;
    out.referencedPaths.add(r.path!);
    if (!zip.has(r.path!)) {
      const variant = zip.caseVariant(r.path!);
      out.references.push({
        message: `${what} "${href}" is not in the zip${variant ? ` (the zip has "${variant}": names are case-sensitive on most LMS servers)` : ''}`,
      });
    }
    return r.path;
  };
  for (const res of allResources) {
    const identifier = attr(res, 'identifier') ?? '';
    if (!identifier) out.references.push({ message: 'a <resource> has no identifier' });
    if (out.resources.has(identifier)) out.references.push({ message: `two resources share the identifier "${identifier}"` });
    const bases = [xmlBase(root), xmlBase(resourcesEl), xmlBase(res)];
    const href = attr(res, 'href');
    const info: ResourceInfo = { identifier, href, files: [], dependencies: [] };
    if (href !== undefined) info.path = checkPath(bases, href, `resource "${identifier}" href`);
    for (const f of children(res, 'file', cp)) {
      const fh = attr(f, 'href');
      if (fh === undefined) out.references.push({ message: `resource "${identifier}" has a <file> without href` });
      else {
        const p = checkPath(bases, fh, `resource "${identifier}" file`);
        if (p) info.files.push(p);
      }
    }
    for (const d of children(res, 'dependency', cp)) info.dependencies.push(attr(d, 'identifierref') ?? '');

    // scormtype (1.2) vs scormType (2004): XSD lax wildcards let the wrong spelling through.
    const right = family === '1.2' ? 'scormtype' : 'scormType';
    const wrong = family === '1.2' ? 'scormType' : 'scormtype';
    const anyAdlcp = res.attrs.filter((a) => a.ns === NS.adlcp12 || a.ns === NS.adlcp);
    for (const a of anyAdlcp) {
      if (family && a.ns !== adlcp)
        out.spelling.push({
          message: `resource "${identifier}": ${a.qname} is in the ${a.ns === NS.adlcp12 ? 'SCORM 1.2' : 'SCORM 2004'} namespace, but this is a SCORM ${family} manifest`,
        });
      else if (a.local === wrong)
        out.spelling.push({
          message: `resource "${identifier}": ${a.qname} is spelt for the wrong version; SCORM ${family} needs adlcp:${right}`,
        });
    }
    if (family) {
      const value = attr(res, right, adlcp);
      info.scormType = value;
      if (value === undefined && !anyAdlcp.some((a) => a.local === wrong))
        out.spelling.push({ message: `resource "${identifier}" has no adlcp:${right} (sco or asset)` });
      else if (value !== undefined && value !== 'sco' && value !== 'asset')
        out.spelling.push({ message: `resource "${identifier}": adlcp:${right}="${value}" is neither "sco" nor "asset"` });
    }
    if (identifier) out.resources.set(identifier, info);
  }
  for (const r of out.resources.values())
    for (const d of r.dependencies)
      if (!out.resources.has(d))
        out.references.push({ message: `resource "${r.identifier}" depends on "${d}", which is not a resource in the manifest` });

  // Organisations and items.
  const orgsEl = child(root, 'organizations', cp);
  const orgs = orgsEl ? children(orgsEl, 'organization', cp) : [];
  const defaultId = orgsEl ? attr(orgsEl, 'default') : undefined;
  let org = orgs[0];
  if (defaultId !== undefined) {
    org = orgs.find((o) => attr(o, 'identifier') === defaultId);
    if (!org) out.references.push({ message: `organizations default="${defaultId}" names no organization` });
  }
  if (!orgs.length)
    out.references.push({ message: 'the manifest has no <organization>: an LMS has nothing to launch', note: allResources.length > 0 });
  const items: XElement[] = [];
  for (const o of orgs) for (const el of descendants(o)) if (el.local === 'item' && el.ns === cp) items.push(el);
  const subManifests = new Set(children(root, 'manifest', cp).map((m) => attr(m, 'identifier')));
  for (const it of items) {
    const ref = attr(it, 'identifierref');
    if (ref !== undefined && !out.resources.has(ref) && !subManifests.has(ref))
      out.references.push({ message: `item "${attr(it, 'identifier') ?? '?'}" identifierref="${ref}" names no resource` });
  }
  // Sequencing references (2004): IDRef -> sequencingCollection.
  if (family === '2004') {
    const collectionIds = new Set<string>();
    const coll = child(root, 'sequencingCollection', NS.imsss);
    if (coll) for (const s of children(coll, 'sequencing', NS.imsss)) if (attr(s, 'ID')) collectionIds.add(attr(s, 'ID')!);
    for (const el of descendants(root))
      if (el.local === 'sequencing' && el.ns === NS.imsss && attr(el, 'IDRef') !== undefined && !collectionIds.has(attr(el, 'IDRef')!))
        out.references.push({ message: `imsss:sequencing IDRef="${attr(el, 'IDRef')}" names no sequencing in the sequencingCollection` });
  }

  // Launch: the first item of the default organisation that points at a resource with an href.
  const orgItems = org ? [...descendants(org)].filter((el) => el.local === 'item' && el.ns === cp) : [];
  const launchItem = orgItems.find((it) => {
    const r = out.resources.get(attr(it, 'identifierref') ?? '');
    return r?.href !== undefined;
  });
  if (!launchItem)
    out.launchProblem = orgItems.length
      ? 'no item of the default organization points at a resource with an href'
      : 'the default organization has no item';
  else {
    const res = out.resources.get(attr(launchItem, 'identifierref')!)!;
    const resolved = resolveHref(
      [xmlBase(root), xmlBase(resourcesEl), xmlBase(allResources.find((r) => attr(r, 'identifier') === res.identifier))],
      res.href!,
    );
    out.launch = { item: attr(launchItem, 'identifier') ?? '', resource: res.identifier, href: res.href!, path: resolved.path };
    if (resolved.external) out.launchProblem = `the launch href points outside the package: ${resolved.external}`;
    else if (resolved.problem) out.launchProblem = `the launch href is unusable: ${resolved.problem}`;
    else if (!zip.has(resolved.path!)) out.launchProblem = `the launch file "${resolved.path}" is not in the zip`;
    else if (res.scormType === 'asset')
      out.launchProblem = `the launch resource "${res.identifier}" is an asset (adlcp:${family === '1.2' ? 'scormtype' : 'scormType'}="asset"), so the LMS expects no tracking from it`;
  }

  out.mastery = findMastery(family, launchItem ?? items[0], root);
  return out;
}

function findMastery(family: Family | undefined, item: XElement | undefined, root: XElement): { found?: Mastery; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!family || !item) return { problems: [{ message: 'no mastery score: the manifest has no item to carry one', note: true }] };
  if (family === '1.2') {
    const el = child(item, 'masteryscore', NS.adlcp12);
    if (!el)
      return {
        problems: [
          {
            message: 'no mastery score (adlcp:masteryscore) in the manifest: the LMS passes the learner on what the course itself reports',
            note: true,
          },
        ],
      };
    const n = Number(el.text);
    if (el.text === '' || !Number.isFinite(n) || !/^-?\d+(\.\d+)?$/.test(el.text))
      return { problems: [{ message: `adlcp:masteryscore "${el.text}" is not a number` }] };
    if (n < 0 || n > 100) return { problems: [{ message: `adlcp:masteryscore ${el.text} is outside 0-100` }] };
    return { found: { source: 'adlcp:masteryscore', raw: el.text, value: n / 100 }, problems };
  }
  // 2004: the item's primary objective, satisfied by measure, with its minimum normalised measure.
  const seq = child(item, 'sequencing', NS.imsss);
  const idref = seq ? attr(seq, 'IDRef') : undefined;
  const coll = child(root, 'sequencingCollection', NS.imsss);
  const shared = idref && coll ? children(coll, 'sequencing', NS.imsss).find((s) => attr(s, 'ID') === idref) : undefined;
  const primaryIn = (s: XElement | undefined) => {
    const objectives = s ? child(s, 'objectives', NS.imsss) : undefined;
    return objectives ? child(objectives, 'primaryObjective', NS.imsss) : undefined;
  };
  const primary = primaryIn(seq) ?? primaryIn(shared);
  if (!primary)
    return {
      problems: [
        {
          message:
            'no mastery score: the item has no imsss:primaryObjective with satisfiedByMeasure and minNormalizedMeasure; the LMS takes success from what the course reports',
          note: true,
        },
      ],
    };
  const byMeasure = attr(primary, 'satisfiedByMeasure');
  const min = child(primary, 'minNormalizedMeasure', NS.imsss);
  if (byMeasure !== 'true' && byMeasure !== '1') {
    return {
      problems: [
        {
          message: `no mastery score in use: the primary objective is not satisfiedByMeasure${min ? ` (its minNormalizedMeasure ${min.text} is ignored)` : ''}`,
          note: true,
        },
      ],
    };
  }
  const raw = min?.text ?? '1.0';
  const n = Number(raw);
  if (!/^-?\d*\.?\d+$/.test(raw) || !Number.isFinite(n))
    return { problems: [{ message: `imsss:minNormalizedMeasure "${raw}" is not a number` }] };
  if (n < -1 || n > 1) return { problems: [{ message: `imsss:minNormalizedMeasure ${raw} is outside -1..1` }] };
  if (!min)
    problems.push({ message: 'satisfiedByMeasure without minNormalizedMeasure: the mastery score defaults to 1.0 (100%)', note: true });
  return { found: { source: 'imsss:minNormalizedMeasure', raw, value: n }, problems };
}

/** Files at the package root that belong to the package format, not to the course (manifest, schemas). */
export function isControlFile(path: string): boolean {
  return path === 'imsmanifest.xml' || /\.(xsd|dtd)$/i.test(path);
}
