import { parseWithIssues } from '@hazardflow/core';
import { caseIdSchema } from './read-input-schemas';
import { type CommandResult, failure } from './result';

/**
 * The `caseId` a command or "what can I do now?" names, checked as the read methods check
 * it (`caseIdSchema`: a bounded, normalised id). Without this an object or a megabyte of
 * text went to the case lock and the store's driver as it came, and `get(' id ')` found a
 * case that `send(' id ', …)` called unknown.
 */
export function checkCaseIdArgument(caseId: unknown): { id: string } | CommandResult {
  const parsed = parseWithIssues(caseIdSchema, caseId, ['caseId']);
  if (parsed.success) return { id: parsed.data };
  return failure('VALIDATION_FAILED', parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
    issues: parsed.issues,
    details: { subject: 'caseId' },
  });
}
