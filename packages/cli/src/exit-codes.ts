/**
 * What `hazardflow` exits with, so scripts and CI can tell a failed check from a typo:
 * 0 everything is fine, 1 the input is invalid or a check failed (an invalid pack, a failed
 * expectation, a broken audit chain, a file that cannot be read), 2 the command line itself
 * is wrong (unknown command or option, missing argument).
 */
export const EXIT_CODES = Object.freeze({ ok: 0, failed: 1, usage: 2 });

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
