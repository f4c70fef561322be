import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES } from './run-hazardflow';
import { type SeededCases, seedCases } from './seed-cases';
import { tempDirectory } from './temp-directory';

/** A directory to run the binary in, as docs/cli.md describes it. */
export interface Workspace {
  readonly path: string;
  readonly cases: SeededCases;
  file(name: string): string;
  remove(): void;
}

/**
 * A temp directory holding what the documented commands use: `packs/` and `scenarios/`
 * (links to the fixtures, so TypeScript packs still resolve `@hazardflow/core`), and
 * - `cases.sqlite`: five cases written by the engine on the SQLite store (`seedCases`);
 * - `tampered.sqlite`: a copy in which audit entry 2 of the e-bike case was edited afterwards;
 * - `damaged.sqlite`: a copy whose pages after the first were overwritten (`damageDatabase`);
 * - `notes.sqlite`: a text file with a database's name;
 * - `invoices.sqlite`: an SQLite database of another application.
 */
export async function prepareWorkspace(): Promise<Workspace> {
  const temp = tempDirectory();
  symlinkSync(join(FIXTURES, 'packs'), temp.file('packs'), 'dir');
  symlinkSync(join(FIXTURES, 'scenarios'), temp.file('scenarios'), 'dir');
  const cases = await seedCases(temp.file('cases.sqlite'));
  copyFileSync(temp.file('cases.sqlite'), temp.file('tampered.sqlite'));
  editAuditEntry(temp.file('tampered.sqlite'), cases.ebike, 2);
  damageDatabase(temp.file('cases.sqlite'), temp.file('damaged.sqlite'));
  writeFileSync(temp.file('notes.sqlite'), 'Meeting notes, 3 March: hazards not found, not fixed.\n');
  const foreign = new Database(temp.file('invoices.sqlite'));
  foreign.exec(
    'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (99.5);',
  );
  foreign.close();
  return { path: temp.path, cases, file: temp.file, remove: temp.remove };
}

/** Rewrites who issued one audit entry, the way someone with write access to the file could. */
export function editAuditEntry(filename: string, caseId: string, seq: number): void {
  const db = new Database(filename);
  try {
    const changed = db
      .prepare("UPDATE audit SET entry = json_set(entry, '$.actor.id', 'someone-else') WHERE case_id = ? AND seq = ?")
      .run(caseId, seq);
    if (changed.changes !== 1) throw new Error(`no audit entry ${seq} of ${caseId} in ${filename}`);
  } finally {
    db.close();
  }
}

/**
 * Copies a database with its pages after the first overwritten, as a bad disk or a partial
 * copy could leave it: the header still says SQLite, the b-trees are garbage.
 */
export function damageDatabase(from: string, to: string): void {
  const bytes = readFileSync(from);
  bytes.fill(0xff, 2 * 4096, Math.min(bytes.length, 8 * 4096));
  writeFileSync(to, bytes);
}
