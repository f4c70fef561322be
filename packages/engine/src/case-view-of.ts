import {
  type BusinessCalendar,
  type DiscoveryMethod,
  discoveryMethodOfRole,
  type HazardContext,
  type InterimControl,
  isOverdueValue,
  isPausedValue,
  statusOf,
} from '@hazardflow/core';
import type { CaseView, EnforcementView, IndustryDepartment } from './case-view';
import { provisionalYearOf } from './deadline-provisional';

const DAY_MS = 86_400_000;
/** Shared by every view without interim controls (views are frozen when stored). */
const NO_CONTROLS: InterimControl[] = Object.freeze([]) as unknown as InterimControl[];
/** Shared by every view without enforcement, interviews or accountability. */
const NO_RECORDS: never[] = Object.freeze([]) as unknown as never[];

/**
 * Projects a machine snapshot onto the flat, queryable view the store indexes, with the
 * case's pinned `policyHash` when it has one (cases stored before pinning have none).
 * @internal not exported from the package entry; the engine's own.
 */
export function caseViewOf(
  snapshot: { value: unknown; context: unknown },
  version: number,
  updatedAt: string,
  calendar: BusinessCalendar,
  policyHash?: string,
): CaseView {
  const context = snapshot.context as HazardContext;
  const status = statusOf(snapshot);
  const view: CaseView = {
    id: context.caseId,
    version,
    packId: context.packId,
    packVersion: context.packVersion,
    category: context.category,
    severity: context.severity,
    imminentDanger: context.imminentDanger,
    status,
    siteId: context.site.id,
    siteName: context.site.name,
    territory: context.site.territory,
    regulator: context.regulator,
    assignee: context.assignee?.officer ?? null,
    responsible: context.responsible.id,
    principal: context.responsible.principal ?? null,
    enforcement: enforcementViewOf(context, status === 'closed' ? context.closedAt : null, updatedAt),
    interviews: context.interviews ?? NO_RECORDS,
    accountability: context.accountability ?? NO_RECORDS,
    escalationLevel: context.escalationLevel,
    maxEscalationLevel: context.maxEscalationLevel,
    listedSupervision: context.listedSupervision,
    listing: context.listing ?? null,
    appraisal: context.appraisal ?? null,
    dueAt: context.deadline?.dueAt ?? null,
    overdue: isOverdueValue(snapshot.value),
    paused: isPausedValue(snapshot.value),
    interimControls: context.interimControls.length === 0 ? NO_CONTROLS : [...context.interimControls],
    interimDueAt: context.interimDueAt ?? null,
    reportedAt: context.reportedAt,
    closedAt: status === 'closed' ? context.closedAt : null,
    updatedAt,
    reopenedCount: context.reopenedCount,
    closedOnTime: status === 'closed' ? context.closedOnTime : null,
    workingDaysToClose:
      status === 'closed' && context.closedAt !== null
        ? Math.round((calendar.workingTimeBetween(context.reportedAt, context.closedAt) / DAY_MS) * 10) / 10
        : null,
    discoveredBy: discoveryOf(context),
    rectifyDueAt: context.rectifyDueAt,
    // In the literal, not added after it: V8 then keeps it inside the object, where a field
    // added later needs a separate property store of its own (examples/benchmarks/NOTES.md, sixth round).
    ...(policyHash !== undefined ? { policyHash } : {}),
  };
  const industry = industryOf(context);
  if (industry.length > 0) view.industry = industry;
  if (context.regulatoryGap !== undefined) view.regulatoryGap = context.regulatoryGap;
  if (context.reportWarnings !== undefined) view.reportWarnings = context.reportWarnings.map((w) => ({ ...w }));
  const provisionalYear = provisionalYearOf(calendar, view.dueAt);
  if (provisionalYear !== null) view.deadlineProvisional = { year: provisionalYear };
  return view;
}

/** The case's industry departments with the org the case names for each; those without one are left out. */
function industryOf(context: HazardContext): IndustryDepartment[] {
  const departments: IndustryDepartment[] = [];
  for (const party of context.industry ?? []) {
    const org = context.parties?.[party];
    if (org !== undefined) departments.push({ party, org });
  }
  return departments;
}

/**
 * The records as the view shows them: a penalty with a daily fine counts its days, from the
 * decision to the fine's end (lifted, or the case closed) or to `now` (the view's time).
 */
function enforcementViewOf(context: HazardContext, closedAt: string | null, now: string): EnforcementView[] {
  const records = context.enforcement;
  if (records === undefined) return NO_RECORDS as EnforcementView[];
  return records.map((record) => {
    if (record.kind !== 'penalty' || record.dailyFine === undefined) return record;
    const end = record.liftedAt ?? closedAt ?? now;
    const dailyFineDays = Math.max(0, Math.floor((Date.parse(end) - Date.parse(record.at)) / DAY_MS));
    return { ...record, dailyFineDays };
  });
}

/**
 * The report's discovery method once the machine keeps it in its context (`discoveredBy`),
 * otherwise the one the reporter's role implies.
 */
function discoveryOf(context: HazardContext & { discoveredBy?: DiscoveryMethod | undefined }): DiscoveryMethod {
  return context.discoveredBy ?? discoveryMethodOfRole(context.reportedBy.role);
}
