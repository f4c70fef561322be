import { DEFAULT_SEAL_WARN_BEFORE, type EnforcementRecord, inForce, sealTimerIds } from '../enforcement';
import type { RoleRef } from '../party';
import { delayUntil, eventTime, iso } from './case-time';
import { endedAs } from './command-rules';
import { sealExpiresAt } from './enforcement-rules';
import { enqueue, eventOf } from './hazard-action-kit';
import type { HazardContext } from './hazard-context';
import { notifierOf } from './hazard-notification';
import type { MachineRuntime } from './machine-runtime';
import { recordCommand } from './record-command';

/** Who hears of a measure taken or lifted: the party it binds, its street and its department. */
const ENFORCEMENT_ROLES: readonly RoleRef[] = Object.freeze(['responsible', 'territory', 'regulator']);

/**
 * The measures in force that end with the case, and the timers to cancel with them: a
 * temporary seal holds a place shut while the hazard is there, so it does not outlive the case
 * (`case_closed`, `case_dismissed`, `case_transferred` [default]). Penalties, referrals and
 * the joint-punishment list are decisions about the party and stay as they are.
 */
export function sealsEndedWithCase(
  context: HazardContext,
  at: string,
): { enforcement: EnforcementRecord[]; cancel: string[] } | undefined {
  const records = context.enforcement;
  if (records === undefined) return undefined;
  const ending = records.filter((r) => r.kind === 'temporary_seal' && inForce(r));
  if (ending.length === 0) return undefined;
  const reason = `case_${endedAs(context) ?? 'closed'}`;
  return {
    enforcement: records.map((r) => (ending.includes(r) ? { ...r, liftedAt: at, liftReason: reason } : r)),
    cancel: ending.flatMap((r) => Object.values(sealTimerIds(r.id))),
  };
}

/** Describes a measure in a notification's message (the machine's English detail). */
function describe(record: EnforcementRecord): string {
  switch (record.kind) {
    case 'penalty':
      return `${record.id} penalty ${record.documentNo}: ${record.amountYuan} yuan under ${record.legalBasis}${
        record.dailyFine ? `, plus ${record.dailyFine.amountYuan} yuan a day until corrected` : ''
      }`;
    case 'temporary_seal':
      return `${record.id} temporary seal ${record.documentNo} until ${record.until}`;
    case 'power_cutoff':
      return `${record.id} power cut-off ${record.documentNo} approved by ${record.approvedBy}${record.emergency ? ' (emergency)' : ''}`;
    case 'police_referral':
      return `${record.id} referred to ${record.receivingUnit} (${record.documentNo})`;
    case 'forced_removal':
      return `${record.id} forced removal ${record.documentNo}`;
    case 'blacklist':
      return `${record.id} joint-punishment list ${record.documentNo}`;
  }
}

