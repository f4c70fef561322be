import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import {
  type BusinessCalendar,
  CalendarError,
  type ChinaYearSchedule,
  chinaCalendar,
  formatPolicyPackIssues,
  parseCalendarYear,
} from '@hazardflow/core';
import { CliError } from './cli-error';
import { assertFile, displayPath } from './load-pack';
import { dataFormatOf, parseData } from './parse-data';

/**
 * Reads a holidays file (JSON or YAML, the shape of `calendarYearSchema`) for `year` and
 * builds the China calendar with it, weekends-only past it as the engine's default is. Every
 * problem is an `INVALID_HOLIDAYS` error naming the field (`holidays[1].to: invalid_date …`),
 * raised before anything is opened for writing.
 */
export async function loadHolidaysCalendar(
  spec: string,
  year: number,
  cwd: string,
): Promise<{ schedule: ChinaYearSchedule; calendar: BusinessCalendar; shown: string }> {
  const path = isAbsolute(spec) ? spec : resolve(cwd, spec);
  const shown = displayPath(spec, path, cwd);
  await assertFile(path, shown, { zh: '节假日', en: 'holidays' });
  const format = dataFormatOf(path) ?? 'json';
  const parsed = parseCalendarYear(parseData(await readFile(path, 'utf8'), format, shown));
  if (!parsed.success) {
    const n = parsed.issues.length;
    const issues = formatPolicyPackIssues(parsed.issues);
    throw new CliError('INVALID_HOLIDAYS', {
      zh: `${shown} 不是有效的节假日文件（${n} 个问题）：\n${issues}`,
      en: `${shown} is not a valid holidays file (${n} ${n === 1 ? 'problem' : 'problems'}):\n${issues}`,
    });
  }
  if (parsed.schedule.year !== year) {
    throw new CliError('INVALID_HOLIDAYS', {
      zh: `${shown}：year：文件是 ${parsed.schedule.year} 年的，但 --year 指定的是 ${year} 年`,
      en: `${shown}: year: the file is for ${parsed.schedule.year}, but --year says ${year}`,
    });
  }
  try {
    const calendar = chinaCalendar({ extraYears: [parsed.schedule], outsideCoverage: 'weekends-only' });
    return { schedule: parsed.schedule, calendar, shown };
  } catch (error) {
    // A year that leaves a gap after the covered ones (2028 without 2027), say.
    if (error instanceof CalendarError) {
      throw new CliError('INVALID_HOLIDAYS', { zh: `${shown}：${error.message}`, en: `${shown}: ${error.message}` });
    }
    throw error;
  }
}
