/** A problem found in a content or locale file, precise enough for an author to act on. */
export interface ContentIssue {
  /** Path relative to the course root, with forward slashes. */
  file: string;
  line?: number;
  /** Column, where the format gives one (JSON and YAML syntax errors). */
  column?: number;
  /** Path inside the file, such as `knowledgeCheck.questions[2].correct`. */
  path?: string;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ''}` : issue.file;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Thrown when content cannot be loaded; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(
      `The course content has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => '  ' + formatIssue(i)).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** Sorts issues by file, then line, then column; drops exact repeats. */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const key = `${i.file}|${i.line}|${i.path}|${i.message}`;
      return !seen.has(key) && !!seen.add(key);
    })
    .sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}
