import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Duration } from '../duration';
import { classify } from '../pack/classify';
import { effectiveDeadline } from '../pack/effective-deadline';
import { industryPartiesOf } from '../pack/industry-checks';
import { resolvePolicy } from '../pack/resolve-policy';
import { isDated } from '../pack/rule-validity';
import type { Deadlines, PolicyPack, Scalar } from '../pack/schema';
import { discoveryMethodOfRole } from '../report';
import type { Severity } from '../vocabulary';
import { iso } from './case-time';
import { filedEvidence, type HazardContext, type HazardInput } from './hazard-context';

/**
 * What a machine's actions and guards share: the pack, the calendar, and the effective
 * policy of a case (the pack with its matching per-site overrides, 一企一策). Effective
 * policies are computed once per set of overrides and kept, so guards stay cheap.
 */
export interface MachineRuntime {
  pack: PolicyPack;
  calendar: BusinessCalendar;
  policyOf(context: Pick<HazardContext, 'appliedOverrides' | 'site'>): PolicyPack;
  /** The instant a step's deadline falls on, counted from `from` on the calendar. */
  deadlineFor(context: HazardContext, step: Exclude<keyof Deadlines, 'interimControl'>, from: string): string;
  /** How long an imminent danger may go without interim control (`deadlines.interimControl`). */
  interimControlDeadline(context: HazardContext): Duration;
  classify(
    context: HazardContext,
    report: { category: string; findings: Record<string, Scalar>; at: string },
  ): { severity: Severity; imminentDanger: boolean; reasons: string[] };
  initialContext(input: HazardInput): HazardContext;
  /** The effective policy for a site about to be reported (per-site overrides applied). */
  policyForSite(site: HazardInput['report']['site']): PolicyPack;
}

export function createMachineRuntime(pack: PolicyPack, calendar: BusinessCalendar): MachineRuntime {
  // Every case that names no org of its own gets the pack's, and every case at a place type
  // the same industry departments: one frozen object each, shared by all those cases rather
  // than one copy per case (contexts are never changed in place; examples/benchmarks/NOTES.md, sixth round).
  const packParties = Object.freeze(partiesOf(pack, undefined));
  const industryByPlaceType = new Map<string | undefined, ReturnType<typeof industryOf>>();
  const placeTypes = new Set(pack.placeTypes ?? []);
  const industryAt = (placeType: string | undefined): ReturnType<typeof industryOf> => {
    // Only the pack's own place types are remembered: a report accepted with a warning
    // (`reportChecks: 'warn'`) may name any, and must not grow this map.
    if (placeType !== undefined && !placeTypes.has(placeType)) return industryOf(pack, placeType);
    let shared = industryByPlaceType.get(placeType);
    if (shared === undefined) {
      shared = industryOf(pack, placeType);
      if (shared.industry !== undefined) Object.freeze(shared.industry);
      industryByPlaceType.set(placeType, shared);
    }
    return shared;
  };
  const effective = new Map<string, PolicyPack>();
  const policyOf: MachineRuntime['policyOf'] = (context) => {
    if (context.appliedOverrides.length === 0) return pack;
    const key = context.appliedOverrides.join('\u0000');
    let policy = effective.get(key);
    if (!policy) {
      policy = resolvePolicy(pack, { site: context.site, territory: context.site.territory });
      effective.set(key, policy);
    }
    return policy;
  };

  /**
   * Which overrides match a site. Resolving validates the merged policy, so it is done once
   * per distinct site description (bounded cache) and never when the pack has no overrides.
   */
  const matched = new Map<string, readonly string[]>();
  const overridesFor = (site: HazardInput['report']['site']): readonly string[] => {
    if (pack.overrides.length === 0) return [];
    const key = JSON.stringify([site.id, site.territory, site.attributes]);
    let ids = matched.get(key);
    if (!ids) {
      const policy = resolvePolicy(pack, { site, territory: site.territory });
      ids = policy.appliedOverrides;
      effective.set(ids.join('\u0000'), policy);
      if (matched.size >= 10_000) matched.clear();
      matched.set(key, ids);
    }
    return ids;
  };

  const seasonal = createSeasonalMemo(calendar);

  return {
    pack,
    calendar,
    policyOf,
    policyForSite: (site) => policyOf({ appliedOverrides: [...overridesFor(site)], site }),
    deadlineFor(context, step, from) {
      const policy = policyOf(context);
      const severity = context.severity ?? 'general';
      const options = { category: context.category, severity, at: from, reportedAt: context.reportedAt };
      // Only a general hazard's rectification deadline depends on `from`, through the seasons
      // in force on its local date; the rest need no memo.
      const duration =
        step === 'rectify' && severity === 'general'
          ? seasonal.get(
              policy,
              from,
              `${context.category}\u0000${policy.datedDeadlines.length > 0 ? context.reportedAt : ''}`,
              () => effectiveDeadline(policy, step, options),
            )
          : effectiveDeadline(policy, step, options);
      return iso(calendar.addDuration(from, duration));
    },
    interimControlDeadline(context) {
      const policy = policyOf(context);
      return effectiveDeadline(policy, 'interimControl', {
        category: context.category,
        severity: context.severity ?? 'general',
        reportedAt: context.reportedAt,
      });
    },
    classify(context, report) {
      const policy = policyOf(context);
      // Dated rules grade by the report's date, so it is part of the key only when some are.
      const reported = policy.severityRules.some(isDated) ? context.reportedAt : '';
      const key = JSON.stringify([
        report.category,
        context.site.placeType,
        report.findings,
        context.site.attributes,
        reported,
      ]);
      return seasonal.get(policy, report.at, key, () => {
        const result = classify(policy, {
          category: report.category,
          ...(context.site.placeType !== undefined ? { placeType: context.site.placeType } : {}),
          findings: report.findings,
          site: { attributes: context.site.attributes },
          at: report.at,
          reportedAt: context.reportedAt,
        });
        return {
          severity: result.severity,
          imminentDanger: result.imminentDanger,
          reasons: result.reasons.map((r) => `${r.ruleId}: ${r.text} (${r.source})`),
        };
      });
    },
    initialContext(input) {
      const { report } = input;
      const applied = overridesFor(report.site);
      const reportedAt = iso(new Date(input.at));
      return {
        caseId: input.caseId,
        packId: pack.id,
        packVersion: pack.version,
        appliedOverrides: [...applied],
        category: report.category,
        site: report.site,
        responsible: report.responsible,
        regulator: report.regulator ?? pack.regulator.id,
        assignee: null,
        ...(report.parties === undefined ? packParties : partiesOf(pack, report.parties)),
        ...industryAt(report.site.placeType),
        description: report.description,
        findings: report.findings,
        evidence: report.evidence.map((item) => filedEvidence(item, 'report')),
        pendingEvidence: [],
        // The input's own string when it is already canonical: one string kept per case, not two.
        reportedAt: reportedAt === input.at ? input.at : reportedAt,
        reportedBy: { actorId: input.reportedBy.id, role: input.reportedBy.role, at: input.at },
        discoveredBy: report.discoveredBy ?? discoveryMethodOfRole(input.reportedBy.role),
        severity: null,
        imminentDanger: false,
        classificationReasons: [],
        listedSupervision: false,
        listing: null,
        gradeDecision: null,
        deadline: null,
        deadlineFrom: null,
        rectifyDueAt: null,
        rectifyFrom: null,
        noticeIssuedAt: null,
        noticeClauses: [],
        acknowledgedAt: null,
        paused: null,
        escalationLevel: 0,
        maxEscalationLevel: 0,
        levelReachedAt: null,
        remindersSent: 0,
        warnedFor: null,
        overdueFor: null,
        wentOverdue: false,
        stepEscalation: null,
        plan: null,
        planRejections: 0,
        interimControls: [],
        interimDueAt: null,
        ...(report.warnings !== undefined && report.warnings.length > 0
          ? { reportWarnings: report.warnings.map((warning) => ({ ...warning })) }
          : {}),
        pendingExtension: null,
        extensionCount: 0,
        rectifiedBy: null,
        rectificationSubmittedAt: null,
        rectifiedOnTime: null,
        verificationAttempts: 0,
        verificationFailures: 0,
        verifiedBy: null,
        closedAt: null,
        closedHow: null,
        closedOnTime: null,
        followUpUntil: null,
        dismissReason: null,
        transferredTo: null,
        reopenedCount: 0,
        last: {},
      };
    },
  };
}

