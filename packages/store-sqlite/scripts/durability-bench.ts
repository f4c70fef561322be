/**
 * Commits per second on SQLite with durability 'full' and 'normal' (and the memory store for
 * scale): raw store commits, then engine commands, each the best of three runs. The numbers in docs/persistence.md come
 * from here.
 *
 *   pnpm --filter @hazardflow/store-sqlite bench:durability
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAuditEntry,
  type CaseView,
  type Commit,
  createEngine,
  createManualClock,
  createMemoryStore,
  type HazardStore,
} from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { notice, pack, people, reportInput } from '../../engine/test/support';

const STORE_COMMITS = 1_000;
const ENGINE_COMMANDS = 500;
/** Each figure is the best of this many runs, each on a fresh store: other processes only ever slow a run down. */
const RUNS = 3;

function view(id: string, version: number): CaseView {
  const at = new Date(Date.UTC(2026, 2, 2) + version * 60_000).toISOString();
  return {
    id,
    version,
    packId: 'fire',
    packVersion: '1.0.0',
    category: 'exits_blocked',
    severity: 'general',
    imminentDanger: false,
    status: 'rectifying',
    siteId: 'site-1',
    siteName: 'Riverside Mall',
    territory: 'street-a',
    regulator: 'fire-brigade',
    responsible: 'party-1',
    escalationLevel: 0,
    maxEscalationLevel: 0,
    listedSupervision: false,
    dueAt: at,
    overdue: false,
    paused: false,
    interimControls: [],
    reportedAt: '2026-03-02T00:00:00.000Z',
    closedAt: null,
    updatedAt: at,
    reopenedCount: 0,
    closedOnTime: null,
    workingDaysToClose: null,
  };
}

/** Commits shaped like an engine's (a ~2 KB snapshot, an audit entry, two timer rows, a key), built before timing. */
async function storeCommits(store: HazardStore): Promise<number> {
  const context = { notes: 'x'.repeat(1_500), history: Array.from({ length: 20 }, (_, i) => ({ step: i })) };
  let previous: { seq: number; hash: string } | undefined;
  const commits: Commit[] = [];
  for (let version = 1; version <= STORE_COMMITS; version++) {
    const caseView = view('case-1', version);
    const audit = appendAuditEntry(previous, {
      caseId: 'case-1',
      at: caseView.updatedAt,
      actor: people.inspector,
      command: 'COMMENT',
      payload: { text: `note ${version}` },
      fromStatus: 'rectifying',
      toStatus: 'rectifying',
      reasons: [],
      evidence: [],
    });
    previous = audit;
    commits.push({
      caseId: 'case-1',
      expectedVersion: version - 1,
      record: { view: caseView, snapshot: { value: 'rectifying', context } },
      audit,
      timers: {
        set: [
          { caseId: 'case-1', timerId: 'deadline.due', dueAt: caseView.dueAt as string, event: { type: 'TIMER.DUE' } },
          {
            caseId: 'case-1',
            timerId: 'deadline.warning',
            dueAt: caseView.updatedAt,
            event: { type: 'TIMER.WARNING' },
          },
        ],
        cancel: [],
      },
      idempotency: { key: `cmd-${version}`, result: { ok: true, case: caseView } },
    });
  }
  const started = performance.now();
  for (const commit of commits) await store.commit(commit);
  return STORE_COMMITS / ((performance.now() - started) / 1_000);
}

/** Engine commands (load, transition, commit) on one store: reports, triage, notices, comments. */
async function engineCommands(store: HazardStore): Promise<number> {
  const engine = createEngine({ packs: [pack], store, clock: createManualClock('2026-03-02T02:00:00.000Z') });
  const started = performance.now();
  let sent = 0;
  let caseId = '';
  while (sent < ENGINE_COMMANDS) {
    if (sent % 25 === 0) {
      const r = await engine.report(reportInput(), { actor: people.gridWorker, commandId: `r-${sent}` });
      if (!r.ok) throw new Error(r.error.message);
      caseId = r.case.id;
      await engine.send(caseId, { type: 'TRIAGE' }, { actor: people.inspector });
      await engine.send(caseId, notice, { actor: people.inspector });
      sent += 3;
      continue;
    }
    const r = await engine.send(caseId, { type: 'COMMENT', text: `note ${sent}` }, { actor: people.inspector });
    if (!r.ok) throw new Error(r.error.message);
    sent++;
  }
  return sent / ((performance.now() - started) / 1_000);
}

const directory = mkdtempSync(join(tmpdir(), 'hazardflow-bench-'));
const rows: string[][] = [];
try {
  const stores: [string, () => HazardStore][] = [
    ['memory', () => createMemoryStore()],
    [
      'sqlite, normal',
      () => createSqliteStore({ filename: join(directory, `n-${Math.random()}.db`), durability: 'normal' }),
    ],
    [
      'sqlite, full',
      () => createSqliteStore({ filename: join(directory, `f-${Math.random()}.db`), durability: 'full' }),
    ],
  ];
  for (const [name, make] of stores) {
    let commits = 0;
    let commands = 0;
    for (let run = 0; run < RUNS; run++) {
      const a = make();
      commits = Math.max(commits, await storeCommits(a));
      await a.close();
      const b = make();
      commands = Math.max(commands, await engineCommands(b));
      await b.close();
    }
    rows.push([name, commits.toFixed(0), commands.toFixed(0), (1_000 / commits).toFixed(2)]);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

const probe = new Database(':memory:');
const sqliteVersion = probe.prepare('SELECT sqlite_version()').pluck().get();
probe.close();
console.log(
  `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, SQLite ${sqliteVersion}, temp dir ${tmpdir()}, load ${loadavg()[0]?.toFixed(1)}`,
);
console.log('| store | store commits/s | engine commands/s | ms per store commit |');
console.log('|---|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
