/** Shared by the packaging tests: a small stand-in build, zips made to order, and the package CLI. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ZipFile } from 'yazl';
import { loadCourse } from '../../../src/content-model/load.ts';
import { packageMetadata, type PackageMetadata } from '../../../src/packaging/metadata.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const sampleCourse = join(repoRoot, 'tests/sample-course');

/** The sample course's metadata, as the package script derives it. */
export function sampleMetadata(): PackageMetadata {
  return packageMetadata(loadCourse(sampleCourse, { uiRoot: repoRoot }));
}

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

/** A build as Vite lays it out (launch page with CSP, hashed assets, an image with a space in its name). */
export function fakeBuild(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pkg-build-'));
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html lang="da"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Course</title><script type="module" crossorigin src="./assets/index-abc123.js"></script><link rel="stylesheet" crossorigin href="./assets/index-def456.css"></head><body><div id="root"></div></body></html>`,
    'assets/index-abc123.js': 'import("./da-ui-1.js");console.log("course")',
    'assets/da-ui-1.js': 'export default {}',
    'assets/index-def456.css': 'body{background:url(./square%20one.svg)}',
    'assets/square one.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export interface RawEntry {
  name: string;
  data: Buffer | string;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
}

/** A zip with exactly these entries, in this order (no checks: for building hostile zips). */
export function makeZip(entries: RawEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries)
    zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data), e.name, {
      mode: e.mode ?? 0o100644,
      mtime: new Date(2000, 0, 1),
    });
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => ok(Buffer.concat(chunks)));
    zip.outputStream.on('error', fail);
    zip.end();
  });
}

/**
 * Replaces an entry's name in place (local header and central directory), for names yazl refuses to
 * write (absolute, ".."). Both names must have the same length in bytes.
 */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  let at = 0;
  let n = 0;
  while ((at = out.indexOf(a, at)) >= 0) {
    b.copy(out, at);
    at += b.length;
    n++;
  }
  if (n !== 2) throw new Error(`expected the name twice (local header, central directory), found ${n}`);
  return out;
}

/** Sets the uncompressed size an entry declares, in its local header and central directory entry. */
export function forgeDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const nameBuf = Buffer.from(name);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + nameBuf.length).equals(nameBuf) && out.readUInt16LE(i + 26) === nameBuf.length)
      out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + nameBuf.length).equals(nameBuf) && out.readUInt16LE(i + 28) === nameBuf.length)
      out.writeUInt32LE(size, i + 24);
  }
  return out;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a fresh shell: without what vitest sets, which would change a Vite build. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|VITE_|NODE_ENV$|TEST$|INIT_CWD$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Runs a script of scripts/ with tsx, as `npm run` would. */
export function runScript(script: 'package' | 'verify', args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, `scripts/${script}.ts`), ...args],
      {
        cwd: repoRoot,
        env: cleanEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => ok({ code: code ?? -1, stdout, stderr }));
  });
}
