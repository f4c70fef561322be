import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { CaseView } from './case-view';

/** The part of a stored snapshot that is state (everything but the audit head, which points back at the entry). */
export interface SnapshotState {
  value: unknown;
  context: unknown;
  /** The case's armed timers (timerId → dueAt) as of this version; absent in snapshots written before it. */
  timers?: Readonly<Record<string, string>>;
}

/**
 * SHA-256 of the canonical JSON of a case's view and snapshot state: what an audit entry's
 * `stateHash` commits to. Computed once per commit. Plain SHA-256 suffices under a keyed
 * chain, since the entry's own (keyed) hash covers it.
 */
export function stateHashOf(view: CaseView, snapshot: SnapshotState): string {
  const state =
    snapshot.timers === undefined
      ? { view, snapshot: { value: snapshot.value, context: snapshot.context } }
      : { view, snapshot: { value: snapshot.value, context: snapshot.context, timers: snapshot.timers } };
  const canonical = canonicalJson(state);
  if (canonical === undefined) throw new TypeError('case state is not JSON-serialisable');
  return hash('sha256', canonical, 'hex');
}
