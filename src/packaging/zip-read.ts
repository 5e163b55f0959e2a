/**
 * Reads any zip defensively, in memory and in streams: nothing is written to disk. Sizes are counted
 * while inflating (the headers' claims are used only to refuse early, never to accept): an entry is
 * inflated at most to the size its header claims plus a small margin, and the reading stops as soon
 * as a limit is passed; a zip that is a decompression bomb (a forged size, or an extreme ratio over
 * the size limit) says so; every entry's CRC-32 is checked; names are decoded and judged
 * here (absolute, `..`, backslashes) instead of letting the library throw on them. Entry kinds come
 * from the external attributes (Unix mode in the high 16 bits): symbolic links are reported, not followed.
 */
import { stat } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  maxTotalBytes: number;
  /** Number of entries (files and folders). */
  maxFiles: number;
  /** Largest file kept in memory for inspection (the manifest). */
  maxKeptBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 * 1024 * 1024, // 1 GiB
  maxFiles: 10_000,
  maxKeptBytes: 16 * 1024 * 1024,
};

/** How far an entry may inflate past the size its header claims before the reading stops: a true entry inflates to exactly it. */
export const ENTRY_MARGIN = 64 * 1024;

/** Unpacked over packed, above which a zip over the size limit is a decompression bomb rather than a large package. */
export const BOMB_RATIO = 100;

export interface ZipEntryInfo {
  /** Decoded name, as an LMS would extract it (backslashes kept as they are). */
  name: string;
  isDirectory: boolean;
  isSymlink: boolean;
  /** Unix mode from the external attributes, if the zip was made on a Unix-like system. */
  mode?: number;
  declaredSize: number;
  compressedSize: number;
  /** Bytes actually inflated (undefined if the entry was not read). */
  size?: number;
  /** Why this entry could not be read, if it could not. */
  error?: string;
  /** It inflated past its declared size plus the margin: a forged header. */
  forged?: boolean;
}

export interface ZipReadResult {
  /** The zip's structure could be read (central directory found and walked). */
  readable: boolean;
  /** A fatal problem: not a zip, truncated, damaged. */
  error?: string;
  fileSize: number;
  /** Entries the central directory declares. */
  entryCount: number;
  entries: ZipEntryInfo[];
  /** Uncompressed bytes counted while streaming. */
  totalBytes: number;
  /** A limit that stopped the reading. */
  limit?: { kind: 'size' | 'files'; message: string };
  /** The zip is a decompression bomb: why, in words. */
  bomb?: string;
  /** Contents of the entries asked for by `keep`. */
  kept: Map<string, Buffer>;
}

export interface ReadOptions {
  limits?: Partial<ZipLimits>;
  /** Which entries to keep in memory (by decoded name). */
  keep?: (name: string) => boolean;
}

const MADE_BY_UNIX = new Set([3, 19]); // Unix, OS X (Darwin)
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function describeOpenError(message: string, head: Buffer | undefined): string {
  const looksLikeZip = head && head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (/end of central directory record signature not found/i.test(message))
    return looksLikeZip
      ? 'the zip is truncated or damaged: its table of contents (end of central directory) is missing'
      : 'not a zip file (no zip table of contents found)';
  return `the zip is damaged: ${message}`;
}

function decodeName(entry: Entry): string {
  const raw = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer);
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
}

