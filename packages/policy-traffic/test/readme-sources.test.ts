import { readFileSync } from 'node:fs';
import { DEFAULT_PERMISSIONS } from '@hazardflow/core';
import { trafficPack } from '@hazardflow/policy-traffic';
import { describe, expect, it } from 'vitest';

/**
 * The README lists every rule of the pack with its source or `[default]` (issue 23's
 * done-criterion): each category, severity rule and season appears in a table row that cites a
 * clause or says `[default]`, each escalation rung has its row, each permission that differs
 * from hazardflow's defaults is named, and every table under the rule sections has a source on
 * each row.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rows = readme.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|---'));
const SOURCE = /\[default\]|Art\.|§|GB \d|JTG|《|法 Art|Order 16|国办发/;

function sectionRows(heading: string): string[] {
  const start = readme.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const section = readme.slice(start, readme.indexOf('\n## ', start + heading.length));
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('|---'))
    .slice(1);
}

describe('the traffic pack README', () => {
  const ids = [
    ...trafficPack.categories.map((c) => c.id),
    ...trafficPack.severityRules.map((r) => r.id),
    ...trafficPack.seasons.map((s) => s.id),
  ];

  it.each(ids)('lists `%s` in a table row with its source', (id) => {
    const cited = rows.filter((row) => row.includes(`\`${id}\``) && SOURCE.test(row));
    expect(cited, `no row names \`${id}\` with a source or [default]`).not.toHaveLength(0);
  });

  it('cites a source on every row of the deadline, evidence, ladder, permission and step tables', () => {
    for (const heading of ['## Deadlines', '## Evidence', '## Escalation ladder', '## Who may do what', '## Steps']) {
      const body = sectionRows(heading);
      expect(body.length, heading).toBeGreaterThan(0);
      for (const row of body) expect(row, `${heading}: ${row}`).toMatch(SOURCE);
    }
  });

  it('has a row for every escalation rung, level 0 included', () => {
    const levels = sectionRows('## Escalation ladder').map((row) => row.split('|')[1]?.trim());
    expect(levels).toEqual(['0', ...trafficPack.escalation.ladder.map((rung) => String(rung.level))]);
  });

  it('lists every industry department with its place types and source', () => {
    const body = sectionRows('## Industry departments');
    const parties = Object.entries(trafficPack.parties ?? {});
    expect(parties.length).toBeGreaterThan(0);
    expect(body).toHaveLength(parties.length);
    for (const [id, party] of parties) {
      const row = body.find((r) => r.includes(`\`${id}\``));
      expect(row, `no row for party \`${id}\``).toMatch(SOURCE);
      for (const placeType of party.industry?.placeTypes ?? []) expect(row, id).toContain(`\`${placeType}\``);
    }
  });

  it('names every permission that differs from the defaults', () => {
    const table = sectionRows('## Who may do what').join('\n');
    for (const [command, roles] of Object.entries(trafficPack.permissions)) {
      const fallback = DEFAULT_PERMISSIONS[command as keyof typeof DEFAULT_PERMISSIONS];
      if (fallback !== undefined && [...roles].sort().join() === [...fallback].sort().join()) continue;
      expect(table, `permission ${command}`).toContain(`\`${command}\``);
    }
  });
});
