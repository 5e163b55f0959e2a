/**
 * npm run package [-- --course <root>] [-- --out <dir>] [-- --drafts]
 *
 * Validates the course (every check `npm run validate` runs: one pipeline), builds the player once per package target with Vite, and writes
 *   <out>/<course-id>-<course-version>-scorm12.zip     SCORM 1.2
 *   <out>/<course-id>-<course-version>-scorm2004.zip   SCORM 2004 4th Edition
 *   <out>/<course-id>-<course-version>-cmi5.zip        cmi5 (xAPI)
 * Each zip is then checked with the same verifier administrators run (scripts/verify.ts); any problem
 * fails the command. The same input gives byte-identical zips.
 *
 *   --course <root>   folder with content/ and locales/ (default: the current folder)
 *   --out <dir>       where the zips go (default: dist/); the builds go to <dir>/build/<target>
 *   --drafts          also ship the languages that are not complete, their gaps in the source language
 *                     (by default a draft language is left out, and the command says so)
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '../src/content-model/issues.ts';
import { formatIssue } from '../src/content-model/issues.ts';
import { loadCourse } from '../src/content-model/load.ts';
import { buildPlayer } from '../src/packaging/build-player.ts';
import { packageMetadata } from '../src/packaging/metadata.ts';
import { packageBuild, zipName } from '../src/packaging/package.ts';
import { TARGET_IDS, TARGETS } from '../src/targets/index.ts';
import { formatReport, verifyPackage } from '../src/packaging/verify.ts';
import { formatBytes } from '../src/packaging/zip-read.ts';

const repoRoot = resolve(import.meta.dirname, '..');
/** npm runs scripts from the package root; paths on the command line are the caller's. */
const callerCwd = process.env.INIT_CWD ?? process.cwd();

const USAGE = 'usage: npm run package -- [--course <course root>] [--out <output folder>] [--drafts]';

async function main(): Promise<number> {
  let values: { course?: string; out?: string; drafts?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { course: { type: 'string' }, out: { type: 'string' }, drafts: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const courseRoot = resolve(callerCwd, values.course ?? '.');
  const outDir = resolve(callerCwd, values.out ?? 'dist');
  if (!existsSync(join(courseRoot, 'content', 'course.yaml'))) {
    console.error(`No course in ${courseRoot}: expected content/course.yaml there.\n${USAGE}`);
    return 2;
  }

  // 1. The content, validated once, gives the package's metadata.
  let meta;
  let loaded;
  try {
    loaded = loadCourse(courseRoot, { uiRoot: repoRoot, drafts: values.drafts ? 'include' : 'exclude' });
    meta = packageMetadata(loaded);
  } catch (e) {
    if (e instanceof ContentError) {
      for (const i of e.issues) console.error(formatIssue(i));
      console.error(
        `${e.issues.length} problem${e.issues.length === 1 ? '' : 's'}: nothing was packaged (npm run validate lists the same).`,
      );
      return 1;
    }
    throw e;
  }
  console.log(`Packaging ${meta.courseId} ${meta.version} ("${meta.titles[0]!.text}") from ${relative(callerCwd, courseRoot) || '.'}`);
  for (const p of loaded.progress.filter((x) => !x.complete))
    console.log(
      loaded.drafts.includes(p.lang)
        ? `! ${p.lang} is a draft (${p.translated} of ${p.total} strings translated): included (--drafts), its gaps in ${loaded.course.defaultLanguage}`
        : `! ${p.lang} is a draft (${p.translated} of ${p.total} strings translated): left out; npm run package -- --drafts includes it`,
    );
  console.log(`Languages: ${loaded.course.languages.join(', ')}`);

  // 2. One build and one zip per package target, each verified.
  let failed = false;
  for (const target of TARGET_IDS) {
    const buildDir = join(outDir, 'build', target);
    await buildPlayer(courseRoot, target, buildDir, { drafts: values.drafts });
    const file = join(outDir, zipName(meta, target));
    const result = await packageBuild({ target, meta, buildDir }, file);
    const report = await verifyPackage(file);
    const shown = relative(callerCwd, file).startsWith('..') ? file : relative(callerCwd, file);
    if (!report.ok) {
      failed = true;
      console.error(formatReport(report));
      console.error(`✗ ${shown} failed its own verification.`);
    } else
      console.log(
        `✓ ${shown}  ${TARGETS[target].label}, ${result.files.length} course files + ${result.schemaFiles.length} schema files, ${formatBytes(result.bytes.length)}`,
      );
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
