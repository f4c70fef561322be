import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAuditEntry, type CaseFilter, type CaseView, createEngine, createManualClock } from '@hazardflow/engine';
import { pack, START } from './lifecycle';
import type { Table } from './markdown';
import { loadSqliteStore } from './sqlite';
import { formatNumber, quantile } from './stats';

/** One read, timed at one store size. */
export interface ReadRow {
  read: string;
  cases: number;
  p50Ms: number;
  p99Ms: number;
}

const STREETS = Array.from({ length: 12 }, (_, i) => `street-${i + 1}`);
const STATUSES = ['reported', 'triaged', 'notice_issued', 'rectifying', 'verifying', 'closed'] as const;
const DAY_MS = 86_400_000;

/** The i-th case's view: spread over streets, statuses, severities, escalation levels and a year. */
function viewOf(i: number): CaseView {
  const status = STATUSES[i % STATUSES.length] as CaseView['status'];
  const reportedAt = new Date(START + (i % 365) * DAY_MS + i).toISOString();
  const closed = status === 'closed';
  return {
    id: `case-${String(i).padStart(8, '0')}`,
    version: 1,
    packId: pack.id,
    packVersion: pack.version,
    category: 'combustible-decoration',
    severity: i % 23 === 0 ? 'major' : 'general',
    imminentDanger: false,
    status,
    siteId: `site-${i}`,
    siteName: `Site ${i}`,
    territory: STREETS[i % STREETS.length] as string,
    regulator: 'fire-rescue',
    responsible: `party-${i % 500}`,
    escalationLevel: closed ? 0 : i % 4,
    maxEscalationLevel: i % 4,
    listedSupervision: i % 29 === 0,
    dueAt: closed ? null : new Date(START + ((i % 365) + 10) * DAY_MS).toISOString(),
    overdue: !closed && i % 7 === 0,
    paused: false,
    interimControls: [],
    reportedAt,
    closedAt: closed ? new Date(Date.parse(reportedAt) + 9 * DAY_MS).toISOString() : null,
    updatedAt: reportedAt,
    reopenedCount: 0,
    closedOnTime: closed ? i % 5 !== 0 : null,
    workingDaysToClose: closed ? 7 : null,
  };
}

/** The reads a desk and a dashboard make, each with one filter. */
const QUERIES: readonly [string, CaseFilter][] = [
  ['query, no filter (first page)', {}],
  ['query by status', { status: 'rectifying' }],
  ['query by territory', { territory: 'street-7' }],
  ['query by severity (major)', { severity: 'major' }],
  ['query overdue', { overdue: true }],
  ['query by escalation level ≥ 2', { minEscalationLevel: 2 }],
  ['query due before a date', { dueBefore: new Date(START + 30 * DAY_MS).toISOString() }],
];

/**
 * Section 7 (`--only reads`): a SQLite store filled with `size` case rows (written through the
 * store's commit, as the engine writes them, without running each lifecycle), then each
 * query (first page of 50) and the assessment by territory, timed `samples` times. A size
 * whose fill would take longer than `budgetSeconds` (estimated from the last size filled, per
 * row, with a fifth more for the larger file) is skipped and said so.
 */
export async function measureReads(
  sizes: readonly number[],
  samples: number,
  log: (line: string) => void,
  budgetSeconds = Number.POSITIVE_INFINITY,
) {
  const sqlite = await loadSqliteStore();
  if (!sqlite) throw new Error('@hazardflow/store-sqlite is not built');
  const rows: ReadRow[] = [];
  let secondsPerRow: number | undefined;
  for (const size of sizes) {
    if (secondsPerRow !== undefined && secondsPerRow * size * 1.2 > budgetSeconds) {
      log(
        `   skipped ${formatNumber(size)} cases: writing them would take about ${Math.round(secondsPerRow * size * 1.2)} s, over the ${budgetSeconds} s budget (\`--budget\`)`,
      );
      continue;
    }
    const folder = mkdtempSync(join(tmpdir(), 'hazardflow-reads-'));
    try {
      const store = sqlite.createSqliteStore({ filename: join(folder, 'reads.db'), durability: 'normal' });
      log(`   writing ${formatNumber(size)} cases…`);
      const fillStarted = performance.now();
      const batch: Promise<void>[] = [];
      for (let i = 0; i < size; i++) {
        const view = viewOf(i);
        batch.push(
          store.commit({
            caseId: view.id,
            expectedVersion: 0,
            record: { view, snapshot: { value: view.status, context: { caseId: view.id } } },
            audit: appendAuditEntry(undefined, {
              caseId: view.id,
              at: view.reportedAt,
              actor: { id: 'grid-1', role: 'territory', org: view.territory },
              command: 'REPORT',
              fromStatus: null,
              toStatus: view.status,
              reasons: [],
              evidence: [],
            }),
            timers: { set: [], cancel: [] },
          }),
        );
        if (batch.length === 1_000) await Promise.all(batch.splice(0)); // one group-committed transaction
      }
      await Promise.all(batch);
      const fillSeconds = (performance.now() - fillStarted) / 1000;
      secondsPerRow = fillSeconds / size;
      log(`   written in ${fillSeconds.toFixed(1)} s`);
      const engine = createEngine({ packs: [pack], store, clock: createManualClock(new Date(START)) });
      const time = async (read: string, run: () => Promise<unknown>, times = samples) => {
        await run(); // warm: statement prepared, pages cached
        const ms: number[] = [];
        for (let s = 0; s < times; s++) {
          const started = performance.now();
          await run();
          ms.push(performance.now() - started);
        }
        ms.sort((a, b) => a - b);
        rows.push({ read, cases: size, p50Ms: quantile(ms, 0.5), p99Ms: quantile(ms, 0.99) });
      };
      for (const [read, filter] of QUERIES) await time(read, () => engine.query(filter, { limit: 50 }));
      // Before and after, on the same file: the engine scanning every view (a store without
      // `assessment`), then the store answering from the cells its commits kept.
      const { assessment: _fromCells, ...scanning } = store;
      const scanEngine = createEngine({ packs: [pack], store: scanning, clock: createManualClock(new Date(START)) });
      const window = {
        from: new Date(START + 100 * DAY_MS + 7 * 3_600_000).toISOString(),
        to: new Date(START + 190 * DAY_MS + 15 * 3_600_000).toISOString(),
      };
      // The scan reads every row: fewer samples at the larger sizes, so a run stays short.
      const scanSamples = Math.max(5, Math.min(samples, Math.round(200_000 / size)));
      await time(
        'assessment by territory, scan (before)',
        () => scanEngine.assessment({ groupBy: 'territory' }),
        scanSamples,
      );
      await time('assessment by territory, aggregates (after)', () => engine.assessment({ groupBy: 'territory' }));
      await time(
        'assessment, 90-day window, scan (before)',
        () => scanEngine.assessment({ groupBy: 'territory', ...window }),
        scanSamples,
      );
      await time('assessment, 90-day window, aggregates (after)', () =>
        engine.assessment({ groupBy: 'territory', ...window }),
      );
      await store.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return rows;
}

export function readsTable(rows: readonly ReadRow[]): Table {
  return {
    header: ['read', 'cases', 'p50 ms', 'p99 ms'],
    numeric: [1, 2, 3],
    rows: rows.map((row) => [row.read, formatNumber(row.cases), row.p50Ms.toFixed(2), row.p99Ms.toFixed(2)]),
  };
}
