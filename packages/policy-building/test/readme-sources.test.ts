import { readFileSync } from 'node:fs';
import { buildingPack } from '@hazardflow/policy-building';
import { describe, expect, it } from 'vitest';

/**
 * The README lists every rule of the pack with its source or `[default]` (issue 23's
 * done-criterion): each category, severity rule and season appears in a table row that cites a
 * clause or says `[default]`, and every table under the rule sections has a source on each row.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rows = readme.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|---'));
const SOURCE = /\[default\]|Art\.|§|JGJ \d|GB \d|《|法 Art|Order 16|国办发明电/;

describe('the building pack README', () => {
  const ids = [
    ...buildingPack.categories.map((c) => c.id),
    ...buildingPack.severityRules.map((r) => r.id),
    ...buildingPack.seasons.map((s) => s.id),
  ];

  it.each(ids)('lists `%s` in a table row with its source', (id) => {
    const cited = rows.filter((row) => row.includes(`\`${id}\``) && SOURCE.test(row));
    expect(cited, `no row names \`${id}\` with a source or [default]`).not.toHaveLength(0);
  });

  it('cites a source on every row of the deadline, evidence, ladder, permission and step tables', () => {
    for (const heading of ['## Deadlines', '## Evidence', '## Escalation ladder', '## Who may do what', '## Steps']) {
      const start = readme.indexOf(heading);
      expect(start, heading).toBeGreaterThan(-1);
      const section = readme.slice(start, readme.indexOf('\n## ', start + heading.length));
      const body = section
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('|---'))
        .slice(1);
      expect(body.length, heading).toBeGreaterThan(0);
      for (const row of body) expect(row, `${heading}: ${row}`).toMatch(SOURCE);
    }
  });
});
