import { readFileSync } from 'node:fs';
import { firePack } from '@hazardflow/policy-fire';
import { describe, expect, it } from 'vitest';

/**
 * The README lists every rule of the pack with its source or `[default]` (issue 23's
 * done-criterion): each category, severity rule and season appears in a table row that cites a
 * clause or says `[default]`, and every table under the rule sections has a source on each row.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rows = readme.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|---'));
const SOURCE = /\[default\]|Art\.|§|Ch\. \d|GB \d|XF \d|JGJ|《|消防法|Order 16/;

describe('the fire pack README', () => {
  const ids = [
    ...firePack.categories.map((c) => c.id),
    ...firePack.severityRules.map((r) => r.id),
    ...firePack.seasons.map((s) => s.id),
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
