/**
 * The terminal sessions of a Markdown document: ```console blocks holding `$ hazardflow …`
 * commands, each followed by its output and optionally by `$ echo $?` and the exit code.
 * A line holding only `…` in an output stands for lines left out.
 */
export interface DocumentedRun {
  /** The arguments after `hazardflow`. */
  readonly args: string[];
  readonly command: string;
  readonly output: string[];
  readonly exitCode: number;
  /** Where the output lines sit in the document (0-based line indices, end exclusive). */
  readonly outputStart: number;
  readonly outputEnd: number;
  /** Where `$ echo $?` and its line sit, if present. */
  readonly exitCodeLine: number | undefined;
}

export const ELISION = '…';

export function documentedRuns(markdown: string): DocumentedRun[] {
  const lines = markdown.split('\n');
  const runs: DocumentedRun[] = [];
  let inConsole = false;
  let current: { command: string; start: number; output: string[] } | undefined;
  let pending: DocumentedRun | undefined;
  const finish = (end: number) => {
    if (current) {
      pending = {
        args: splitArgs(current.command.slice('hazardflow '.length)),
        command: current.command,
        output: current.output,
        exitCode: 0,
        outputStart: current.start,
        outputEnd: end,
        exitCodeLine: undefined,
      };
      runs.push(pending);
    }
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!inConsole) {
      if (line.trim() === '```console') inConsole = true;
      continue;
    }
    if (line.trim() === '```') {
      finish(i);
      inConsole = false;
      pending = undefined;
      continue;
    }
    if (line.startsWith('$ ')) {
      finish(i);
      const command = line.slice(2);
      if (command === 'echo $?') {
        if (!pending) throw new Error(`line ${i + 1}: echo $? without a command before it`);
        const code = Number(lines[i + 1]);
        if (!Number.isInteger(code)) throw new Error(`line ${i + 2}: expected an exit code`);
        runs[runs.length - 1] = { ...pending, exitCode: code, exitCodeLine: i };
        pending = undefined;
        i++;
        continue;
      }
      if (!command.startsWith('hazardflow ')) throw new Error(`line ${i + 1}: not a hazardflow command: ${command}`);
      current = { command, start: i + 1, output: [] };
      continue;
    }
    current?.output.push(line);
  }
  return runs;
}

/** Splits a command line on spaces, honouring single and double quotes (no escapes, no variables). */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) args.push(match[1] ?? match[2] ?? match[3] ?? '');
  return args;
}

/** Whether `actual` lines match `expected` lines, where an `…` line in `expected` matches any lines. */
export function matchesWithElision(expected: readonly string[], actual: readonly string[]): boolean {
  const match = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e] === ELISION) {
      for (let skip = a; skip <= actual.length; skip++) if (match(e + 1, skip)) return true;
      return false;
    }
    return a < actual.length && expected[e] === actual[a] && match(e + 1, a + 1);
  };
  return match(0, 0);
}

/** Actual output shaped like the documented one: the same lines kept before and after each `…`. */
export function elideLike(expected: readonly string[], actual: readonly string[]): string[] {
  const at = expected.indexOf(ELISION);
  if (at < 0) return [...actual];
  const tail = expected.length - at - 1;
  if (at + tail >= actual.length) return [...actual];
  return [...actual.slice(0, at), ELISION, ...actual.slice(actual.length - tail)];
}
