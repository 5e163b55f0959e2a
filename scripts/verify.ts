/**
 * npm run verify -- <zip> [<zip> ...] [--max-size <bytes|KB|MB|GB>] [--max-files <n>] [--json]
 *
 * Checks SCORM zips before an upload, ours or any other tool's: readable zip, imsmanifest.xml at the
 * root, well-formed, version detected, schema-valid, launch file present, references resolve, no
 * absolute or ".." paths, no links, size and file count within limits (counted while inflating, so a
 * decompression bomb is stopped), mastery score present or its absence named. One line per check;
 * exits 0 when every zip passes, 1 when any check fails, 2 on a usage error. Reads the zip in memory
 * and streams only: nothing is extracted or written.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, verifyPackage } from '../src/packaging/verify.ts';
import { DEFAULT_LIMITS, formatBytes } from '../src/packaging/zip-read.ts';

const USAGE = 'usage: npm run verify -- <package.zip> [more.zip ...] [--max-size 1GB] [--max-files 10000] [--json]';
const callerCwd = process.env.INIT_CWD ?? process.cwd();

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new Error(`--max-size: "${text}" is not a size (e.g. 500MB)`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b']!;
  return Math.floor(Number(m[1]) * unit);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'max-size': { type: 'string' },
        'max-files': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(
      `${USAGE}\n\nLimits: --max-size (default ${formatBytes(DEFAULT_LIMITS.maxTotalBytes)} uncompressed), --max-files (default ${DEFAULT_LIMITS.maxFiles} entries).`,
    );
    return 0;
  }
  if (!positionals.length) {
    console.error(USAGE);
    return 2;
  }
  let limits;
  try {
    limits = {
      ...(values['max-size'] ? { maxTotalBytes: parseSize(values['max-size']) } : {}),
      ...(values['max-files'] ? { maxFiles: Number.parseInt(values['max-files'], 10) } : {}),
    };
    if (limits.maxFiles !== undefined && !(limits.maxFiles > 0)) throw new Error('--max-files must be a positive whole number');
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }

  let failed = false;
  const json = [];
  for (const [i, arg] of positionals.entries()) {
    const report = await verifyPackage(resolve(callerCwd, arg), { limits, name: arg });
    failed ||= !report.ok;
    if (values.json) json.push({ source: report.source, ok: report.ok, version: report.version, checks: report.checks });
    else console.log((i ? '\n' : '') + formatReport(report));
  }
  if (values.json) console.log(JSON.stringify(json, null, 2));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`verify stopped on an unexpected error: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
