import type { IssueCode } from '../../contract/input/cells.ts';

/** One problem found in the input, reported compiler-style. */
export interface ValidationIssue {
  /** Path as the user would type it, e.g. `data/households.csv`. */
  file: string;
  /** Line as Excel shows it (header = 1); absent for file-level problems. */
  line?: number;
  /** Column header as written in the file (or the canonical header when the column is missing). */
  column?: string;
  /** Frictionless error code, for grouping. */
  code: IssueCode;
  /** Reason, in Chinese a staff member understands. */
  message: string;
  severity: 'error' | 'warning';
}

/** `data/households.csv:17:人均可支配收入: 应为数字，实际为 "约五千" [type-error]` */
export function formatIssue(issue: ValidationIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  const label = issue.severity === 'warning' ? '警告 warning: ' : '';
  return `${where}: ${label}${issue.message} [${issue.code}]`;
}

/** Orders issues by file, then line, keeping discovery order otherwise. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        a.issue.file.localeCompare(b.issue.file) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}
