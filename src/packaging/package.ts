/**
 * Turns a built player folder into a SCORM zip: the course files, the manifest that lists every one of
 * them, and the version's schema files beside it. Before zipping, the build is checked for what makes a
 * package fail in an LMS: a launch page without its Content-Security-Policy, inline script, or URLs that
 * leave the package (absolute, root-relative or to another host), which break under an LMS's sub-path.
 */
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildManifest } from './manifest.ts';
import { isCmi5, type TargetId } from '../targets/index.ts';
import { buildCourseStructure, COURSE_STRUCTURE_FILE } from './cmi5/course-structure.ts';
import type { PackageMetadata } from './metadata.ts';
import { schemaFiles, type SchemaSetId } from './schemas.ts';
import { writeZip, zipToBuffer, type ZipInput } from './zip-write.ts';

/** The schema files each SCORM target's package carries beside its manifest (a cmi5 package carries none). */
export const SCHEMA_SET_OF: Partial<Record<TargetId, SchemaSetId>> = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' };

/** The file at the package root that describes it to the LMS: imsmanifest.xml (SCORM) or cmi5.xml. */
export function controlFileOf(target: TargetId): string {
  return isCmi5(target) ? COURSE_STRUCTURE_FILE : 'imsmanifest.xml';
}

/** `<course id>-<course version>-<target>.zip`. */
export function zipName(meta: Pick<PackageMetadata, 'courseId' | 'version'>, target: TargetId): string {
  return `${meta.courseId}-${meta.version}-${target}.zip`;
}

/** Every regular file under `dir`, as sorted `/`-separated relative paths. Links and odd files are refused. */
export function listBuildFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) throw new Error(`the build holds a symbolic link, which a package must not: ${relative(dir, abs)}`);
      if (st.isDirectory()) walk(abs);
      else if (st.isFile()) out.push(relative(dir, abs).split(sep).join('/'));
      else throw new Error(`the build holds something that is not a file: ${relative(dir, abs)}`);
    }
  };
  walk(dir);
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The few entities an HTML attribute value may carry (Vite writes the policy's quotes as &#39;). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|amp|lt|gt);/gi, (_, e: string) => {
    const named: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

const leavesPackage = (url: string) =>
  /^(\/|\\|[a-z][a-z0-9+.-]*:)/i.test(url.trim()) && !/^(data|blob):/i.test(url.trim()) && !url.trim().startsWith('#');

/** Problems that would break the package in an LMS; empty when the build is fit to ship. */
export function checkBuild(dir: string, files: string[], launch = 'index.html'): string[] {
  const problems: string[] = [];
  if (!files.includes(launch)) return [`the build has no ${launch}`];
  const html = readFileSync(join(dir, launch), 'utf8');
  const csp = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const policy = decodeEntities(csp ? (/\scontent=(["'])(.*?)\1/i.exec(csp)?.[2] ?? '') : '');
  if (!csp) problems.push(`${launch} has no Content-Security-Policy meta tag`);
  else {
    const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/i.exec(policy)?.[1] ?? /(?:^|;)\s*default-src\s+([^;]*)/i.exec(policy)?.[1];
    if (!scriptSrc) problems.push(`${launch}: the Content-Security-Policy sets no script-src`);
    else if (/unsafe-inline|unsafe-eval|\*|https?:/i.test(scriptSrc))
      problems.push(`${launch}: script-src allows more than the package itself: ${scriptSrc.trim()}`);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi))
    if (!/\bsrc=/i.test(m[1]!) && m[2]!.trim()) problems.push(`${launch} has an inline <script>, which the Content-Security-Policy blocks`);
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, '')))
    problems.push(`${launch} has an inline event handler (on...=), which the Content-Security-Policy blocks`);
  for (const m of html.matchAll(/\s(?:src|href|srcset|poster|data)=(["'])(.*?)\1/gi)) {
    if (leavesPackage(m[2]!)) problems.push(`${launch} refers to "${m[2]}", outside the package: use a relative URL`);
  }
  if (/<base\s/i.test(html)) problems.push(`${launch} has a <base> element, which breaks relative URLs under an LMS`);
  for (const f of files.filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(join(dir, f), 'utf8');
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/gi)) {
      const url = (m[1] ?? m[2])!;
      if (leavesPackage(url)) problems.push(`${f} refers to "${url}", outside the package: use a relative URL`);
    }
  }
  return problems;
}

export interface PackageInput {
  target: TargetId;
  meta: PackageMetadata;
  /** The built player. */
  buildDir: string;
}

export interface PackageResult {
  target: TargetId;
  /** imsmanifest.xml, or cmi5.xml for a cmi5 package. */
  manifest: string;
  /** Course files listed in the manifest. */
  files: string[];
  /** Schema files beside the manifest. */
  schemaFiles: string[];
  bytes: Buffer;
}

export function packageEntries(input: PackageInput): { entries: ZipInput[]; manifest: string; files: string[]; schemaFiles: string[] } {
  const files = listBuildFiles(input.buildDir);
  const problems = checkBuild(input.buildDir, files, input.meta.launch);
  if (problems.length)
    throw new Error(
      `The build in ${input.buildDir} is not fit for a ${isCmi5(input.target) ? 'cmi5' : 'SCORM'} package:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  const set = SCHEMA_SET_OF[input.target];
  const schemas = set ? schemaFiles(set) : [];
  const control = controlFileOf(input.target);
  const clash = files.filter((f) => f === 'imsmanifest.xml' || f === COURSE_STRUCTURE_FILE || schemas.some((s) => s.path === f));
  if (clash.length) throw new Error(`the build holds files that the package format reserves: ${clash.join(', ')}`);
  const manifest = isCmi5(input.target)
    ? buildCourseStructure({ meta: input.meta, files })
    : buildManifest(input.target, { meta: input.meta, files });
  const entries: ZipInput[] = [
    { path: control, data: Buffer.from(manifest, 'utf8') },
    ...schemas.map((s) => ({ path: s.path, data: s.data })),
    ...files.map((f) => ({ path: f, data: readFileSync(join(input.buildDir, f)) })),
  ];
  return { entries, manifest, files, schemaFiles: schemas.map((s) => s.path) };
}

export async function packageBuild(input: PackageInput, outFile?: string): Promise<PackageResult> {
  const { entries, manifest, files, schemaFiles } = packageEntries(input);
  const bytes = outFile ? await writeZip(entries, outFile) : await zipToBuffer(entries);
  return { target: input.target, manifest, files, schemaFiles, bytes };
}
