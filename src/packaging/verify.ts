/**
 * Checks any SCORM zip the way an administrator needs before an upload: one result per check, each
 * passed, failed, skipped (because an earlier check failed) or a note. Reads the zip in memory and in
 * streams only; never extracts, never writes a file.
 */
import { analyseManifest, isControlFile, packageIndex, type ManifestAnalysis } from './analyse.ts';
import { CMI5_TITLES, COURSE_STRUCTURE_FILE, isCmi5Zip, verifyCourseStructure, type Cmi5CheckId } from './cmi5/verify.ts';
import { SCHEMA_SETS } from './schemas.ts';
import { decodeXmlBytes, parseXml } from './xml.ts';
import { validateManifestXsd } from './xsd.ts';
import { explainSchemaError } from './xsd-words.ts';
import { DEFAULT_LIMITS, formatBytes, readZip, type ZipLimits, type ZipReadResult } from './zip-read.ts';

export type CheckId =
  | 'zip'
  | 'manifest-root'
  | 'well-formed'
  | 'version'
  | 'schema'
  | 'scorm-type'
  | 'launch'
  | 'references'
  | 'absolute-paths'
  | 'parent-paths'
  | 'names'
  | 'links'
  | 'size'
  | 'file-count'
  | 'mastery'
  | 'listing'
  | Cmi5CheckId;

/** `warn`: what only breaks the letter of a standard (LMSs accept it); it does not fail the package. */
export type Status = 'pass' | 'fail' | 'warn' | 'note' | 'skip';

export interface CheckResult {
  id: CheckId;
  title: string;
  status: Status;
  /** One line: what was found. */
  detail: string;
  /** Further lines (each problem), for failures and notes. */
  items?: string[];
}

export interface VerifyReport {
  source: string;
  ok: boolean;
  checks: CheckResult[];
  version?: string;
  analysis?: ManifestAnalysis;
  zip?: ZipReadResult;
}

export interface VerifyOptions {
  limits?: Partial<ZipLimits>;
  /** A name for the report when `source` is a buffer. */
  name?: string;
}

const TITLES: Record<CheckId, string> = {
  zip: 'Readable zip',
  'manifest-root': 'imsmanifest.xml at the root',
  'well-formed': 'Manifest is well-formed XML',
  version: 'SCORM version',
  schema: 'Manifest valid against the official schemas',
  'scorm-type': 'adlcp:scormtype / scormType spelt for the version',
  launch: 'Launch file present',
  references: 'References resolve',
  'absolute-paths': 'No absolute paths',
  'parent-paths': 'No ".." paths',
  names: 'Portable, unique entry names',
  links: 'No links (symlinks)',
  size: 'Total uncompressed size',
  'file-count': 'File count',
  mastery: 'Mastery score',
  listing: 'Every file listed in the manifest',
  ...CMI5_TITLES,
};

const MAX_ITEMS = 12;

const UNBUNDLED_LOM =
  /'\{http:\/\/ltsc\.ieee\.org\/xsd\/LOM\}[^']*': No matching global (element|attribute) declaration available, but demanded by the strict wildcard/;

