import type { Bilingual, Locale } from '@hazardflow/core';
import type { Colors } from 'picocolors/types';
import { padEndToWidth, textColumns } from '../text-columns';
import { vocabulary } from '../vocabulary-text';
import type { ChangeEntry, ExpectationCheck, SimulationResult, TimelineEntry } from './run-scenario';

/**
 * Prints a simulation for people: one row per change of the case (time in the pack's zone,
 * event, who, status, due date, escalation level), the notifications each change sent
 * indented under it, clock moves, expectations and rejections in between, and a verdict. In
 * Chinese unless `locale` is `en`; columns are measured in terminal columns (CJK counts two).
 */
export function formatTimeline(
  result: SimulationResult,
  style: Colors,
  title?: string,
  locale: Locale = 'zh-CN',
): string {
  const say = (text: Bilingual) => (locale === 'en' ? text.en : text.zh);
  const time = localTimeFormatter(result.pack.timeZone);
  const changes = result.entries.filter((e): e is ChangeEntry => e.kind === 'change');
  const header =
    locale === 'en'
      ? ['time', 'event', 'by', 'status', 'due', 'level']
      : ['时间', '事件', '操作人', '状态', '期限', '督办级别'];
  const cells = (e: ChangeEntry) => [
    time(e.at),
    vocabulary('command', e.command, locale),
    e.actor.id,
    vocabulary('status', e.status, locale),
    e.dueAt === null ? '-' : time(e.dueAt),
    `${e.escalationLevel}${e.overdue ? say({ zh: ' 逾期', en: ' overdue' }) : ''}${e.paused ? say({ zh: ' 暂停计时', en: ' paused' }) : ''}`,
  ];
  const { widths, lines: table } = textColumns([header, ...changes.map(cells)]);
  const [headerLine = '', ...changeLines] = table;
  const indent = ' '.repeat((widths[0] ?? 0) + 2);
  const timeColumn = (iso: string) => padEndToWidth(time(iso), widths[0] ?? 0);

  const lines: string[] = [];
  const subject = say({
    zh: `${result.pack.id}@${result.pack.version}，时间为 ${result.pack.timeZone} 时区`,
    en: `${result.pack.id}@${result.pack.version}, times in ${result.pack.timeZone}`,
  });
  lines.push(
    style.bold(
      title
        ? say({ zh: `${title}（${subject}）`, en: `${title} (${subject})` })
        : say({ zh: `模拟：${subject}`, en: `Simulation of ${subject}` }),
    ),
  );
  lines.push('');
  lines.push(style.dim(headerLine));
  let change = 0;
  for (const entry of result.entries) lines.push(...entryLines(entry));
  lines.push('');
  lines.push(verdict(result, style, locale));
  return `${lines.join('\n')}\n`;

  function entryLines(entry: TimelineEntry): string[] {
    switch (entry.kind) {
      case 'change': {
        const out = [changeLines[change++] ?? ''];
        for (const n of entry.notifications) {
          const to = n.recipients
            .map((r) => {
              const role = vocabulary('role', r.role, locale);
              return r.org === r.role ? role : `${role} ${r.org}`;
            })
            .join(say({ zh: '、', en: ', ' }));
          const reason = vocabulary('notificationReason', n.reason, locale);
          out.push(
            `${indent}${style.cyan('→')} ${say({ zh: `${reason}（${n.level} 级）通知 ${to}`, en: `${reason} (level ${n.level}) to ${to}` })}`,
          );
        }
        return out;
      }
      case 'advance': {
        const by = describeAdvance(entry.by, locale);
        const to = time(entry.to);
        return [
          style.dim(
            `${indent}⏵ ${say({ zh: by ? `时钟前进 ${by}，至 ${to}` : `时钟拨至 ${to}`, en: `advance ${by} to ${to}` })}`,
          ),
        ];
      }
      case 'expect': {
        const mark = entry.ok ? style.green('✓') : style.red('✗');
        const checks = entry.checks.map((check) => describeCheck(check, time)).join(', ');
        const out = [`${timeColumn(entry.at)}  ${mark} ${say({ zh: `预期 ${checks}`, en: `expect ${checks}` })}`];
        for (const check of entry.checks.filter((c) => !c.ok)) {
          const actual = showValue(check.field, check.actual, time);
          out.push(
            `${indent}  ${style.red(say({ zh: `${check.field} 实际为 ${actual}`, en: `${check.field} is ${actual}` }))}`,
          );
        }
        return out;
      }
      case 'rejected': {
        const head = `${timeColumn(entry.at)}  `;
        const command = vocabulary('command', entry.command, locale);
        const what = say({
          zh: `${entry.actor.id} 的${command}被拒绝：${entry.code}`,
          en: `${entry.command} by ${entry.actor.id} rejected: ${entry.code}`,
        });
        return entry.expected
          ? [
              `${head}${style.green('✓')} ${what}${say({ zh: '（符合预期）', en: ' (as expected)' })}`,
              `${indent}  ${style.dim(entry.message)}`,
            ]
          : [`${head}${style.red('✗')} ${what}`, `${indent}  ${entry.message}`];
      }
    }
  }
}

function verdict(result: SimulationResult, style: Colors, locale: Locale): string {
  const changes = result.entries.filter((e) => e.kind === 'change').length;
  const expectations = result.entries.filter((e) => e.kind === 'expect').length;
  const failures = result.failures.length;
  if (locale !== 'en') {
    const counts = `${changes} 次变更，${expectations} 项预期`;
    if (result.ok) return style.green(`✓ 场景通过：${counts}`);
    return style.red(`✗ 场景未通过（${failures} 处失败）：${counts}`);
  }
  const counts = `${plural(changes, 'change')}, ${plural(expectations, 'expectation')}`;
  if (result.ok) return style.green(`✓ scenario passed: ${counts}`);
  return style.red(`✗ scenario failed (${plural(failures, 'failure')}): ${counts}`);
}

function describeAdvance(by: Record<string, unknown>, locale: Locale): string {
  if (typeof by.to === 'string') return locale === 'en' ? 'the clock' : '';
  const [unit, amount] = Object.entries(by)[0] ?? ['', 0];
  if (locale !== 'en') {
    const units: Record<string, string> = { workingDays: '个工作日', days: '天', hours: '小时', minutes: '分钟' };
    return `${Number(amount)} ${units[unit] ?? unit}`;
  }
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
