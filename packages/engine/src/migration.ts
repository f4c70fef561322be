import { type PolicyPack, policyHash } from '@hazardflow/core';
import semver from 'semver';
import type { Clock } from './clock';
import type { CommitChange, StoredSnapshot } from './commit-pipeline';
import {
  type MigrateOptions,
  MigrationError,
  type MigrationOutcome,
  type MigrationPlan,
  type MigrationReport,
  type MigrationRequest,
} from './migration-plan';
import type { PackRegistry } from './pack-registry';
import { type MigrationMap, type Rebuilt, rebuildCase, type VersionedModel } from './rebuild-case';
import type { CaseFilter, HazardStore } from './store';

export interface MigrationDeps {
  store: HazardStore;
  clock: Clock;
  packs: PackRegistry;
  commitChange: CommitChange;
  withCaseLock: <T>(key: string, task: () => Promise<T>) => Promise<T>;
}

/** Cases still running: closed, dismissed and transferred cases keep the version they ended on. */
const OPEN: NonNullable<CaseFilter['status']> = [
  'reported',
  'triaged',
  'notice_issued',
  'rectifying',
  'plan_pending',
  'supervised',
  'verifying',
];

/**
 * Planning and running a migration of open cases between two registered versions of a pack
 * (docs/versioning.md#migrating-open-cases). Both compute each case with `rebuildCase`, so
 * what the plan says is what is done. A migration is resumable: each case moves in one
 * atomic, version-guarded commit, and a case already at `to` is skipped, so a re-run after a
 * crash finishes the rest and never migrates a case twice.
 */
