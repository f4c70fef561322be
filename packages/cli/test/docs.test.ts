import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedRuns, elideLike, matchesWithElision } from './support/console-blocks';
import { FIXTURES, hazardflow } from './support/run-hazardflow';
import { prepareWorkspace, type Workspace } from './support/workspace';

/**
 * docs/cli.md shows real runs. This test runs every documented command again, in a workspace
 * built the way the doc says, and checks its output (stdout, then stderr) and exit code.
 * Case ids and hashes differ between runs and are compared as placeholders.
 *
 * After a deliberate change of output, refresh the doc with
 * `UPDATE_CLI_DOCS=1 npx vitest run --project cli test/docs.test.ts`.
 */
const DOC = new URL('../../../docs/cli.md', import.meta.url);
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
const update = process.env.UPDATE_CLI_DOCS === '1';

function normalise(line: string): string {
  return line
    .replace(ULID, '<id>')
    .replace(/\b[0-9a-f]{64}\b/g, '<hash>')
    .replace(/\b[0-9a-f]{12}…/g, '<hash>…')
    .trimEnd();
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

describe('docs/cli.md', () => {
  const markdown = readFileSync(DOC, 'utf8');
  const runs = documentedRuns(markdown);
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await prepareWorkspace();
  });
  afterAll(() => workspace?.remove());

  it('documents every command, with its help', () => {
    const commands = new Set(runs.map((run) => run.args[0]));
    for (const command of ['validate', 'diagram', 'simulate', 'report', 'history']) {
      expect(commands, command).toContain(command);
      expect(runs.some((run) => run.args[0] === command && run.args.includes('--help'))).toBe(true);
    }
    expect(runs.some((run) => run.exitCode === 1)).toBe(true);
    expect(runs.some((run) => run.exitCode === 2)).toBe(true);
  });

  it('shows the scenario file it runs, as it is', () => {
    const shown = /<!-- file: (\S+) -->\n```yaml\n([\s\S]*?)```/g;
    const files = [...markdown.matchAll(shown)];
    expect(files.length).toBeGreaterThan(0);
    for (const [, path, body] of files) {
      expect(body, path).toBe(readFileSync(join(FIXTURES, path as string), 'utf8'));
    }
  });

  const replacements: { start: number; end: number; lines: string[] }[] = [];
  afterAll(() => {
    if (!update || replacements.length === 0) return;
    const lines = markdown.split('\n');
    for (const { start, end, lines: replacement } of replacements.sort((a, b) => b.start - a.start)) {
      lines.splice(start, end - start, ...replacement);
    }
    writeFileSync(DOC, lines.join('\n'));
  });

  it.each(runs.map((run) => [run.command, run] as const))('$ %s', async (_command, run) => {
    // The doc's case id is the e-bike case of its own run; this run's id is another ULID.
    const args = run.args.map((arg) => arg.replace(ULID, workspace.cases.ebike));
    const result = await hazardflow(args, { cwd: workspace.path });
    const actual = linesOf(result.stdout + result.stderr);
    if (update) {
      const command = `$ ${run.command.replace(ULID, workspace.cases.ebike)}`;
      replacements.push({ start: run.outputStart - 1, end: run.outputStart, lines: [command] });
      replacements.push({ start: run.outputStart, end: run.outputEnd, lines: elideLike(run.output, actual) });
      if (run.exitCodeLine !== undefined) {
        replacements.push({ start: run.exitCodeLine + 1, end: run.exitCodeLine + 2, lines: [String(result.code)] });
      }
      return;
    }
    const context = `--- actual ---\n${actual.join('\n')}`;
    expect(result.code, context).toBe(run.exitCode);
    expect(matchesWithElision(run.output.map(normalise), actual.map(normalise)), context).toBe(true);
  });
});
