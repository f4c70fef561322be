import { parseDocument } from 'yaml';
import { CliError } from './cli-error';

export type DataFormat = 'json' | 'yaml';

/** The data format a file name implies, or undefined when it is neither JSON nor YAML. */
export function dataFormatOf(file: string): DataFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/**
 * Parses JSON (with `JSON.parse`) or YAML 1.2 (with the `yaml` package: core schema, so
 * `yes` stays a string and dates stay strings; duplicate keys are errors; aliases are capped
 * against "billion laughs"). A syntax error becomes a `PARSE_FAILED` error naming the file,
 * line and column.
 */
export function parseData(text: string, format: DataFormat, file: string): unknown {
  return format === 'json' ? parseJson(text, file) : parseYaml(text, file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? `:${lineAndColumn(text, Number(position[1]))}` : '';
    // Newer V8 messages already name the line; keep the message as V8 wrote it.
    throw new CliError(
      'PARSE_FAILED',
      { zh: `${file}${where}：JSON 格式错误：${message}`, en: `${file}${where}: invalid JSON: ${message}` },
      undefined,
      { cause: error },
    );
  }
}

function parseYaml(text: string, file: string): unknown {
  // prettyErrors computes each error's line and column (and appends them to the message).
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    const where = at ? `:${at.line}:${at.col}` : '';
    const reason = firstLine(first.message).replace(/ at line \d+, column \d+:?$/, '');
    const others = document.errors.length - 1;
    throw new CliError('PARSE_FAILED', {
      zh: `${file}${where}：YAML 格式错误：${reason}${others > 0 ? `（另有 ${others} 处）` : ''}`,
      en: `${file}${where}: invalid YAML: ${reason}${others > 0 ? ` (and ${others} more)` : ''}`,
    });
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'PARSE_FAILED',
      { zh: `${file}：YAML 格式错误：${message}`, en: `${file}: invalid YAML: ${message}` },
      undefined,
      { cause: error },
    );
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
