/**
 * A deterministic zip: the same files give the same bytes, whatever the machine, its clock, time zone,
 * umask or file-system order. Entries are sorted by path (byte order), every entry has the same DOS
 * timestamp (no extended UTC timestamp field), regular-file permissions 0644 and deflate level 9;
 * no directory entries, no comment.
 */
import { renameSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ZipFile } from 'yazl';

export interface ZipInput {
  /** Path inside the zip, relative, `/`-separated. */
  path: string;
  data: Buffer;
}

/**
 * 2000-01-01 00:00:00 built from local-time parts: a zip stores local DOS time, and yazl reads a Date's
 * local parts, so this gives the same bytes in every time zone.
 */
export const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
export const FILE_MODE = 0o100644;

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export async function zipToBuffer(entries: ZipInput[]): Promise<Buffer> {
  const seen = new Set<string>();
  for (const e of entries) {
    if (!e.path || e.path.startsWith('/') || e.path.includes('\\') || e.path.split('/').some((s) => s === '..' || s === '.' || s === ''))
      throw new Error(`not a clean relative zip path: "${e.path}"`);
    if (seen.has(e.path)) throw new Error(`duplicate zip entry: ${e.path}`);
    seen.add(e.path);
  }
  const zip = new ZipFile();
  for (const e of [...entries].sort((a, b) => byteOrder(a.path, b.path)))
    zip.addBuffer(e.data, e.path, { mtime: FIXED_MTIME, mode: FILE_MODE, compressionLevel: 9, forceDosTimestamp: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/** Writes the zip next to its destination first, then renames it, so no half-written zip is ever left. */
export async function writeZip(entries: ZipInput[], outFile: string): Promise<Buffer> {
  const bytes = await zipToBuffer(entries);
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.partial`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, outFile);
  } finally {
    rmSync(tmp, { force: true });
  }
  return bytes;
}
