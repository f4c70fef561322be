import { LOCALES, type Locale } from '@hazardflow/core';
import { InvalidArgumentError } from 'commander';

/**
 * The language of the CLI's output for people, from the terminal's locale: the first of
 * `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (POSIX order). English for an `en…` locale,
 * Chinese for everything else: Chinese is hazardflow's first language, and `C`/`POSIX` (the
 * default of most servers and CI) says nothing about the reader.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^en([_.@-]|$)/i.test(value) ? 'en' : 'zh-CN';
}

/** Commander parser for `--lang`: zh, zh-CN, zh_CN.UTF-8, en, en-US … (case-insensitive); anything else is a usage error. */
export function parseLangOption(value: string): Locale {
  if (/^zh([_-]cn)?(\..*)?$/i.test(value)) return 'zh-CN';
  if (/^en([_-][a-z]{2})?(\..*)?$/i.test(value)) return 'en';
  throw new InvalidArgumentError(`expected one of ${LOCALES.join(', ')} (or zh, zh_CN.UTF-8, en_US …)`);
}
