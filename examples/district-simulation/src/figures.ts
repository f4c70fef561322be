import type { Severity } from '@hazardflow/core';
import type { CaseView, Engine } from '@hazardflow/engine';
import { BLOCKED_EXIT_CATEGORIES } from './blocked-exits';
import { PACKS } from './district';

/** Closure of one grade's cases at the end of the run. */
export interface ClosureFigures {
  /** Graded cases of this grade (not dismissed or transferred). */
  found: number;
  closed: number;
  /** closed / found. */
  closureRate: number;
  /** Of the closed ones, the share closed by their deadline (`closedOnTime`). */
  onTimeRate: number;
}

/**
 * The figures that say whether the run is believable, each a share of the graded cases
 * (triaged, not dismissed or transferred) unless said otherwise. FIGURE_RANGES says what is
 * believable and why.
 */
export interface SimulationFigures {
  graded: number;
  /** Graded major (重大事故隐患). */
  majorShare: number;
  /** Listed for supervision (挂牌督办) by the listing authority's decision at any time. */
  listedShare: number;
  /** Of the listed cases, the share that are major hazards: listing is mostly for them. */
  listedMajorShare: number;
  /** Cases by the highest rung of their pack's ladder they reached; index 0: never escalated. */
  casesByRung: number[];
  /** Never escalated (rung 0). */
  rungZeroShare: number;
  /**
   * General hazards that reached the top rung of their pack's ladder by lateness (a major
   * hazard may start there, on ladders whose top rung is the office's).
   */
  topRungShare: number;
  closure: Record<Severity, ClosureFigures>;
  /** Blocked escape routes and fire lanes, and how many ended (cleared) the day they were found. */
  blockedExits: { found: number; endedSameDay: number; sameDayShare: number };
  /**
   * Cases where the party was fined, sealed or called to a 约谈, and how many of those parties
   * then took their step (acknowledged, filed a plan or the work) before the run ended.
   */
  enforced: { cases: number; complied: number; complianceShare: number };
}

/** Measures that press the party to act (a forced removal does the work for it; a blacklist punishes). */
const PRESSING = new Set(['penalty', 'temporary_seal']);

/** The party's own steps after a notice. */
const PARTY_STEPS = new Set(['ACKNOWLEDGE', 'SUBMIT_PLAN', 'SUBMIT_RECTIFICATION']);

/** What ends a blocked exit: cleared on the spot, cleared by the party, removed by force. */
function endsObstruction(command: string, payload: unknown): boolean {
  if (command === 'FIX_ON_SPOT' || command === 'SUBMIT_RECTIFICATION') return true;
  if (command !== 'ENFORCE') return false;
  const measure = (payload as { measure?: { kind?: string } } | null)?.measure;
  return measure?.kind === 'forced_removal';
}

/** The local (Asia/Shanghai, +08:00) date of an instant. */
function localDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** The figures of a finished run, from the engine's views and, for blocked exits, audit trails. */
export async function computeFigures(engine: Engine, views: readonly CaseView[]): Promise<SimulationFigures> {
  const graded = views.filter((v) => v.severity !== null && v.status !== 'dismissed' && v.status !== 'transferred');
  const majors = graded.filter((v) => v.severity === 'major');
  const listed = graded.filter((v) => v.listing);
  const topRung = new Map(
    Object.values(PACKS).map((p) => [p.id, Math.max(0, ...p.escalation.ladder.map((r) => r.level))]),
  );
  const maxRung = Math.max(0, ...topRung.values());
  const casesByRung = Array.from({ length: maxRung + 1 }, () => 0);
  for (const v of graded) casesByRung[v.maxEscalationLevel] = (casesByRung[v.maxEscalationLevel] ?? 0) + 1;
  const closure = (severity: Severity): ClosureFigures => {
    const found = graded.filter((v) => v.severity === severity);
    const closed = found.filter((v) => v.status === 'closed');
    return {
      found: found.length,
      closed: closed.length,
      closureRate: share(closed.length, found.length),
      onTimeRate: share(closed.filter((v) => v.closedOnTime).length, closed.length),
    };
  };
  const blocked = graded.filter((v) => BLOCKED_EXIT_CATEGORIES.has(v.category));
  let endedSameDay = 0;
  for (const v of blocked) {
    const day = localDate(v.reportedAt);
    const history = await engine.history(v.id);
    if (history.some((e) => localDate(e.at) === day && endsObstruction(e.command, e.payload))) endedSameDay += 1;
  }
  let enforcedCases = 0;
  let complied = 0;
  for (const v of graded) {
    const history = await engine.history(v.id);
    const first = history.findIndex(
      (e) =>
        e.command === 'INTERVIEW' ||
        (e.command === 'ENFORCE' && PRESSING.has((e.payload as { measure: { kind: string } }).measure.kind)),
    );
    if (first < 0) continue;
    enforcedCases += 1;
    if (history.slice(first + 1).some((e) => PARTY_STEPS.has(e.command))) complied += 1;
  }
  return {
    graded: graded.length,
    majorShare: share(majors.length, graded.length),
    listedShare: share(listed.length, graded.length),
    listedMajorShare: share(listed.filter((v) => v.severity === 'major').length, listed.length),
    casesByRung,
    rungZeroShare: share(casesByRung[0] ?? 0, graded.length),
    topRungShare: share(
      graded.filter((v) => v.severity === 'general' && v.maxEscalationLevel >= (topRung.get(v.packId) ?? maxRung))
        .length,
      graded.length,
    ),
    closure: { general: closure('general'), major: closure('major') },
    blockedExits: { found: blocked.length, endedSameDay, sameDayShare: share(endedSameDay, blocked.length) },
    enforced: { cases: enforcedCases, complied, complianceShare: share(complied, enforcedCases) },
  };
}
