import {
  type CommandType,
  DEFAULT_PERMISSIONS,
  effectiveDeadline,
  type HazardContext,
  type PackMigration,
  type PolicyPack,
  statusOf,
  type TrackedDeadline,
} from '@hazardflow/core';
import type { CaseRecord } from './case-view';
import type { StoredSnapshot } from './commit-pipeline';
import { type ComputedAction, computeTransition, restoreSnapshot } from './compute-transition';
import type { MigrationBlocked, MigrationMove } from './migration-plan';
import type { HazardModel, MachineSnapshot } from './pack-registry';
import { checkPolicyPin, hashOfPolicy } from './policy-pin';
import type { TimerRow } from './store';
import { planTimers } from './timer-plan';

/** One pack version with its model. */
export interface VersionedModel {
  pack: PolicyPack;
  model: HazardModel;
}

/** The renames a migration applies (the matching entry of the new version's `migrations`). */
export type MigrationMap = Pick<PackMigration, 'categories' | 'states'>;

export type Rebuilt =
  | { kind: 'move'; move: MigrationMove; next: MachineSnapshot; actions: ComputedAction[] }
  | { kind: 'blocked'; blocked: MigrationBlocked };

/** Lifecycle states a pack can switch off, and the step that does. */
const OPTIONAL_STATES: Readonly<Record<string, 'acknowledgement' | 'majorPlan'>> = {
  noticeIssued: 'acknowledgement',
  planPending: 'majorPlan',
};

/** The command that moves a case on from each open lifecycle state (and plan sub-state). */
const NEXT_COMMAND: Readonly<Record<string, CommandType>> = {
  reported: 'TRIAGE',
  triaged: 'ISSUE_NOTICE',
  noticeIssued: 'ACKNOWLEDGE',
  rectifying: 'SUBMIT_RECTIFICATION',
  'planPending.drafting': 'SUBMIT_PLAN',
  'planPending.underReview': 'APPROVE_PLAN',
  supervised: 'SUBMIT_RECTIFICATION',
  verifying: 'VERIFY',
};

/**
 * A case rebuilt under another version of its pack, computed purely (the dry run and the
 * migration call this with the same inputs, so the plan is what is done). The rule:
 * 1. renames from the map (state, category), refusing what the new version lacks;
 * 2. the tracked deadline recomputed by the new version from the instant its step began
 *    (kept as it was on a paused clock or after a granted extension);
 * 3. the persisted state value and the new context restored into the new version's machine;
 * 4. if the escalation region watches the deadline, `hazard.track` re-enters it, exactly as
 *    a new deadline does in a running case: its exit cancels the old warning / due /
 *    escalation timers, its entry arms new ones and routes a late case straight to overdue;
 * 5. any other armed timer whose event the new state does not accept is cancelled.
 */
