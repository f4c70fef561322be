import pg from 'pg';
import { describe, it } from 'vitest';

/** The server the tests use; `.ci/services.sh` starts one and sets this. */
export const PG_URL = process.env.HAZARDFLOW_PG_URL;

const inCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * `describe` for tests that need a real PostgreSQL server. Without HAZARDFLOW_PG_URL they are
 * skipped, with the reason in the suite's name; in CI (CI=true) a missing server is a failure,
 * so a broken services script cannot turn the suite green by skipping it.
 */
export function describeWithServer(name: string, body: (url: string) => void): void {
  const url = PG_URL;
  if (url) {
    describe(name, () => body(url));
    return;
  }
  if (inCi) {
    describe(name, () => {
      it('has a PostgreSQL server to run against', () => {
        throw new Error('CI is set but HAZARDFLOW_PG_URL is not: .ci/services.sh should have started a server');
      });
    });
    return;
  }
  describe.skip(`${name} (skipped: HAZARDFLOW_PG_URL is not set; run \`source .ci/services.sh\` first)`, () =>
    body(''));
}

let counter = 0;

/** A schema name no other test run uses, so runs never see each other's rows. */
export function freshSchema(prefix = 'hft'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** A small pool for a test's own SQL (inspecting tables, dropping schemas). */
export function adminPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  return pool;
}

export async function dropSchemas(url: string, schemas: Iterable<string>): Promise<void> {
  const pool = adminPool(url);
  try {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}
