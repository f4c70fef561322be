import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/program';

const programPath = new URL('../src/program.ts', import.meta.url);
const docPath = new URL('../../../docs/embedding.md', import.meta.url);

/** The fenced block that follows `marker` in the doc, exactly as written. */
function blockAfter(doc: string, marker: string): string {
  const start = doc.indexOf(marker);
  if (start < 0) throw new Error(`docs/embedding.md has no "${marker}"`);
  const match = /```[^\n]*\n([\s\S]*?)```\n/.exec(doc.slice(start));
  if (!match?.[1]) throw new Error(`no fenced block after "${marker}"`);
  return match[1];
}

async function run(): Promise<string[]> {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  return lines;
}

describe('docs/embedding.md', () => {
  it('the program embeds the engine: notifications reach people, cases close, one escalates', async () => {
    const lines = await run();
    expect(lines).toContain('06-01 Mon 14:00  VERIFY by greenview-manager refused: FORBIDDEN');
    expect(lines).toContain('06-01 Mon 14:00  Greenview Garden B3: closed on time');
    expect(lines).toContain(
      '06-02 Tue 10:00  Harbour Market: verification_failed -> Harbour Market stallholder; West Street office',
    );
    expect(lines).toContain('06-02 Tue 15:00  Harbour Market: closed on time');
    // The ladder climbs on working days: the Dragon Boat holiday (Fri 19 to Sun 21 June) is skipped.
    const climbs = lines.flatMap((l) => /^(.{15}) {2}Starlight KTV: escalated (level \d)/.exec(l)?.slice(1, 3) ?? []);
    expect(climbs).toEqual([
      ...['06-09 Tue 23:59', 'level 1'],
      ...['06-11 Thu 23:59', 'level 2'],
      ...['06-23 Tue 23:59', 'level 3'],
    ]);
    // fire 1.3.0: level 3 is the brigade's circulated notice (通报); lateness never lists a case
    expect(lines.find((l) => l.includes('escalated level 3'))).toContain('fire brigade duty desk');
    expect(lines.find((l) => l.includes('escalated level 3'))).not.toContain('district safety committee office');
    expect(lines).toContain(
      '06-24 Wed 10:00  still open and overdue: Starlight KTV, level 3, 12 audit entries, chain intact',
    );
    expect(lines.some((l) => l.startsWith('error'))).toBe(false);
    expect(lines.at(-1)).toBe(
      [
        'territory    found  closed  closure  on time  open overdue  by rung  listed  median wd',
        '-----------  -----  ------  -------  -------  ------------  -------  ------  ---------',
        'street-east      1       1   100.0%   100.0%             0        1       0        0.2',
        'street-west      2       1    50.0%   100.0%             1  1/0/0/1       0        1.2',
      ].join('\n'),
    );
  });

  it('shows the program byte for byte, and the output it prints', async () => {
    const doc = readFileSync(docPath, 'utf8');
    expect(blockAfter(doc, '<!-- program: examples/embedding/src/program.ts -->')).toBe(
      readFileSync(programPath, 'utf8'),
    );
    expect(blockAfter(doc, '<!-- output of main(console.log) -->')).toBe(`${(await run()).join('\n')}\n`);
  });
});
