import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deskAssetsDir } from '../src/assets';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the desk when there is no build, or one older than its sources (CI builds first). */
export function ensureDeskBuilt(): void {
  const index = join(deskAssetsDir(), 'index.html');
  if (existsSync(index) && newestSource(join(packageDir, 'src')) <= statSync(index).mtimeMs) return;
  execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: packageDir, stdio: 'inherit' });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
