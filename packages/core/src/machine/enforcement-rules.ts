import { parseCalendarDate } from '../calendar/calendar-date';
import { zoneDaysFor } from '../calendar/zone-days';
import type { CommandIssue } from '../command-error';
import type { CommandEvent } from '../commands';
import { DAILY_FINE_BASES, inForce, POWER_CUTOFF_NOTICE_MS } from '../enforcement';
import type { PolicyPack } from '../pack/schema';
import type { HazardContext } from './hazard-context';

/**
 * The end of a temporary seal whose last day is `until`: the start of the next local day in
 * the pack's time zone, so the seal holds all of its last day.
 */
export function sealExpiresAt(timeZone: string, until: string): string {
  const zone = zoneDaysFor(timeZone);
  return new Date(zone.startOf(parseCalendarDate(until, 'measure.until') + 1)).toISOString();
}

/**
 * Why an ENFORCE or LIFT_ENFORCEMENT cannot be taken on this case, as issues naming the
 * field and the rule; empty when it can. The case being open is checked by the caller.
 */
export function enforcementIssues(
  policy: Pick<PolicyPack, 'id' | 'timeZone' | 'steps'>,
  context: HazardContext,
  event: Extract<CommandEvent, { type: 'ENFORCE' | 'LIFT_ENFORCEMENT' }>,
): CommandIssue[] {
  const records = context.enforcement ?? [];
  if (event.type === 'LIFT_ENFORCEMENT') {
    const record = records.find((r) => r.id === event.recordId);
    if (record === undefined) {
      const known = records.filter(inForce).map((r) => r.id);
      return [
        issue(
          'recordId',
          'unknown_record',
          `no enforcement record "${event.recordId}" on this case${known.length > 0 ? ` (in force: ${known.join(', ')})` : ''}`,
        ),
      ];
    }
    if (!inForce(record)) {
      return [
        issue('recordId', 'already_lifted', `record ${record.id} already ended (${record.liftReason ?? 'lifted'})`),
      ];
    }
    return [];
  }
  const { measure } = event;
  const allowed = policy.steps.enforcementMeasures;
  if (allowed !== undefined && !allowed.includes(measure.kind)) {
    return [
      issue(
        'measure.kind',
        'measure_not_allowed',
        `pack ${policy.id} does not allow ${measure.kind} (allowed: ${allowed.join(', ') || 'none'})`,
      ),
    ];
  }
  switch (measure.kind) {
    case 'penalty': {
      if (measure.dailyFine === undefined) return [];
      // 《安全生产法》 Art. 112: fined again daily only where that article applies, and only
      // after the party was ordered to correct (the notice) and did not.
      if (!DAILY_FINE_BASES.includes(measure.legalBasis)) {
        return [
          issue(
            'measure.dailyFine',
            'daily_fine_not_allowed',
            `a daily repeat fine needs a legal basis that allows it (${DAILY_FINE_BASES.join(', ')}); "${measure.legalBasis}" does not`,
          ),
        ];
      }
      if (context.noticeIssuedAt === null) {
        return [
          issue(
            'measure.dailyFine',
            'daily_fine_before_notice',
            'a daily repeat fine follows an order to correct that was not obeyed; issue the notice first',
          ),
        ];
      }
      return [];
    }
    case 'temporary_seal': {
      const expiresAt = sealExpiresAt(policy.timeZone, measure.until);
      if (Date.parse(expiresAt) <= Date.parse(event.at)) {
        return [issue('measure.until', 'seal_term_over', `the seal's last day ${measure.until} is already over`)];
      }
      return [];
    }
    case 'power_cutoff': {
      // 《安全生产法》 Art. 70: power is cut only for a major hazard (重大事故隐患) the party
      // refuses to remove, with 24 h written notice unless there is an emergency.
      if (context.severity !== 'major') {
        return [
          issue(
            'measure.kind',
            'power_cutoff_major_only',
            'power is cut off only for a major hazard (Work Safety Law Art. 70)',
          ),
        ];
      }
      const noticeMs = Date.parse(measure.noticeGivenAt);
      const atMs = Date.parse(event.at);
      if (noticeMs > atMs) {
        return [issue('measure.noticeGivenAt', 'notice_in_future', 'the written notice must have been given already')];
      }
      if (measure.emergency !== true && atMs - noticeMs < POWER_CUTOFF_NOTICE_MS) {
        return [
          issue(
            'measure.noticeGivenAt',
            'notice_too_short',
            'power is cut off at least 24 h after the written notice unless it is an emergency (Work Safety Law Art. 70)',
          ),
        ];
      }
      return [];
    }
    case 'blacklist': {
      const listed = records.find((r) => r.kind === 'blacklist' && inForce(r));
      return listed === undefined
        ? []
        : [
            issue(
              'measure.kind',
              'blacklist_in_force',
              `the party is already on the list for this case (${listed.id})`,
            ),
          ];
    }
    default:
      return [];
  }
}

function issue(path: string, code: string, message: string): CommandIssue {
  return { path, code, message };
}