export async function verifyPackage(source: string | Buffer, options: VerifyOptions = {}): Promise<VerifyReport> {
  const limits: ZipLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const checks: CheckResult[] = [];
  const add = (id: CheckId, status: Status, detail: string, items?: string[]) => {
    const list = items?.length
      ? items.length > MAX_ITEMS
        ? [...items.slice(0, MAX_ITEMS), `... and ${items.length - MAX_ITEMS} more`]
        : items
      : undefined;
    checks.push({ id, title: TITLES[id], status, detail, ...(list ? { items: list } : {}) });
  };
  const skipRest = (ids: CheckId[], why: string) => ids.forEach((id) => checks.some((c) => c.id === id) || add(id, 'skip', why));
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => {
    const order = Object.keys(TITLES) as CheckId[];
    checks.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    return {
      source: options.name ?? (typeof source === 'string' ? source : 'zip'),
      ok: !checks.some((c) => c.status === 'fail' || c.status === 'skip'),
      checks,
      ...extra,
    };
  };
  // The SCORM checks (a cmi5 package's own are in cmi5/verify.ts).
  const ALL = (Object.keys(TITLES) as CheckId[]).filter((id) => !Object.hasOwn(CMI5_TITLES, id));

  // 1. The zip itself, read in streams with limits.
  const zip = await readZip(source, { limits, keep: (n) => n === 'imsmanifest.xml' || n === COURSE_STRUCTURE_FILE });
  if (!zip.readable) {
    add('zip', 'fail', zip.error ?? 'the zip cannot be read');
    skipRest(ALL, 'not checked: the zip cannot be read');
    return report({ zip });
  }
  const files = zip.entries.filter((e) => !e.isDirectory);
  const broken = zip.entries.filter((e) => e.error);
  if (zip.limit?.kind === 'files') {
    add('zip', 'pass', `a zip of ${formatBytes(zip.fileSize)}, ${zip.entryCount} entries declared`);
    add('file-count', 'fail', zip.limit.message);
    skipRest(ALL, 'not checked: too many entries to read safely');
    return report({ zip });
  }
  if (zip.bomb)
    add(
      'zip',
      'fail',
      `a decompression bomb: ${zip.bomb}; the reading stopped there, nothing was unpacked to disk`,
      broken.filter((e) => !e.forged).map((e) => `${e.name}: ${e.error}`),
    );
  else if (broken.length)
    add(
      'zip',
      'fail',
      `${broken.length} of ${zip.entries.length} entries cannot be read`,
      broken.map((e) => `${e.name}: ${e.error}`),
    );
  else if (zip.limit)
    add('zip', 'pass', `a zip of ${formatBytes(zip.fileSize)} with ${zip.entries.length} entries (contents read until the size limit)`);
  else
    add('zip', 'pass', `a zip of ${formatBytes(zip.fileSize)} with ${zip.entries.length} entries, every one read and its CRC-32 checked`);

  // Entry names: absolute, "..", backslashes, duplicates, links.
  const absolute = zip.entries.filter((e) => /^([a-zA-Z]:|[\\/])/.test(e.name)).map((e) => `zip entry "${e.name}"`);
  const parent = zip.entries.filter((e) => e.name.split(/[\\/]/).includes('..')).map((e) => `zip entry "${e.name}"`);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const e of zip.entries) {
    if (e.name.includes('\\')) names.push(`"${e.name}" uses backslashes: an LMS on Linux makes that one file with "\\" in its name`);
    if (seen.has(e.name)) names.push(`"${e.name}" appears twice`);
    seen.add(e.name);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
    if (e.name === '' || /[\x00-\x1f]/.test(e.name))
      names.push(`an entry name has control characters or is empty: ${JSON.stringify(e.name)}`);
  }
  const links = zip.entries
    .filter((e) => e.isSymlink)
    .map((e) => `"${e.name}" is a symbolic link (mode ${e.mode !== undefined ? e.mode.toString(8) : 'unknown'})`);
  add(
    'links',
    links.length ? 'fail' : 'pass',
    links.length ? `${links.length} symbolic link${links.length > 1 ? 's' : ''}` : 'no entry is a symbolic link',
    links,
  );

  if (zip.limit?.kind === 'size') add('size', 'fail', zip.limit.message);
  else if (zip.bomb) add('size', 'skip', 'not counted: the reading stopped at the forged entry (see "Readable zip")');
  else
    add(
      'size',
      'pass',
      `${formatBytes(zip.totalBytes)} uncompressed (limit ${formatBytes(limits.maxTotalBytes)}), counted while inflating`,
    );
  add('file-count', 'pass', `${files.length} files, ${zip.entries.length - files.length} folders (limit ${limits.maxFiles} entries)`);

  // 2. The manifest.
  const manifestEntry = zip.entries.find((e) => e.name === 'imsmanifest.xml');
  const manifestCheckIds: CheckId[] = ['well-formed', 'version', 'schema', 'scorm-type', 'launch', 'references', 'mastery', 'listing'];
  const finishPaths = (a?: ManifestAnalysis) => {
    const absAll = [...absolute, ...(a?.paths.filter((p) => p.kind === 'absolute').map((p) => p.message) ?? [])];
    const parAll = [...parent, ...(a?.paths.filter((p) => p.kind === 'parent').map((p) => p.message) ?? [])];
    const nameAll = [...names, ...(a?.paths.filter((p) => p.kind === 'name').map((p) => p.message) ?? [])];
    add(
      'absolute-paths',
      absAll.length ? 'fail' : 'pass',
      absAll.length ? `${absAll.length} absolute path${absAll.length > 1 ? 's' : ''}` : 'every entry and href is relative',
      absAll,
    );
    add(
      'parent-paths',
      parAll.length ? 'fail' : 'pass',
      parAll.length
        ? `${parAll.length} path${parAll.length > 1 ? 's' : ''} climbing out with ".."`
        : 'no entry or href climbs out of the package',
      parAll,
    );
    add(
      'names',
      nameAll.length ? 'fail' : 'pass',
      nameAll.length ? `${nameAll.length} problem${nameAll.length > 1 ? 's' : ''}` : 'forward slashes only, no duplicates',
      nameAll,
    );
  };
  if (!manifestEntry && isCmi5Zip(zip)) {
    // A cmi5 course package: cmi5.xml instead of a manifest.
    for (const c of await verifyCourseStructure(zip)) add(c.id, c.status, c.detail, c.items);
    finishPaths();
    return report({ zip, version: 'cmi5' });
  }
  if (!manifestEntry) {
    const elsewhere = zip.entries.filter((e) => /(^|[\\/])imsmanifest\.xml$/i.test(e.name)).map((e) => e.name);
    add(
      'manifest-root',
      'fail',
      elsewhere.length
        ? `no imsmanifest.xml at the root; found ${elsewhere.map((n) => `"${n}"`).join(', ')}${elsewhere.some((n) => n.includes('/')) ? ': zip the contents of the course folder, not the folder itself' : ': the name must be exactly imsmanifest.xml'}`
        : 'no imsmanifest.xml in the zip: this is not a SCORM package',
    );
    finishPaths();
    skipRest(manifestCheckIds, 'not checked: no manifest at the root');
    return report({ zip });
  }
  const bytes = zip.kept.get('imsmanifest.xml');
  if (!bytes) {
    add(
      'manifest-root',
      'fail',
      manifestEntry.forged
        ? `imsmanifest.xml is itself the decompression bomb: it ${manifestEntry.error}`
        : `imsmanifest.xml is at the root but cannot be read: ${manifestEntry.error ?? 'the size limit was reached'}`,
    );
    finishPaths();
    skipRest(manifestCheckIds, 'not checked: the manifest cannot be read');
    return report({ zip });
  }
  add('manifest-root', 'pass', `imsmanifest.xml, ${formatBytes(bytes.length)}`);
  const xml = decodeXmlBytes(bytes);
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    add('well-formed', 'fail', parsed.error);
    finishPaths();
    skipRest(manifestCheckIds, 'not checked: the manifest is not well-formed XML');
    return report({ zip });
  }
  add('well-formed', 'pass', 'parsed without errors');

  const index = packageIndex(files.map((f) => f.name));
  const a = analyseManifest(parsed.root, index);
  finishPaths(a);
  if (!a.version) {
    add('version', 'fail', `unknown version: ${a.versionProblem}`);
    skipRest(['schema', 'scorm-type', 'mastery'], 'not checked: the SCORM version is unknown');
  } else {
    add(
      'version',
      'pass',
      `${a.version.label}${a.version.schemaversion ? ` (schemaversion "${a.version.schemaversion}")` : ' (no schemaversion; told by its namespaces)'}`,
    );
    const set = SCHEMA_SETS[a.version.schemaSet];
    const xsd = a.version.namespaceProblem ? { valid: false, errors: [] } : await validateManifestXsd(xml, a.version.schemaSet);
    // Inline IEEE LOM metadata: its schemas are not among the bundled ones, so a strict wildcard cannot
    // find them. That says nothing about the package; everything else is still validated.
    const lomOnly = xsd.errors.filter((e) => UNBUNDLED_LOM.test(e));
    const findings = xsd.errors.filter((e) => !UNBUNDLED_LOM.test(e)).map(explainSchemaError);
    const errors = findings.filter((f) => !f.letterOnly).map((f) => f.text);
    const letter = findings.filter((f) => f.letterOnly).map((f) => f.text);
    const letterNote = letter.length
      ? `; ${letter.length} point${letter.length > 1 ? 's' : ''} where only the letter of the schema is broken (LMSs accept ${letter.length > 1 ? 'them' : 'it'})`
      : '';
    const lomNote = lomOnly.length ? ' (its inline LOM metadata is not checked: the LOM schemas are not bundled)' : '';
    if (a.version.namespaceProblem) add('schema', 'fail', a.version.namespaceProblem);
    else if (xsd.valid || (!errors.length && !letter.length))
      add(
        'schema',
        'pass',
        `valid against the ${set.label} schemas${a.version.approximate ? ' (2nd edition checked against the 3rd edition schemas; none bundled for the 2nd)' : ''}${lomNote}`,
      );
    else if (!errors.length)
      add(
        'schema',
        'warn',
        `nothing an LMS refuses, but not valid against the letter of the ${set.label} schemas${lomNote}: a strict LMS or validator may complain`,
        letter,
      );
    else if (a.version.approximate)
      add(
        'schema',
        'note',
        `not valid against the ${set.label} schemas; this is a 2nd edition manifest, for which no schemas are bundled`,
        [...errors, ...letter],
      );
    else
      add(
        'schema',
        'fail',
        `${errors.length} error${errors.length > 1 ? 's' : ''} against the ${set.label} schemas that an LMS may refuse or misread${letterNote}`,
        [...errors, ...letter.map((l) => `${l} (warning only)`)],
      );
    add(
      'scorm-type',
      a.spelling.length ? 'fail' : 'pass',
      a.spelling.length
        ? `${a.spelling.length} problem${a.spelling.length > 1 ? 's' : ''}`
        : `every resource has adlcp:${a.version.family === '1.2' ? 'scormtype' : 'scormType'}`,
      a.spelling.map((p) => p.message),
    );
    const m = a.mastery;
    const bad = m.problems.filter((p) => !p.note);
    if (bad.length)
      add(
        'mastery',
        'fail',
        bad[0]!.message,
        bad.slice(1).map((p) => p.message),
      );
    else if (m.found)
      add(
        'mastery',
        'pass',
        `${round(m.found.value * 100)}% (${m.found.source} ${m.found.raw})`,
        m.problems.map((p) => p.message),
      );
    else add('mastery', 'note', m.problems[0]?.message ?? 'no mastery score in the manifest');
  }
  if (a.launchProblem) add('launch', 'fail', a.launchProblem);
  else if (a.launch) add('launch', 'pass', `${a.launch.path} (item "${a.launch.item}", resource "${a.launch.resource}")`);
  const refFails = a.references.filter((p) => !p.note);
  const refNotes = a.references.filter((p) => p.note);
  if (refFails.length)
    add(
      'references',
      'fail',
      `${refFails.length} broken reference${refFails.length > 1 ? 's' : ''}`,
      refFails.map((p) => p.message),
    );
  else
    add(
      'references',
      'pass',
      `${a.resources.size} resource${a.resources.size === 1 ? '' : 's'}, ${a.referencedPaths.size} file reference${a.referencedPaths.size === 1 ? '' : 's'}, all found`,
      refNotes.map((p) => p.message),
    );

  const unlisted = files.map((f) => f.name).filter((n) => !isControlFile(n) && !a.referencedPaths.has(n));
  if (unlisted.length)
    add(
      'listing',
      'note',
      `${unlisted.length} file${unlisted.length > 1 ? 's are' : ' is'} in the zip but not listed in any resource (harmless for most LMSs, but the package may be incomplete or carry leftovers)`,
      unlisted,
    );
  else add('listing', 'pass', 'every file of the zip is listed (besides the manifest and schema files)');

  return report({ zip, analysis: a, version: a.version?.label });
}

