import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type AuditEntry,
  type CaseRecord,
  createManualClock,
  createMemoryStore,
  type HazardStore,
  verifyAuditChain,
} from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Ack, commandIdOf, crashEngine, fireDueTimers, instantOf, START, sendPlanned } from './crash/crash-script';
import { tempDirectory } from './support/temp-directory';

/**
 * Issue 8's crash test. A child process runs the engine on SQLite through a long command
 * stream while timers fall due; it is SIGKILLed at random moments and restarted each time
 * from the step after its last acknowledgement. At the end, what it acknowledged must be on
 * disk, every audit chain must verify, no timer may be lost or fired twice, and the state
 * must equal a replay of the acknowledged commands on the memory store.
 */

const SEED = 20_260_302;
const STEPS = 600;
const PARENT_KILLS = 20;
/** Extra runs that kill themselves between a commit and its acknowledgement. */
const SELF_KILLS = 4;
const childSource = fileURLToPath(new URL('./crash/crash-child.ts', import.meta.url));
// Inside the package's node_modules, so the bundle finds better-sqlite3 (kept external: native).
const childBundle = fileURLToPath(new URL(`../node_modules/.cache/crash-child-${process.pid}.mjs`, import.meta.url));

/**
 * The child, its TypeScript sources bundled into one file: a restart then costs a third of a
 * second instead of the second and a half a TypeScript loader takes, and there are 25 of them.
 */
