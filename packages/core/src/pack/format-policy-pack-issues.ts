import type { PolicyPackIssue } from './policy-pack-issue';

export interface FormatPolicyPackIssuesOptions {
  /** Print at most this many issues, then say how many more there are (default 50). */
  readonly max?: number;
}

/**
 * Prints issues for people, one per line, `- path: message`, in the order found (shape
 * problems first, then the cross-field rules, each in the pack's field order). Pure, so
 * the same issues always print the same way; programs should read the issues themselves.
 */
export function formatPolicyPackIssues(
  issues: readonly PolicyPackIssue[],
  options: FormatPolicyPackIssuesOptions = {},
): string {
  const max = Math.max(1, options.max ?? 50);
  const lines = issues.slice(0, max).map((issue) => `- ${issue.path === '' ? '(pack)' : issue.path}: ${issue.message}`);
  if (issues.length > max) {
    const more = issues.length - max;
    lines.push(`… and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
  }
  return lines.join('\n');
}
