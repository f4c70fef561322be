import type { z } from 'zod';
import type { CommandIssue } from './command-error';
import { createZodIssueReader } from './pack/zod-issues';

/**
 * Validates input against a schema and reads what is wrong the way pack issues are read
 * (one reader, paths printed by `formatIssuePath`, plain messages such as `is required` or
 * `unknown field; did you mean "evidence"?`). Commands, reports and actors all go through
 * here, so a refusal names fields the same way everywhere.
 */
export function parseWithIssues<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): { success: true; data: z.output<S> } | { success: false; issues: CommandIssue[] } {
  const reader = createZodIssueReader();
  const result = schema.safeParse(input, { error: reader.errorMap, reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: reader.toPackIssues(result.error.issues, prefix).map(toCommandIssue) };
}

/**
 * Turns zod issues already produced (by a parse without the reader's wording) into command
 * issues: same paths and codes, zod's own messages.
 */
export function toCommandIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): CommandIssue[] {
  return createZodIssueReader().toPackIssues(issues, prefix).map(toCommandIssue);
}

function toCommandIssue(issue: { path: string; code: string; message: string }): CommandIssue {
  return { path: issue.path, code: issue.code, message: issue.message };
}
