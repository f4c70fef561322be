import { z } from 'zod';
import { boundedIdSchema } from './bounded-id';
import { INPUT_LIMITS } from './input-limits';
import { ROLES, type Role } from './vocabulary';

/**
 * Parties a pack declares beside the built-in roles (`ROLES`): a lift maintenance unit
 * (维保单位), an inspection body (检验机构), an industry department (行业主管部门, 三管三必须).
 * A party is used wherever a role is: in `notify`, `permissions` and evidence rules, and as
 * the `role` of an actor. Its ids share the syntax of pack ids and are never a built-in role.
 */
export const PARTY_ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** The longest party id; short enough to read in a recipient list, well inside `INPUT_LIMITS.idLength`. */
export const PARTY_ID_MAX_LENGTH = 64;

/** A party's id as a pack declares it, e.g. `maintenance-unit`. */
export const partyIdSchema = z
  .string()
  .max(PARTY_ID_MAX_LENGTH)
  .regex(PARTY_ID_PATTERN, 'must be lower-case letters, digits, "-" or "_", starting with a letter');

/**
 * A role as a pack or an actor names it: a built-in role or a party the pack declares. The
 * shape only; whether a party of that id is declared is checked against the pack
 * (`crossCheckPolicyPack` for packs, the engine for actors), so the message can name the
 * parties the pack has.
 */
export const roleRefSchema = z
  .string()
  .max(PARTY_ID_MAX_LENGTH)
  .regex(PARTY_ID_PATTERN, `must be a role (${ROLES.join(', ')}) or the id of a party the pack declares in "parties"`)
  .describe(`A built-in role (${ROLES.join(', ')}) or the id of a party the pack declares in "parties".`);

/** A built-in role or a party id; `Role` keeps its names for editors, any party id fits. */
export type RoleRef = Role | (string & {});

/** Whether a role is one of the built-in ones (`ROLES`), not a pack's party. */
export function isBuiltInRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/**
 * What the report says about the parties of a case: party id → the org that is that party
 * here (the maintenance company of this lift, the body that inspects it). Bounded like every
 * report field; the keys are checked against the pack's `parties` when the report is filed.
 */
export const reportPartiesSchema = z
  .record(partyIdSchema, boundedIdSchema)
  .refine((parties) => Object.keys(parties).length <= INPUT_LIMITS.partiesCount, {
    message: `must name at most ${INPUT_LIMITS.partiesCount} parties`,
  });
export type ReportParties = z.infer<typeof reportPartiesSchema>;
