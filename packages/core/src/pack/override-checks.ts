import { duplicateIds } from './check-helpers';
import { deepMerge } from './deep-merge';
import { overridePatchSchema } from './override-patch-schema';
import { formatIssuePath, type IssuePath, type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { PolicyPack } from './schema';
import { createZodIssueReader } from './zod-issues';

/** Validates a whole pack (shape and cross-field rules, without its overrides). */
export type ValidatePatchedPack = (
  input: unknown,
) => { success: true } | { success: false; issues: readonly PolicyPackIssue[] };

/**
 * Site overrides (一企一策、一楼一策) are checked when the pack is defined, not when the
 * first case at that site arrives: each patch must be a deep partial of the overridable
 * fields, and the pack with that one patch applied must itself be valid. A problem inside
 * the patch is reported at its place in the patch (`overrides[0].patch.escalation.ladder[1].after`);
 * one the patch causes elsewhere is reported on the patch, naming where it shows
 * (`overrides[0].patch: once applied, escalation.startLevel.major: …`).
 */
export function checkOverrides(
  pack: PolicyPack,
  validatePatched: ValidatePatchedPack,
  baseIssues: readonly PolicyPackIssue[] = [],
): PolicyPackIssue[] {
  // A problem the pack has without any patch is reported once, on the pack, not again per override.
  const inBase = new Set(baseIssues.map((issue) => `${issue.path}\n${issue.message}`));
  const issues = duplicateIds(pack.overrides, (override) => override.id, ['overrides'], 'id');
  const base = { ...pack, overrides: [] };
  pack.overrides.forEach((override, index) => {
    const path = ['overrides', index];
    for (const list of ['sites', 'territories'] as const) {
      if (override.match[list]?.length === 0) {
        issues.push(
          packIssue([...path, 'match', list], 'no_effect', `an empty list matches nothing; name ${list} or remove it`),
        );
      }
    }
    const patchPath = [...path, 'patch'];
    const shape = checkPatchShape(override.patch, patchPath);
    if (shape.length > 0) {
      issues.push(...shape);
      return;
    }
    if (Object.keys(override.patch).length === 0) {
      issues.push(packIssue(patchPath, 'no_effect', 'changes nothing; an empty patch is a mistake'));
      return;
    }
    const result = validatePatched(deepMerge(base, override.patch));
    if (result.success) return;
    for (const issue of result.issues) {
      if (!inBase.has(`${issue.path}\n${issue.message}`)) issues.push(relocate(issue, override.patch, patchPath));
    }
  });
  return issues;
}

/** Shape problems of a site override's patch, at their place under `path`. */
export function checkPatchShape(patch: unknown, path: IssuePath): PolicyPackIssue[] {
  const reader = createZodIssueReader();
  const result = overridePatchSchema.safeParse(patch, { error: reader.errorMap, reportInput: true });
  return result.success ? [] : reader.toPackIssues(result.error.issues, path);
}

function relocate(issue: PolicyPackIssue, patch: unknown, patchPath: IssuePath): PolicyPackIssue {
  const prefix = formatIssuePath(patchPath);
  if (pathsIn(patch).has(issue.path)) return { ...issue, path: `${prefix}.${issue.path}` };
  return { ...issue, path: prefix, message: `once applied, ${issue.path || '(pack)'}: ${issue.message}` };
}

/** Every path a patch writes, printed like issue paths. */
function pathsIn(patch: unknown): Set<string> {
  const paths = new Set<string>();
  const visit = (node: unknown, path: PropertyKey[]): void => {
    if (path.length > 0) paths.add(formatIssuePath(path));
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, [...path, index]);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
    }
  };
  visit(patch, []);
  return paths;
}
