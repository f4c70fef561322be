import { IANAZone } from 'luxon';
import { type CommandType, EVIDENCE_STEPS, type EvidenceStep } from '../vocabulary';
import { duplicateIds, duplicateValues, unknownReferences } from './check-helpers';
import { DEFAULT_PERMISSIONS } from './default-permissions';
import { describeValue } from './describe-value';
import { checkEscalation } from './escalation-checks';
import { checkIndustry } from './industry-checks';
import { checkMigrations } from './migration-checks';
import { checkParties } from './party-checks';
import { formatIssuePath, type IssuePath, type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { Condition, EvidenceRules, PolicyPack, SeverityRule, Steps } from './schema';
import { checkSeasons } from './season-checks';
import { checkStepWarnings } from './step-warning-checks';
import { checkValidity } from './validity-checks';

/** More items of one kind than any step sensibly asks for; a larger `min` is a typo. */
export const MAX_EVIDENCE_MIN = 20;

/**
 * The rules that relate one field of a pack to another, run on a pack whose shape is
 * already valid: unique ids, references to declared categories and place types, a sound
 * escalation ladder, real season dates, steps that agree with the evidence and
 * permissions that ask for them, rules that can fire, sound validity windows and a
 * migration map that points at what this version has. Overrides are checked
 * separately (`checkOverrides`), because checking them means validating patched packs.
 * Issues come in the pack's field order.
 */
export function crossCheckPolicyPack(pack: PolicyPack): PolicyPackIssue[] {
  const categoryIds = new Set(pack.categories.map((category) => category.id));
  const placeTypes = new Set(pack.placeTypes);
  const checkPlaceTypes = (values: readonly string[], path: IssuePath) =>
    placeTypes.size > 0 ? unknownReferences(values, placeTypes, path, 'unknown_place_type') : [];

  const issues: PolicyPackIssue[] = [];
  if (!IANAZone.isValidZone(pack.timeZone)) {
    issues.push(
      packIssue(
        ['timeZone'],
        'unknown_time_zone',
        `"${pack.timeZone}" is not a known IANA time zone (such as "Asia/Shanghai")`,
      ),
    );
  }
  issues.push(...duplicateValues(pack.placeTypes, ['placeTypes']));

  issues.push(...duplicateIds(pack.categories, (category) => category.id, ['categories'], 'id'));
  pack.categories.forEach((category, index) => {
    const path = ['categories', index];
    issues.push(...checkPlaceTypes(category.placeTypes, [...path, 'placeTypes']));
    if (category.evidence) issues.push(...checkEvidence(category.evidence, pack.steps, [...path, 'evidence']));
  });

  issues.push(...duplicateIds(pack.severityRules, (rule) => rule.id, ['severityRules'], 'id'));
  pack.severityRules.forEach((rule, index) => {
    const path = ['severityRules', index];
    issues.push(...unknownReferences(rule.categories, categoryIds, [...path, 'categories'], 'unknown_category'));
    issues.push(...checkRule(rule, path, checkPlaceTypes));
  });

  issues.push(...duplicateValues(pack.steps.interimControls, ['steps', 'interimControls']));
  issues.push(...checkParties(pack));
  issues.push(...checkIndustry(pack));
  issues.push(...checkEscalation(pack.escalation, pack.steps));
  issues.push(...checkStepWarnings(pack));
  issues.push(...checkEvidence(pack.evidence, pack.steps, ['evidence']));
  issues.push(...checkPermissions(pack));
  issues.push(...checkSeasons(pack.seasons, categoryIds, pack.escalation.listing));
  issues.push(...checkValidity(pack));
  issues.push(...checkMigrations(pack));
  if (pack.findingKeys !== undefined) issues.push(...duplicateValues(pack.findingKeys, ['findingKeys']));
  return issues;
}

function checkRule(
  rule: SeverityRule,
  path: IssuePath,
  checkPlaceTypes: (values: readonly string[], path: IssuePath) => PolicyPackIssue[],
): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  if (rule.outcome.severity !== 'major' && rule.outcome.imminentDanger !== true) {
    issues.push(
      packIssue(
        [...path, 'outcome'],
        'no_effect',
        'changes nothing: rules only raise a case, so set severity "major", imminentDanger true or both',
      ),
    );
  }
  if (rule.kind === 'conditions') {
    rule.all.forEach((condition, index) => {
      const problem = conditionValueProblem(condition);
      if (problem !== undefined) issues.push(packIssue([...path, 'all', index, 'value'], 'invalid_value', problem));
    });
    return issues;
  }
  issues.push(...duplicateValues(rule.elements, [...path, 'elements']));
  let anyPlace: number | undefined;
  const thresholdOf = new Map<string, number>();
  rule.thresholds.forEach((threshold, index) => {
    const at = [...path, 'thresholds', index];
    issues.push(...checkPlaceTypes(threshold.placeTypes, [...at, 'placeTypes']));
    if (threshold.placeTypes.length === 0) {
      if (anyPlace !== undefined) {
        issues.push(
          packIssue(
            [...at, 'placeTypes'],
            'duplicate_value',
            `only one threshold may apply to every place type, and thresholds[${anyPlace}] already does`,
          ),
        );
      } else anyPlace = index;
    }
    threshold.placeTypes.forEach((placeType, p) => {
      const earlier = thresholdOf.get(placeType);
      if (earlier !== undefined && earlier !== index) {
        issues.push(
          packIssue(
            [...at, 'placeTypes', p],
            'duplicate_value',
            `"${placeType}" already has a threshold in thresholds[${earlier}]`,
          ),
        );
      } else thresholdOf.set(placeType, index);
    });
    const distinct = new Set(rule.elements).size;
    if (threshold.atLeast > distinct) {
      issues.push(
        packIssue(
          [...at, 'atLeast'],
          'unreachable_threshold',
          `can never be reached: the rule lists ${distinct} elements, got ${threshold.atLeast}`,
        ),
      );
    }
  });
  return issues;
}

