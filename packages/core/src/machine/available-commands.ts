import type { Actor } from '../actor';
import type { CommandEvent } from '../commands';
import type { EnforcementMeasure } from '../enforcement';
import type { EvidenceRef } from '../evidence';
import type { PolicyPack } from '../pack/schema';
import { COMMAND_TYPES, type CommandType, type EnforcementKind, INTERIM_CONTROLS } from '../vocabulary';
import type { CommandRefusal } from './check-command';
import { evidenceStepOf } from './command-rules';
import { evidenceRequirements, missingEvidence } from './evidence-check';
import type { HazardContext } from './hazard-context';
import type { HazardModel, HazardSnapshot } from './hazard-model';

/**
 * One command as "what can I do now?" answers it. `allowed` means the case's state takes
 * it, the actor may issue it and no rule stands in the way except evidence the caller brings
 * with it: then `reason` (code EVIDENCE_REQUIRED) lists the evidence kinds still `missing`.
 * A refused command's `reason` carries the code the engine would refuse it with.
 */
export interface AvailableCommand {
  command: CommandType;
  allowed: boolean;
  reason?: { code: CommandRefusal; message: string; missing?: string[] };
}

/**
 * For each command, whether `actor` may send it to the case now, and why not, decided by
 * the engine's own check (`model.check`: state, then authorization, then the business
 * rules), in the order `send` refuses in: a user
 * interface builds its buttons from this, never from a copy of the rules. Each command is
 * probed with one representative payload: a VERIFY that passes, a TRANSFER to another
 * department, the first interim control measure the pack allows that is not active (to
 * lift: the first active one), an extension granted, a dismissal as invalid, an ASSIGN of
 * the actor itself (of another officer when the case is the actor's already), another party
 * made responsible.
 */
export function availableCommands(model: HazardModel, snapshot: HazardSnapshot, actor: Actor): AvailableCommand[] {
  const context = snapshot.context as HazardContext;
  const policy = model.policyOf(context);
  return COMMAND_TYPES.map((command): AvailableCommand => {
    const probe = probeCommand(command, context, policy, actor);
    const step = evidenceStepOf(probe, context);
    const required = step === null ? [] : evidenceRequirements(policy, context.category, step, actor.role);
    // Probed with the evidence satisfied, so a refusal names the rule or the state, not the evidence.
    const withEvidence = { ...probe, evidence: required.flatMap((r) => probeEvidence(r.kind, r.min)) } as CommandEvent;
    const rejection = model.check(snapshot, withEvidence);
    if (rejection) return { command, allowed: false, reason: { code: rejection.code, message: rejection.message } };
    if (step === null) return { command, allowed: true };
    const missing = missingEvidence(policy, context.category, step, context.pendingEvidence, actor.role);
    if (missing.length === 0) return { command, allowed: true };
    const kinds = required
      .filter((r) => {
        const ofKind = context.pendingEvidence.filter((e) => e.kind === r.kind);
        const have = r.distinctBy ? new Set(ofKind.map((e) => e.by)).size : ofKind.length;
        return have < r.min;
      })
      .map((r) => r.kind);
    return {
      command,
      allowed: true,
      reason: { code: 'EVIDENCE_REQUIRED', message: missing.join('; '), missing: [...new Set(kinds)] },
    };
  });
}

/** The representative command `availableCommands` checks (see there), evidence left out. */
function probeCommand(type: CommandType, context: HazardContext, policy: PolicyPack, actor: Actor): CommandEvent {
  const envelope = { at: context.reportedAt, actor, evidence: [] as EvidenceRef[] };
  const active = context.interimControls;
  switch (type) {
    case 'CONFIRM_GRADE':
      return {
        ...envelope,
        type,
        severity: context.severity ?? 'general',
        decision: { kind: 'collective', reference: '-' },
      };
    case 'LIST':
      return { ...envelope, type, documentNo: '-', supervisingUnit: '-', until: '2099-12-31' };
    case 'ENFORCE':
      // The measure every pack that allows any allows first; its own rules are checked when sent.
      return { ...envelope, type, measure: probeMeasure(policy.steps.enforcementMeasures?.[0] ?? 'forced_removal') };
    case 'LIFT_ENFORCEMENT': {
      const record = (context.enforcement ?? []).find((r) => r.liftedAt === undefined);
      return { ...envelope, type, recordId: record?.id ?? 'E0', reason: '-' };
    }
    case 'INTERVIEW':
      return { ...envelope, type, date: '2026-01-01', participants: ['-'], minutesRef: '-' };
    case 'HOLD_ACCOUNTABLE':
      return { ...envelope, type, official: '-', finding: '-', documentNo: '-' };
    case 'DISMISS':
      return { ...envelope, type, reason: 'invalid' };
    case 'TRANSFER':
      return { ...envelope, type, to: `${context.regulator}:other` };
    case 'ASSIGN':
      // Taking the case oneself, or handing it on when it is one's own already.
      return {
        ...envelope,
        type,
        officer: context.assignee?.officer === actor.id ? `${actor.id}:other` : actor.id,
      };
    case 'CHANGE_RESPONSIBLE':
      return { ...envelope, type, responsible: { id: `${context.responsible.id}:other` }, reason: '-' };
    case 'ISSUE_NOTICE':
      return { ...envelope, type, clauses: ['(clause)'] };
    case 'SUBMIT_PLAN':
      return {
        ...envelope,
        type,
        plan: { responsibility: '-', measures: '-', funds: '-', deadline: '-', emergencyPlan: '-' },
      };
    case 'REJECT_PLAN':
      return { ...envelope, type, reason: '-' };
    case 'START_INTERIM_CONTROL': {
      const measure = policy.steps.interimControls.find((m) => !active.includes(m)) ?? INTERIM_CONTROLS[0];
      return { ...envelope, type, measure };
    }
    case 'LIFT_INTERIM_CONTROL':
      return { ...envelope, type, measure: active[0] ?? INTERIM_CONTROLS[0] };
    case 'VERIFY':
      return { ...envelope, type, result: 'pass' };
    case 'REQUEST_EXTENSION':
      return { ...envelope, type, extendBy: { workingDays: 1 }, reason: '-' };
    case 'DECIDE_EXTENSION':
      return { ...envelope, type, granted: true };
    case 'PAUSE_CLOCK':
      return { ...envelope, type, reason: '-' };
    case 'REOPEN':
      return { ...envelope, type, reason: '-' };
    case 'COMMENT':
      return { ...envelope, type, text: '-' };
    default:
      return { ...envelope, type } as CommandEvent;
  }
}

/** A complete measure of a kind, far enough from the case's time that no term or notice rule refuses it. */
function probeMeasure(kind: EnforcementKind): EnforcementMeasure {
  switch (kind) {
    case 'penalty':
      return { kind, documentNo: '-', legalBasis: '-', amountYuan: 1 };
    case 'temporary_seal':
      return { kind, documentNo: '-', until: '2099-12-31' };
    case 'power_cutoff':
      return { kind, documentNo: '-', approvedBy: '-', noticeGivenAt: '1970-01-01T00:00:00.000Z' };
    case 'police_referral':
      return { kind, documentNo: '-', receivingUnit: '-' };
    default:
      return { kind, documentNo: '-' };
  }
}

function probeEvidence(kind: string, count: number): EvidenceRef[] {
  return Array.from({ length: count }, (_, i) => ({
    kind,
    uri: `probe:${kind}/${i}`,
    by: `probe-${i}`,
    at: '1970-01-01T00:00:00.000Z',
  }));
}
