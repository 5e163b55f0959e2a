/**
 * A compact text encoding of plain data (strings, integers, booleans, lists, records), for SCORM
 * suspend data. Strings are length-prefixed rather than quoted, so no character of a learner's text
 * ever needs escaping: a text of n characters costs n plus its length prefix, whatever it contains.
 *
 *   string  <length>:<characters>      "3:p01"
 *   integer <digits>#  / -<digits>#     "42#"
 *   boolean T / F, absent value _
 *   list    [ items ]                   record { key value key value ... }
 */
export type Packed = string | number | boolean | null | Packed[] | { [key: string]: Packed };

export class CodecError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(`${message} at character ${at}`);
    this.name = 'CodecError';
  }
}

export function pack(value: Packed): string {
  if (value === null) return '_';
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`only integers can be packed, got ${value}`);
    return `${value}#`;
  }
  if (typeof value === 'string') return `${value.length}:${value}`;
  if (Array.isArray(value)) return `[${value.map(pack).join('')}]`;
  return `{${Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => pack(k) + pack(v))
    .join('')}}`;
}

export function unpack(text: string): Packed {
  let i = 0;
  const fail = (message: string): never => {
    throw new CodecError(message, i);
  };
  const read = (): Packed => {
    const c = text[i];
    if (c === undefined) return fail('unexpected end');
    if (c === '_') return (i++, null);
    if (c === 'T') return (i++, true);
    if (c === 'F') return (i++, false);
    if (c === '[') {
      i++;
      const list: Packed[] = [];
      while (text[i] !== ']') list.push(read());
      i++;
      return list;
    }
    if (c === '{') {
      i++;
      const record: Record<string, Packed> = {};
      while (text[i] !== '}') {
        const key = read();
        if (typeof key !== 'string') fail('a record key must be a string');
        // An own property whatever the key: saved data must never reach a prototype ("__proto__").
        Object.defineProperty(record, key as string, { value: read(), enumerable: true, writable: true, configurable: true });
      }
      i++;
      return record;
    }
    const m = /^-?\d{1,15}/.exec(text.slice(i, i + 16));
    if (!m) return fail(`unexpected "${c}"`);
    i += m[0].length;
    const n = Number(m[0]);
    if (text[i] === '#') return (i++, n);
    if (text[i] === ':' && n >= 0) {
      const start = i + 1;
      if (start + n > text.length) fail('a string runs past the end');
      i = start + n;
      return text.slice(start, i);
    }
    return fail('a number must end with "#" or a length with ":"');
  };
  const value = read();
  if (i !== text.length) fail('trailing characters');
  return value;
}
