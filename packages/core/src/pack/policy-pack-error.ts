import { brandError } from '../branded-error';
import { formatPolicyPackIssues } from './format-policy-pack-issues';
import type { PolicyPackIssue } from './policy-pack-issue';

/**
 * Thrown by `definePolicyPack`, `extendPolicyPack` and `resolvePolicy` when a pack (or a
 * patch) is invalid. The problems are data in `issues`; the message lists them for people,
 * e.g.
 *
 * ```text
 * Invalid policy pack "fire" (1 problem):
 * - escalation.ladder[2].after: must come after level 2 (3 working days), but is 2 days
 * ```
 *
 * `instanceof PolicyPackError` and `isPolicyPackError(e)` hold for an error from either build
 * (ESM or CJS) of this package, see `brandError`.
 */
export class PolicyPackError extends Error {
  override readonly name = 'PolicyPackError';
  readonly issues: readonly PolicyPackIssue[];

  /** `subject` names what was checked, e.g. `policy pack "fire"` or `patch for "fire@1.2.0"`. */
  constructor(issues: readonly PolicyPackIssue[], subject = 'policy pack') {
    const count = `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`;
    super(`Invalid ${subject} (${count}):\n${formatPolicyPackIssues(issues)}`);
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue })));
  }
}

/** True for a `PolicyPackError` from any copy of `@hazardflow/core` (ESM or CJS build). */
export const isPolicyPackError = brandError(PolicyPackError, '@hazardflow/core/PolicyPackError');