/**
 * Remembers results that depend on an instant only through its local date in the policy's
 * time zone (season windows are ranges of local dates): grading a report and a general
 * rectification deadline. Working out that date through the pack's season code costs a
 * luxon parse per call, a visible share of every command; the calendar knows the local date
 * at once when it counts days in the same zone. Otherwise, or when the calendar cannot say,
 * nothing is remembered. Bounded per policy.
 */
function createSeasonalMemo(calendar: BusinessCalendar) {
  const memos = new WeakMap<PolicyPack, Map<string, unknown>>();
  return {
    get<T>(policy: PolicyPack, at: string, key: string, compute: () => T): T {
      if (policy.timeZone !== calendar.timeZone) return compute();
      let day: string;
      try {
        day = calendar.localDate(at);
      } catch {
        return compute(); // an instant the calendar refuses: let the pack's code say why
      }
      let memo = memos.get(policy);
      if (!memo) {
        memo = new Map();
        memos.set(policy, memo);
      }
      const entry = `${day}\u0000${key}`;
      if (memo.has(entry)) return memo.get(entry) as T;
      const value = compute();
      if (memo.size >= 10_000) memo.clear();
      memo.set(entry, value);
      return value;
    },
  };
}

/**
 * The parties' orgs on a new case: the pack's `org` of each party, overridden by the report's
 * `parties`; nothing at all when neither names one, so a case without parties keeps the
 * context (and snapshot) it had before parties existed.
 */
function partiesOf(pack: PolicyPack, named: Record<string, string> | undefined): { parties?: Record<string, string> } {
  const parties: Record<string, string> = {};
  for (const [id, party] of Object.entries(pack.parties ?? {})) {
    const org = named?.[id] ?? party.org;
    if (org !== undefined) parties[id] = org;
  }
  return Object.keys(parties).length > 0 ? { parties: Object.freeze(parties) } : {};
}

/**
 * 三管三必须 on a new case: the industry departments of its place type (`industry`), and the
 * regulatory gap (监管盲区) when the pack says no department regulates that place type. Both
 * absent when they do not apply, so other cases keep the context (and snapshot) they had.
 */
function industryOf(pack: PolicyPack, placeType: string | undefined): { industry?: string[]; regulatoryGap?: boolean } {
  const industry = industryPartiesOf(pack, placeType);
  const gap = placeType !== undefined && (pack.unregulatedPlaceTypes ?? []).includes(placeType);
  return { ...(industry.length > 0 ? { industry } : {}), ...(gap ? { regulatoryGap: true } : {}) };
}