export function rebuildCase(args: {
  record: CaseRecord;
  stored: StoredSnapshot;
  timers: readonly TimerRow[];
  from: VersionedModel;
  to: VersionedModel;
  map: MigrationMap;
  at: string;
}): Rebuilt {
  const { record, stored, from, to, map, at } = args;
  const view = record.view;
  const context = stored.context as HazardContext;
  const value = stored.value as { lifecycle: string | Record<string, string>; escalation: unknown };
  const base = { caseId: view.id, caseVersion: view.version, status: view.status, category: view.category };
  const block = (reason: MigrationBlocked['reason'], field: string, message: string): Rebuilt => ({
    kind: 'blocked',
    blocked: { ...base, reason, field, message },
  });

  const mismatch = checkPolicyPin(record, from.model, context.site);
  if (mismatch) {
    return block('policy_changed', 'policyHash', `pinned ${mismatch.expectedHash}, registered ${mismatch.foundHash}`);
  }
  const state = typeof value.lifecycle === 'string' ? value.lifecycle : (Object.keys(value.lifecycle)[0] as string);
  const renamedState = map.states[state] ?? state;
  const step = OPTIONAL_STATES[renamedState];
  if (step && !to.pack.steps[step]) {
    return block(
      'state_removed',
      `states.${state}`,
      `${to.pack.id}@${to.pack.version} has no ${renamedState} state (steps.${step} is false) and its migration map does not move it`,
    );
  }
  const category = map.categories[view.category] ?? view.category;
  if (!to.pack.categories.some((c) => c.id === category)) {
    return block(
      'category_removed',
      `categories.${view.category}`,
      `${to.pack.id}@${to.pack.version} has no category "${category}" and its migration map does not rename it`,
    );
  }
  if (context.escalationLevel > to.pack.escalation.ladder.length) {
    return block(
      'level_removed',
      'escalation.ladder',
      `the case is at escalation level ${context.escalationLevel}; ${to.pack.id}@${to.pack.version} climbs to ${to.pack.escalation.ladder.length}`,
    );
  }
  const sub = typeof value.lifecycle === 'object' ? value.lifecycle[state] : undefined;
  const command =
    NEXT_COMMAND[renamedState === state && sub ? `${state}.${sub}` : renamedState] ??
    NEXT_COMMAND[`${renamedState}.drafting`];
  if (command && rolesOf(from.pack, command).length > 0 && rolesOf(to.pack, command).length === 0) {
    return block(
      'role_removed',
      `permissions.${command}`,
      `no role may send ${command} in ${to.pack.id}@${to.pack.version}, so the case could not move on`,
    );
  }

  const site = context.site;
  const toPolicy = to.model.policyForSite(site);
  const moved: HazardContext = {
    ...context,
    packVersion: to.pack.version,
    category,
    appliedOverrides: [...((toPolicy as { appliedOverrides?: readonly string[] }).appliedOverrides ?? [])],
  };
  const paused = value.escalation === 'paused';
  let deadline: MigrationMove['deadline'] = null;
  if (context.deadline) {
    const old = context.deadline;
    let dueAt = old.dueAt;
    let rule = 'recomputed';
    const start = stepStart(context, old.step);
    if (paused) rule = 'kept: clock paused';
    else if (old.step === 'rectify' && context.extensionCount > 0) rule = 'kept: extension granted';
    else if (start === null) rule = 'kept: step start unknown';
    else dueAt = deadlineUnder(to.model, moved, old.step, start);
    const tracked: TrackedDeadline = { step: old.step, owner: old.owner, dueAt };
    moved.deadline = tracked;
    if (old.step === 'rectify') moved.rectifyDueAt = dueAt;
    deadline = { step: old.step, from: old.dueAt, to: dueAt, rule };
  }

  const renamedValue = renamedState === state ? value : { ...value, lifecycle: renamedState };
  let snapshot: MachineSnapshot;
  try {
    snapshot = restoreSnapshot(to.model.machine, { value: renamedValue, context: moved });
  } catch (error) {
    return block('state_removed', `states.${state}`, error instanceof Error ? error.message : String(error));
  }
  const watching = typeof value.escalation === 'object' && value.escalation !== null && 'watching' in value.escalation;
  const [next, actions] = watching
    ? computeTransition(to.model.machine, snapshot, { type: 'hazard.track', at } as { type: string })
    : [snapshot, [] as ComputedAction[]];
  const planned = planTimers(view.id, at, actions).timers;
  for (const row of args.timers) {
    if (planned.set.some((s) => s.timerId === row.timerId) || planned.cancel.includes(row.timerId)) continue;
    if (!accepts(next, row.event)) {
      actions.push({ type: 'xstate.cancel', params: { sendId: row.timerId } });
      planned.cancel.push(row.timerId);
    }
  }
  return {
    kind: 'move',
    next,
    actions,
    move: {
      ...base,
      toStatus: statusOf(next),
      toCategory: category,
      deadline,
      timers: {
        set: planned.set.map((row) => ({ timerId: row.timerId, dueAt: row.dueAt })),
        cancel: planned.cancel.filter((id) => args.timers.some((row) => row.timerId === id)),
      },
      fromPolicyHash: view.policyHash ?? null,
      toPolicyHash: hashOfPolicy(toPolicy),
    },
  };
}

/** The step's deadline as the new version's machine computes it (`MachineRuntime.deadlineFor`). */
function deadlineUnder(
  model: HazardModel,
  context: HazardContext,
  step: TrackedDeadline['step'],
  from: string,
): string {
  const duration = effectiveDeadline(model.policyOf(context), step, {
    category: context.category,
    severity: context.severity ?? 'general',
    at: from,
    reportedAt: context.reportedAt,
  });
  return model.calendar.addDuration(from, duration).toISOString();
}

function rolesOf(pack: PolicyPack, command: CommandType): readonly string[] {
  return pack.permissions[command] ?? DEFAULT_PERMISSIONS[command];
}

/** Whether the snapshot's state takes `event` (an armed timer's event) at all. */
function accepts(snapshot: MachineSnapshot, event: { type: string }): boolean {
  try {
    return (snapshot as unknown as { can(event: unknown): boolean }).can(event);
  } catch {
    return true; // a guard that cannot judge the event here: leave the timer as it is
  }
}

/**
 * The instant the tracked step's deadline was counted from, read from the context the
 * machine filled in as the case moved (latest first for the rectification, which a reopen
 * or an approved plan restarts). Null when the context does not say.
 */
function stepStart(context: HazardContext, step: TrackedDeadline['step']): string | null {
  switch (step) {
    case 'triage':
      return context.reportedAt;
    case 'notice':
      return context.last.TRIAGE?.at ?? null;
    case 'plan':
      return context.noticeIssuedAt;
    case 'planReview':
      return context.plan?.submittedAt ?? null;
    case 'rectify': {
      const candidates = [
        context.noticeIssuedAt,
        context.plan?.approvedAt ?? null,
        context.reopenedCount > 0 ? (context.last.REOPEN?.at ?? null) : null,
      ].filter((at): at is string => at !== null);
      return candidates.length === 0 ? null : candidates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
    }
    case 'verify':
    case 'acceptance':
      return context.rectificationSubmittedAt;
    default:
      return null;
  }
}
