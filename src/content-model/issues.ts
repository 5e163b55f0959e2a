/** A problem found in a content or locale file, precise enough for an author to act on. */
export interface ContentIssue {
  /** Path relative to the course root, with forward slashes. */
  file: string;
  line?: number;
  /** Path inside the file, such as `knowledgeCheck.questions[2].correct`. */
  path?: string;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
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
