import type { Severity } from '../vocabulary';
import { isDated, isInForce, validityDateOf } from './rule-validity';
import type { Category, Condition, PolicyPack, Scalar, SeverityRule } from './schema';
import { activeSeasons, isInSeason, localDateOf } from './season-window';

/** What classification looks at: a hazard report, or just the parts of one that matter. */
export interface ClassificationInput {
  readonly category: string;
  /** The site's place type; `site.placeType` is read when this is absent. */
  readonly placeType?: string | undefined;
  readonly findings?: Readonly<Record<string, Scalar>> | undefined;
  readonly site?:
    | { readonly placeType?: string | undefined; readonly attributes?: Readonly<Record<string, Scalar>> | undefined }
    | undefined;
  /** When the case is graded (ISO instant); seasons apply only when it is given. */
  readonly at?: string | undefined;
  /**
   * When the hazard was reported (ISO instant); the severity rules in force on its local
   * date grade it (`validFrom` / `validTo`). Defaults to `at`.
   */
  readonly reportedAt?: string | undefined;
}

/** One reason a case is graded as it is, for a UI to show ("why is this major?"). */
export interface ClassificationReason {
  /** The rule id; `category:<id>` for a category default, `season:<id>` for a season. */
  readonly ruleId: string;
  /** The clause or standard the rule implements. */
  readonly source: string;
  /** The rule in words with the values that made it fire. */
  readonly text: string;
}

export interface Classification {
  readonly severity: Severity;
  readonly imminentDanger: boolean;
  readonly reasons: readonly ClassificationReason[];
}

type ClassifyPolicy = Pick<PolicyPack, 'categories' | 'severityRules' | 'seasons' | 'timeZone'>;

const SYMBOL: Record<Exclude<Condition['op'], 'in' | 'truthy'>, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};

/**
 * Grades a report under a pack (or an effective policy): the category's default severity
 * and imminent-danger flag are the base, and every rule that fires, and every season in
 * force with `raiseSeverityTo`, can only raise them, never lower them. Each contribution
 * is returned as a reason with its source, so nobody has to guess why a hazard is major.
 *
 * A condition on a finding or attribute the report does not have is false. A composite
 * element counts when its finding is truthy: `true`, a non-zero number or a non-empty
 * string.
 *
 * Only the rules in force on the local date of `reportedAt` (else `at`) apply, so a fire
 * hazard reported on 2025-10-31 is graded by GB 35181-2017 and one reported a day later by
 * GB 35181-2025, whenever it is triaged: a hazard is judged by the standard in force when it
 * was found. Without either instant the rules with no end date apply (`isInForce`). A
 * category's own validity does not matter here: a running case keeps its category
 * (`checkReportCategory` refuses new reports). Throws RangeError for a category the pack
 * does not have (the engine checks the category before it classifies) or an instant that
 * is not ISO 8601.
 */
export function classify(policy: ClassifyPolicy, report: ClassificationInput): Classification {
  const category = policy.categories.find((candidate) => candidate.id === report.category);
  if (category === undefined) {
    const known = policy.categories.map((candidate) => candidate.id).join(', ');
    throw new RangeError(`unknown category "${report.category}"; the pack has ${known}`);
  }
  let severity: Severity = category.defaultSeverity;
  let imminentDanger = category.imminentDanger;
  const reasons: ClassificationReason[] = [];
  if (severity === 'major' || imminentDanger) reasons.push(categoryReason(category));

  const ruleDate = policy.severityRules.some(isDated)
    ? validityDateOf(policy.timeZone, report.reportedAt, report.at)
    : undefined;
  for (const rule of policy.severityRules) {
    if (!isInForce(rule, ruleDate)) continue;
    if (rule.categories.length > 0 && !rule.categories.includes(category.id)) continue;
    const fired = rule.kind === 'conditions' ? conditionsFire(rule, report) : compositeFires(rule, report);
    if (fired === undefined) continue;
    if (rule.outcome.severity === 'major') severity = 'major';
    if (rule.outcome.imminentDanger === true) imminentDanger = true;
    reasons.push({ ruleId: rule.id, source: rule.source, text: `${rule.description?.en ?? rule.id}: ${fired}` });
  }

  if (report.at !== undefined) {
    const localDate = localDateOf(report.at, policy.timeZone);
    for (const season of activeSeasons(policy, report.at, category.id)) {
      if (season.raiseSeverityTo !== 'major') continue;
      severity = 'major';
      const window = season.windows.find((candidate) => isInSeason({ windows: [candidate] }, localDate));
      const during = window === undefined ? '' : ` (${window.from} to ${window.to})`;
      reasons.push({
        ruleId: `season:${season.id}`,
        source: season.source ?? season.name.zh,
        text: `${season.name.en}${during}: general hazards of this category are graded major`,
      });
    }
  }
  return Object.freeze({ severity, imminentDanger, reasons: Object.freeze(reasons) });
}

