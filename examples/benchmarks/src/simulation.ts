import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SimulationRow {
  seconds: number;
  /** The demo's own closing summary line, when it printed one. */
  summary: string;
}

/**
 * Section 5: the district simulation's wall time, run once as a user runs it (`pnpm demo`,
 * output to a temporary folder). Undefined when the example is not in this checkout.
 */
export function measureSimulation(repoRoot: string): SimulationRow | undefined {
  if (!existsSync(join(repoRoot, 'examples', 'district-simulation', 'package.json'))) return undefined;
  const out = mkdtempSync(join(tmpdir(), 'hazardflow-demo-'));
  try {
    const started = performance.now();
    const run = spawnSync('pnpm', ['demo', '--', '--out', out], { cwd: repoRoot, encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`pnpm demo exited with ${run.status}: ${run.stderr || run.stdout}`);
    const summary = run.stdout.split('\n').find((line) => line.startsWith('District simulation')) ?? '';
    return { seconds, summary: summary.trim() };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
