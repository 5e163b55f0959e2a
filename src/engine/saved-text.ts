/**
 * The outer layer of saved-state format 2: the packed text (src/engine/codec.ts) compressed with raw
 * deflate (fflate) against a fixed preset dictionary, then written in an ASCII-only alphabet, so a
 * saved state is as many UTF-8 bytes as it is characters and no LMS has anything to escape.
 *
 *   <format digit> <base-85 text of deflate(WTF-8(packed), dictionary)>
 *
 * The 85 characters are the digits, the letters and `!#$()*,-./:;=?@[]^_{|}~`: no space, quote,
 * backslash, `&`, `<`, `>`, `%`, `+` or backtick (what HTML, XML, URLs, SQL or a form post could
 * change). Four bytes make five characters, big-endian; a last group of n bytes makes n + 1.
 *
 * Deterministic: the same packed text always gives the same saved text (deflate's output depends on
 * its input and options only, and nothing here reads a clock or a random source).
 */
import { deflateSync, inflateSync } from 'fflate';
import { SAVED_STATE_DICTIONARY } from './saved-dictionary.ts';

export const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$()*,-./:;=?@[]^_{|}~';

const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export class SavedTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavedTextError';
  }
}

/** Bytes as base-85 text. */
export function toBase85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let v = 0;
    for (let k = 0; k < 4; k++) v = v * 256 + (k < n ? bytes[i + k]! : 0);
    const group: string[] = [];
    for (let k = 0; k < 5; k++) {
      group.unshift(ALPHABET[v % 85]!);
      v = Math.floor(v / 85);
    }
    out += group.slice(0, n + 1).join('');
  }
  return out;
}

/** Base-85 text back to bytes; anything that is not what `toBase85` writes is an error. */
export function fromBase85(text: string): Uint8Array {
  if (text.length % 5 === 1) throw new SavedTextError('the saved text has a cut-off group');
  const out = new Uint8Array(Math.floor(text.length / 5) * 4 + Math.max(0, (text.length % 5) - 1));
  let o = 0;
  for (let i = 0; i < text.length; i += 5) {
    const group = text.slice(i, i + 5);
    let v = 0;
    for (let k = 0; k < 5; k++) {
      const d = k < group.length ? VALUE.get(group[k]!) : 84;
      if (d === undefined) throw new SavedTextError(`the saved text has a character outside its alphabet ("${group[k]}")`);
      v = v * 85 + d;
    }
    if (v >= 2 ** 32 && group.length === 5) throw new SavedTextError('the saved text has a group out of range');
    const n = group.length - 1;
    for (let k = 0; k < n; k++) out[o++] = Math.floor(v / 256 ** (3 - k)) % 256;
  }
  return out;
}

/**
 * UTF-8 that also carries a lone surrogate (WTF-8): a learner's text is kept unit for unit, even half
 * an emoji, so the codec's length prefixes (UTF-16 units) stay true after the round trip.
 */
export function toWtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export function fromWtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (!len || i + len > bytes.length) throw new SavedTextError('the saved text does not hold valid text');
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const cont = bytes[i + k]!;
      if ((cont & 0xc0) !== 0x80) throw new SavedTextError('the saved text does not hold valid text');
      c = (c << 6) | (cont & 63);
    }
    out += String.fromCodePoint(c);
    i += len;
  }
  return out;
}

const DICTIONARY = toWtf8(SAVED_STATE_DICTIONARY);

/** Larger than any state a SCORM limit lets through (64,000 characters of 2004); more is refused, never inflated. */
const MAX_PACKED_BYTES = 1 << 20;

/** The packed text as a format's saved text. */
export function toSavedText(format: number, packed: string): string {
  return `${format}${toBase85(deflateSync(toWtf8(packed), { level: 9, mem: 8, dictionary: DICTIONARY }))}`;
}

/** The packed text back from a saved text (its leading format digit already checked by the caller). */
export function fromSavedText(text: string): string {
  const compressed = fromBase85(text.slice(1));
  const out = new Uint8Array(MAX_PACKED_BYTES + 1);
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(compressed, { dictionary: DICTIONARY, out });
  } catch (e) {
    throw new SavedTextError(`the saved text does not decompress (${(e as Error).message})`);
  }
  if (bytes.length > MAX_PACKED_BYTES) throw new SavedTextError('the saved text unpacks to more than any saved state can be');
  return fromWtf8(bytes);
}
