import { type Bilingual, inLocale, type Locale } from '@hazardflow/core';
import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types';
import { localeFromEnvironment } from './locale';

const { createColors } = picocolors;

/** Where a command writes, and whether each stream gets colour. Tests and embedders pass their own. */
export interface Terminal {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Styles for text written to `out` (plain functions when colour is off). */
  readonly outStyle: Colors;
  readonly errStyle: Colors;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** The language of output for people; Chinese when not given. `--lang` overrides it. */
  readonly locale?: Locale;
}

export interface ColourEnvironment {
  readonly isTTY?: boolean | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Colour only for a person at a terminal: never when `NO_COLOR` is set (no-color.org), always
 * when `FORCE_COLOR` is set to anything but `0`, otherwise only on a TTY that is not `dumb`.
 * picocolors' own check also turns colour on whenever `CI` is set, even into a pipe or a
 * log file, so the decision is made here and picocolors only paints.
 */
export function wantsColour({ isTTY, env }: ColourEnvironment): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0';
  return isTTY === true && env.TERM !== 'dumb';
}

/** The process's own stdout and stderr; `colour: false` (from `--no-color`) turns colour off on both. */
export function processTerminal(options: { colour?: boolean } = {}): Terminal {
  const allow = options.colour !== false;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    outStyle: createColors(allow && wantsColour({ isTTY: process.stdout.isTTY, env: process.env })),
    errStyle: createColors(allow && wantsColour({ isTTY: process.stderr.isTTY, env: process.env })),
    cwd: process.cwd(),
    locale: localeFromEnvironment(process.env),
  };
}

/** The same terminal with colour turned off on both streams. */
export function withoutColour(terminal: Terminal): Terminal {
  return { ...terminal, outStyle: createColors(false), errStyle: createColors(false) };
}

/**
 * A function picking the terminal's language from a `{ zh, en }` text: English for an `en`
 * locale, Chinese otherwise (also when the terminal names none).
 */
export function sayer(terminal: Pick<Terminal, 'locale'>): (text: Bilingual) => string {
  const locale = terminal.locale ?? 'zh-CN';
  return (text) => inLocale(text, locale);
}
