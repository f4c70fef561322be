import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AuditEntry, verifyAuditChain } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from './support/temp-directory';

/**
 * Group commit under SIGKILL (issue 25). A child runs 8 clients at once on SQLite with
 * durability 'full', so their commits share transactions; it is killed 20 times, each time a
 * random number of acknowledgements in, and restarted. At the end every acknowledged command
 * is in the file with the version it was acknowledged with, no command was applied twice,
 * and every audit chain verifies.
 */

const CLIENTS = 8;
const ROUNDS = 24;
const KILLS = 20;
const SEED = 20_261_205;
const childSource = fileURLToPath(new URL('./crash/group-commit-child.ts', import.meta.url));
const childBundle = fileURLToPath(
  new URL(`../node_modules/.cache/group-commit-child-${process.pid}.mjs`, import.meta.url),
);

interface Ack {
  commandId: string;
  caseId: string;
  version: number;
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

/** Starts the child; `acked(n)` resolves once it printed n acknowledgements (or exited). */
function startChild(filename: string) {
  const child = spawn(process.execPath, [childBundle, filename, `${CLIENTS}`, `${ROUNDS}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let done = false;
  let exited = false;
  let pending = '';
  let stderr = '';
  const waiters: { until: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) {
      if (exited || acks.length >= w.until) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? ''; // a line cut by the kill was never acknowledged
    for (const line of lines) {
      if (line === 'done') done = true;
      else if (line.startsWith('{')) acks.push(JSON.parse(line) as Ack);
    }
    wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) => {
    child.on('close', (code, signal) => {
      exited = true;
      wake();
      resolve({ code, signal });
    });
  });
  const acked = (count: number) =>
    new Promise<void>((resolve) => {
      waiters.push({ until: count, resolve });
      wake();
    });
  return { child, acks, acked, exit, isDone: () => done, stderr: () => stderr };
}

describe('group commit crash safety', () => {
  const temp = tempDirectory();
  const children: ChildProcess[] = [];
  beforeAll(async () => {
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
  });
  afterAll(() => rmSync(childBundle, { force: true }));
  afterEach(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    temp.clean();
  });

  it(`keeps every acknowledged command of ${CLIENTS} concurrent clients through ${KILLS} SIGKILLs`, async () => {
    const filename = temp.file('group-commit-crash.db');
    const rng = random(SEED);
    const acknowledged = new Map<string, Ack>();
    let kills = 0;
    for (;;) {
      const child = startChild(filename);
      children.push(child.child);
      if (kills < KILLS) {
        // Killed a random number of acknowledgements in: mid-batch, between batches, or at once.
        await child.acked(Math.floor(rng() * 40));
        child.child.kill('SIGKILL');
      }
      const { code, signal } = await child.exit;
      for (const ack of child.acks) {
        // A command acknowledged twice (first run, then a replay) must say the same both times.
        const earlier = acknowledged.get(ack.commandId);
        if (earlier) expect(ack).toEqual(earlier);
        acknowledged.set(ack.commandId, ack);
      }
      if (signal === 'SIGKILL') kills++;
      else {
        expect({ code, stderr: child.stderr() }).toEqual({ code: 0, stderr: '' });
        expect(child.isDone()).toBe(true);
        break;
      }
    }
    expect(kills).toBe(KILLS);
    expect(acknowledged.size).toBe(CLIENTS * (ROUNDS + 1));

    const store = createSqliteStore({ filename });
    try {
      const cases = new Set([...acknowledged.values()].map((ack) => ack.caseId));
      expect(cases.size).toBe(CLIENTS);
      for (const caseId of cases) {
        const history: AuditEntry[] = await store.history(caseId);
        expect(verifyAuditChain(history).ok).toBe(true);
        // Each command once, at the version it was acknowledged with.
        const ids = history.map((entry) => entry.commandId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(history).toHaveLength(ROUNDS + 1);
        for (const entry of history) {
          expect(acknowledged.get(entry.commandId as string)?.version).toBe(entry.seq);
        }
      }
    } finally {
      await store.close();
    }
  }, 240_000);
});