const round = (n: number) => Math.round(n * 100) / 100;

const MARK: Record<Status, string> = { pass: '✓ PASS', fail: '✗ FAIL', warn: '! WARN', note: '• NOTE', skip: '- SKIP' };

export function formatReport(r: VerifyReport): string {
  const lines = [`${r.version === 'cmi5' ? 'cmi5' : 'SCORM'} package check: ${r.source}`, ''];
  const width = Math.max(...r.checks.map((c) => c.title.length));
  for (const c of r.checks) {
    lines.push(`${MARK[c.status]}  ${c.title.padEnd(width)}  ${c.detail}`);
    for (const i of c.items ?? []) lines.push(`${' '.repeat(8)}  - ${i}`);
  }
  const fails = r.checks.filter((c) => c.status === 'fail').length;
  const notes = r.checks.filter((c) => c.status === 'note').length;
  const warnings = r.checks.filter((c) => c.status === 'warn').length;
  const read = [
    ...(warnings ? [`${warnings} warning${warnings > 1 ? 's' : ''} (what only breaks the letter of a standard)`] : []),
    ...(notes ? [`${notes} note${notes > 1 ? 's' : ''}`] : []),
  ];
  lines.push('');
  lines.push(
    r.ok
      ? `RESULT: PASS${r.version ? ` (${r.version})` : ''}: ready to upload${read.length ? `; read the ${read.join(' and ')} above` : ''}.`
      : `RESULT: FAIL: ${fails} check${fails === 1 ? '' : 's'} failed. Fix ${fails === 1 ? 'it' : 'them'} before uploading this zip.`,
  );
  return lines.join('\n');
}
