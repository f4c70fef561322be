import { EXIT_CODES, type ExitCode } from './exit-codes';

/** Why a command could not do its work, as data; the program prints `message` and exits with `exitCode`. */
export type CliErrorCode =
  | 'FILE_NOT_FOUND'
  | 'UNSUPPORTED_FILE'
  | 'PARSE_FAILED'
  | 'IMPORT_FAILED'
  | 'NO_PACK_EXPORT'
  | 'INVALID_PACK'
  | 'INVALID_SCENARIO'
  | 'INVALID_HOLIDAYS'
  | 'DATABASE_UNREADABLE'
  | 'UNKNOWN_CASE'
  | 'RENDER_FAILED'
  | 'WRITE_FAILED'
  | 'MIGRATION_REFUSED'
  | 'CONFIRMATION_REQUIRED';

export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly exitCode: ExitCode = EXIT_CODES.failed,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
