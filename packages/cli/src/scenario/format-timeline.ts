import type { Colors } from 'picocolors/types';
import type { ChangeEntry, ExpectationCheck, SimulationResult, TimelineEntry } from './run-scenario';

/**
 * Prints a simulation for people: one row per change of the case (time in the pack's zone,
 * event, who, status, due date, escalation level), the notifications each change sent
 * indented under it, clock moves, expectations and rejections in between, and a verdict.
 */
export function formatTimeline(result: SimulationResult, style: Colors, title?: string): string {
  const time = localTimeFormatter(result.pack.timeZone);
  const changes = result.entries.filter((e): e is ChangeEntry => e.kind === 'change');
  const header = ['time', 'event', 'by', 'status', 'due', 'level'];
  const cells = (e: ChangeEntry) => [
    time(e.at),
    e.command,
    e.actor.id,
    e.status,
    e.dueAt === null ? '-' : time(e.dueAt),
    `${e.escalationLevel}${e.overdue ? ' overdue' : ''}${e.paused ? ' paused' : ''}`,
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...changes.map((e) => (cells(e)[i] ?? '').length)));
  const row = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const indent = ' '.repeat((widths[0] ?? 0) + 2);

  const lines: string[] = [];
  const subject = `${result.pack.id}@${result.pack.version}, times in ${result.pack.timeZone}`;
  lines.push(style.bold(title ? `${title} (${subject})` : `Simulation of ${subject}`));
  lines.push('');
  lines.push(style.dim(row(header)));
  for (const entry of result.entries) lines.push(...entryLines(entry));
  lines.push('');
  lines.push(verdict(result, style));
  return `${lines.join('\n')}\n`;

  function entryLines(entry: TimelineEntry): string[] {
    switch (entry.kind) {
      case 'change': {
        const out = [row(cells(entry))];
        for (const n of entry.notifications) {
          const to = n.recipients.map((r) => (r.org === r.role ? r.role : `${r.role} ${r.org}`)).join(', ');
          out.push(`${indent}${style.cyan('→')} ${n.reason} (level ${n.level}) to ${to}`);
        }
        return out;
      }
      case 'advance':
        return [style.dim(`${indent}⏵ advance ${describeAdvance(entry.by)} to ${time(entry.to)}`)];
      case 'expect': {
        const mark = entry.ok ? style.green('✓') : style.red('✗');
        const checks = entry.checks.map((check) => describeCheck(check, time));
        const out = [`${time(entry.at).padEnd(widths[0] ?? 0)}  ${mark} expect ${checks.join(', ')}`];
        for (const check of entry.checks.filter((c) => !c.ok)) {
          out.push(`${indent}  ${style.red(`${check.field} is ${showValue(check.field, check.actual, time)}`)}`);
        }
        return out;
      }
      case 'rejected': {
        const head = `${time(entry.at).padEnd(widths[0] ?? 0)}  `;
        const what = `${entry.command} by ${entry.actor.id} rejected: ${entry.code}`;
        return entry.expected
          ? [`${head}${style.green('✓')} ${what} (as expected)`, `${indent}  ${style.dim(entry.message)}`]
          : [`${head}${style.red('✗')} ${what}`, `${indent}  ${entry.message}`];
      }
    }
  }
}

function verdict(result: SimulationResult, style: Colors): string {
  const changes = result.entries.filter((e) => e.kind === 'change').length;
  const expectations = result.entries.filter((e) => e.kind === 'expect').length;
  const counts = `${plural(changes, 'change')}, ${plural(expectations, 'expectation')}`;
  if (result.ok) return style.green(`✓ scenario passed: ${counts}`);
  return style.red(`✗ scenario failed (${plural(result.failures.length, 'failure')}): ${counts}`);
}

function describeAdvance(by: Record<string, unknown>): string {
  if (typeof by.to === 'string') return 'the clock';
  const [unit, amount] = Object.entries(by)[0] ?? ['', 0];
  const names: Record<string, string> = { workingDays: 'working day', days: 'day', hours: 'hour', minutes: 'minute' };
  return plural(Number(amount), names[unit] ?? unit);
}

function describeCheck(check: ExpectationCheck, time: (iso: string) => string): string {
  return `${check.field} ${showValue(check.field, check.expected, time)}`;
}

function showValue(field: string, value: unknown, time: (iso: string) => string): string {
  if (field === 'dueAt' && typeof value === 'string') return time(value);
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `2025-09-26 Fri 10:00` in the pack's time zone; deadlines at 23:59:59.999 print as 23:59. */
export function localTimeFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.weekday} ${parts.hour}:${parts.minute}`;
  };
}
