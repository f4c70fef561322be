import {
  type Actor,
  type CommandEvent,
  checkActorRole,
  type HazardCommand,
  type HazardContext,
  parseCommand,
} from '@hazardflow/core';
import { assignmentReasons } from './assignment-reasons';
import { checkCaseIdArgument } from './case-id-argument';
import type { Clock } from './clock';
import { parseCommandId } from './command-id';
import type { Change, CommitChange } from './commit-pipeline';
import { computeTransition } from './compute-transition';
import type { Idempotency } from './idempotency';
import type { CaseLoader } from './load-case';
import { policyChangedFailure } from './policy-pin';
import type { CommandOptions } from './report-command';
import { hashRequest } from './request-hash';
import { type CommandResult, failure } from './result';

export interface SendDeps {
  clock: Clock;
  idempotency: Idempotency;
  validateActor: (actor: unknown) => CommandResult | Actor;
  load: CaseLoader;
  commitChange: CommitChange;
  withCaseLock: <T>(key: string, task: () => Promise<T>) => Promise<T>;
}

/**
 * A command on a case, under the case lock. The order of refusals is the one users expect:
 * a `caseId` that is no id at all (VALIDATION_FAILED, subject `caseId`), then the actor and
 * the commandId, then a replayed commandId answers (or a
 * reused one with another request is IDEMPOTENCY_MISMATCH), then an unknown case, then
 * the payload, then the pack, the actor's role against it and `expectedVersion`; what is left (state, authorisation and
 * separation of duties, evidence) the machine model decides, in that order.
 */
export function createSendCommand(deps: SendDeps) {
  const { clock, idempotency, validateActor, load, commitChange, withCaseLock } = deps;

  return function send(
    caseIdArgument: string,
    command: HazardCommand,
    options: CommandOptions,
  ): Promise<CommandResult> {
    const checkedId = checkCaseIdArgument(caseIdArgument);
    if ('ok' in checkedId) return Promise.resolve(checkedId);
    const caseId = checkedId.id;
    return withCaseLock(caseId, async () => {
      // The actor first: a replay answers with a case view, which is not for just anyone.
      const actor = validateActor(options.actor);
      if ('ok' in actor) return actor;
      const commandId = parseCommandId(options.commandId);
      if ('ok' in commandId) return commandId;
      const type = (command as { type?: unknown } | null)?.type;
      // Parsed now, refused (if at all) after an unknown case: the request's hash is over the
      // command as the engine reads it, so a retry rebuilt from the audit trail is the same request.
      const parsed = parseCommand(command);
      const requestHash =
        commandId.key === undefined ? undefined : hashRequest(parsed.success ? parsed.command : command, actor, caseId);
      const again = await idempotency.replayed(commandId.key, {
        command: typeof type === 'string' ? type : String(type),
        caseId,
        ...(requestHash !== undefined ? { hash: requestHash } : {}),
      });
      if (again) return again;
      const loaded = await load(caseId);
      if (!loaded) return failure('UNKNOWN_CASE', `no case "${caseId}"`, { path: 'caseId', details: { caseId } });
      if (!parsed.success) {
        return failure('VALIDATION_FAILED', parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
          issues: parsed.issues,
          details: { subject: 'command' },
        });
      }
      const { record } = loaded;
      if (!loaded.pack) {
        return failure(
          'UNKNOWN_PACK',
          `case ${caseId} uses pack ${record.view.packId}@${record.view.packVersion}, which this engine does not have`,
          { details: { packId: record.view.packId } },
        );
      }
      if (loaded.policyChanged) return policyChangedFailure(loaded.policyChanged);
      // A role neither built in nor declared by the case's pack is no role at all here.
      const roleIssue = checkActorRole(loaded.pack, actor.role);
      if (roleIssue) {
        return failure('VALIDATION_FAILED', `actor.role: ${roleIssue.message}`, {
          issues: [{ path: roleIssue.path, code: roleIssue.code, message: roleIssue.message }],
          details: { subject: 'actor' },
        });
      }
      if (options.expectedVersion !== undefined && options.expectedVersion !== record.view.version) {
        return failure(
          'VERSION_CONFLICT',
          `case ${caseId} is at version ${record.view.version}, not ${options.expectedVersion}`,
          { path: 'expectedVersion', details: { expected: options.expectedVersion, actual: record.view.version } },
        );
      }
      const { pack, model, stored } = loaded;
      const snapshot = loaded.restore();
      const at = clock.now().toISOString();
      // Copied, then keyed: a spread followed by new keys is a slow path in V8.
      const event = Object.assign({}, parsed.command) as CommandEvent;
      event.at = at;
      event.actor = actor;
      if (commandId.key !== undefined) (event as { commandId?: string }).commandId = commandId.key;
      const rejection = model.check(snapshot, event);
      if (rejection) return { ok: false, error: rejection };
      const [next, actions] = computeTransition(model.machine, snapshot, event);
      const { type: _type, ...payload } = parsed.command;
      const reasons = assignmentReasons(event.type, snapshot.context as HazardContext, next.context as HazardContext);
      const change: Change = {
        pack,
        previous: { version: record.view.version, snapshot: stored, status: record.view.status },
        next,
        actions,
        at,
        actor,
        command: event.type,
        commandId: commandId.key,
        payload,
        evidence: 'evidence' in payload ? (payload.evidence as unknown[]) : [],
      };
      if (requestHash !== undefined) change.requestHash = requestHash;
      if (reasons.length > 0) change.reasons = reasons;
      return commitChange(change);
    });
  };
}
