import {
  type Actor,
  actorSchema,
  type CommandIssue,
  checkActorRole,
  checkReportParties,
  checkReportSite,
  type HazardInput,
  type HazardReport,
  type HazardReportInput,
  hazardReportSchema,
  missingEvidence,
  type PolicyPackIssue,
  toCommandIssues,
} from '@hazardflow/core';
import { ulid } from 'ulid';
import type { Clock } from './clock';
import { parseCommandId } from './command-id';
import type { CommitChange } from './commit-pipeline';
import { compactReport } from './compact-report';
import { computeInitial } from './compute-transition';
import type { Idempotency } from './idempotency';
import { createInterner } from './interner';
import type { PackRegistry } from './pack-registry';
import { hashOfPolicy } from './policy-pin';
import { hashRequest } from './request-hash';
import { type CommandResult, failure } from './result';

/** Who sends a command, and how it is made idempotent or guarded. */
export interface CommandOptions {
  actor: Actor;
  /** Makes the command idempotent: the same id returns the first result, marked `replayed`. */
  commandId?: string;
  /** Optimistic concurrency: fail with VERSION_CONFLICT unless the case is at this version. */
  expectedVersion?: number;
}

/** A report check's issue as plain data, for a refusal, the case context and the audit entry. */
function asCommandIssue(issue: PolicyPackIssue): CommandIssue {
  return { path: issue.path, code: issue.code, message: issue.message };
}

/** The findings of every report that has none. */
const EMPTY_FINDINGS: Record<string, never> = Object.freeze({});

function isEmptyRecord(value: object): boolean {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _ in value) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * An object's own enumerable properties only: a `role` inherited through the prototype
 * (`Object.create({ role: 'command' })`) is not the actor's role.
 */
function ownProperties(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value));
}

