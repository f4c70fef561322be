import type { PolicyPack } from '@hazardflow/core';
import type { CaseRecord } from './case-view';
import type { StoredSnapshot } from './commit-pipeline';
import { restoreSnapshot } from './compute-transition';
import type { HazardModel, MachineSnapshot, PackRegistry } from './pack-registry';
import { checkPolicyPin, type PolicyMismatch } from './policy-pin';
import type { HazardStore } from './store';

/** A stored case with the pack it was reported under (if this engine has it). */
export type LoadedCase =
  | {
      record: CaseRecord;
      stored: StoredSnapshot;
      pack: PolicyPack;
      model: HazardModel;
      /** The machine snapshot the stored one stands for. */
      restore(): MachineSnapshot;
      /** Set when the registered pack's content differs from the case's pinned policy hash. */
      policyChanged: PolicyMismatch | null;
    }
  | { record: CaseRecord; stored: StoredSnapshot; pack: undefined };

export type CaseLoader = (caseId: string) => Promise<LoadedCase | undefined>;

/** Reads a case and finds its pack by the `id@version` it was reported under. */
export function createCaseLoader(store: HazardStore, packs: PackRegistry): CaseLoader {
  return async (caseId) => {
    const record = await store.getCase(caseId);
    if (!record) return undefined;
    const stored = record.snapshot as StoredSnapshot;
    const pack = packs.byRef(record.view.packId, record.view.packVersion);
    if (!pack) return { record, stored, pack: undefined };
    const model = packs.modelOf(pack);
    const policyChanged = checkPolicyPin(record, model, (stored.context as { site?: unknown }).site);
    return { record, stored, pack, model, restore: () => restoreSnapshot(model.machine, stored), policyChanged };
  };
}