/** What is wrong with a comparison's value for its operator, in words, or undefined. */
function conditionValueProblem({ op, value }: Condition): string | undefined {
  switch (op) {
    case 'truthy':
      return value === undefined ? undefined : `"truthy" takes no value; remove it (got ${describeValue(value)})`;
    case 'in':
      if (!Array.isArray(value)) return `"in" needs a list of values, got ${describeValue(value)}`;
      return value.length === 0 ? '"in" needs at least one value: an empty list never matches' : undefined;
    case 'eq':
    case 'ne':
      if (value === undefined) return `is required for "${op}"`;
      return Array.isArray(value) ? `"${op}" compares with one value; use "in" for a list` : undefined;
    default:
      return typeof value === 'number' ? undefined : `"${op}" compares numbers, got ${describeValue(value)}`;
  }
}

function checkEvidence(evidence: EvidenceRules, steps: Steps, path: IssuePath): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  for (const step of EVIDENCE_STEPS) {
    const requirements = evidence[step];
    if (requirements === undefined) continue;
    const at = [...path, step];
    const unused = unusedStep(step, steps);
    if (unused !== undefined && requirements.length > 0) {
      issues.push(packIssue(at, 'inconsistent', `is never asked for: ${unused}`));
    }
    const firstOfKind = new Map<string, number>();
    requirements.forEach((requirement, index) => {
      const earlier = firstOfKind.get(requirement.kind);
      if (earlier !== undefined) {
        issues.push(
          packIssue(
            [...at, index, 'kind'],
            'duplicate_value',
            `"${requirement.kind}" is already required by ${formatIssuePath([...at, earlier])}; raise its min instead`,
          ),
        );
      } else firstOfKind.set(requirement.kind, index);
      if (requirement.min > MAX_EVIDENCE_MIN) {
        issues.push(
          packIssue(
            [...at, index, 'min'],
            'too_big',
            `must be at most ${MAX_EVIDENCE_MIN} items of one kind, got ${requirement.min}`,
          ),
        );
      }
      if (requirement.distinctBy && requirement.min < 2) {
        issues.push(
          packIssue(
            [...at, index, 'distinctBy'],
            'no_effect',
            'has no effect with min 1; set min to 2 or more (e.g. two inspectors)',
          ),
        );
      }
    });
  }
  return issues;
}

/** Why a step's evidence would never be asked for, or undefined when the step exists. */
function unusedStep(step: EvidenceStep, steps: Steps): string | undefined {
  if (step === 'plan' && !steps.majorPlan) return 'the pack has no plan step (steps.majorPlan is false)';
  if (step === 'interimControl' && steps.interimControls.length === 0) {
    return 'the pack allows no interim control (steps.interimControls is empty)';
  }
  return undefined;
}

/** Commands every case needs someone for, given the pack's steps. */
function requiredCommands(steps: Steps): { command: CommandType; because: string }[] {
  const every = 'every case needs it';
  return [
    { command: 'TRIAGE', because: every },
    { command: 'ISSUE_NOTICE', because: every },
    { command: 'SUBMIT_RECTIFICATION', because: every },
    { command: 'VERIFY', because: every },
    ...(steps.acknowledgement
      ? [{ command: 'ACKNOWLEDGE' as const, because: 'steps.acknowledgement asks for it' }]
      : []),
    ...(steps.majorPlan
      ? [
          { command: 'SUBMIT_PLAN' as const, because: 'steps.majorPlan asks for it' },
          { command: 'APPROVE_PLAN' as const, because: 'steps.majorPlan asks for it' },
        ]
      : []),
  ];
}

function checkPermissions(pack: PolicyPack): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  for (const [command, roles] of Object.entries(pack.permissions)) {
    if (roles === undefined) continue;
    const path = ['permissions', command];
    issues.push(...duplicateValues(roles, path));
    roles.forEach((role, index) => {
      if (role === 'system') {
        issues.push(
          packIssue(
            [...path, index],
            'system_permission',
            '"system" may not be given commands: timers act through events, and every command is a person\'s decision',
          ),
        );
      }
    });
  }
  for (const { command, because } of requiredCommands(pack.steps)) {
    const roles = pack.permissions[command] ?? DEFAULT_PERMISSIONS[command];
    if (roles.length === 0) {
      issues.push(
        packIssue(['permissions', command], 'missing_permission', `nobody may ${command}, but ${because}; name a role`),
      );
    }
  }
  return issues;
}
