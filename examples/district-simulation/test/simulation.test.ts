import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toMermaid } from '@hazardflow/core';
import type { CaseFilter, CaseView } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore } from '../src/case-store';
import { PACKS } from '../src/district';
import type { SimulationOptions } from '../src/options';
import { prepareOutputFolder, writeOutputs } from '../src/outputs';
import { ASSESSMENT_COLUMNS } from '../src/report';
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

/** Reads a markdown table of report.md back: the rows under a heading, keyed by the `id` column. */
function tableAfter(markdown: string, heading: string): Map<string, Record<string, string>> {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${heading}`));
  const header = lines.slice(start).find((l) => l.startsWith('|')) ?? '';
  const columns = header
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(lines.indexOf(header) + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    rows.set((row.id ?? '').replaceAll('`', ''), row);
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

  it('reports, per street, the figures the engine’s own queries give', async () => {
    const rows = tableAfter(report, 'Assessment by street');
    expect([...rows.keys()].sort()).toEqual(sim.district.streets.map((s) => s.id).sort());
    for (const [territory, row] of rows) {
      const views = await allViews(sim.engine, { territory });
      expect(Number(row.found), territory).toBe(views.length);
      expect(Number(row.closed), territory).toBe(await count({ territory, status: 'closed' }));
      expect(Number(row['open overdue']), territory).toBe(await count({ territory, status: OPEN, overdue: true }));
      expect(Number(row['listed supervision']), territory).toBe(views.filter((v) => v.listedSupervision).length);
      expect(Number(row['highest level']), territory).toBe(Math.max(0, ...views.map((v) => v.maxEscalationLevel)));
    }
    const found = [...rows.values()].reduce((sum, r) => sum + Number(r.found), 0);
    expect(found).toBe(150);
  });

  it('reports, per department, the figures the engine’s own queries give', async () => {
    const rows = tableAfter(report, 'Assessment by department');
    expect([...rows.keys()].sort()).toEqual(
      Object.values(PACKS)
        .map((p) => p.regulator.id)
        .sort(),
    );
    // the four departments of the district meeting: housing, market supervision, fire, traffic police
    expect(rows.size).toBe(4);
    expect(Number(rows.get('market-supervision')?.found)).toBeGreaterThan(0);
    for (const [regulator, row] of rows) {
      expect(Number(row.found), regulator).toBe(await count({ regulator }));
      expect(Number(row.closed), regulator).toBe(await count({ regulator, status: 'closed' }));
      const closed = await allViews(sim.engine, { regulator, status: 'closed' });
      const onTime = closed.filter((v) => v.closedOnTime).length;
      const expected =
        closed.length === 0 ? '–' : `${((Math.round((onTime / closed.length) * 1000) / 1000) * 100).toFixed(1)}%`;
      expect(row['on-time rate'], regulator).toBe(expected);
    }
    expect(Object.keys(rows.values().next().value ?? {})).toEqual(['department', 'id', ...ASSESSMENT_COLUMNS]);
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
    expect(report).toContain('![Open cases and escalations per day](open-cases.svg)');
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
      expect(result.stdout).toMatch(/street\s+found\s+closed/);
      expect(result.stdout).toContain('street-laocheng');
      const report = await readFile(join(out, 'report.md'), 'utf8');
      expect(report).toContain('# District simulation: 60 hazards over 20 days');
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
