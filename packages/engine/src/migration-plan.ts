import type { CaseFilter } from './store';

/** What `engine.planMigration` is asked: move open cases of `packId@from` onto `packId@to`. */
export interface MigrationRequest {
  packId: string;
  from: string;
  to: string;
  /** Narrows the cases (territory, category…); pack id, version and open status are always applied. */
  filter?: Omit<CaseFilter, 'packId' | 'packVersion' | 'status'>;
}

/** Why a case cannot move onto the new version. */
export type MigrationBlock =
  /** The case sits in a lifecycle state the new version does not use, and the map says nowhere to go. */
  | 'state_removed'
  /** The case's category is not in the new version and the map renames it to nothing. */
  | 'category_removed'
  /** No role of the new version may send the command that moves the case on. */
  | 'role_removed'
  /** The case is at an escalation level above the new version's ladder. */
  | 'level_removed'
  /** The case's pinned policy is not the one registered under its version (POLICY_CHANGED). */
  | 'policy_changed';

/** A deadline before and after the move. */
export interface DeadlineChange {
  step: string;
  from: string;
  to: string;
  /** How the new instant was found (`recomputed`, `kept: paused`, `kept: extended`). */
  rule: string;
}

/** One open case that can move. */
export interface MigrationMove {
  caseId: string;
  /** The case version planned against: a case changed since is planned again when migrated. */
  caseVersion: number;
  status: string;
  toStatus: string;
  category: string;
  toCategory: string;
  /** Null when the case tracks no deadline. */
  deadline: DeadlineChange | null;
  /** Timer rows the move arms (id and due instant) and cancels. */
  timers: { set: { timerId: string; dueAt: string }[]; cancel: string[] };
  fromPolicyHash: string | null;
  toPolicyHash: string;
}

/** One open case that cannot move, and why (the field of the new version or map at fault). */
export interface MigrationBlocked {
  caseId: string;
  caseVersion: number;
  status: string;
  category: string;
  reason: MigrationBlock;
  field: string;
  message: string;
}

/**
 * A dry run of a migration: plain JSON (what `hazardflow migrate --dry-run --json` prints), and
 * what `engine.migrate` carries out. `packHash` fields are `policyHash` of each pack version.
 */
export interface MigrationPlan {
  packId: string;
  from: string;
  to: string;
  fromPackHash: string;
  toPackHash: string;
  /** The instant the plan was computed at. */
  plannedAt: string;
  filter?: MigrationRequest['filter'];
  /** The migration map of `to` applied (its index in `migrations`), or null when none matches `from`. */
  map: { index: number; categories: Record<string, string>; states: Record<string, string> } | null;
  moves: MigrationMove[];
  blocked: MigrationBlocked[];
}

/** How one case of a plan came out. */
export type MigrationOutcome =
  | { caseId: string; outcome: 'migrated'; version: number }
  | { caseId: string; outcome: 'skipped'; reason: string };

/** Progress of `engine.migrate`, once per case of the plan. */
export interface MigrationProgress {
  done: number;
  total: number;
  last: MigrationOutcome;
}

/** What `engine.migrate` did. Blocked cases of the plan are not tried. */
export interface MigrationReport {
  packId: string;
  from: string;
  to: string;
  migrated: number;
  skipped: { caseId: string; reason: string }[];
  blocked: number;
}

export interface MigrateOptions {
  actor: import('@hazardflow/core').Actor;
  onProgress?: (progress: MigrationProgress) => void;
}

/** Codes of a migration request or plan the engine refuses before touching any case. */
export type MigrationErrorCode =
  | 'UNKNOWN_PACK'
  | 'UNKNOWN_VERSION'
  | 'NOT_NEWER'
  | 'UNKNOWN_CATEGORY'
  | 'PLAN_STALE'
  | 'VALIDATION_FAILED';

/**
 * A migration request or plan refused as a whole, naming the field (`packId`, `from`, `to`,
 * `migrations[0].categories.ebike-stairwell`…) and the rule. Nothing has changed when thrown.
 */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
