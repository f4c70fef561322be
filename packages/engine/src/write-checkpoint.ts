import type { KeyObject } from 'node:crypto';
import type { AuditHasher } from './audit-hasher';
import type { Clock } from './clock';
import type { StoredSnapshot } from './commit-pipeline';
import type { HazardStore } from './store';
import { CHECKPOINT_GENESIS, type StoreCheckpoint, sealCheckpoint } from './store-checkpoint';
import { allViews } from './verify-store';

/**
 * Records every case's audit head (from its snapshot) as the store's next checkpoint, chained
 * to the last one, hashed with the engine's hasher and signed when a signing key is set.
 * Commits may land meanwhile: a head read early is still in its trail later, which is all
 * `verifyStore` asks of it.
 */
export async function writeCheckpoint(
  store: HazardStore,
  clock: Clock,
  options: { hasher: AuditHasher; signingKey?: KeyObject },
): Promise<StoreCheckpoint> {
  if (!store.appendCheckpoint || !store.listCheckpoints) {
    throw new TypeError('this store keeps no checkpoints (it lacks appendCheckpoint and listCheckpoints)');
  }
  const last = (await store.listCheckpoints()).at(-1);
  const heads: [string, number, string][] = [];
  for await (const view of allViews(store)) {
    const audit = ((await store.getCase(view.id))?.snapshot as Partial<StoredSnapshot> | undefined)?.audit;
    if (audit) heads.push([view.id, audit.seq, audit.hash]);
  }
  heads.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const checkpoint = sealCheckpoint(
    {
      seq: (last?.seq ?? 0) + 1,
      at: clock.now().toISOString(),
      caseCount: heads.length,
      heads,
      prevHash: last?.hash ?? CHECKPOINT_GENESIS,
    },
    options.hasher,
    options.signingKey,
  );
  await store.appendCheckpoint(checkpoint);
  return checkpoint;
}