/** ENFORCE and LIFT_ENFORCEMENT, the seal's timers, 约谈 and accountability of officials. */
export function createEnforcementActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  return {
    /** A measure is recorded as the next `E<n>`; a seal arms its warning and expiry timers. */
    enforce: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'ENFORCE');
      const records = context.enforcement ?? [];
      const id = `E${records.length + 1}`;
      let record: EnforcementRecord = {
        ...command.measure,
        id,
        at: command.at,
        by: command.actor.id,
        ...(command.note !== undefined ? { note: command.note } : {}),
      };
      const timers = sealTimerIds(id);
      if (record.kind === 'temporary_seal') {
        const expiresAt = sealExpiresAt(rt.policyOf(context).timeZone, record.until);
        const warnAt = iso(rt.calendar.subtractDuration(expiresAt, record.warnBefore ?? DEFAULT_SEAL_WARN_BEFORE));
        const warns = Date.parse(warnAt) > Date.parse(command.at);
        record = { ...record, expiresAt, ...(warns ? { warnAt } : {}) };
        if (warns) {
          enqueue.raise(
            { type: 'TIMER.SEAL_WARNING', at: warnAt, recordId: id },
            { id: timers.warning, delay: delayUntil(warnAt, command.at) },
          );
        }
        enqueue.raise(
          { type: 'TIMER.SEAL_EXPIRY', at: expiresAt, recordId: id },
          { id: timers.expiry, delay: delayUntil(expiresAt, command.at) },
        );
      }
      enqueue.assign({ ...recordCommand(context, event), enforcement: [...records, record] });
      enqueue.emit(notification(context, command.at, 'enforcement', ENFORCEMENT_ROLES, describe(record)));
    }),
    /** A measure in force ends by decision; a seal's timers go with it. */
    liftEnforcement: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'LIFT_ENFORCEMENT');
      const records = context.enforcement ?? [];
      const lifted = records.find((r) => r.id === command.recordId);
      if (lifted === undefined) return; // the guard refused it already
      enqueue.assign({
        ...recordCommand(context, event),
        enforcement: records.map((r) =>
          r === lifted
            ? {
                ...r,
                liftedAt: command.at,
                liftedBy: command.actor.id,
                liftReason: command.reason,
                ...(command.documentNo !== undefined ? { liftDocumentNo: command.documentNo } : {}),
              }
            : r,
        ),
      });
      if (lifted.kind === 'temporary_seal') {
        const timers = sealTimerIds(lifted.id);
        if (lifted.warnAt !== undefined) enqueue.cancel(timers.warning);
        enqueue.cancel(timers.expiry);
      }
      enqueue.emit(
        notification(
          context,
          command.at,
          'enforcement_lifted',
          ENFORCEMENT_ROLES,
          `${describe(lifted)} lifted: ${command.reason}`,
        ),
      );
    }),
    /** The regulator is told a seal ends soon, to re-inspect and decide before it does. */
    warnSealExpiry: enqueue(({ context, event, enqueue }) => {
      const timer = eventOf(event, 'TIMER.SEAL_WARNING');
      const record = (context.enforcement ?? []).find((r) => r.id === timer.recordId);
      if (record === undefined || !inForce(record)) return;
      enqueue.emit({
        ...notification(
          context,
          timer.at,
          'seal_expiring',
          ['regulator'],
          `${describe(record)} ends at ${record.expiresAt}`,
        ),
        dueAt: record.expiresAt ?? null,
      });
    }),
    /** The seal's term is over: it ends, and the party and the regulator are told. */
    expireSeal: enqueue(({ context, event, enqueue }) => {
      const timer = eventOf(event, 'TIMER.SEAL_EXPIRY');
      const at = eventTime(event);
      const records = context.enforcement ?? [];
      const record = records.find((r) => r.id === timer.recordId);
      if (record === undefined || !inForce(record)) return;
      enqueue.assign({
        enforcement: records.map((r) => (r === record ? { ...r, liftedAt: at, liftReason: 'expired' } : r)),
      });
      enqueue.emit(
        notification(context, at, 'seal_expired', ['responsible', 'regulator'], `${describe(record)} expired`),
      );
    }),
    /** 约谈 recorded: the day, who took part, the minutes. */
    interview: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'INTERVIEW');
      enqueue.assign({
        ...recordCommand(context, event),
        interviews: [
          ...(context.interviews ?? []),
          {
            date: command.date,
            participants: [...command.participants],
            minutesRef: command.minutesRef,
            by: command.actor.id,
            at: command.at,
          },
        ],
      });
    }),
    /** An official is held accountable (问责), recorded as the next `A<n>`, apart from enforcement. */
    holdAccountable: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'HOLD_ACCOUNTABLE');
      const records = context.accountability ?? [];
      enqueue.assign({
        ...recordCommand(context, event),
        accountability: [
          ...records,
          {
            id: `A${records.length + 1}`,
            official: command.official,
            finding: command.finding,
            documentNo: command.documentNo,
            by: command.actor.id,
            at: command.at,
          },
        ],
      });
    }),
  };
}
