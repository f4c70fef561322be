import { z } from 'zod';

/**
 * What a report is checked against beyond its category (see `checkReportSite`). Both fields
 * are optional, so a pack written before them validates and behaves as before, except that a
 * report's place type is checked against the pack's `placeTypes` when it lists any.
 */
export const reportCheckShape = {
  /**
   * A category reported at a place type it does not apply to, or a finding the pack does not
   * know: `refuse` (the default) refuses the report with a VALIDATION_FAILED naming the field;
   * `warn` accepts it and records the warnings on the case (`reportWarnings`) and in the
   * audit entry. An unknown place type is always refused.
   */
  reportChecks: z.enum(['refuse', 'warn']).optional(),
  /**
   * The findings keys a report may carry besides the ones the severity rules read
   * (`findings.<key>` conditions, composite elements). When set, any other key is checked as
   * `reportChecks` says; when absent, findings keys are not checked.
   */
  findingKeys: z.array(z.string().regex(/^[A-Za-z0-9_]+$/, 'must be letters, digits or "_"')).optional(),
};
