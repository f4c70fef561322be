import { type Bilingual, inLocale, type Locale } from '@hazardflow/core';
import { EXIT_CODES, type ExitCode } from './exit-codes';

/** Why a command could not do its work, as data; the program prints `text` in the reader's language and exits with `exitCode`. */
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

/**
 * A command's failure with its message in both languages (`{ zh, en }`, like a pack's labels).
 * `message` is the English text, for programs and stack traces; `messageIn(locale)` is what the
 * program prints.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: CliErrorCode,
    readonly text: Bilingual,
    readonly exitCode: ExitCode = EXIT_CODES.failed,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
  }

  /** The message in `locale` (Chinese when not given). */
  messageIn(locale: Locale = 'zh-CN'): string {
    return inLocale(this.text, locale);
  }
}
