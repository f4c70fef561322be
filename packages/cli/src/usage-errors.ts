import type { Locale } from '@hazardflow/core';

/**
 * Commander's usage errors (`error: required option '--db <file>' not specified` …) in
 * Chinese: the messages commander writes are matched line by line and rewritten, option names
 * and values kept as typed. English, or a message not recognised, is returned unchanged.
 */
export function localizeUsageError(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, replace] of RULES) {
        const match = pattern.exec(line);
        if (match) return replace(...(match.slice(1) as string[]));
      }
      return line;
    })
    .join('\n');
}

const RULES: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^error: required option '(.+)' not specified$/, (o) => `错误：缺少必需的选项 '${o}'`],
  [/^error: missing required argument '(.+)'$/, (a) => `错误：缺少必需的参数 '${a}'`],
  [/^error: option '(.+)' argument missing$/, (o) => `错误：选项 '${o}' 缺少取值`],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (o, v, c) => `错误：选项 '${o}' 的取值 '${v}' 无效，可选：${c}`,
  ],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. ?(.*)$/,
    (o, v, why) => `错误：选项 '${o}' 的取值 '${v}' 无效${why ? `：${why}` : ''}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)$/,
    (v, a, why) => `错误：参数 '${a}' 的取值 '${v}' 无效${why ? `：${why}` : ''}`,
  ],
  [/^error: unknown option '(.+)'$/, (o) => `错误：未知选项 '${o}'`],
  [/^error: unknown command '(.+)'$/, (c) => `错误：未知命令 '${c}'`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, expected, got) => `错误：${c ? `命令 '${c}' 的` : ''}参数过多：应为 ${expected} 个，实际 ${got} 个`,
  ],
  [/^\(Did you mean (.+)\?\)$/, (s) => `（是否想输入 ${s}？）`],
  [/^\(run with --help for usage\)$/, () => '（用法见 --help）'],
];

/** The `--lang` the arguments give (`--lang en`, `--lang=en`), before commander has parsed them. */
export function langArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return undefined;
    if (arg === '--lang') return args[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
