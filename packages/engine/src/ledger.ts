import {
  type BusinessCalendar,
  type DiscoveryMethod,
  discoveryMethodOfRole,
  type HazardReport,
  inLocale,
  type Label,
  type Locale,
  label,
  type PolicyPack,
} from '@hazardflow/core';
import type { AuditEntry } from './audit-chain';
import type { CaseView } from './case-view';
import type { CaseFilter, HazardStore } from './store';

/**
 * One row of the hazard ledger (隐患排查治理台账). Instants are ISO strings (UTC); a writer
 * shows them as local dates in `timeZone`. A cell the case's record cannot fill is null:
 * nothing is made up.
 */
export interface LedgerRow {
  /** 序号, from 1 in the order the hazards were found. */
  seq: number;
  caseId: string;
  /** 隐患名称/类别: the category's name in the pack. */
  hazard: string;
  /** 所在单位及地址: the site's name, and its `address` attribute when the report gave one. */
  site: string;
  /** 所属街道. */
  street: string;
  /** 发现时间. */
  discoveredAt: string;
  /** 发现方式. */
  discoveryMethod: string;
  /** 隐患等级 (未定级 before triage). */
  grade: string;
  /** 责任单位: the responsible party's name from the report, else its id. */
  responsibleUnit: string;
  /** 责任人: the plan's responsible person, else the last responsible-party actor who acted. */
  responsiblePerson: string | null;
  /** 整改措施: the plan's measures, else the rectification's (or on-the-spot fix's) note. */
  measures: string | null;
  /** 整改资金: the plan's funds (major hazards). */
  funds: string | null;
  /** 整改时限: the rectification deadline (else, on views without it, the current deadline). */
  dueAt: string | null;
  /** 整改完成时间: when the rectification was submitted (or the hazard fixed on the spot). */
  rectifiedAt: string | null;
  /** 复查/验收人: who passed the verification. */
  verifiedBy: string | null;
  /** 销号日期. */
  closedAt: string | null;
  /** 当前状态. */
  status: string;
  /** The time zone dates are shown in: the calendar's, else the case's pack's. */
  timeZone: string;
}

/** The ledger's columns in filing order, with their headings; writers use this list. */
export const LEDGER_COLUMNS = [
  { key: 'seq', label: { zh: '序号', en: 'No.' }, kind: 'number' },
  { key: 'hazard', label: { zh: '隐患名称/类别', en: 'Hazard (category)' }, kind: 'text' },
  { key: 'site', label: { zh: '所在单位及地址', en: 'Site and address' }, kind: 'text' },
  { key: 'street', label: { zh: '所属街道', en: 'Street' }, kind: 'text' },
  { key: 'discoveredAt', label: { zh: '发现时间', en: 'Found at' }, kind: 'datetime' },
  { key: 'discoveryMethod', label: { zh: '发现方式', en: 'Discovery method' }, kind: 'text' },
  { key: 'grade', label: { zh: '隐患等级', en: 'Grade' }, kind: 'text' },
  { key: 'responsibleUnit', label: { zh: '责任单位', en: 'Responsible party' }, kind: 'text' },
  { key: 'responsiblePerson', label: { zh: '责任人', en: 'Person responsible' }, kind: 'text' },
  { key: 'measures', label: { zh: '整改措施', en: 'Measures' }, kind: 'text' },
  { key: 'funds', label: { zh: '整改资金', en: 'Funds' }, kind: 'text' },
  { key: 'dueAt', label: { zh: '整改时限', en: 'Deadline' }, kind: 'date' },
  { key: 'rectifiedAt', label: { zh: '整改完成时间', en: 'Rectified at' }, kind: 'datetime' },
  { key: 'verifiedBy', label: { zh: '复查/验收人', en: 'Verified by' }, kind: 'text' },
  { key: 'closedAt', label: { zh: '销号日期', en: 'Closed on' }, kind: 'date' },
  { key: 'status', label: { zh: '当前状态', en: 'Status' }, kind: 'text' },
  { key: 'caseId', label: { zh: '案件编号', en: 'Case id' }, kind: 'text' },
] as const satisfies readonly { key: keyof LedgerRow; label: Label; kind: 'number' | 'text' | 'date' | 'datetime' }[];

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export interface LedgerOptions {
  /** The packs the cases were reported under (category names, time zone); unknown ids show as ids. */
  packs: readonly Pick<PolicyPack, 'id' | 'categories' | 'timeZone'>[];
  /** Chinese (the default) or English cell text. */
  locale?: Locale | undefined;
  /** Shows dates in this calendar's time zone rather than each pack's. */
  calendar?: Pick<BusinessCalendar, 'timeZone'> | undefined;
  /** Each case's audit trail, for the cells only the history holds (measures, funds, who verified …). */
  histories?: ReadonlyMap<string, readonly AuditEntry[]> | undefined;
  /** Display names of streets (and any other id shown), e.g. `{ 'street-a': { zh: '东湖街道', en: 'Donghu' } }`. */
  names?: Readonly<Record<string, Label>> | undefined;
}

