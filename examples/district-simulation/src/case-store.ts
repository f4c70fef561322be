import { join } from 'node:path';
import type { HazardStore } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { CASES_DB } from './outputs';

export interface OpenedStore {
  store: HazardStore;
  /** How report.md names where the cases are. */
  label: string;
  /** The database file's name in the output folder. */
  file: string;
}

/**
 * The store the simulation's engine runs on: the embedded durable default, SQLite, in a fresh
 * `cases.sqlite` of the output folder (the caller removes the previous run's file first), so
 * the CLI can read the cases later. The engine takes any `HazardStore`; this is the one place
 * that picks it.
 *
 * Durability 'normal': a commit survives the process crashing but not a power cut. A
 * simulation can be run again, and syncing each of its ~13,000 commits to disk would cost
 * more time than the whole run.
 */
export async function openCaseStore(out: string): Promise<OpenedStore> {
  const store = createSqliteStore({ filename: join(out, CASES_DB), durability: 'normal' });
  return { store, label: `in SQLite (${CASES_DB})`, file: CASES_DB };
}
