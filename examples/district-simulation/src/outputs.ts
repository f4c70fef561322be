import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeLedgerXlsx } from '@hazardflow/cli';
import { toDot, toMermaid } from '@hazardflow/core';
import { type AssessmentRow, loadLedger } from '@hazardflow/engine';
import { calendarNotes } from './calendar-notes';
import { closureByStreetChart, openCasesChart } from './charts';
import { PACKS, type PackId } from './district';
import { computeFigures, type SimulationFigures } from './figures';
import type { SimulationOptions } from './options';
import { buildReport, districtNames } from './report';
import { allViews, type SimulationRun } from './simulation';

import { renderDotToSvg } from './statechart-svg';

export const CASES_DB = 'cases.sqlite';
const REPORT = 'report.md';
/** The hazard ledger (隐患排查治理台账), named as a district files it. */
export const LEDGER = '台账.xlsx';
const OPEN_CHART = 'open-cases.svg';
const CLOSURE_CHART = 'closure-by-street.svg';
const statechartFiles = (pack: PackId) => ({ mmd: `statechart-${pack}.mmd`, svg: `statechart-${pack}.svg` });

/** Every file a run writes, so a new run can remove exactly those and nothing else of the folder. */
export function outputFileNames(): string[] {
  return [
    REPORT,
    LEDGER,
    OPEN_CHART,
    CLOSURE_CHART,
    ...(Object.keys(PACKS) as PackId[]).flatMap((p) => Object.values(statechartFiles(p))),
    CASES_DB,
    `${CASES_DB}-wal`,
    `${CASES_DB}-shm`,
    `${CASES_DB}-journal`,
  ];
}

/** Creates the output folder and removes the previous run's files from it (only those). */
export async function prepareOutputFolder(out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  await Promise.all(outputFileNames().map((name) => rm(join(out, name), { force: true })));
}

export interface WrittenOutputs {
  files: string[];
  byStreet: AssessmentRow[];
  byDepartment: AssessmentRow[];
  figures: SimulationFigures;
}

/** Writes report.md, the ledger workbook, the two charts and each pack's statechart (Mermaid source and SVG). */
export async function writeOutputs(
  run: SimulationRun,
  options: SimulationOptions,
  storeLabel: string,
): Promise<WrittenOutputs> {
  const byStreet = await run.engine.assessment({ groupBy: 'territory' });
  const byDepartment = await run.engine.assessment({ groupBy: 'regulator' });
  const views = await allViews(run.engine, {});
  const notes = calendarNotes(run.time, Object.values(PACKS));
  const figures = await computeFigures(run.engine, views);
  const written: string[] = [];
  const write = async (name: string, content: string) => {
    await writeFile(join(options.out, name), content, 'utf8');
    written.push(name);
  };

  const statecharts: { pack: string; mmd: string; svg: string }[] = [];
  for (const [id, pack] of Object.entries(PACKS) as [PackId, (typeof PACKS)[PackId]][]) {
    const names = statechartFiles(id);
    await write(names.mmd, toMermaid(pack));
    await write(names.svg, await renderDotToSvg(toDot(pack)));
    statecharts.push({ pack: `${pack.id}@${pack.version}`, ...names });
  }
  const locale = options.lang ?? 'zh-CN';
  const ledger = await loadLedger(
    run.engine.store,
    {},
    { packs: Object.values(PACKS), locale, names: districtNames(run) },
  );
  await writeLedgerXlsx(join(options.out, LEDGER), ledger, { locale });
  written.push(LEDGER);
  await write(OPEN_CHART, openCasesChart(run, notes));
  await write(CLOSURE_CHART, closureByStreetChart(run, byStreet));
  await write(
    REPORT,
    buildReport({
      run,
      options,
      views,
      notes,
      figures,
      storeLabel,
      files: { charts: { open: OPEN_CHART, closure: CLOSURE_CHART }, statecharts, ledger: LEDGER },
    }),
  );
  return { files: written, byStreet, byDepartment, figures };
}
