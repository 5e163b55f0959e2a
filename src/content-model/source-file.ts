/**
 * Reads a content file and keeps its parse tree, so that every later check can name the line of the
 * value it complains about. JSON files are parsed as JSON (strict: no trailing comma, no comment, no
 * single quotes; momoa gives the tree with locations, JSON.parse the data), YAML files as YAML.
 *
 * Before parsing, the bytes are judged: an empty file, a file saved as UTF-16 or UTF-32, bytes that
 * are not UTF-8, or a file too large to be content each get one message that says what to do, instead
 * of the parser's or the schema's symptom ("expected object, received string").
 */
import { readFileSync, statSync } from 'node:fs';
import { parse as parseJsonTree, tokenize as tokenizeJson, type Node as JsonNode, type Token as JsonToken } from '@humanwhocodes/momoa';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ContentIssue } from './issues.ts';

export interface SourceFile {
  /** Path relative to the course root. */
  file: string;
  data: unknown;
  /** The line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Larger than any real content file by far; a file above it is refused before it is parsed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type SourceKind = 'json' | 'yaml';

export const kindOfFile = (path: string): SourceKind => (/\.ya?ml$/i.test(path) ? 'yaml' : 'json');

export function readSourceFile(absolutePath: string, relativePath: string): SourceFile | ContentIssue {
  let bytes: Buffer;
  try {
    const size = statSync(absolutePath).size;
    if (size > MAX_FILE_BYTES)
      return {
        file: relativePath,
        line: 1,
        message: `is ${formatMegabytes(size)}, more than the ${formatMegabytes(MAX_FILE_BYTES)} a content file may have: split it (one module per file) or move large media out of the text`,
      };
    bytes = readFileSync(absolutePath);
  } catch {
    return { file: relativePath, message: 'cannot be read (missing file?)' };
  }
  const text = decodeSource(bytes, relativePath);
  return typeof text === 'string' ? parseSource(text, relativePath) : text;
}

const formatMegabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const FIX_ENCODING = 'save it as UTF-8 (in VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8")';

/** The file's text, or why its bytes are not a UTF-8 text file. A UTF-8 byte-order mark is dropped. */
export function decodeSource(bytes: Uint8Array, file: string): string | ContentIssue {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return { file, line: 1, message: `is saved as UTF-32: ${FIX_ENCODING}` };
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)))
    return { file, line: 1, message: `is saved as UTF-16 (${b[0] === 0xff ? 'little' : 'big'}-endian): ${FIX_ENCODING}` };
  // UTF-16 without a byte-order mark: every other byte of ASCII text is a zero.
  const sample = b.subarray(0, 1024);
  const zeros = sample.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
  if (sample.length >= 2 && zeros >= sample.length / 4)
    return { file, line: 1, message: `is saved as UTF-16 (it has no byte-order mark, but every other byte is zero): ${FIX_ENCODING}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(b);
    const at = lenient.indexOf('\ufffd');
    const line = lenient.slice(0, Math.max(at, 0)).split('\n').length;
    return {
      file,
      line,
      message: `is not valid UTF-8 (the first bad byte is on this line; the file was probably saved as Windows-1252 or ISO-8859-1): ${FIX_ENCODING}`,
    };
  }
  if (!text.trim()) {
    const what =
      kindOfFile(file) === 'json' ? 'a locale file holds one JSON object, at least {}' : 'see docs/content-format.md for what it holds';
    return { file, line: 1, message: `is empty${text.length ? ' (only white space)' : ''}: ${what}` };
  }
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    return { file, line, message: 'holds a NUL character: it is not a text file, or it is damaged' };
  }
  return text;
}

export function parseSource(text: string, relativePath: string): SourceFile | ContentIssue {
  return kindOfFile(relativePath) === 'json' ? parseJson(text, relativePath) : parseYaml(text, relativePath);
}

function parseYaml(text: string, file: string): SourceFile | ContentIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.pos ? lineCounter.linePos(error.pos[0]) : undefined;
    return { file, line: pos?.line, column: pos?.col, message: `is not valid YAML: ${error.message.split('\n')[0]}` };
  }
  // The line of a map entry is its key's line (a block value starts on the next line).
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let offset = (node as Node | undefined)?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)];
        if (!item || typeof item !== 'object' || !('range' in item)) break;
        offset = (item as Node).range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { file, data: doc.toJS() ?? {}, lineOf };
}

interface LocatedError {
  line: number;
  column: number;
  offset: number;
  message: string;
}

function parseJson(text: string, file: string): SourceFile | ContentIssue {
  let tree: JsonNode;
  try {
    tree = parseJsonTree(text, { mode: 'json' }).body;
  } catch (e) {
    const err = e as Partial<LocatedError>;
    if (typeof err.line !== 'number') throw e;
    const explained = explainJsonError(text, err as LocatedError);
    return { file, line: explained.line, column: explained.column, message: `is not valid JSON: ${explained.message}` };
  }
  let data: unknown;
  try {
    // The data comes from JSON.parse itself: the standard, and `__proto__` stays an ordinary key.
    data = JSON.parse(text);
  } catch (e) {
    // momoa accepts a raw line break or tab inside a string; JSON does not.
    const control = firstControlInString(text);
    return {
      file,
      ...(control === undefined ? {} : positionOf(text, control)),
      message: `is not valid JSON: ${control === undefined ? (e as Error).message : 'a line break or tab inside a string: write it as \\n or \\t'}`,
    };
  }
  const duplicate = firstDuplicateKey(tree);
  if (duplicate)
    return {
      file,
      line: duplicate.line,
      message: `is not valid JSON for a course: the key "${duplicate.key}" appears twice in one object (first on line ${duplicate.first}); only the last would count: keep one`,
    };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node = tree;
    for (const key of path) {
      let next: JsonNode | undefined;
      if (node.type === 'Object')
        next = (node as JsonObject).members.findLast((m) => m.name.type === 'String' && m.name.value === String(key))?.value;
      else if (node.type === 'Array') next = (node as JsonArray).elements[Number(key)]?.value;
      if (!next) break;
      node = next;
    }
    return node.loc.start.line;
  };
  return { file, data, lineOf };
}

interface JsonObject extends JsonNode {
  members: { name: { type: string; value?: string; loc: JsonNode['loc'] }; value: JsonNode }[];
}
interface JsonArray extends JsonNode {
  elements: { value: JsonNode }[];
}

function firstDuplicateKey(root: JsonNode): { key: string; line: number; first: number } | undefined {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'Object') {
      const seen = new Map<string, number>();
      for (const m of (node as JsonObject).members) {
        const key = String(m.name.value);
        if (seen.has(key)) return { key, line: m.name.loc.start.line, first: seen.get(key)! };
        seen.set(key, m.name.loc.start.line);
        stack.push(m.value);
      }
    } else if (node.type === 'Array') for (const e of (node as JsonArray).elements) stack.push(e.value);
  }
  return undefined;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The offset of the first control character inside a JSON string, if any. */
function firstControlInString(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      else if (c < 0x20) return i;
    } else if (c === 0x22) inString = true;
  }
  return undefined;
}

/** What the author did wrong, in words, where the JSON parser only says which token it did not expect. */
function explainJsonError(text: string, err: LocatedError): { line: number; column: number; message: string } {
  const at = { line: err.line, column: err.column };
  const before = text.slice(0, err.offset).trimEnd();
  const prev = before.at(-1);
  const here = text[err.offset];
  if (/^Unexpected character '''/.test(err.message))
    return { ...at, message: 'strings and keys need double quotes (") in JSON, not single quotes' };
  if (here === '/' && (text[err.offset + 1] === '/' || text[err.offset + 1] === '*'))
    return { ...at, message: 'JSON has no comments: remove it (a note for translators belongs in the XLIFF export)' };
  if ((here === '}' || here === ']') && prev === ',') {
    const comma = positionOf(text, before.length - 1);
    return { ...comma, message: `trailing comma before the closing ${here}: JSON allows no comma after the last item; remove it` };
  }
  if (/Unexpected end of input/.test(err.message) || (here === ',' && !text.slice(err.offset + 1).trim())) {
    const open = unclosedBracket(text);
    return {
      ...at,
      message: open
        ? `the file ends before the ${open.char === '{' ? 'object' : 'list'} opened on line ${open.line} is closed: a ${open.char === '{' ? '}' : ']'} is missing`
        : 'the file ends before the JSON is complete',
    };
  }
  if (prev && /["\d}\]el]/.test(prev) && here && /["{[\d\-tfn]/.test(here))
    return depthAt(text, err.offset) === 0
      ? { ...at, message: 'a second JSON value after the first one ended: a locale file holds exactly one object' }
      : { ...at, message: 'missing comma between two items (after the value that ends before this point)' };
  return { ...at, message: err.message.replace(/ \(\d+:\d+\)$/, '') };
}

/** How many brackets are open at `offset`, by JSON's tokens. */
function depthAt(text: string, offset: number): number {
  let depth = 0;
  try {
    for (const t of tokenizeJson(text.slice(0, offset), { mode: 'json' }))
      depth += t.type === 'LBrace' || t.type === 'LBracket' ? 1 : t.type === 'RBrace' || t.type === 'RBracket' ? -1 : 0;
  } catch {
    return -1;
  }
  return depth;
}

/** The innermost `{` or `[` still open at the end of the text, by JSON's tokens. */
function unclosedBracket(text: string): { char: string; line: number } | undefined {
  let tokens: JsonToken[];
  try {
    tokens = tokenizeJson(text, { mode: 'json' });
  } catch {
    return undefined;
  }
  const stack: { char: string; line: number }[] = [];
  for (const t of tokens) {
    if (t.type === 'LBrace' || t.type === 'LBracket') stack.push({ char: t.type === 'LBrace' ? '{' : '[', line: t.loc.start.line });
    else if (t.type === 'RBrace' || t.type === 'RBracket') stack.pop();
  }
  return stack.at(-1);
}

export function isIssue(x: SourceFile | ContentIssue): x is ContentIssue {
  return 'message' in x;
}
