import type { ExitCode } from '../exit-codes';
import type { Terminal } from '../terminal';

/**
 * How a command's action runs: the program hands it the terminal (with colour as the
 * command line asked) and records the exit code it returns. Errors it throws are the
 * program's to report.
 */
export type CommandRunner = (work: (terminal: Terminal) => Promise<ExitCode>) => Promise<void>;
