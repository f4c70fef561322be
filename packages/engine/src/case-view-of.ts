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
import type { CaseView, IndustryDepartment } from './case-view';
import { provisionalYearOf } from './deadline-provisional';

const DAY_MS = 86_400_000;
/** Shared by every view without interim controls (views are frozen when stored). */
const NO_CONTROLS: InterimControl[] = Object.freeze([]) as unknown as InterimControl[];

/**
 * Projects a machine snapshot onto the flat, queryable view the store indexes.
 * @internal not exported from the package entry; the engine's own.
 */
export function caseViewOf(
  snapshot: { value: unknown; context: unknown },
  version: number,
  updatedAt: string,
  calendar: BusinessCalendar,
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
    escalationLevel: context.escalationLevel,
    maxEscalationLevel: context.maxEscalationLevel,
    listedSupervision: context.listedSupervision,
    listing: context.listing ?? null,
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
 * The report's discovery method once the machine keeps it in its context (`discoveredBy`),
 * otherwise the one the reporter's role implies.
 */
function discoveryOf(context: HazardContext & { discoveredBy?: DiscoveryMethod | undefined }): DiscoveryMethod {
  return context.discoveredBy ?? discoveryMethodOfRole(context.reportedBy.role);
}
