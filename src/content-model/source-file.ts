/**
 * Reads a YAML or JSON file and keeps its parse tree, so that every later check can name the line of
 * the value it complains about. JSON is read with the YAML parser (JSON is YAML) for the same reason.
 */
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ContentIssue } from './issues.ts';

export interface SourceFile {
  /** Path relative to the course root. */
  file: string;
  data: unknown;
  /** The line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function readSourceFile(absolutePath: string, relativePath: string): SourceFile | ContentIssue {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch {
    return { file: relativePath, message: 'cannot be read (missing file?)' };
  }
  return parseSource(text, relativePath);
}

export function parseSource(text: string, relativePath: string): SourceFile | ContentIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.pos ? lineCounter.linePos(error.pos[0]).line : undefined;
    return {
      file: relativePath,
      line,
      message: `is not valid ${relativePath.endsWith('.json') ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`,
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let found = node as Node | undefined;
    for (const key of path) {
      if (isMap(node)) node = node.get(key as string, true);
      else if (isSeq(node)) node = node.get(key as number, true);
      else break;
      if (node && typeof node === 'object' && 'range' in node) found = node as Node;
      else break;
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { file: relativePath, data: doc.toJS() ?? {}, lineOf };
}

export function isIssue(x: SourceFile | ContentIssue): x is ContentIssue {
  return 'message' in x;
}
