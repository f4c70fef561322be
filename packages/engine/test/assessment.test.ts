import { type AssessmentRow, type CaseView, computeAssessment, formatAssessmentTable } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';

/**
 * A plain open case; `overrides` win. (Not the testing kit's `fixtureCaseView`: the kit depends
 * on the engine, and the engine's own tests stay below it.)
 */
function caseView(id: string, overrides: Partial<CaseView> = {}): CaseView {
  return {
    id,
    version: 1,
    packId: 'fire',
    packVersion: '1.0.0',
    category: 'exits-blocked',
    severity: 'general',
    imminentDanger: false,
    status: 'reported',
    siteId: `site-${id}`,
    siteName: `Site of ${id}`,
    territory: 'street-a',
    regulator: 'fire-rescue',
    responsible: 'party-1',
    escalationLevel: 0,
    maxEscalationLevel: 0,
    listedSupervision: false,
    dueAt: null,
    overdue: false,
    paused: false,
    interimControls: [],
    reportedAt: day(2),
    closedAt: null,
    updatedAt: day(2),
    reopenedCount: 0,
    closedOnTime: null,
    workingDaysToClose: null,
    ...overrides,
  };
}

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T00:00:00.000Z`;

const closed = (closedAt: string, closedOnTime: boolean, workingDaysToClose: number): Partial<CaseView> => ({
  status: 'closed',
  closedAt,
  closedOnTime,
  workingDaysToClose,
});

/**
 * Nine hand-made cases in two streets, three regulators and three packs. The figures below
 * are worked out by hand from this table, not from the code under test.
 *
 * | id | street | regulator | pack/category | reported | state | overdue | top level | other |
 * |----|--------|-----------|---------------|----------|-------|---------|-----------|-------|
 * | a1 | a | fire | fire/exits | 2 | closed 5, on time, 3 wd | | 0 | |
 * | a2 | a | housing | building/cracks | 3 | closed 12, late, 7 wd | yes | 2 | reopened once |
 * | a3 | a | fire | fire/hot-work | 4 | rectifying | yes | 1 | |
 * | a4 | a | fire | fire/exits | 5 | dismissed | | 0 | |
 * | b1 | b | fire | fire/hot-work | 2 | closed 4, on time, 2 wd | | 3 | listed |
 * | b2 | b | housing | building/cracks | 6 | closed 20, late, 10 wd | yes | 1 | |
 * | b3 | b | fire | fire/exits | 6 | notice issued | yes | 4 | listed |
 * | b4 | b | fire | fire/exits | 9 | closed 11, on time, 4 wd | | 0 | |
 * | b5 | b | traffic | traffic/signals | 10 | transferred | yes | 1 | reopened twice |
 */
const views: CaseView[] = [
  caseView('a1', { reportedAt: day(2), ...closed(day(5), true, 3) }),
  caseView('a2', {
    reportedAt: day(3),
    regulator: 'housing',
    packId: 'building',
    category: 'cracks',
    ...closed(day(12), false, 7),
    overdue: true,
    escalationLevel: 2,
    maxEscalationLevel: 2,
    reopenedCount: 1,
  }),
  caseView('a3', {
    reportedAt: day(4),
    category: 'hot-work',
    status: 'rectifying',
    overdue: true,
    escalationLevel: 1,
    maxEscalationLevel: 1,
  }),
  caseView('a4', { reportedAt: day(5), status: 'dismissed' }),
  caseView('b1', {
    territory: 'street-b',
    reportedAt: day(2),
    category: 'hot-work',
    severity: 'major',
    ...closed(day(4), true, 2),
    maxEscalationLevel: 3,
    listedSupervision: true,
  }),
  caseView('b2', {
    territory: 'street-b',
    reportedAt: day(6),
    regulator: 'housing',
    packId: 'building',
    category: 'cracks',
    ...closed(day(20), false, 10),
    overdue: true,
    maxEscalationLevel: 1,
  }),
  caseView('b3', {
    territory: 'street-b',
    reportedAt: day(6),
    status: 'notice_issued',
    overdue: true,
    escalationLevel: 4,
    maxEscalationLevel: 4,
    listedSupervision: true,
  }),
  caseView('b4', { territory: 'street-b', reportedAt: day(9), ...closed(day(11), true, 4) }),
  caseView('b5', {
    territory: 'street-b',
    reportedAt: day(10),
    regulator: 'traffic-police',
    packId: 'traffic',
    category: 'signals',
    status: 'transferred',
    overdue: true,
    maxEscalationLevel: 1,
    reopenedCount: 2,
  }),
];

const row = (group: string, figures: Omit<AssessmentRow, 'group'>): AssessmentRow => ({ group, ...figures });

describe('assessment (考核) figures', () => {
  it('per territory: found, closed, rates, open overdue, top level, listed, median working days, reopened', () => {
    expect(computeAssessment(views, { groupBy: 'territory' })).toEqual([
      row('street-a', {
        found: 4,
        closed: 2,
        closureRate: 0.5,
        onTimeRate: 0.5,
        openOverdue: 1, // a2 is overdue but closed
        highestEscalationLevel: 2,
        listedSupervision: 0,
        medianWorkingDaysToClose: 5, // (3 + 7) / 2
        reopened: 1,
      }),
      row('street-b', {
        found: 5,
        closed: 3,
        closureRate: 0.6,
        onTimeRate: 0.667, // 2 of 3, rounded to three places
        openOverdue: 1, // b2 is closed, b5 transferred: neither is open
        highestEscalationLevel: 4,
        listedSupervision: 2,
        medianWorkingDaysToClose: 4, // 2, 4, 10
        reopened: 2,
      }),
    ]);
  });

  it('per regulator, pack and category, groups sorted by name', () => {
    const byRegulator = computeAssessment(views, { groupBy: 'regulator' });
    expect(byRegulator).toEqual([
      row('fire-rescue', {
        found: 6,
        closed: 3,
        closureRate: 0.5,
        onTimeRate: 1,
        openOverdue: 2,
        highestEscalationLevel: 4,
        listedSupervision: 2,
        medianWorkingDaysToClose: 3,
        reopened: 0,
      }),
      row('housing', {
        found: 2,
        closed: 2,
        closureRate: 1,
        onTimeRate: 0,
        openOverdue: 0,
        highestEscalationLevel: 2,
        listedSupervision: 0,
        medianWorkingDaysToClose: 8.5,
        reopened: 1,
      }),
      row('traffic-police', {
        found: 1,
        closed: 0,
        closureRate: 0,
        onTimeRate: null,
        openOverdue: 0,
        highestEscalationLevel: 1,
        listedSupervision: 0,
        medianWorkingDaysToClose: null,
        reopened: 2,
      }),
    ]);
    const byPack = computeAssessment(views, { groupBy: 'pack' });
    expect(byPack.map((r) => r.group)).toEqual(['building', 'fire', 'traffic']);
    // building is housing's, fire the brigade's, traffic the police's: the same cases, the same figures.
    const [fire, housing, traffic] = byRegulator as [AssessmentRow, AssessmentRow, AssessmentRow];
    expect(byPack).toEqual([
      { ...housing, group: 'building' },
      { ...fire, group: 'fire' },
      { ...traffic, group: 'traffic' },
    ]);
    const byCategory = computeAssessment(views, { groupBy: 'category' });
    expect(byCategory.map((r) => r.group)).toEqual([
      'building/cracks',
      'fire/exits-blocked',
      'fire/hot-work',
      'traffic/signals',
    ]);
    expect(byCategory[1]).toEqual(
      row('fire/exits-blocked', {
        found: 4,
        closed: 2,
        closureRate: 0.5,
        onTimeRate: 1,
        openOverdue: 1,
        highestEscalationLevel: 4,
        listedSupervision: 1,
        medianWorkingDaysToClose: 3.5,
        reopened: 0,
      }),
    );
  });

  it('a window counts cases found in it and cases closed in it, from inclusive, to exclusive; the rate is of those found', () => {
    const rows = computeAssessment(views, { groupBy: 'territory', from: day(4), to: day(12) });
    expect(rows).toEqual([
      // found a3, a4; closed a1 (reported before the window, closed in it); a2 closed at `to`, outside.
      // Neither case found in the window is closed (a4 was dismissed): the closure rate is 0.
      row('street-a', {
        found: 2,
        closed: 1,
        closureRate: 0,
        onTimeRate: 1,
        openOverdue: 1,
        highestEscalationLevel: 2,
        listedSupervision: 0,
        medianWorkingDaysToClose: 3,
        reopened: 0,
      }),
      // found b2, b3, b4, b5; closed b1 (at `from`, inside) and b4; b3 listed and found in the window.
      // Of the four found, only b4 closed before `to` (b2 closed after it): 1 / 4.
      row('street-b', {
        found: 4,
        closed: 2,
        closureRate: 0.25,
        onTimeRate: 1,
        openOverdue: 1,
        highestEscalationLevel: 4,
        listedSupervision: 1,
        medianWorkingDaysToClose: 3,
        reopened: 2,
      }),
    ]);
    // Nothing found in a window: the closure rate is 0, whatever closed in it; every group still shows.
    const quiet = computeAssessment(views, { groupBy: 'territory', from: day(11), to: day(13) });
    expect(quiet.map((r) => [r.group, r.found, r.closed, r.closureRate])).toEqual([
      ['street-a', 0, 1, 0],
      ['street-b', 0, 1, 0],
    ]);
  });

  it('no views, no rows; the table prints rates as percentages and a dash for no value', () => {
    expect(computeAssessment([], { groupBy: 'pack' })).toEqual([]);
    const rows = computeAssessment(views, { groupBy: 'regulator' });
    expect(formatAssessmentTable(rows, 'regulator')).toBe(
      [
        'regulator       found  closed  closure  on time  open overdue  top level  listed  median wd',
        '--------------  -----  ------  -------  -------  ------------  ---------  ------  ---------',
        'fire-rescue         6       3    50.0%   100.0%             2          4       2        3.0',
        'housing             2       2   100.0%     0.0%             0          2       0        8.5',
        'traffic-police      1       0     0.0%        -             0          1       0          -',
      ].join('\n'),
    );
  });
});
