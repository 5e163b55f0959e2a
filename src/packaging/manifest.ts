/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition: one organisation, one item, one SCO
 * resource that lists every file of the course. Output depends only on its input (no dates, no random
 * ids), so the same course gives the same bytes.
 *
 *   1.2   imscp_rootv1p1p2 + adlcp_rootv1p2 (`adlcp:scormtype`, `adlcp:masteryscore` 0-100) + IMS MD 1.2.1 LOM
 *   2004  imscp_v1p1 + adlcp_v1p3 (`adlcp:scormType`) + imsss: a primary objective satisfied by measure
 *         (`minNormalizedMeasure` = mastery), delivery controls set by content, flow on the organisation;
 *         title, description, version and language in an inline IEEE LOM record, which the 4th-edition
 *         imscp schema admits (lax `##other`) without shipping the LOM schema files.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { TargetId } from '../targets/index.ts';
import { manifestIdentifier, type PackageMetadata } from './metadata.ts';
import { NS, SCHEMA_SETS } from './schemas.ts';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Percent-encodes a relative path for an href (anyURI), segment by segment; `/` stays. */
export function hrefOf(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** `0.75` -> `75`; keeps up to two decimals, never rounds a pass mark to a different whole number. */
export function masteryPercent(score: number): string {
  if (!(score >= 0 && score <= 1)) throw new Error(`mastery score ${score} is not between 0 and 1`);
  return String(Math.round(score * 10000) / 100);
}

/** `0.75` -> `0.75` as an imsss measure (decimal, -1..1, at most 4 decimals for LMS that store it so). */
export function masteryMeasure(score: number): string {
  if (!(score >= 0 && score <= 1)) throw new Error(`mastery score ${score} is not between 0 and 1`);
  return String(Math.round(score * 10000) / 10000);
}

export interface ManifestInput {
  meta: PackageMetadata;
  /** Every file of the course, relative to the package root, `/`-separated. */
  files: string[];
}

/** The manifest builder of each SCORM package target (a cmi5 package has cmi5.xml instead: cmi5/course-structure.ts). */
const BUILDERS: Partial<Record<TargetId, (input: ManifestInput) => string>> = {
  scorm12: (i) => manifest12(i),
  scorm2004: (i) => manifest2004(i),
};

export function buildManifest(target: TargetId, input: ManifestInput): string {
  const build = BUILDERS[target];
  if (!build) throw new Error(`${target} packages have no imsmanifest.xml`);
  return build(input);
}

function sortedFiles(files: string[]): string[] {
  const unique = [...new Set(files)];
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function ids(meta: PackageMetadata) {
  const base = manifestIdentifier(meta.courseId);
  return { manifest: base, organization: `${base}-org`, item: `${base}-item`, resource: `${base}-sco` };
}

function checkInput({ meta, files }: ManifestInput): void {
  if (!files.includes(meta.launch)) throw new Error(`the launch file ${meta.launch} is not among the package files`);
  for (const f of files)
    if (f.startsWith('/') || f.split('/').includes('..') || f.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(f))
      throw new Error(`not a relative package path: ${f}`);
}

function schemaLocation(pairs: [string, string][]): string {
  return pairs.map(([ns, file]) => `${ns} ${file}`).join(' ');
}

function manifest12(input: ManifestInput): string {
  checkInput(input);
  const { meta } = input;
  const id = ids(meta);
  const title = meta.titles[0]!.text;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const m = doc.ele(NS.imscp12, 'manifest', { identifier: id.manifest, version: meta.version });
  m.att(XMLNS, 'xmlns:adlcp', NS.adlcp12);
  m.att(XMLNS, 'xmlns:imsmd', NS.imsmd12);
  m.att(XMLNS, 'xmlns:xsi', NS.xsi);
  const s = SCHEMA_SETS.scorm12.imports;
  m.att(NS.xsi, 'xsi:schemaLocation', schemaLocation([NS.imscp12, NS.imsmd12, NS.adlcp12].map((ns) => [ns, s[ns]!])));

  const md = m.ele('metadata');
  md.ele('schema').txt('ADL SCORM');
  md.ele('schemaversion').txt('1.2');
  const lom = md.ele(NS.imsmd12, 'imsmd:lom');
  const general = lom.ele('imsmd:general');
  langStrings12(general.ele('imsmd:title'), meta.titles);
  general.ele('imsmd:language').txt(meta.language);
  if (meta.descriptions.length) langStrings12(general.ele('imsmd:description'), meta.descriptions);
  const lifecycle = lom.ele('imsmd:lifecycle');
  lifecycle.ele('imsmd:version').ele('imsmd:langstring', { 'xml:lang': 'x-none' }).txt(meta.version);

  const org = m
    .ele('organizations', { default: id.organization })
    .ele('organization', { identifier: id.organization, structure: 'hierarchical' });
  org.ele('title').txt(title);
  const item = org.ele('item', { identifier: id.item, identifierref: id.resource, isvisible: 'true' });
  item.ele('title').txt(title);
  item.ele(NS.adlcp12, 'adlcp:masteryscore').txt(masteryPercent(meta.masteryScore));

  resource(m, id.resource, meta.launch, input.files, (r) => r.att(NS.adlcp12, 'adlcp:scormtype', 'sco'));
  return doc.end({ prettyPrint: true }) + '\n';
}

function langStrings12(parent: XMLBuilder, texts: { language: string; text: string }[]): void {
  for (const t of texts) parent.ele('imsmd:langstring', { 'xml:lang': t.language }).txt(t.text);
}

function manifest2004(input: ManifestInput): string {
  checkInput(input);
  const { meta } = input;
  const id = ids(meta);
  const title = meta.titles[0]!.text;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const m = doc.ele(NS.imscp, 'manifest', { identifier: id.manifest, version: meta.version });
  m.att(XMLNS, 'xmlns:adlcp', NS.adlcp);
  m.att(XMLNS, 'xmlns:adlseq', NS.adlseq);
  m.att(XMLNS, 'xmlns:adlnav', NS.adlnav);
  m.att(XMLNS, 'xmlns:imsss', NS.imsss);
  m.att(XMLNS, 'xmlns:lom', NS.lom);
  m.att(XMLNS, 'xmlns:xsi', NS.xsi);
  const s = SCHEMA_SETS['scorm2004-4th'].imports;
  m.att(NS.xsi, 'xsi:schemaLocation', schemaLocation([NS.imscp, NS.adlcp, NS.adlseq, NS.adlnav, NS.imsss].map((ns) => [ns, s[ns]!])));

  const md = m.ele('metadata');
  md.ele('schema').txt('ADL SCORM');
  md.ele('schemaversion').txt('2004 4th Edition');
  const lom = md.ele(NS.lom, 'lom:lom');
  const general = lom.ele('lom:general');
  langStrings2004(general.ele('lom:title'), meta.titles);
  general.ele('lom:language').txt(meta.language);
  if (meta.descriptions.length) langStrings2004(general.ele('lom:description'), meta.descriptions);
  lom.ele('lom:lifeCycle').ele('lom:version').ele('lom:string', { language: 'x-none' }).txt(meta.version);

  const org = m
    .ele('organizations', { default: id.organization })
    .ele('organization', { identifier: id.organization, structure: 'hierarchical' });
  // The course's objectives are its own: none of them is shared with other courses in the LMS.
  org.att(NS.adlseq, 'adlseq:objectivesGlobalToSystem', 'false');
  org.ele('title').txt(title);
  const item = org.ele('item', { identifier: id.item, identifierref: id.resource, isvisible: 'true' });
  item.ele('title').txt(title);
  const seq = item.ele(NS.imsss, 'imsss:sequencing');
  const primary = seq.ele('imsss:objectives').ele('imsss:primaryObjective', { objectiveID: 'course-mastery', satisfiedByMeasure: 'true' });
  primary.ele('imsss:minNormalizedMeasure').txt(masteryMeasure(meta.masteryScore));
  seq.ele('imsss:deliveryControls', { tracked: 'true', completionSetByContent: 'true', objectiveSetByContent: 'true' });
  org.ele(NS.imsss, 'imsss:sequencing').ele('imsss:controlMode', { choice: 'true', flow: 'true' });

  resource(m, id.resource, meta.launch, input.files, (r) => r.att(NS.adlcp, 'adlcp:scormType', 'sco'));
  return doc.end({ prettyPrint: true }) + '\n';
}

function langStrings2004(parent: XMLBuilder, texts: { language: string; text: string }[]): void {
  for (const t of texts) parent.ele('lom:string', { language: t.language }).txt(t.text);
}

function resource(m: XMLBuilder, identifier: string, launch: string, files: string[], scormType: (r: XMLBuilder) => void): void {
  const r = m.ele('resources').ele('resource', { identifier, type: 'webcontent' });
  scormType(r);
  r.att('href', hrefOf(launch));
  for (const f of sortedFiles(files)) r.ele('file', { href: hrefOf(f) });
}
