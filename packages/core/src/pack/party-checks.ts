import { isBuiltInRole } from '../party';
import { EVIDENCE_STEPS, ROLES } from '../vocabulary';
import { closestMatch } from './closest-match';
import { type IssuePath, type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { EvidenceRules, PolicyPack } from './schema';

/**
 * The roles a pack may name: the built-in ones and the parties it declares. Every `notify`,
 * `permissions` entry and evidence rule's `roles` must be one of them; a party may not take
 * the name of a built-in role, or `territory` in a ladder would mean two different things.
 */
export function checkParties(pack: PolicyPack): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  const parties = Object.keys(pack.parties ?? {});
  for (const id of parties) {
    if (isBuiltInRole(id)) {
      issues.push(
        packIssue(
          ['parties', id],
          'reserved_role',
          `"${id}" is a built-in role (${ROLES.join(', ')}); give the party another id`,
        ),
      );
    }
  }
  const known = knownRoles(pack);
  const check = (roles: readonly string[], path: IssuePath) => {
    roles.forEach((role, index) => {
      if (isBuiltInRole(role) || parties.includes(role)) return;
      issues.push(packIssue([...path, index], 'unknown_role', unknownRoleMessage(role, known)));
    });
  };

  check(pack.escalation.baseNotify, ['escalation', 'baseNotify']);
  pack.escalation.ladder.forEach((level, index) => {
    check(level.notify, ['escalation', 'ladder', index, 'notify']);
  });
  (pack.escalation.regulatorLadder ?? []).forEach((rung, index) => {
    check(rung.notify, ['escalation', 'regulatorLadder', index, 'notify']);
  });
  checkEvidenceRoles(pack.evidence, ['evidence'], check);
  pack.categories.forEach((category, index) => {
    if (category.evidence) checkEvidenceRoles(category.evidence, ['categories', index, 'evidence'], check);
  });
  for (const [command, roles] of Object.entries(pack.permissions)) {
    if (roles !== undefined) check(roles, ['permissions', command]);
  }
  return issues;
}

function checkEvidenceRoles(
  evidence: EvidenceRules,
  path: IssuePath,
  check: (roles: readonly string[], path: IssuePath) => void,
): void {
  for (const step of EVIDENCE_STEPS) {
    (evidence[step] ?? []).forEach((requirement, index) => {
      check(requirement.roles, [...path, step, index, 'roles']);
    });
  }
}

/**
 * "unknown role …" with the closest known role or party, else the list of them; shared with
 * the engine's refusal of an actor whose role the case's pack does not know.
 */
export function unknownRoleMessage(role: string, known: readonly string[]): string {
  const guess = closestMatch(role, known);
  const hint = guess !== undefined ? `; did you mean "${guess}"?` : ` (known: ${known.join(', ')})`;
  return `unknown role "${role}": not a built-in role nor a party the pack declares in "parties"${hint}`;
}

/** The roles a pack knows: the built-in ones, then its parties. */
export function knownRoles(pack: Pick<PolicyPack, 'parties'>): string[] {
  return [...ROLES, ...Object.keys(pack.parties ?? {}).filter((id) => !isBuiltInRole(id))];
}

/**
 * The actor's role against the case's pack: undefined when it is built in or a declared
 * party, else an `unknown_role` issue on `actor.role` (the engine refuses the command or report
 * with it as VALIDATION_FAILED, before the case is touched).
 */
export function checkActorRole(pack: Pick<PolicyPack, 'id' | 'parties'>, role: string): PolicyPackIssue | undefined {
  if (isBuiltInRole(role) || Object.hasOwn(pack.parties ?? {}, role)) return undefined;
  return packIssue(
    ['actor', 'role'],
    'unknown_role',
    `${unknownRoleMessage(role, knownRoles(pack))} (pack ${pack.id})`,
  );
}

/**
 * A new report's `parties` against the pack: each key must be a party the pack declares
 * (`unknown_party` on `parties.<id>`, with a "did you mean" hint), so a misspelt
 * `maintenance-unt` is not silently dropped and its unit never told.
 */
export function checkReportParties(
  pack: Pick<PolicyPack, 'parties'>,
  parties: Readonly<Record<string, string>> | undefined,
): PolicyPackIssue[] {
  const declared = Object.keys(pack.parties ?? {});
  return Object.keys(parties ?? {})
    .filter((id) => !declared.includes(id))
    .map((id) => {
      const guess = closestMatch(id, declared);
      const hint =
        guess !== undefined
          ? `; did you mean "${guess}"?`
          : declared.length > 0
            ? ` (the pack declares ${declared.join(', ')})`
            : ' (the pack declares no parties)';
      return packIssue(['parties', id], 'unknown_party', `unknown party "${id}"${hint}`);
    });
}