async function bundleChild(): Promise<void> {
  await build({
    entryPoints: [childSource],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@hazardflow/source'],
    external: ['better-sqlite3'],
    outfile: childBundle,
    logLevel: 'warning',
  });
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  child: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  /** Resolves once the child printed `count` more acknowledgements (or exited). */
  acknowledged(count: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function startChild(filename: string, from: number, dieAfterCommitAt?: number): Run {
  const args = [childBundle, filename, `${SEED}`, `${STEPS}`, `${from}`];
  if (dieAfterCommitAt !== undefined) args.push(`${dieAfterCommitAt}`);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  let acks = 0;
  let exited = false;
  const waiters: { until: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) {
      if (exited || acks >= w.until) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? ''; // a line cut by the kill is not an acknowledgement
    for (const line of parts) {
      if (line === 'ready') onReady();
      if (line.startsWith('{')) acks++;
      lines.push(line);
    }
    wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    // 'close', not 'exit': it comes after the pipes are drained, so every printed line is in.
    child.on('close', (code, signal) => {
      exited = true;
      onReady();
      wake();
      resolve({ code, signal, stderr });
    });
  });
  const acknowledged = (count: number) =>
    new Promise<void>((resolve) => {
      waiters.push({ until: acks + count, resolve });
      wake();
    });
  return { child, lines, ready, acknowledged, exit };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Case ids in report order: each step reports at most one case, at its own instant. */
async function caseIdsOf(store: HazardStore): Promise<string[]> {
  return (await store.query({}, { limit: 10_000 })).items.map((view) => view.id);
}

const firingKey = (e: AuditEntry) => `${e.caseId}/${e.firedTimer?.timerId}/${e.firedTimer?.dueAt}/${e.at}`;

describe('crash safety', () => {
  const temp = tempDirectory();
  const children: ChildProcess[] = [];
  beforeAll(bundleChild);
  afterAll(() => rmSync(childBundle, { force: true }));
  afterEach(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    temp.clean();
  });

  it(`survives ${PARENT_KILLS}+ SIGKILLs with every acknowledged command, no timer lost or fired twice`, async () => {
    const filename = temp.file('crash.db');
    const rng = random(SEED);
    const acks: Ack[] = [];
    const selfKillRuns = new Set(Array.from({ length: SELF_KILLS }, (_, i) => 3 + i * 5));
    let parentKills = 0;
    let selfKills = 0;
    let finished = false;

    for (let run = 0; !finished; run++) {
      const from = acks.length;
      const selfKill = selfKillRuns.has(run) ? from + 1 + Math.floor(rng() * 20) : undefined;
      const killNow = selfKill === undefined && parentKills < PARENT_KILLS;
      const child = startChild(filename, from, selfKill);
      children.push(child.child);
      if (killNow) {
        // Some kills land while the child starts (loading, opening the database); the rest
        // after a random number of steps, a random few ms into the next (timers or a commit).
        if (rng() < 0.15) await Promise.race([sleep(rng() * 400), child.ready]);
        else {
          await child.ready;
          await child.acknowledged(Math.floor(rng() * 30));
          await sleep(rng() * 12);
        }
        child.child.kill('SIGKILL');
      }
      const { code, signal, stderr } = await child.exit;
      for (const line of child.lines) {
        if (line === 'done') finished = true;
        if (!line.startsWith('{')) continue;
        const ack = JSON.parse(line) as Ack;
        expect(ack.step, 'acknowledgements continue where the last run stopped').toBe(acks.length);
        acks.push(ack);
      }
      if (signal === 'SIGKILL') {
        if (killNow) parentKills++;
        else selfKills++;
      } else {
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      }
    }

    expect(parentKills).toBeGreaterThanOrEqual(PARENT_KILLS);
    expect(selfKills).toBe(SELF_KILLS);
    expect(acks.map((a) => a.step)).toEqual(Array.from({ length: STEPS }, (_, i) => i));
    // The commands a dying run committed but never acknowledged came back as replays.
    expect(acks.filter((a) => a.replayed).length).toBeGreaterThanOrEqual(SELF_KILLS);

    const store = createSqliteStore({ filename });
    try {
      const ids = await caseIdsOf(store);
      const final = instantOf(STEPS);

      // Every acknowledged command is on disk, once, at the version it was acknowledged with.
      for (const ack of acks.filter((a) => a.ok)) {
        const result = (await store.getIdempotentResult(commandIdOf(ack.step))) as { ok: boolean } | undefined;
        expect(result?.ok, `step ${ack.step}`).toBe(true);
        const history = await store.history(ids[ack.caseIndex] as string);
        const entries = history.filter((e) => e.commandId === commandIdOf(ack.step));
        expect(
          entries.map((e) => e.seq),
          `step ${ack.step}`,
        ).toEqual([ack.version]);
      }
      for (const ack of acks.filter((a) => !a.ok)) {
        expect(await store.getIdempotentResult(commandIdOf(ack.step))).toBeUndefined();
      }

      // Every chain verifies; no timer fired twice; nothing due by the final instant is left.
      const firings: string[] = [];
      for (const id of ids) {
        const history = await store.history(id);
        expect(verifyAuditChain(history), `audit chain of ${id}`).toMatchObject({ ok: true });
        firings.push(...history.filter((e) => e.firedTimer).map(firingKey));
      }
      expect(new Set(firings).size).toBe(firings.length);
      const nextDue = await store.nextTimerDueAt();
      expect(nextDue === null || nextDue > final, `timer due at ${nextDue} was never fired`).toBe(true);

      // The same acknowledged commands, replayed without crashes on the memory store.
      const replayStore = createMemoryStore();
      const clock = createManualClock(START);
      const replay = crashEngine(replayStore, clock);
      const replayIds: string[] = [];
      for (const ack of acks) {
        clock.set(instantOf(ack.step));
        await fireDueTimers(replay);
        const result = await sendPlanned(replay, ack, ack.step, replayIds);
        if (ack.kind === 'report' && result.ok) replayIds.push(result.case.id);
        expect(
          { ok: result.ok, version: result.ok ? result.case.version : null },
          `step ${ack.step}: ${JSON.stringify(ack.command)}`,
        ).toEqual({ ok: ack.ok, version: ack.version });
      }
      clock.set(final);
      await fireDueTimers(replay);

      expect(ids).toHaveLength(replayIds.length);
      let replayFirings = 0;
      for (const [index, id] of ids.entries()) {
        const replayId = replayIds[index] as string;
        const same = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(id, replayId)) as unknown;
        const withoutHashes = (entries: AuditEntry[]) =>
          entries.map(({ hash: _h, prevHash: _p, stateHash: _s, ...rest }) => rest);
        // Hashes (and state hashes) cover the case id, which differs between the two runs; both chains were verified.
        const withoutHeadHash = (record: CaseRecord | undefined) => {
          const snapshot = record?.snapshot as { audit: { seq: number } } | undefined;
          return { ...record, snapshot: { ...snapshot, audit: { seq: snapshot?.audit.seq } } };
        };
        expect(same(withoutHeadHash(await store.getCase(id))), `case ${index}`).toEqual(
          JSON.parse(JSON.stringify(withoutHeadHash(await replayStore.getCase(replayId)))),
        );
        const replayHistory = await replayStore.history(replayId);
        replayFirings += replayHistory.filter((e) => e.firedTimer).length;
        expect(same(withoutHashes(await store.history(id))), `history of case ${index}`).toEqual(
          JSON.parse(JSON.stringify(withoutHashes(replayHistory))),
        );
        expect(same(await store.timersOf(id))).toEqual(
          JSON.parse(JSON.stringify(await replayStore.timersOf(replayId))),
        );
      }
      expect(firings.length).toBe(replayFirings);
      expect(firings.length).toBeGreaterThan(100); // timers really did fall due along the way
    } finally {
      await store.close();
    }
  }, 180_000);
});
