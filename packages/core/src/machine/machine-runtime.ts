import type { BusinessCalendar } from '../calendar/business-calendar';
import { classify } from '../pack/classify';
import { effectiveDeadline } from '../pack/effective-deadline';
import { resolvePolicy } from '../pack/resolve-policy';
import type { Deadlines, PolicyPack, Scalar } from '../pack/schema';
import type { Severity } from '../vocabulary';
import { iso } from './case-time';
import type { HazardContext, HazardInput } from './hazard-context';

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
  deadlineFor(context: HazardContext, step: keyof Deadlines, from: string): string;
  classify(
    context: HazardContext,
    report: { category: string; findings: Record<string, Scalar>; at: string },
  ): { severity: Severity; imminentDanger: boolean; reasons: string[] };
  initialContext(input: HazardInput): HazardContext;
  /** The effective policy for a site about to be reported (per-site overrides applied). */
  policyForSite(site: HazardInput['report']['site']): PolicyPack;
}

export function createMachineRuntime(pack: PolicyPack, calendar: BusinessCalendar): MachineRuntime {
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

  return {
    pack,
    calendar,
    policyOf,
    policyForSite: (site) => policyOf({ appliedOverrides: [...overridesFor(site)], site }),
    deadlineFor(context, step, from) {
      const duration = effectiveDeadline(policyOf(context), step, {
        category: context.category,
        severity: context.severity ?? 'general',
        at: from,
      });
      return iso(calendar.addDuration(from, duration));
    },
    classify(context, report) {
      const result = classify(policyOf(context), {
        category: report.category,
        ...(context.site.placeType !== undefined ? { placeType: context.site.placeType } : {}),
        findings: report.findings,
        site: { attributes: context.site.attributes },
        at: report.at,
      });
      return {
        severity: result.severity,
        imminentDanger: result.imminentDanger,
        reasons: result.reasons.map((r) => `${r.ruleId}: ${r.text} (${r.source})`),
      };
    },
    initialContext(input) {
      const { report } = input;
      const applied = overridesFor(report.site);
      return {
        caseId: input.caseId,
        packId: pack.id,
        packVersion: pack.version,
        appliedOverrides: [...applied],
        category: report.category,
        site: report.site,
        responsible: report.responsible,
        regulator: report.regulator ?? pack.regulator.id,
        description: report.description,
        findings: report.findings,
        evidence: report.evidence.map((item) => ({ ...item, step: 'report' as const })),
        pendingEvidence: [],
        reportedAt: iso(new Date(input.at)),
        reportedBy: { actorId: input.reportedBy.id, role: input.reportedBy.role, at: input.at },
        severity: null,
        imminentDanger: false,
        classificationReasons: [],
        listedSupervision: false,
        deadline: null,
        rectifyDueAt: null,
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
        plan: null,
        planRejections: 0,
        interimControls: [],
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
