import type { Lang } from '../api/types';

/**
 * Instants shown in the case's time zone (the pack's, Asia/Shanghai by default), never the
 * browser's: an inspector abroad and one in the district read the same deadline.
 */
export function formatInstant(iso: string | null | undefined, timeZone: string, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang === 'zh' ? 'zh-CN' : 'en-GB', timeZone, 'instant').format(date);
}

export function formatDay(iso: string, timeZone: string, lang: Lang): string {
  return formatter(lang === 'zh' ? 'zh-CN' : 'en-GB', timeZone, 'day').format(new Date(iso));
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
function dayOf(date: Date, timeZone: string): string {
  return formatter('en-CA', timeZone, 'date').format(date);
}

const SHAPES: Record<'instant' | 'day' | 'date', Intl.DateTimeFormatOptions> = {
  instant: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false },
  day: { month: '2-digit', day: '2-digit' },
  date: { year: 'numeric', month: '2-digit', day: '2-digit' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat costs far more than using one: a list of 50 rows reuses a few. */
function formatter(locale: string, timeZone: string, shape: keyof typeof SHAPES): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...SHAPES[shape] });
    formatters.set(key, f);
  }
  return f;
}

export type DeadlineText = { kind: 'none' } | { kind: 'workingDays' | 'calendarDays'; days: number; overdue: boolean };

/**
 * How far a deadline is. Working days when the service sends them (its calendar knows the
 * holidays and make-up days); otherwise calendar days between the dates in the case's time
 * zone, labelled as calendar days so nobody mistakes them for working days.
 */
export function deadlineOf(
  view: { dueAt: string | null; workingDaysLeft?: number | null; overdue: boolean },
  now: Date,
  timeZone: string,
): DeadlineText {
  if (!view.dueAt) return { kind: 'none' };
  if (typeof view.workingDaysLeft === 'number') {
    return {
      kind: 'workingDays',
      days: Math.abs(view.workingDaysLeft),
      overdue: view.workingDaysLeft < 0 || view.overdue,
    };
  }
  const due = Date.parse(`${dayOf(new Date(view.dueAt), timeZone)}T00:00:00Z`);
  const today = Date.parse(`${dayOf(now, timeZone)}T00:00:00Z`);
  const days = Math.round((due - today) / 86_400_000);
  return { kind: 'calendarDays', days: Math.abs(days), overdue: view.overdue || days < 0 };
}