function open(source: string | Buffer): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false, strictFileNames: true };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: ZipFile) => (err ? reject(err) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

async function readHead(source: string | Buffer): Promise<Buffer | undefined> {
  if (Buffer.isBuffer(source)) return source.subarray(0, 4);
  const { open } = await import('node:fs/promises');
  const fh = await open(source, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function readZip(source: string | Buffer, options: ReadOptions = {}): Promise<ZipReadResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const keep = options.keep ?? (() => false);
  const result: ZipReadResult = { readable: false, fileSize: 0, entryCount: 0, entries: [], totalBytes: 0, kept: new Map() };

  try {
    const st = Buffer.isBuffer(source) ? undefined : await stat(source);
    if (st && !st.isFile()) {
      result.error = `${source} is ${st.isDirectory() ? 'a folder' : 'not a regular file'}, not a zip file`;
      return result;
    }
    result.fileSize = st ? st.size : (source as Buffer).length;
  } catch (e) {
    result.error = `cannot read the file: ${(e as Error).message}`;
    return result;
  }
  if (result.fileSize === 0) {
    result.error = 'the file is empty: not a zip';
    return result;
  }

  let zip: ZipFile;
  try {
    zip = await open(source);
  } catch (e) {
    result.error = describeOpenError((e as Error).message, await readHead(source).catch(() => undefined));
    return result;
  }

  try {
    result.entryCount = zip.entryCount;
    if (zip.entryCount > limits.maxFiles) {
      result.limit = { kind: 'files', message: `the zip holds ${zip.entryCount} entries, more than the limit of ${limits.maxFiles}` };
      result.readable = true;
      return result;
    }
    // Pass 1: the central directory only (names, kinds, declared sizes), so the listing is complete
    // even when the contents turn out to be hostile.
    const listed = await listEntries(zip, result);
    if (result.error) return result;
    result.readable = true;
    const declared = listed.reduce((n, [e]) => n + e.uncompressedSize, 0);
    const compressed = listed.reduce((n, [e]) => n + e.compressedSize, 0);
    const overDeclared = declared > limits.maxTotalBytes;
    if (overDeclared) {
      result.limit = {
        kind: 'size',
        message: `the entries declare ${formatBytes(declared)} uncompressed, more than the limit of ${formatBytes(limits.maxTotalBytes)}`,
      };
      if (declared / Math.max(compressed, 1) >= BOMB_RATIO)
        result.bomb = `its ${formatBytes(compressed)} of packed data claim to unpack to ${formatBytes(declared)} (1:${Math.round(declared / Math.max(compressed, 1))}), more than the limit of ${formatBytes(limits.maxTotalBytes)}`;
    }
    // Pass 2: inflate, counting; the files to keep (the manifest) first. Over the declared limit, only
    // those (each capped at its declared size), so the manifest's checks still run.
    const ordered = [...listed.filter(([, i]) => keep(i.name)), ...listed.filter(([, i]) => !keep(i.name))];
    for (const [entry, info] of ordered) {
      if (overDeclared && !keep(info.name)) continue;
      if (info.isDirectory && entry.uncompressedSize === 0) continue;
      if (entry.isEncrypted()) {
        info.error = 'encrypted';
        continue;
      }
      const stop = await inflate(zip, entry, info, result, limits, keep(info.name));
      if (stop) break;
    }
    const forged = result.entries.find((e) => e.forged);
    if (forged) result.bomb = `${forged.name} ${forged.error}`;
    else if (result.limit?.kind === 'size' && !result.bomb && result.totalBytes / Math.max(compressed, 1) >= BOMB_RATIO)
      result.bomb = `its ${formatBytes(compressed)} of packed data unpack to more than ${formatBytes(limits.maxTotalBytes)}`;
    return result;
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile, result: ZipReadResult): Promise<[Entry, ZipEntryInfo][]> {
  const listed: [Entry, ZipEntryInfo][] = [];
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve(listed);
    };
    zip.on('error', (e: Error) => {
      result.error ??= `the zip is damaged: ${e.message}`;
      finish();
    });
    zip.on('end', finish);
    zip.on('entry', (entry: Entry) => {
      let name: string;
      try {
        name = decodeName(entry);
      } catch (e) {
        result.error = `an entry name cannot be decoded: ${(e as Error).message}`;
        return finish();
      }
      const madeBy = entry.versionMadeBy >> 8;
      const unixMode = entry.externalFileAttributes >>> 16;
      const type = unixMode & S_IFMT;
      const unix = MADE_BY_UNIX.has(madeBy);
      const info: ZipEntryInfo = {
        name,
        isDirectory: name.endsWith('/') || (unix && type === S_IFDIR) || (!unix && (entry.externalFileAttributes & 0x10) !== 0),
        // A link is a link whoever claims to have made the zip: Info-ZIP and others honour the mode bits.
        isSymlink: type === S_IFLNK,
        mode: unix && unixMode ? unixMode : undefined,
        declaredSize: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
      };
      result.entries.push(info);
      listed.push([entry, info]);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** Inflates one entry, counting bytes against the limits. Resolves true when reading must stop. */
function inflate(
  zip: ZipFile,
  entry: Entry,
  info: ZipEntryInfo,
  result: ZipReadResult,
  limits: ZipLimits,
  wanted: boolean,
): Promise<boolean> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        info.error = err.message;
        return resolve(false);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let crc = 0;
      let settled = false;
      const settle = (stop: boolean) => {
        if (settled) return;
        settled = true;
        info.size = size;
        resolve(stop);
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        result.totalBytes += chunk.length;
        crc = crc32(chunk, crc);
        if (size > entry.uncompressedSize + ENTRY_MARGIN) {
          // A true entry inflates to exactly its declared size: this header lies, as a bomb's does.
          info.forged = true;
          info.error = `inflates past the ${formatBytes(entry.uncompressedSize)} its header claims (stopped after ${formatBytes(size)}): a forged size, the mark of a decompression bomb`;
          stream.destroy();
          return settle(false);
        }
        if (result.totalBytes > limits.maxTotalBytes) {
          result.limit = {
            kind: 'size',
            message: `more than ${formatBytes(limits.maxTotalBytes)} uncompressed (stopped while inflating ${info.name}, whose header claims ${formatBytes(entry.uncompressedSize)}): a decompression bomb, or a package too large`,
          };
          stream.destroy();
          return settle(true);
        }
        if (wanted) {
          if (size > limits.maxKeptBytes) {
            info.error ??= `larger than ${formatBytes(limits.maxKeptBytes)}, too large to inspect`;
            stream.destroy();
            return settle(false);
          }
          chunks.push(chunk);
        }
      });
      stream.on('error', (e: Error) => {
        if (settled) return;
        info.error = e.message;
        settle(false);
      });
      stream.on('end', () => {
        if (settled) return;
        // Sizes are compared here, after counting, rather than trusted or enforced by the library.
        if (size !== entry.uncompressedSize)
          info.error ??= `inflates to ${size} bytes but its header claims ${entry.uncompressedSize}: the zip is damaged or forged`;
        else if (crc >>> 0 !== entry.crc32 >>> 0) info.error ??= 'CRC-32 mismatch: the data is damaged';
        else if (wanted && !info.error) result.kept.set(info.name, Buffer.concat(chunks));
        settle(false);
      });
    });
  });
}
