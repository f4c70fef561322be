import { discoveryMethodOfRole, hazardReportSchema, ROLES } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

const report = {
  packId: 'fire',
  category: 'exits-blocked',
  site: { id: 's1', name: '幸福路12号商场', territory: 'street-a' },
  responsible: { id: 'party-1' },
  description: '安全出口上锁',
};

describe('discovery method (发现方式) on a report', () => {
  it('is optional and kept when given', () => {
    expect(hazardReportSchema.parse(report).discoveredBy).toBeUndefined();
    expect(hazardReportSchema.parse({ ...report, discoveredBy: 'complaint' }).discoveredBy).toBe('complaint');
  });

  it('an unknown method is refused, naming the field', () => {
    const parsed = hazardReportSchema.safeParse({ ...report, discoveredBy: 'rumour' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['discoveredBy']);
  });

  it("defaults from the reporter's role; a department transfer is never guessed", () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, discoveryMethodOfRole(role)]))).toEqual({
      reporter: 'complaint',
      responsible: 'self_report',
      territory: 'grid_patrol',
      regulator: 'inspection',
      command: 'inspection',
      system: 'inspection',
    });
  });
});