const UNGRADED: Label = { zh: '未定级', en: 'Not graded' };
const IMMINENT: Label = { zh: '（重大险情）', en: ' (imminent danger)' };

/**
 * The ledger rows of some case views, in the order the hazards were found. Pure: the views
 * and histories come in, the rows go out.
 */
export function ledgerRows(views: Iterable<CaseView>, options: LedgerOptions): LedgerRow[] {
  const locale = options.locale ?? 'zh-CN';
  const name = (id: string) => {
    const known = options.names?.[id];
    return known ? inLocale(known, locale) : id;
  };
  const sorted = [...views].sort((a, b) =>
    a.reportedAt === b.reportedAt ? (a.id < b.id ? -1 : 1) : a.reportedAt < b.reportedAt ? -1 : 1,
  );
  return sorted.map((view, index) => {
    const pack = options.packs.find((p) => p.id === view.packId);
    const category = pack?.categories.find((c) => c.id === view.category);
    const trail = facts(options.histories?.get(view.id) ?? []);
    const grade =
      view.severity === null
        ? inLocale(UNGRADED, locale)
        : `${label('severity', view.severity, locale)}${view.imminentDanger ? inLocale(IMMINENT, locale) : ''}`;
    // The report's own word first: the view knows it only once the machine keeps it.
    const method = trail.discoveredBy ?? view.discoveredBy;
    return {
      seq: index + 1,
      caseId: view.id,
      hazard: category ? inLocale(category.name, locale) : view.category,
      site: trail.address ? `${view.siteName}（${trail.address}）` : view.siteName,
      street: name(view.territory),
      discoveredAt: view.reportedAt,
      discoveryMethod: method ? label('discoveryMethod', method, locale) : '',
      grade,
      responsibleUnit: trail.responsibleName ?? name(view.responsible),
      responsiblePerson: trail.responsiblePerson,
      measures: trail.measures,
      funds: trail.funds,
      dueAt: view.rectifyDueAt ?? view.dueAt,
      rectifiedAt: trail.rectifiedAt,
      verifiedBy: trail.verifiedBy,
      closedAt: view.closedAt,
      status: label('status', view.status, locale),
      timeZone: options.calendar?.timeZone ?? pack?.timeZone ?? 'Asia/Shanghai',
    };
  });
}

interface TrailFacts {
  discoveredBy: DiscoveryMethod | undefined;
  address: string | null;
  responsibleName: string | null;
  responsiblePerson: string | null;
  measures: string | null;
  funds: string | null;
  rectifiedAt: string | null;
  verifiedBy: string | null;
}

interface PlanPayload {
  plan?: { responsibility?: string; measures?: string; funds?: string };
}

/** What a case's audit trail says about the ledger's cells; later entries win (a reopened case). */
function facts(entries: readonly AuditEntry[]): TrailFacts {
  const out: TrailFacts = {
    discoveredBy: undefined,
    address: null,
    responsibleName: null,
    responsiblePerson: null,
    measures: null,
    funds: null,
    rectifiedAt: null,
    verifiedBy: null,
  };
  let planPerson: string | null = null;
  let planMeasures: string | null = null;
  let note: string | null = null;
  let actingResponsible: string | null = null;
  for (const entry of entries) {
    const payload = (entry.payload ?? {}) as Record<string, unknown>;
    if (entry.actor.role === 'responsible') actingResponsible = entry.actor.id;
    switch (entry.command) {
      case 'REPORT': {
        const report = payload as Partial<HazardReport>;
        out.discoveredBy = report.discoveredBy ?? discoveryMethodOfRole(entry.actor.role);
        const address = report.site?.attributes?.address;
        out.address = typeof address === 'string' && address !== '' ? address : null;
        out.responsibleName = report.responsible?.name ?? null;
        break;
      }
      case 'SUBMIT_PLAN': {
        const { plan } = payload as PlanPayload;
        planPerson = plan?.responsibility ?? planPerson;
        planMeasures = plan?.measures ?? planMeasures;
        out.funds = plan?.funds ?? out.funds;
        break;
      }
      case 'SUBMIT_RECTIFICATION':
      case 'FIX_ON_SPOT':
        out.rectifiedAt = entry.at;
        note = typeof payload.note === 'string' && payload.note !== '' ? payload.note : note;
        break;
      case 'VERIFY':
        if (payload.result === 'pass') out.verifiedBy = entry.actor.id;
        break;
    }
  }
  out.responsiblePerson = planPerson ?? actingResponsible;
  out.measures = planMeasures ?? note;
  return out;
}

/**
 * The ledger of the cases a filter selects, read from a store: views page by page, then each
 * case's history. What `engine.ledger(filter)` returns.
 */
export async function loadLedger(
  store: Pick<HazardStore, 'query' | 'history'>,
  filter: CaseFilter,
  options: Omit<LedgerOptions, 'histories'>,
): Promise<LedgerRow[]> {
  const views: CaseView[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query(filter, { limit: 500, ...(cursor ? { cursor } : {}) });
    views.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const histories = new Map<string, readonly AuditEntry[]>();
  for (const view of views) histories.set(view.id, await store.history(view.id));
  return ledgerRows(views, { ...options, histories });
}
