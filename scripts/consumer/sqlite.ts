/** The durable store from its tarball (the leg that builds better-sqlite3): the README's store. */
import { createEngine, createManualClock } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { createSqliteStore, isSqliteStoreError, SqliteStoreError } from '@hazardflow/store-sqlite';

async function main(): Promise<void> {
  const store = createSqliteStore({ filename: ':memory:' });
  const engine = createEngine({ packs: [firePack], store, clock: createManualClock('2026-06-01T01:00:00.000Z') });
  const reported = await engine.report(
    {
      packId: 'fire',
      category: 'ebike-corridor',
      site: { id: 'b3', name: 'Greenview B3', placeType: 'high-rise-residential', territory: 'street-east' },
      responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
      description: 'e-bikes charging on the stair landing',
      evidence: [{ kind: 'photo', uri: 'oss://hazards/photo.jpg', by: 'grid-1', at: '2026-06-01T01:00:00.000Z' }],
    },
    { actor: { id: 'grid-1', role: 'territory', org: 'street-east' } },
  );
  if (!reported.ok) throw new Error(reported.error.message);
  await store.close();
  let closed: unknown;
  try {
    await store.getCase(reported.case.id);
  } catch (error) {
    closed = error;
  }
  if (!(closed instanceof SqliteStoreError) || !isSqliteStoreError(closed) || closed.code !== 'STORE_CLOSED') {
    throw new Error(`a closed store refuses with STORE_CLOSED, got ${String(closed)}`);
  }
  console.log('sqlite consumer ok');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
