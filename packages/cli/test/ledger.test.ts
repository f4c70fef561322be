import { readFileSync } from 'node:fs';
import { loadLedger } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardflow } from './support/run-hazardflow';
import { prepareWorkspace, type Workspace } from './support/workspace';

const HEADINGS = [
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
];

/** An instant as Shanghai wall time, in a Date whose UTC fields hold it (how a sheet keeps dates). */
const shanghai = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000);
const shanghaiDay = (instant: string) => new Date(`${shanghai(instant).toISOString().slice(0, 10)}T00:00:00.000Z`);

describe('hazardflow ledger', () => {
  let w: Workspace;
  beforeAll(async () => {
    w = await prepareWorkspace();
  });
  afterAll(() => w?.remove());
  const run = (args: string[], env?: Record<string, string>) =>
    hazardflow(args, { cwd: w.path, ...(env ? { env } : {}) });

  /** What the engine itself says about the database: its ledger query, and the e-bike case's view and trail. */
  async function fromEngine() {
    const store = createSqliteStore({ filename: w.file('cases.sqlite') });
    try {
      const rows = await loadLedger(store, {}, { packs: [firePack] });
      const view = (await store.getCase(w.cases.ebike))?.view;
      const history = await store.history(w.cases.ebike);
      if (!view) throw new Error('no e-bike case');
      return { rows, view, history };
    } finally {
      await store.close();
    }
  }

  it('writes 台账.xlsx: Chinese headings, a frozen heading row, one row per case, dates as dates', async () => {
    const result = await run(['ledger', '--db', 'cases.sqlite', '--out', '台账.xlsx']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '已将 cases.sqlite 中的 5 条隐患写入 台账.xlsx\n' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(w.file('台账.xlsx'));
    const sheet = workbook.getWorksheet('隐患排查治理台账');
    if (!sheet) throw new Error('no ledger sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADINGS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const { rows, view, history } = await fromEngine();
    expect(sheet.actualRowCount - 1).toBe(rows.length);
    expect(rows).toHaveLength(5);

    // The e-bike case, field by field, from its view and trail (not from the ledger code).
    const index = rows.findIndex((r) => r.caseId === w.cases.ebike);
    const cells = (sheet.getRow(index + 2).values as unknown[]).slice(1);
    const at = (command: string) => history.filter((h) => h.command === command).at(-1);
    const verify = at('VERIFY');
    expect(view.status).toBe('closed');
    expect(cells).toEqual([
      index + 1,
      '电动自行车在楼道、楼梯间、安全出口违规停放、充电',
      'Greenview Garden, Building 3',
      'street-east',
      shanghai(view.reportedAt),
      '网格巡查', // reported by the east street's grid worker
      { general: '一般隐患', major: '重大隐患' }[view.severity ?? 'general'],
      'Greenview Property Management',
      at('SUBMIT_RECTIFICATION')?.actor.id,
      undefined, // no plan, no note: 整改措施 empty
      undefined, // 整改资金 empty
      shanghaiDay(view.rectifyDueAt as string),
      shanghai(at('SUBMIT_RECTIFICATION')?.at as string),
      verify?.actor.id,
      shanghaiDay(view.closedAt as string),
      '已销号',
      w.cases.ebike,
    ]);
    expect(sheet.getColumn(5).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getColumn(12).numFmt).toBe('yyyy-mm-dd');
    // the citizen's 96119 complaint was reported as one
    const lockedExit = rows.findIndex((r) => r.caseId === w.cases.lockedExit);
    expect(sheet.getRow(lockedExit + 2).getCell(6).value).toBe('群众举报（12345/96119）');
  });

  it('writes CSV in UTF-8 with a BOM and CRLF, quoting per RFC 4180; English with --lang en', async () => {
    const result = await run(['ledger', '--db', 'cases.sqlite', '--out', 'ledger.csv', '--lang', 'en']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('wrote 5 cases from cases.sqlite to ledger.csv\n');
    const text = readFileSync(w.file('ledger.csv'), 'utf8');
    expect(text.startsWith('\uFEFFNo.,Hazard (category),Site and address,Street,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(7); // heading, five cases, the empty string after the last CRLF
    // "Greenview Garden, Building 3" holds a comma: quoted.
    expect(text).toContain(',"Greenview Garden, Building 3",street-east,');
    expect(
      lines.filter((l) =>
        /^\d,"E-bikes [^"]*","Greenview Garden, Building 3",street-east,2025-09-22 09:00,Grid patrol,General,/.test(l),
      ),
    ).toHaveLength(1);
  });

  it('the terminal locale picks the language; --lang wins; an unknown extension or language is refused', async () => {
    const english = await run(['ledger', '--db', 'cases.sqlite', '--out', 'en.csv'], { LANG: 'en_US.UTF-8' });
    expect(english.stderr).toBe('wrote 5 cases from cases.sqlite to en.csv\n');
    const chinese = await run(['ledger', '--db', 'cases.sqlite', '--out', 'zh.csv', '--lang', 'zh'], {
      LANG: 'en_US.UTF-8',
    });
    expect(chinese.stderr).toBe('已将 cases.sqlite 中的 5 条隐患写入 zh.csv\n');
    const pdf = await run(['ledger', '--db', 'cases.sqlite', '--out', 'ledger.pdf']);
    expect(pdf).toMatchObject({ code: 1, stdout: '' });
    expect(pdf.stderr).toContain('台账只能写成 .xlsx 或 .csv 文件，不能是“.pdf”');
    const pdfInEnglish = await run(['ledger', '--db', 'cases.sqlite', '--out', 'ledger.pdf', '--lang', 'en']);
    expect(pdfInEnglish.stderr).toContain('a ledger is written as .xlsx or .csv, not ".pdf"');
    const klingon = await run(['ledger', '--db', 'cases.sqlite', '--out', 'x.csv', '--lang', 'tlh']);
    expect(klingon.code).toBe(2);
  });

  it('hazardflow report is in Chinese by default, with the district measures and discovery shares', async () => {
    const zh = await run(['report', '--db', 'cases.sqlite']);
    expect(zh.code, zh.stderr).toBe(0);
    for (const heading of [
      '统计期间: 全部',
      '全区合计',
      '隐患总数',
      '整改率',
      '按期整改率',
      '属地（街道）',
      '监管部门',
      '发现方式',
    ]) {
      expect(zh.stdout).toContain(heading);
    }
    expect(zh.stdout).toMatch(/群众举报（12345\/96119） +1 +20\.0%/);
    expect(zh.stdout).toMatch(/网格巡查 +3 +60\.0%/);
    const en = await run(['report', '--db', 'cases.sqlite', '--lang', 'en']);
    expect(en.stdout).toContain('Rectification rate');
    expect(en.stdout).toMatch(/Citizen complaint \(12345\/96119\) +1 +20\.0%/);
  });
});
