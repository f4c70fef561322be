import type { RoleRef } from '../party';
import { COMMAND_TYPES, type CommandType } from '../vocabulary';
import { crossCheckPolicyPack } from './cross-checks';
import { findDangerousKeys } from './dangerous-keys';
import { DEFAULT_PERMISSIONS } from './default-permissions';
import { checkOverrides } from './override-checks';
import { clonePlainData, deepFreeze } from './plain-data';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import { type Permissions, type PolicyPack, policyPackSchema } from './schema';
import { markValidated } from './validated-packs';
import { createZodIssueReader } from './zod-issues';

/** The outcome of `validatePolicyPack`: the pack, or every problem found. */
export type PolicyPackValidation =
  | { readonly success: true; readonly pack: PolicyPack }
  | { readonly success: false; readonly issues: readonly PolicyPackIssue[] };

/**
 * Checks anything claiming to be a policy pack (a TypeScript object, parsed JSON or YAML)
 * and never throws. In order: keys that could pollute prototypes (the raw input is walked
 * before zod sees it), the shape (`policyPackSchema`), the cross-field rules
 * (`crossCheckPolicyPack`), and each site override applied on its own. Shape problems stop
 * the later checks, which need a well-formed pack.
 *
 * The pack returned has its defaults filled in, `permissions` completed from
 * `DEFAULT_PERMISSIONS` (a pack's entry replaces the default for that command; commands added
 * since packs were first hashed stay out unless named, see below), no object
 * shared with the input, and is deeply frozen.
 */
export function validatePolicyPack(input: unknown): PolicyPackValidation {
  return validatePack(input, true);
}

/** `validatePolicyPack`, optionally without the per-override checks (for packs already patched). */
export function validatePack(input: unknown, withOverrides: boolean): PolicyPackValidation {
  let pack: PolicyPack;
  try {
    const dangerous = findDangerousKeys(input);
    if (dangerous.length > 0) return { success: false, issues: dangerous };
    const reader = createZodIssueReader();
    const parsed = policyPackSchema.safeParse(input, { error: reader.errorMap, reportInput: true });
    if (!parsed.success) return { success: false, issues: reader.toPackIssues(parsed.error.issues) };
    pack = parsed.data;
  } catch (error) {
    // Exotic input (a proxy or a getter that throws) is reported, not thrown.
    const reason = error instanceof Error ? error.message : String(error);
    return { success: false, issues: [packIssue([], 'unreadable', `could not be read: ${reason}`)] };
  }
  const issues = crossCheckPolicyPack(pack);
  if (withOverrides) issues.push(...checkOverrides(pack, (patched) => validatePack(patched, false), issues));
  if (issues.length > 0) return { success: false, issues };
  return {
    success: true,
    pack: markValidated(deepFreeze(clonePlainData({ ...pack, permissions: completePermissions(pack.permissions) }))),
  };
}

/**
 * Commands added after packs were first hashed with their permissions completed. Their
 * defaults are not written into a validated pack unless the pack names them: the pack's
 * content, and so its `policyHash`, stays what it was before the command existed, and cases
 * pinned to that hash keep running after an upgrade instead of answering POLICY_CHANGED.
 * Authorization falls back to `DEFAULT_PERMISSIONS` for them. A command added later joins
 * this list.
 */
const COMMANDS_LEFT_TO_DEFAULT: ReadonlySet<CommandType> = new Set<CommandType>([
  'ASSIGN',
  'CHANGE_RESPONSIBLE',
  'ENFORCE',
  'LIFT_ENFORCEMENT',
  'INTERVIEW',
  'HOLD_ACCOUNTABLE',
]);

function completePermissions(permissions: Permissions): Partial<Record<CommandType, RoleRef[]>> {
  const entries: [CommandType, RoleRef[]][] = [];
  for (const command of COMMAND_TYPES) {
    const named = permissions[command];
    if (named !== undefined) entries.push([command, [...named]]);
    else if (!COMMANDS_LEFT_TO_DEFAULT.has(command)) entries.push([command, [...DEFAULT_PERMISSIONS[command]]]);
  }
  return Object.fromEntries(entries);
}
