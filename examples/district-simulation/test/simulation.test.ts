import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toMermaid } from '@hazardflow/core';
import { type CaseFilter, type CaseView, LEDGER_COLUMNS, loadLedger } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore } from '../src/case-store';
import { PACKS } from '../src/district';
import type { SimulationOptions } from '../src/options';
import { LEDGER, prepareOutputFolder, writeOutputs } from '../src/outputs';
import { allViews, runSimulation, type SimulationRun } from '../src/simulation';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** Runs the real entry point, as `pnpm demo` does. */
async function demo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--conditions=@hazardflow/source', '--import', 'tsx', 'src/main.ts', ...args],
      { cwd: exampleDir, env: { ...process.env, INIT_CWD: exampleDir }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Reads a markdown table of report.md back: the rows under a heading, keyed by the first column. */
function tableAfter(markdown: string, heading: string): Map<string, Record<string, string>> {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  const header = lines.slice(start).find((l) => l.startsWith('|')) ?? '';
  const columns = header
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(lines.indexOf(header, start) + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    rows.set(cells[0] ?? '', Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return rows;
}

const OPEN: CaseFilter['status'] = [
  'reported',
  'triaged',
  'notice_issued',
  'rectifying',
  'plan_pending',
  'supervised',
  'verifying',
];

describe('district simulation, small run (150 hazards, 30 days)', () => {
  let out: string;
  let sim: SimulationRun;
  let report: string;
  const options = (dir: string): SimulationOptions => ({
    seed: 7,
    days: 30,
    hazards: 150,
    start: '2025-09-01',
    out: dir,
  });

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'district-sim-'));
    await prepareOutputFolder(out);
    const opened = await openCaseStore(out);
    sim = await runSimulation(options(out), { store: opened.store });
    await writeOutputs(sim, options(out), opened.label);
    report = await readFile(join(out, 'report.md'), 'utf8');
  });

  afterAll(async () => {
    await sim?.engine.store.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  const count = async (filter: CaseFilter) => (await allViews(sim.engine, filter)).length;

  it('files every hazard and the engine refuses no command: the agents respect jurisdiction and the rules', async () => {
    expect(sim.stats.rejections).toEqual([]);
    expect(sim.caseIds).toHaveLength(150);
    expect(await count({})).toBe(150);
    expect(sim.samples).toHaveLength(30);
  });

  it('reports, per street (属地), in Chinese, the figures the engine’s own queries give', async () => {
    const rows = tableAfter(report, '属地（街道）');
    const idOf = new Map(sim.district.streets.map((s) => [s.zh, s.id]));
    expect([...rows.keys()].sort()).toEqual(sim.district.streets.map((s) => s.zh).sort());
    for (const [name, row] of rows) {
      const territory = idOf.get(name) as string;
      const views = (await allViews(sim.engine, { territory })).filter((v) => v.status !== 'dismissed');
      expect(Number(row.隐患总数), name).toBe(views.length);
      expect(Number(row.销号), name).toBe(await count({ territory, status: 'closed' }));
      expect(Number(row.已整改), name).toBe(await count({ territory, status: ['closed', 'verifying'] }));
      expect(Number(row.逾期未整改), name).toBe(await count({ territory, status: OPEN, overdue: true }));
      expect(Number(row.挂牌督办), name).toBe(views.filter((v) => v.listedSupervision).length);
      expect(Number(row.重大隐患), name).toBe(views.filter((v) => v.severity === 'major').length);
    }
    const found = [...rows.values()].reduce((sum, r) => sum + Number(r.隐患总数), 0);
    expect(found).toBe(150 - (await count({ status: 'dismissed' })));
  });

  it('reports, per department (监管部门), the figures the engine’s own queries give', async () => {
    const rows = tableAfter(report, '监管部门');
    const packs = Object.values(PACKS);
    expect([...rows.keys()].sort()).toEqual(packs.map((p) => p.regulator.name.zh).sort());
    // the four departments of the district meeting: housing, market supervision, fire, traffic police
    expect(rows.size).toBe(4);
    for (const pack of packs) {
      const regulator = pack.regulator.id;
      const row = rows.get(pack.regulator.name.zh) ?? {};
      expect(Number(row.销号), regulator).toBe(await count({ regulator, status: 'closed' }));
      const closed = await allViews(sim.engine, { regulator, status: 'closed' });
      const onTime = closed.filter((v) => v.closedOnTime).length;
      const expected =
        closed.length === 0 ? '-' : `${((Math.round((onTime / closed.length) * 1000) / 1000) * 100).toFixed(1)}%`;
      expect(row.按期整改率, regulator).toBe(expected);
    }
    expect(Object.keys(rows.values().next().value ?? {})).toEqual([
      '监管部门',
      '隐患总数',
      '已整改',
      '整改率',
      '按期整改率',
      '逾期未整改',
      '重大隐患',
      '挂牌督办',
      '销号',
      '平均整改用时（工作日）',
      '回头看/复发',
    ]);
  });

  it('shows the share found by each discovery method, as the agents reported them', async () => {
    const rows = tableAfter(report, '发现方式');
    const views = (await allViews(sim.engine, {})).filter((v) => v.status !== 'dismissed');
    const reporters = new Map<string, number>();
    for (const id of sim.caseIds) {
      const [first] = await sim.engine.history(id);
      const view = views.find((v) => v.id === id);
      if (first && view) reporters.set(first.actor.role, (reporters.get(first.actor.role) ?? 0) + 1);
    }
    expect(Number(rows.get('群众举报（12345/96119）')?.数量)).toBe(reporters.get('reporter') ?? 0);
    expect(Number(rows.get('网格巡查')?.数量)).toBe(reporters.get('territory') ?? 0);
    expect(Number(rows.get('监督检查')?.数量)).toBe(reporters.get('regulator') ?? 0);
    expect(Number(rows.get('企业自查自报')?.数量)).toBe(0);
    expect(rows.get('群众举报（12345/96119）')?.占比).toMatch(/^\d+\.\d%$/);
  });

  it('writes 台账.xlsx: Chinese headings, frozen, a row per case of the engine, one row checked field by field', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, LEDGER));
    const sheet = workbook.getWorksheet('隐患排查治理台账');
    if (!sheet) throw new Error('no ledger sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.label.zh));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.actualRowCount - 1).toBe(await count({}));

    // A closed case, each cell against its view and audit trail.
    const view = (await allViews(sim.engine, { status: 'closed' }))[0] as CaseView;
    const history = await sim.engine.history(view.id);
    const rowNumber = sheet.getColumn(LEDGER_COLUMNS.length).values.indexOf(view.id);
    const cells = sheet.getRow(rowNumber).values as unknown[];
    const cell = (heading: string) => cells[LEDGER_COLUMNS.findIndex((c) => c.label.zh === heading) + 1];
    const pack = Object.values(PACKS).find((p) => p.id === view.packId);
    const street = sim.district.streets.find((s) => s.id === view.territory);
    const last = (command: string) => history.filter((e) => e.command === command).at(-1);
    const local = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000);
    const localDay = (instant: string) => new Date(`${local(instant).toISOString().slice(0, 10)}T00:00:00.000Z`);
    const report = history[0]?.payload as { responsible: { name: string }; discoveredBy: string };
    expect(cell('序号')).toBe(rowNumber - 1);
    expect(cell('隐患名称/类别')).toBe(pack?.categories.find((c) => c.id === view.category)?.name.zh);
    expect(cell('所在单位及地址')).toBe(view.siteName);
    expect(cell('所属街道')).toBe(street?.zh);
    expect(cell('发现时间')).toEqual(local(view.reportedAt));
    expect(cell('发现方式')).toBe(
      { inspection: '监督检查', grid_patrol: '网格巡查', complaint: '群众举报（12345/96119）' }[report.discoveredBy],
    );
    expect(cell('隐患等级')).toMatch(view.severity === 'major' ? /^重大隐患/ : /^一般隐患/);
    expect(cell('责任单位')).toBe(report.responsible.name);
    const plan = last('SUBMIT_PLAN')?.payload as
      | { plan: { responsibility: string; measures: string; funds: string } }
      | undefined;
    const responsibleActor = history.filter((e) => e.actor.role === 'responsible').at(-1)?.actor.id;
    expect(cell('责任人')).toBe(plan?.plan.responsibility ?? responsibleActor);
    expect(cell('整改措施')).toBe(
      plan?.plan.measures ?? (last('SUBMIT_RECTIFICATION')?.payload as { note?: string } | undefined)?.note,
    );
    expect(cell('整改资金')).toBe(plan?.plan.funds);
    expect(cell('整改时限')).toEqual(view.rectifyDueAt ? localDay(view.rectifyDueAt) : undefined);
    const rectified = last('SUBMIT_RECTIFICATION') ?? last('FIX_ON_SPOT');
    expect(cell('整改完成时间')).toEqual(rectified ? local(rectified.at) : undefined);
    const verified = history
      .filter((e) => e.command === 'VERIFY' && (e.payload as { result: string }).result === 'pass')
      .at(-1);
    expect(cell('复查/验收人')).toBe(verified?.actor.id);
    expect(cell('销号日期')).toEqual(localDay(view.closedAt as string));
    expect(cell('当前状态')).toBe('已销号');
    // and the engine's own ledger query agrees on the count
    expect((await loadLedger(sim.engine.store, {}, { packs: Object.values(PACKS) })).length).toBe(
      sheet.actualRowCount - 1,
    );
  });

  it('samples each day: the last sample is the engine’s state at the end', async () => {
    const last = sim.samples.at(-1);
    expect(last?.date).toBe('2025-09-30');
    expect(last?.open).toBe(await count({ status: OPEN }));
    expect(last?.closed).toBe(await count({ status: 'closed' }));
    expect(last?.openOverdue).toBe(await count({ status: OPEN, overdue: true }));
  });

  it('keeps separation of duties: the inspector who triaged never verifies, and every audit chain verifies', async () => {
    let verifications = 0;
    for (const id of sim.caseIds) {
      const history = await sim.engine.history(id);
      const triagedBy = history.find((e) => e.command === 'TRIAGE')?.actor.id;
      for (const entry of history.filter((e) => e.command === 'VERIFY')) {
        verifications++;
        expect(entry.actor.id).not.toBe(triagedBy);
      }
      expect((await sim.engine.verifyHistory(id)).ok).toBe(true);
    }
    expect(verifications).toBeGreaterThan(10);
  });

  it('exercises the paths the campaign is about', async () => {
    const views: CaseView[] = await allViews(sim.engine, {});
    expect(views.some((v) => v.status === 'closed' && v.closedOnTime)).toBe(true);
    expect(views.some((v) => v.maxEscalationLevel >= 2)).toBe(true);
    expect(views.some((v) => v.listedSupervision)).toBe(true);
    expect(sim.stats.outcomes['VERIFY fail']).toBeGreaterThan(0);
    expect(sim.stats.commands.PAUSE_CLOCK).toBeGreaterThan(0);
    expect(sim.stats.commands.REQUEST_EXTENSION).toBeGreaterThan(0);
    expect(sim.stats.commands.START_INTERIM_CONTROL).toBeGreaterThan(0);
  });

  it('writes the charts and each pack’s statechart as Mermaid source and SVG', async () => {
    for (const name of ['open-cases.svg', 'closure-by-street.svg']) {
      const svg = await readFile(join(out, name), 'utf8');
      expect(svg, name).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.trimEnd().endsWith('</svg>'), name).toBe(true);
    }
    const closure = await readFile(join(out, 'closure-by-street.svg'), 'utf8');
    expect(closure.match(/<rect x=/g)?.length).toBe(sim.district.streets.length);
    for (const [id, pack] of Object.entries(PACKS)) {
      expect(await readFile(join(out, `statechart-${id}.mmd`), 'utf8')).toBe(toMermaid(pack));
      const svg = await readFile(join(out, `statechart-${id}.svg`), 'utf8');
      expect(svg).toContain('</svg>');
      for (const state of ['reported', 'supervised', 'followUp', 'level_3']) expect(svg).toContain(`>${state}</text>`);
    }
    expect(report).toContain('![每日未办结案件与升级督办](open-cases.svg)');
  });

  it('leaves cases.sqlite for later: another store opened on the file reads the same cases and audit trails', async () => {
    const reopened = createSqliteStore({ filename: join(out, 'cases.sqlite') });
    try {
      const firstId = sim.caseIds[0] as string;
      expect(await reopened.getCase(firstId)).toEqual(await sim.engine.store.getCase(firstId));
      expect(await reopened.history(firstId)).toEqual(await sim.engine.history(firstId));
      const page = await reopened.query({ status: 'closed' }, { limit: 1000 });
      expect(page.items.length).toBe(await count({ status: 'closed' }));
    } finally {
      await reopened.close();
    }
  });

  it('is deterministic: the same seed writes the same report, another seed a different one', async () => {
    const again = await runSimulation(options(out));
    const other = await runSimulation({ ...options(out), seed: 8 });
    const byStreet = async (r: SimulationRun) => r.engine.assessment({ groupBy: 'territory' });
    expect(await byStreet(again)).toEqual(await byStreet(sim));
    expect(again.samples).toEqual(sim.samples);
    expect(again.stats).toEqual(sim.stats);
    expect(await byStreet(other)).not.toEqual(await byStreet(sim));
  });
});

describe('the demo command', () => {
  it('runs end to end and prints the headline table', async () => {
    const out = await mkdtemp(join(tmpdir(), 'district-demo-'));
    try {
      const result = await demo(['--seed', '3', '--days', '20', '--hazards', '60', '--out', out]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/属地（街道）\s+隐患总数\s+销号/);
      expect(result.stdout).toContain('老城街道');
      const report = await readFile(join(out, 'report.md'), 'utf8');
      expect(report).toContain('# 区级隐患排查治理模拟：20 天，60 条隐患');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it.concurrent.each([
    [['--days', 'abc'], '--days must be a whole number from 1 to 366, got "abc"'],
    [['--colour'], "Unknown option '--colour'"],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const result = await demo(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('--help');
    expect(result.stdout).toBe('');
  });
});
