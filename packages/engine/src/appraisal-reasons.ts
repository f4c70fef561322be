import type { HazardContext } from '@hazardflow/core';

/**
 * What an audit entry says a recorded appraisal (RECORD_APPRAISAL) changed: the category and
 * the grade before and after the re-grade. The payload names only the appraisal's grade; the
 * entry itself shows what it did to the case. Empty for every other command.
 */
export function appraisalReasons(command: string, before: HazardContext, after: HazardContext): string[] {
  if (command !== 'RECORD_APPRAISAL') return [];
  return [
    `category: ${before.category} → ${after.category}`,
    `severity: ${before.severity ?? '(none)'} → ${after.severity ?? '(none)'}`,
  ];
}
