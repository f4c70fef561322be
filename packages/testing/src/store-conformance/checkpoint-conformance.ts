import { CheckpointConflictError, type HazardStore, type StoreCheckpoint } from '@hazardflow/engine';
import { expect } from 'vitest';
import { errorOf, type StoreTest } from './store-test';

function checkpoint(seq: number, heads: [string, number, string][] = []): StoreCheckpoint {
  return {
    seq,
    at: `2026-09-0${seq}T00:00:00.000Z`,
    caseCount: heads.length,
    heads,
    prevHash: String(seq - 1).repeat(64),
    hash: String(seq).repeat(64),
    ...(seq % 2 === 0 ? { signature: 'c2lnbmF0dXJl' } : {}),
  };
}

/** Both checkpoint methods, or a failed expectation naming the one missing. */
function checkpointsOf(store: HazardStore) {
  expect(typeof store.appendCheckpoint, 'appendCheckpoint and listCheckpoints come together').toBe(
    typeof store.listCheckpoints,
  );
  return store.appendCheckpoint && store.listCheckpoints
    ? { append: store.appendCheckpoint.bind(store), list: store.listCheckpoints.bind(store) }
    : undefined;
}

/**
 * Store checkpoints (optional port methods; a store with neither passes trivially and cannot
 * find cases deleted together with their trails): kept exactly, in seq order, appended only
 * as the next seq.
 */
export function checkpointConformance(test: StoreTest): void {
  test('checkpoints come back exactly as appended, in seq order', async (store) => {
    const port = checkpointsOf(store);
    if (!port) return;
    expect(await port.list()).toEqual([]);
    const first = checkpoint(1, [
      ['case-1', 3, 'a'.repeat(64)],
      ['case-2', 1, 'b'.repeat(64)],
    ]);
    const second = checkpoint(2, [['case-1', 4, 'c'.repeat(64)]]);
    await port.append(first);
    await port.append(second);
    expect(await port.list()).toEqual([first, second]);
  });

  test('a checkpoint that is not one past the last is refused with CheckpointConflictError and changes nothing', async (store) => {
    const port = checkpointsOf(store);
    if (!port) return;
    await port.append(checkpoint(1));
    for (const seq of [1, 3]) {
      const error = await errorOf(() => port.append(checkpoint(seq, [['x', 1, 'd'.repeat(64)]])));
      expect(error).toBeInstanceOf(CheckpointConflictError);
      expect(error).toMatchObject({ seq, last: 1 });
    }
    expect(await port.list()).toEqual([checkpoint(1)]);
  });

  test('a checkpoint handed in or out cannot change the stored one', async (store) => {
    const port = checkpointsOf(store);
    if (!port) return;
    const handedIn = checkpoint(1, [['case-1', 1, 'a'.repeat(64)]]);
    await port.append(handedIn);
    (handedIn.heads[0] as [string, number, string])[1] = 99;
    const [handedOut] = await port.list();
    try {
      (handedOut as StoreCheckpoint).caseCount = 42;
    } catch {
      // a frozen copy is fine too
    }
    expect(await port.list()).toEqual([checkpoint(1, [['case-1', 1, 'a'.repeat(64)]])]);
  });
}
