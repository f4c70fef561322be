import { z } from 'zod';
import { parseCalendarDate } from './calendar/calendar-date';
import { type Duration, durationSchema } from './duration';
import { INPUT_LIMITS } from './input-limits';
import { localDateSchema } from './pack/rule-validity';

/**
 * Legal bases that allow a daily repeat fine (按日连续处罚): 《安全生产法》 (2021) Art. 112 —
 * a party fined for an unlawful act that refuses to correct it after being ordered to is
 * fined again every day from the day after the order. No other basis in the packs' laws has
 * it, so the list is closed; a new basis is added here with its article.
 */
export const DAILY_FINE_BASES: readonly string[] = Object.freeze(['work-safety-law-112']);

/** How long before a temporary seal's term ends the regulator is warned: 24 h [default]. */
export const DEFAULT_SEAL_WARN_BEFORE: Duration = Object.freeze({ hours: 24 }) as Duration;

/**
 * Prior written notice before power is cut: 24 h (《安全生产法》 Art. 70 ¶1, "提前二十四小时
 * 通知生产经营单位"), except in an emergency (危及生产安全的紧急情形) where Art. 70 allows
 * acting at once.
 */
export const POWER_CUTOFF_NOTICE_MS = 24 * 60 * 60 * 1000;

/** A local date that exists (`2026-02-30` is refused where it is given, as a validation issue). */
export const existingLocalDateSchema = localDateSchema.refine(
  (text) => {
    try {
      parseCalendarDate(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a date that exists' },
);

const documentNo = z.string().trim().min(1).max(INPUT_LIMITS.idLength);
const name = z.string().trim().min(1).max(INPUT_LIMITS.nameLength);
const yuan = z.number().int().positive().max(1_000_000_000);

/** One enforcement measure as the ENFORCE command carries it, told apart by `kind`. */
export const enforcementMeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('penalty'),
    documentNo,
    /** The legal basis as an id (`work-safety-law-112`); a daily fine needs one of DAILY_FINE_BASES. */
    legalBasis: z.string().trim().min(1).max(INPUT_LIMITS.idLength),
    amountYuan: yuan,
    /** 按日连续处罚: the amount fined per day while the party does not correct. */
    dailyFine: z.strictObject({ amountYuan: yuan }).optional(),
  }),
  z.strictObject({ kind: z.literal('forced_removal'), documentNo }),
  z.strictObject({
    kind: z.literal('temporary_seal'),
    documentNo,
    /** The seal's last day (a local date in the pack's time zone); it expires at that day's end. */
    until: existingLocalDateSchema,
    /** How long before expiry the regulator is warned; default 24 h [default]. */
    warnBefore: durationSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('power_cutoff'),
    documentNo,
    /** Who approved the decision (the department's principal, 负责人批准). */
    approvedBy: name,
    /** When the written notice reached the party (an ISO instant). */
    noticeGivenAt: z.iso.datetime({ offset: true }),
    /** 紧急情形: no 24 h notice needed (《安全生产法》 Art. 70 ¶1). */
    emergency: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('police_referral'), documentNo, receivingUnit: name }),
  z.strictObject({ kind: z.literal('blacklist'), documentNo }),
]);
export type EnforcementMeasure = z.output<typeof enforcementMeasureSchema>;

/**
 * An enforcement measure on the case: the measure as decided, its id (`E1`, `E2`… in the
 * order taken), who took it and when, and its end (LIFT_ENFORCEMENT, the seal's expiry, or
 * the case ending). A temporary seal carries the instants its timers fire at.
 */
export type EnforcementRecord = EnforcementMeasure & {
  id: string;
  at: string;
  by: string;
  note?: string;
  /** Temporary seal: the end of its last day, and when the warning before it fires (if it does). */
  expiresAt?: string;
  warnAt?: string;
  liftedAt?: string;
  liftedBy?: string;
  /** Why it ended: the lifting decision's reason, `expired`, or `case_closed` / `case_dismissed` / `case_transferred`. */
  liftReason?: string;
  liftDocumentNo?: string;
};

/** 约谈: the meeting with the party's principal people, recorded with its minutes (会议纪要). */
export interface InterviewRecord {
  date: string;
  participants: string[];
  minutesRef: string;
  by: string;
  at: string;
}

/**
 * Accountability of an official (问责): who, what was found, on which document, decided by the
 * district committee. Kept apart from enforcement, which is the enterprise's.
 */
export interface AccountabilityRecord {
  id: string;
  official: string;
  finding: string;
  documentNo: string;
  by: string;
  at: string;
}

/** Whether a record is still in force. */
export function inForce(record: Pick<EnforcementRecord, 'liftedAt'>): boolean {
  return record.liftedAt === undefined;
}

/** Timer ids of a temporary seal: warning before expiry, and the expiry itself. */
export function sealTimerIds(recordId: string): { warning: string; expiry: string } {
  return { warning: `enforcement.${recordId}.warning`, expiry: `enforcement.${recordId}.expiry` };
}