/** Validates the actor of a command; actors are interned (they repeat on every command they send). */
export function createActorValidator(): (actor: unknown) => CommandResult | Actor {
  const sharedActor = createInterner<Actor>();
  return (actor) => {
    const parsed = actorSchema.safeParse(ownProperties(actor));
    if (parsed.success) {
      // Interned by its JSON, which cannot tell an absent `org` from an undefined one.
      return parsed.data.org === undefined && 'org' in parsed.data ? parsed.data : sharedActor(parsed.data);
    }
    return failure(
      'VALIDATION_FAILED',
      `actor: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(actor)'} ${i.message}`).join('; ')}`,
      { issues: toCommandIssues(parsed.error.issues, ['actor']), details: { subject: 'actor' } },
    );
  };
}

export interface ReportDeps {
  clock: Clock;
  random: () => number;
  packs: PackRegistry;
  idempotency: Idempotency;
  validateActor: (actor: unknown) => CommandResult | Actor;
  commitChange: CommitChange;
  /** New reports may use pre-release packs. */
  prerelease: boolean;
}

/**
 * REPORT: files a new hazard on the newest registered pack of its `packId`. Checks, in order:
 * actor, commandId, replay, the system role, payload, pack, the actor's role against the pack
 * (built in or one of its parties), category, regulator, the report's parties, place type and
 * findings (`checkReportSite`: refused, or kept as warnings on the case and in the audit entry),
 * evidence for the report step.
 */
export function createReportCommand(deps: ReportDeps) {
  const { clock, random, packs, idempotency, validateActor, commitChange } = deps;
  const sharedParty = createInterner<HazardReport['responsible']>();

  /**
   * A parsed report (ours to change) with the parts many cases repeat shared: the responsible
   * party (one enterprise, many sites) and empty findings. Equal values, so the audit entry
   * and its hash do not change.
   */
  function shareRepeatedParts(report: HazardReport): HazardReport {
    const { responsible } = report;
    if (responsible.name !== undefined || !('name' in responsible)) report.responsible = sharedParty(responsible);
    if (isEmptyRecord(report.findings)) report.findings = EMPTY_FINDINGS;
    return compactReport(report);
  }

  return async function report(input: HazardReportInput, options: CommandOptions): Promise<CommandResult> {
    // The actor first: a replay answers with a case view, which is not for just anyone.
    const actor = validateActor(options.actor);
    if ('ok' in actor) return actor;
    const commandId = parseCommandId(options.commandId);
    if ('ok' in commandId) return commandId;
    // Parsed now, refused (if at all) after the actor's role: the request's hash is over the
    // report as the engine reads it, so a retry rebuilt from the audit trail is the same request.
    const parsed = hazardReportSchema.safeParse(input);
    const requestHash =
      commandId.key === undefined ? undefined : hashRequest(parsed.success ? parsed.data : input, actor, undefined);
    const again = await idempotency.replayed(commandId.key, {
      command: 'REPORT',
      ...(requestHash !== undefined ? { hash: requestHash } : {}),
    });
    if (again) return again;
    if (actor.role === 'system') {
      return failure('FORBIDDEN', 'the system actor fires timers; a hazard is reported by a person', {
        path: 'actor.role',
        details: { command: 'REPORT', role: actor.role },
      });
    }
    if (!parsed.success) {
      return failure(
        'VALIDATION_FAILED',
        parsed.error.issues.map((i) => `${i.path.join('.') || '(report)'}: ${i.message}`).join('; '),
        { issues: toCommandIssues(parsed.error.issues), details: { subject: 'report' } },
      );
    }
    const hazard = shareRepeatedParts(parsed.data);
    const pack = packs.newest(hazard.packId, { prerelease: deps.prerelease });
    if (!pack) {
      return failure('UNKNOWN_PACK', `no pack "${hazard.packId}" is registered with this engine`, {
        path: 'packId',
        details: { packId: hazard.packId },
      });
    }
    const roleIssue = checkActorRole(pack, actor.role);
    if (roleIssue) {
      return failure('VALIDATION_FAILED', `actor.role: ${roleIssue.message}`, {
        issues: [asCommandIssue(roleIssue)],
        details: { subject: 'actor' },
      });
    }
    if (!pack.categories.some((c) => c.id === hazard.category)) {
      return failure(
        'VALIDATION_FAILED',
        `category: "${hazard.category}" is not a category of pack ${pack.id} (${pack.categories.map((c) => c.id).join(', ')})`,
        { path: 'category' },
      );
    }
    if (hazard.regulator !== undefined && hazard.regulator !== pack.regulator.id) {
      // The department comes from the pack, never from whoever reports (it could then dismiss the case).
      const message = `"${hazard.regulator}" is not the regulator of pack ${pack.id} ("${pack.regulator.id}")`;
      return failure('VALIDATION_FAILED', `regulator: ${message}`, {
        issues: [{ path: 'regulator', code: 'unknown_regulator', message }],
        details: { subject: 'report' },
      });
    }
    const partyIssues = checkReportParties(pack, hazard.parties);
    if (partyIssues.length > 0) {
      return failure('VALIDATION_FAILED', partyIssues.map((i) => `${i.path}: ${i.message}`).join('; '), {
        issues: partyIssues.map(asCommandIssue),
        details: { subject: 'report' },
      });
    }
    const model = packs.modelOf(pack);
    const policy = model.policyForSite(hazard.site);
    const siteCheck = checkReportSite(policy, hazard);
    if (siteCheck.issues.length > 0) {
      return failure('VALIDATION_FAILED', siteCheck.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
        issues: siteCheck.issues.map(asCommandIssue),
        details: { subject: 'report' },
      });
    }
    const warnings = siteCheck.warnings.map(asCommandIssue);
    const missing = missingEvidence(policy, hazard.category, 'report', hazard.evidence, actor.role);
    if (missing.length > 0) {
      return failure('EVIDENCE_REQUIRED', missing.join('; '), {
        issues: missing.map((message) => ({ path: 'evidence', code: 'evidence_required', message })),
        details: { step: 'report', missing },
      });
    }

    const at = clock.now().toISOString();
    const machineInput: HazardInput = {
      caseId: ulid(clock.now().getTime(), random),
      at,
      reportedBy: actor,
      report: {
        category: hazard.category,
        site: hazard.site,
        responsible: hazard.responsible,
        regulator: hazard.regulator,
        ...(hazard.parties !== undefined ? { parties: hazard.parties } : {}),
        description: hazard.description,
        findings: hazard.findings,
        evidence: hazard.evidence,
        ...(hazard.discoveredBy !== undefined ? { discoveredBy: hazard.discoveredBy } : {}),
        ...(warnings.length > 0 ? { warnings } : {}),
      },
    };
    const [next, actions] = computeInitial(model.machine, machineInput);
    return commitChange({
      pack,
      previous: undefined,
      next,
      actions,
      at,
      actor,
      command: 'REPORT',
      commandId: commandId.key,
      ...(requestHash !== undefined ? { requestHash } : {}),
      payload: warnings.length > 0 ? { ...hazard, warnings } : hazard,
      evidence: hazard.evidence,
      policyHash: hashOfPolicy(policy),
    });
  };
}