function categoryReason(category: Category): ClassificationReason {
  const grade =
    category.defaultSeverity === 'major'
      ? category.imminentDanger
        ? 'major with imminent danger'
        : 'major'
      : 'an imminent danger';
  return {
    ruleId: `category:${category.id}`,
    source: category.source ?? '',
    text: `${category.name.en} is ${grade} by default`,
  };
}

/** The values that made every comparison hold, in words, or undefined when one does not. */
function conditionsFire(rule: Extract<SeverityRule, { kind: 'conditions' }>, report: ClassificationInput) {
  const parts: string[] = [];
  for (const condition of rule.all) {
    const actual = fieldValue(condition.field, report);
    if (actual === undefined || !holds(condition, actual)) return undefined;
    parts.push(describeCondition(condition, actual));
  }
  return parts.join(', ');
}

function compositeFires(rule: Extract<SeverityRule, { kind: 'composite' }>, report: ClassificationInput) {
  const placeType = report.placeType ?? report.site?.placeType;
  const specific =
    placeType === undefined ? undefined : rule.thresholds.find((threshold) => threshold.placeTypes.includes(placeType));
  const threshold = specific ?? rule.thresholds.find((candidate) => candidate.placeTypes.length === 0);
  if (threshold === undefined) return undefined;
  const present = [...new Set(rule.elements)].filter((element) => isTruthy(ownValue(report.findings, element)));
  if (present.length < threshold.atLeast) return undefined;
  const where = specific !== undefined && placeType !== undefined ? placeType : 'any other place type';
  return `${present.length} of the composite elements present (${present.join(', ')}); ${threshold.atLeast} needed for ${where}`;
}

function holds(condition: Condition, actual: Scalar): boolean {
  const { op, value } = condition;
  switch (op) {
    case 'truthy':
      return isTruthy(actual);
    case 'in':
      return Array.isArray(value) && value.includes(actual);
    case 'eq':
      return actual === value;
    case 'ne':
      return actual !== value;
    default: {
      if (typeof actual !== 'number' || typeof value !== 'number') return false;
      if (op === 'gt') return actual > value;
      if (op === 'gte') return actual >= value;
      if (op === 'lt') return actual < value;
      return actual <= value;
    }
  }
}

function describeCondition(condition: Condition, actual: Scalar): string {
  const shown = `${condition.field} is ${JSON.stringify(actual)}`;
  switch (condition.op) {
    case 'truthy':
      return shown;
    case 'in':
      return `${shown} (one of ${(Array.isArray(condition.value) ? condition.value : []).map((v) => JSON.stringify(v)).join(', ')})`;
    default:
      return `${shown} (${SYMBOL[condition.op]} ${JSON.stringify(condition.value)})`;
  }
}

function fieldValue(field: string, report: ClassificationInput): Scalar | undefined {
  const [scope, name = ''] = field.split('.', 2);
  return ownValue(scope === 'findings' ? report.findings : report.site?.attributes, name);
}

/** Own properties only: a finding named `constructor` must not find `Object.prototype.constructor`. */
function ownValue(record: Readonly<Record<string, Scalar>> | undefined, name: string): Scalar | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}

function isTruthy(value: Scalar | undefined): boolean {
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  return value === true;
}
