import { readFileSync } from 'node:fs';
import { chinaCalendar, deadlineCoverage, parseCalendarYear } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../docs/versioning.md', import.meta.url), 'utf8');

describe('docs/versioning.md', () => {
  it('shows a holidays file that parses, and a February 2027 deadline provisional until it is added', () => {
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const parsed = parseCalendarYear(JSON.parse(json ?? 'null'));
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.schedule.year).toBe(2027);
    const february = '2027-02-10T02:00:00Z';
    const bundled = chinaCalendar({ outsideCoverage: 'weekends-only' });
    const bundledTo = bundled.coveredYears?.to ?? 0;
    expect(bundledTo).toBeLessThan(2027);
    expect(deadlineCoverage(bundled, february)).toMatchObject({ provisional: true, year: 2027 });
    const gap = [];
    for (let year = bundledTo + 1; year < 2027; year += 1) gap.push({ year, holidays: [], workdays: [] });
    const withYear = chinaCalendar({ extraYears: [...gap, parsed.schedule] });
    expect(deadlineCoverage(withYear, february)).toEqual({ provisional: false });
    expect(withYear.isWorkingDate('2027-02-10')).toBe(false); // a Wednesday of the Spring Festival
    expect(bundled.isWorkingDate('2027-02-10')).toBe(true); // weekends only: counted as a working day
  });

  it('lists every lifecycle state a migration map may name', async () => {
    const { LIFECYCLE_STATES } = await import('@hazardflow/core');
    for (const state of LIFECYCLE_STATES) expect(doc).toContain(`\`${state}\``);
  });
});
