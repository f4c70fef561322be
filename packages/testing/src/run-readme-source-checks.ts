import { readFileSync } from 'node:fs';
import { DEFAULT_PERMISSIONS, type PolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

export interface ReadmeSourceOptions {
  /**
   * What counts as a citation in a row: the regulations the pack draws on, and `[default]`
   * for the pack's own choices, e.g. `/\[default\]|Art\.|§|GB \d|《/`.
   */
  source: RegExp;
}

/**
 * Registers tests that a pack's README lists every rule with its source or `[default]`: each
 * category, severity rule and season in a table row that cites a clause; a source on every row
 * of the `## Deadlines`, `## Evidence`, `## Escalation ladder`, `## Who may do what` and
 * `## Steps` tables; a row per escalation rung, level 0 included; a row per industry
 * department (`## Industry departments`) naming its place types, when the pack declares
 * parties; and every permission that differs from hazardflow's defaults named.
 */
export function runReadmeSourceChecks(pack: PolicyPack, readme: string | URL, options: ReadmeSourceOptions): void {
  const text = readFileSync(readme, 'utf8');
  const isRow = (line: string) => line.startsWith('| ') && !line.startsWith('|---');
  const rows = text.split('\n').filter(isRow);
  const { source } = options;

  /** The body rows of the first table under a heading (its header row left out). */
  function sectionRows(heading: string): string[] {
    const start = text.indexOf(heading);
    expect(start, heading).toBeGreaterThan(-1);
    const section = text.slice(start, text.indexOf('\n## ', start + heading.length));
    return section.split('\n').filter(isRow).slice(1);
  }

  describe(`the ${pack.id} pack README`, () => {
    const ids = [
      ...pack.categories.map((c) => c.id),
      ...pack.severityRules.map((r) => r.id),
      ...pack.seasons.map((s) => s.id),
    ];

    it.each(ids)('lists `%s` in a table row with its source', (id) => {
      const cited = rows.filter((row) => row.includes(`\`${id}\``) && source.test(row));
      expect(cited, `no row names \`${id}\` with a source or [default]`).not.toHaveLength(0);
    });

    it('cites a source on every row of the deadline, evidence, ladder, permission and step tables', () => {
      for (const heading of ['## Deadlines', '## Evidence', '## Escalation ladder', '## Who may do what', '## Steps']) {
        const body = sectionRows(heading);
        expect(body.length, heading).toBeGreaterThan(0);
        for (const row of body) expect(row, `${heading}: ${row}`).toMatch(source);
      }
    });

    it('has a row for every escalation rung, level 0 included', () => {
      const levels = sectionRows('## Escalation ladder').map((row) => row.split('|')[1]?.trim());
      expect(levels).toEqual(['0', ...pack.escalation.ladder.map((rung) => String(rung.level))]);
    });

    const parties = Object.entries(pack.parties ?? {});
    it.runIf(parties.length > 0)('lists every industry department with its place types and source', () => {
      const body = sectionRows('## Industry departments');
      expect(body).toHaveLength(parties.length);
      for (const [id, party] of parties) {
        const row = body.find((r) => r.includes(`\`${id}\``));
        expect(row, `no row for party \`${id}\``).toMatch(source);
        for (const placeType of party.industry?.placeTypes ?? []) expect(row, id).toContain(`\`${placeType}\``);
      }
    });

    it('names every permission that differs from the defaults', () => {
      const table = sectionRows('## Who may do what').join('\n');
      for (const [command, roles] of Object.entries(pack.permissions)) {
        const fallback = DEFAULT_PERMISSIONS[command as keyof typeof DEFAULT_PERMISSIONS];
        if (fallback !== undefined && [...roles].sort().join() === [...fallback].sort().join()) continue;
        expect(table, `permission ${command}`).toContain(`\`${command}\``);
      }
    });
  });
}
