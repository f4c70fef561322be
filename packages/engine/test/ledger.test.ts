import type { AuditEntry, CaseView } from '@hazardflow/engine';
import { LEDGER_COLUMNS, ledgerRows, loadLedger } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { ev, notice, pack, people, reportInput, testEngine } from './support';

/** One case walked to closure (a complaint, with an address), one left as reported by a grid worker. */
async function twoCases() {
  const { engine, store, clock } = testEngine();
  const input = reportInput();
  const closed = await engine.report(
    { ...input, discoveredBy: 'complaint', site: { ...input.site, attributes: { address: '滨江路1号' } } },
    { actor: people.reporter },
  );
  if (!closed.ok) throw new Error(closed.error.message);
  const id = closed.case.id;
  for (const [command, actor] of [
    [{ type: 'TRIAGE' }, people.inspector],
    [notice, people.inspector],
    [{ type: 'ACKNOWLEDGE' }, people.owner],
    [
      { type: 'SUBMIT_RECTIFICATION', note: '拆除北门锁链，恢复疏散通道', evidence: [ev('after_photo', 'owner-1')] },
      people.owner,
    ],
    [
      {
        type: 'VERIFY',
        result: 'pass',
        evidence: [ev('inspection_record', 'inspector-1'), ev('inspection_record', 'inspector-2')],
      },
      people.secondInspector,
    ],
  ] as const) {
    clock.advanceBy(3_600_000);
    const result = await engine.send(id, command, { actor });
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  clock.advanceBy(3_600_000);
  const open = await engine.report(reportInput({ territory: 'street-b' }), { actor: people.gridWorker });
  if (!open.ok) throw new Error(open.error.message);
  return { engine, store, closedId: id, openId: open.case.id };
}

describe('the hazard ledger (隐患排查治理台账)', () => {
  it('fills every column of a closed case from its view and its history', async () => {
    const { engine, store, closedId } = await twoCases();
    const names = { 'street-a': { zh: '东湖街道', en: 'Donghu Street' } };
    const rows = await loadLedger(store, {}, { packs: [pack], names });
    expect(rows).toHaveLength(2);
    const view = (await engine.get(closedId)) as CaseView;
    const history = await engine.history(closedId);
    const at = (command: string) => history.find((h) => h.command === command)?.at;
    expect(rows[0]).toEqual({
      seq: 1,
      caseId: closedId,
      hazard: '安全出口、疏散通道堵塞或锁闭',
      site: 'Riverside Mall（滨江路1号）',
      street: '东湖街道',
      discoveredAt: view.reportedAt,
      discoveryMethod: '群众举报（12345/96119）',
      grade: '一般隐患',
      responsibleUnit: 'Riverside Mall Co.',
      responsiblePerson: 'owner-1',
      measures: '拆除北门锁链，恢复疏散通道',
      funds: null,
      dueAt: view.rectifyDueAt,
      rectifiedAt: at('SUBMIT_RECTIFICATION'),
      verifiedBy: 'inspector-2',
      closedAt: view.closedAt,
      status: '已销号',
      timeZone: 'Asia/Shanghai',
    });
    expect(view.closedAt).not.toBeNull();
    expect(view.rectifyDueAt).toMatch(/^2026-09-\d\dT/);
    expect(rows[1]).toMatchObject({
      seq: 2,
      street: 'street-b',
      discoveryMethod: '网格巡查', // no discoveredBy: the grid worker's role says grid patrol
      grade: '未定级',
      responsiblePerson: null,
      measures: null,
      rectifiedAt: null,
      verifiedBy: null,
      closedAt: null,
      status: '已登记',
    });
  });

  it('a filter selects the rows; English on request', async () => {
    const { store, openId } = await twoCases();
    const rows = await loadLedger(store, { status: 'reported' }, { packs: [pack], locale: 'en' });
    expect(rows.map((r) => [r.seq, r.caseId, r.status, r.discoveryMethod, r.grade])).toEqual([
      [1, openId, 'Reported', 'Grid patrol', 'Not graded'],
    ]);
  });

  it("a major hazard's plan gives the person, the measures and the funds; without a history those cells stay empty", () => {
    const view = { ...baseView(), severity: 'major', imminentDanger: true, discoveredBy: 'self_report' } as CaseView;
    const entry = (command: string, payload: unknown, role: 'responsible' | 'regulator' = 'responsible') =>
      ({ command, payload, at: '2026-09-08T02:00:00.000Z', actor: { id: `${role}-9`, role } }) as AuditEntry;
    const histories = new Map([
      [
        view.id,
        [
          entry('REPORT', { site: { attributes: {} }, responsible: { id: 'party-1' } }),
          entry('SUBMIT_PLAN', { plan: { responsibility: '张经理', measures: '更换喷淋系统', funds: '12万元' } }),
        ],
      ],
    ]);
    const [row] = ledgerRows([view], { packs: [pack], histories, calendar: { timeZone: 'UTC' } });
    expect(row).toMatchObject({
      grade: '重大隐患（重大险情）',
      discoveryMethod: '企业自查自报',
      responsibleUnit: 'party-1',
      responsiblePerson: '张经理',
      measures: '更换喷淋系统',
      funds: '12万元',
      timeZone: 'UTC',
    });
    const [bare] = ledgerRows([{ ...view, category: 'gone', packId: 'other' }], { packs: [pack] });
    expect(bare).toMatchObject({ hazard: 'gone', responsiblePerson: null, measures: null, funds: null });
  });

  it('has the standard columns, in order, in Chinese', () => {
    expect(LEDGER_COLUMNS.map((c) => c.label.zh)).toEqual([
      '序号',
      '隐患名称/类别',
      '所在单位及地址',
      '所属街道',
      '发现时间',
      '发现方式',
      '隐患等级',
      '责任单位',
      '责任人',
      '整改措施',
      '整改资金',
      '整改时限',
      '整改完成时间',
      '复查/验收人',
      '销号日期',
      '当前状态',
      '案件编号',
    ]);
  });
});

function baseView(): CaseView {
  return {
    id: 'c1',
    version: 1,
    packId: pack.id,
    packVersion: pack.version,
    category: 'exits_blocked',
    severity: null,
    imminentDanger: false,
    status: 'reported',
    siteId: 's1',
    siteName: 'Riverside Mall',
    territory: 'street-a',
    regulator: 'fire-brigade',
    responsible: 'party-1',
    escalationLevel: 0,
    maxEscalationLevel: 0,
    listedSupervision: false,
    dueAt: null,
    overdue: false,
    paused: false,
    interimControls: [],
    reportedAt: '2026-09-07T02:00:00.000Z',
    closedAt: null,
    updatedAt: '2026-09-07T02:00:00.000Z',
    reopenedCount: 0,
    closedOnTime: null,
    workingDaysToClose: null,
  };
}