export function createMigration(deps: MigrationDeps) {
  const { store, clock, packs, commitChange, withCaseLock } = deps;

  function versions(request: Pick<MigrationRequest, 'packId' | 'from' | 'to'>) {
    const { packId, from, to } = request;
    if (typeof packId !== 'string' || !packs.newest(packId, { prerelease: true })) {
      throw new MigrationError('UNKNOWN_PACK', 'packId', `no pack "${String(packId)}" is registered with this engine`);
    }
    for (const field of ['from', 'to'] as const) {
      const version = request[field];
      if (typeof version !== 'string' || semver.valid(version) === null) {
        throw new MigrationError('VALIDATION_FAILED', field, `"${String(version)}" is not a semantic version`);
      }
      if (!packs.byRef(packId, version)) {
        throw new MigrationError('UNKNOWN_VERSION', field, `${packId}@${version} is not registered with this engine`);
      }
    }
    if (!semver.gt(to, from)) {
      throw new MigrationError('NOT_NEWER', 'to', `${to} is not newer than ${from}: a migration moves cases forward`);
    }
    const fromPack = packs.byRef(packId, from) as PolicyPack;
    const toPack = packs.byRef(packId, to) as PolicyPack;
    const versioned = (pack: PolicyPack): VersionedModel => ({ pack, model: packs.modelOf(pack) });
    return { from: versioned(fromPack), to: versioned(toPack), map: mapOf(fromPack, toPack) };
  }

  /** The open cases of `packId@from` matching the filter, a page at a time. */
  async function* openCases(request: MigrationRequest): AsyncGenerator<string> {
    const filter: CaseFilter = { ...request.filter, packId: request.packId, packVersion: request.from, status: OPEN };
    let cursor: string | undefined;
    do {
      const page = await store.query(filter, { limit: 500, ...(cursor ? { cursor } : {}) });
      for (const view of page.items) yield view.id;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async function rebuild(
    caseId: string,
    context: ReturnType<typeof versions>,
    at: string,
  ): Promise<(Rebuilt & { stored: StoredSnapshot; version: number; status: string }) | string> {
    const record = await store.getCase(caseId);
    if (!record) return 'the case is not in the store';
    if (record.view.packId !== context.to.pack.id) return `the case uses pack ${record.view.packId}`;
    if (record.view.packVersion === context.to.pack.version) return `already at ${context.to.pack.version}`;
    if (record.view.packVersion !== context.from.pack.version) return `at version ${record.view.packVersion}`;
    const stored = record.snapshot as StoredSnapshot;
    const timers = await store.timersOf(caseId);
    const rebuilt = rebuildCase({ record, stored, timers, from: context.from, to: context.to, map: context.map, at });
    return { ...rebuilt, stored, version: record.view.version, status: record.view.status };
  }

  async function plan(request: MigrationRequest): Promise<MigrationPlan> {
    const context = versions(request);
    const at = clock.now().toISOString();
    const result: MigrationPlan = {
      packId: request.packId,
      from: request.from,
      to: request.to,
      fromPackHash: policyHash(context.from.pack),
      toPackHash: policyHash(context.to.pack),
      plannedAt: at,
      ...(request.filter ? { filter: request.filter } : {}),
      map: context.map.index < 0 ? null : context.map,
      moves: [],
      blocked: [],
    };
    for await (const caseId of openCases(request)) {
      const rebuilt = await rebuild(caseId, context, at);
      if (typeof rebuilt === 'string') continue;
      if (rebuilt.kind === 'move') result.moves.push(rebuilt.move);
      else result.blocked.push(rebuilt.blocked);
    }
    return result;
  }

  async function run(migrationPlan: MigrationPlan, options: MigrateOptions): Promise<MigrationReport> {
    const context = versions(migrationPlan);
    if (policyHash(context.to.pack) !== migrationPlan.toPackHash) {
      throw new MigrationError(
        'PLAN_STALE',
        'toPackHash',
        `${migrationPlan.packId}@${migrationPlan.to} is registered with other content than the plan was made for; plan again`,
      );
    }
    const report: MigrationReport = {
      packId: migrationPlan.packId,
      from: migrationPlan.from,
      to: migrationPlan.to,
      migrated: 0,
      skipped: [],
      blocked: migrationPlan.blocked.length,
    };
    const total = migrationPlan.moves.length;
    let done = 0;
    for (const move of migrationPlan.moves) {
      const last = await withCaseLock(move.caseId, () => migrateOne(move.caseId, context, options));
      if (last.outcome === 'migrated') report.migrated++;
      else report.skipped.push({ caseId: last.caseId, reason: last.reason });
      done++;
      options.onProgress?.({ done, total, last });
    }
    return report;
  }

  /** Moves one case: planned again on its current version, committed guarded by that version. */
  async function migrateOne(
    caseId: string,
    context: ReturnType<typeof versions>,
    options: MigrateOptions,
  ): Promise<MigrationOutcome> {
    const at = clock.now().toISOString();
    const rebuilt = await rebuild(caseId, context, at);
    if (typeof rebuilt === 'string') return { caseId, outcome: 'skipped', reason: rebuilt };
    if (rebuilt.kind === 'blocked') {
      return { caseId, outcome: 'skipped', reason: `${rebuilt.blocked.reason}: ${rebuilt.blocked.message}` };
    }
    const { move } = rebuilt;
    const result = await commitChange({
      pack: context.to.pack,
      previous: { version: rebuilt.version, snapshot: rebuilt.stored, status: rebuilt.status as never },
      next: rebuilt.next,
      actions: rebuilt.actions,
      at,
      actor: options.actor,
      command: 'MIGRATED',
      payload: {
        from: { packVersion: context.from.pack.version, policyHash: move.fromPolicyHash },
        to: { packVersion: context.to.pack.version, policyHash: move.toPolicyHash },
        ...(move.category !== move.toCategory ? { category: { from: move.category, to: move.toCategory } } : {}),
        ...(move.status !== move.toStatus ? { status: { from: move.status, to: move.toStatus } } : {}),
        ...(move.deadline ? { deadline: move.deadline } : {}),
      },
      reasons: [`migrated ${context.from.pack.id}@${context.from.pack.version} → ${context.to.pack.version}`],
      policyHash: move.toPolicyHash,
    });
    if (!result.ok) return { caseId, outcome: 'skipped', reason: `${result.error.code}: ${result.error.message}` };
    return { caseId, outcome: 'migrated', version: result.case.version };
  }

  return { plan, run };
}

/**
 * The new version's migration map for `from` (the first entry whose `from` range it
 * satisfies), checked against the old version: a renamed category must be one of the old
 * version's, and its target one of the new version's.
 */
function mapOf(from: PolicyPack, to: PolicyPack): MigrationMap & { index: number } {
  const index = to.migrations.findIndex((m) => semver.satisfies(from.version, m.from, { includePrerelease: true }));
  if (index < 0) return { index, categories: {}, states: {} };
  const entry = to.migrations[index] as (typeof to.migrations)[number];
  for (const [old, renamed] of Object.entries(entry.categories)) {
    if (!from.categories.some((c) => c.id === old)) {
      throw new MigrationError(
        'UNKNOWN_CATEGORY',
        `migrations[${index}].categories.${old}`,
        `"${old}" is not a category of ${from.id}@${from.version}`,
      );
    }
    if (!to.categories.some((c) => c.id === renamed)) {
      throw new MigrationError(
        'UNKNOWN_CATEGORY',
        `migrations[${index}].categories.${old}`,
        `"${renamed}" is not a category of ${to.id}@${to.version}`,
      );
    }
  }
  return { index, categories: { ...entry.categories }, states: { ...entry.states } };
}
