import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** What one run of the binary did. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * Runs the real `hazardflow` binary (built from `src/bin.ts` for this test run, see
 * `build-hazardflow.ts`) as a child process. `--conditions=@hazardflow/source` lets the
 * TypeScript packs of the fixtures import `@hazardflow/core` from its sources, as they do
 * inside this repository. stdout and stderr are pipes (never a TTY), and colour variables from
 * the test runner's own environment are removed so only `env` decides them; so are the locale
 * variables (LANG, LC_ALL, LC_MESSAGES).
 */
export function hazardflow(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // Colour and language come from `env` only, so output does not depend on the machine's locale.
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'LANG', 'LC_ALL', 'LC_MESSAGES']) {
    if (!options.env?.[name]) delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@hazardflow/source', inject('hazardflowBin'), ...args], {
      cwd: options.cwd ?? FIXTURES,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `hazardflow` under an English locale (`LANG=en_US.UTF-8`), for tests that check the English wording. */
export function hazardflowInEnglish(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return hazardflow(args, { ...options, env: { LANG: 'en_US.UTF-8', ...options.env } });
}
