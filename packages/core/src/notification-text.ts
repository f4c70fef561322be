import type { HazardNotification, NotificationReason } from './machine/hazard-events';
import type { Label, Locale } from './vocabulary-labels';

/**
 * The facts about a case a notification is written from: what the machine's notification
 * does not carry itself (it knows the case id, not the site's name). The engine takes them
 * from the case view and the pack.
 */
export interface NotificationFacts {
  siteName: string;
  /** The hazard category's name, from the pack. */
  category: Label;
  /** The department asking (the case's regulator), by name. */
  regulator: Label;
  /** The time zone the deadline is shown in (the pack's). */
  timeZone: string;
  /** The responsible party's principal person (主要负责人), e.g. `张三（法定代表人）`; empty when unknown. */
  principal?: string;
}

/**
 * A template per reason, `{ zh, en }`, with placeholders in braces: `{site}`, `{hazard}`,
 * `{deadline}` (local date, or "no deadline"), `{action}` (the ladder's recommended action,
 * or empty), `{level}`, `{regulator}`, `{message}` (the machine's English detail), `{principal}`
 * (the responsible party's principal person, empty when the case names none).
 */
export type NotificationTemplates = Record<NotificationReason, Label>;

/** The rendered text of one notification in both languages. */
export interface NotificationText {
  zh: string;
  en: string;
}

/**
 * The default templates: where, what, by when, what to do, who asks. Written for the person
 * who must act, in the words a notice uses (限期整改, 挂牌督办, 复查).
 */
export const DEFAULT_NOTIFICATION_TEMPLATES: NotificationTemplates = {
  notice_issued: {
    zh: '【整改通知】{site}存在{hazard}隐患，请于{deadline}前完成整改并报送整改情况。——{regulator}',
    en: '[Rectification notice] {site}: {hazard}. Rectify by {deadline} and report back. — {regulator}',
  },
  listed_supervision: {
    zh: '【挂牌督办】{site}的{hazard}已列为重大隐患挂牌督办（第{level}级）：{action}。整改时限：{deadline}。——{regulator}',
    en: '[Listed supervision] {site}: {hazard} is a major hazard under listed supervision (level {level}): {action}. Deadline: {deadline}. — {regulator}',
  },
  imminent_danger: {
    zh: '【紧急】{site}的{hazard}存在重大险情，请立即撤出人员、设置警戒或停产停业（《安全生产法》第六十五条）。——{regulator}',
    en: '[Urgent] {site}: {hazard} is an imminent danger. Evacuate, cordon off or suspend operations now (Work Safety Law Art. 65). — {regulator}',
  },
  interim_control_overdue: {
    zh: '【紧急督办】{site}的{hazard}存在重大险情，管控时限（{deadline}）已过仍未采取撤人、警戒、停产或查封措施，请立即处置。——{regulator}',
    en: '[Urgent] {site}: {hazard} is an imminent danger and no interim control (evacuate, cordon, suspend, seal) was in place by {deadline}. Act now. — {regulator}',
  },
  warning: {
    zh: '【到期预警】{site}的{hazard}整改时限为{deadline}，即将到期，请抓紧完成。——{regulator}',
    en: '[Deadline warning] {site}: {hazard} is due on {deadline}. Finish in time. — {regulator}',
  },
  overdue: {
    zh: '【逾期】{site}的{hazard}已超过时限（{deadline}）未完成，请立即整改并说明原因。——{regulator}',
    en: '[Overdue] {site}: {hazard} passed its deadline ({deadline}). Rectify now and explain the delay. — {regulator}',
  },
  step_escalated: {
    zh: '【督办】{site}的{hazard}，监管部门的办理环节已超过时限（{deadline}），已升级督办：{action}。',
    en: "[Supervision] {site}: {hazard}. The regulator's step passed its deadline ({deadline}) and was escalated: {action}.",
  },
  step_reminder: {
    zh: '【催办】{site}的{hazard}，监管部门的办理环节仍未完成（时限{deadline}），请尽快办理。',
    en: "[Reminder] {site}: {hazard}. The regulator's step is still open (deadline {deadline}); act now.",
  },
  escalated: {
    zh: '【升级督办】{site}的{hazard}已升级至第{level}级：{action}。整改时限：{deadline}。——{regulator}',
    en: '[Escalated] {site}: {hazard} is now at level {level}: {action}. Deadline: {deadline}. — {regulator}',
  },
  reminder: {
    zh: '【催办】{site}的{hazard}仍未整改到位（第{level}级：{action}），时限：{deadline}。——{regulator}',
    en: '[Reminder] {site}: {hazard} is still not rectified (level {level}: {action}). Deadline: {deadline}. — {regulator}',
  },
  acknowledgement_overdue: {
    zh: '【逾期未签收】{site}的{hazard}整改通知逾期未签收，请立即签收。——{regulator}',
    en: '[Notice not acknowledged] {site}: the notice about {hazard} has not been acknowledged. Acknowledge it now. — {regulator}',
  },
  verification_failed: {
    zh: '【复查不合格】{site}的{hazard}复查未通过，请继续整改，时限：{deadline}。——{regulator}',
    en: '[Verification failed] {site}: {hazard} did not pass verification. Keep rectifying; deadline: {deadline}. — {regulator}',
  },
  extension_requested: {
    zh: '【延期申请】{site}的{hazard}申请延期整改，请审批（现时限：{deadline}）。',
    en: '[Extension requested] {site}: an extension is requested for {hazard}. Please decide (current deadline: {deadline}).',
  },
  closed: {
    zh: '【销号】{site}的{hazard}已整改完毕并验收销号。——{regulator}',
    en: '[Closed] {site}: {hazard} is rectified, verified and closed. — {regulator}',
  },
  reopened: {
    zh: '【回头看】{site}的{hazard}经回头看发现复发，已重新立案，请重新整改。——{regulator}',
    en: '[Reopened] {site}: a follow-up check found {hazard} again; the case is reopened. Rectify it again. — {regulator}',
  },
  assigned: {
    zh: '【案件指派】{site}的{hazard}已指派您承办，当前时限：{deadline}。——{regulator}',
    en: '[Case assigned] {site}: {hazard} is assigned to you. Current deadline: {deadline}. — {regulator}',
  },
  responsible_changed: {
    zh: '【责任主体变更】{site}的{hazard}由贵单位负责整改，请于{deadline}前完成并报送整改情况。——{regulator}',
    en: '[Responsible party changed] {site}: your organisation now answers for {hazard}. Rectify by {deadline} and report back. — {regulator}',
  },
  responsible_released: {
    zh: '【责任解除】{site}的{hazard}已变更责任主体，贵单位不再负责该隐患的整改。——{regulator}',
    en: '[Responsibility released] {site}: another party now answers for {hazard}; your organisation no longer does. — {regulator}',
  },
  enforcement: {
    zh: '【执法措施】{site}的{hazard}：{message}。——{regulator}',
    en: '[Enforcement] {site}: {hazard}: {message}. — {regulator}',
  },
  enforcement_lifted: {
    zh: '【措施解除】{site}的{hazard}：{message}。——{regulator}',
    en: '[Enforcement lifted] {site}: {hazard}: {message}. — {regulator}',
  },
  seal_expiring: {
    zh: '【查封即将到期】{site}因{hazard}被临时查封，查封期限即将届满，请及时复查并决定解除或依法处理：{message}。',
    en: '[Seal expiring] {site} is sealed for {hazard} and the term ends soon; re-inspect and decide to lift or act: {message}.',
  },
  seal_expired: {
    zh: '【查封期满】{site}因{hazard}实施的临时查封已期满：{message}。——{regulator}',
    en: '[Seal expired] {site}: the temporary seal for {hazard} has ended: {message}. — {regulator}',
  },
};

/** The placeholders a template may use; anything else in braces is refused by the pack schema. */
export const NOTIFICATION_PLACEHOLDERS = [
  'site',
  'hazard',
  'deadline',
  'action',
  'level',
  'regulator',
  'message',
  'principal',
] as const;

/** Every notification reason, in the order of the default templates. */
export const NOTIFICATION_REASONS = Object.keys(DEFAULT_NOTIFICATION_TEMPLATES) as NotificationReason[];

const NO_DEADLINE: Label = { zh: '（无时限）', en: '(no deadline)' };
const NO_ACTION: Label = { zh: '按规定处置', en: 'act as the rules require' };

/**
 * The text of a notification in both languages, from the templates (`overrides` per reason
 * first, then the defaults; the engine passes its own option over the pack's). Pure: the deadline's local date comes from `Intl` in the facts'
 * time zone, never from the wall clock. Both languages are always rendered; a reader picks
 * one with {@link notificationTextIn}.
 */
export function renderNotification(
  notification: Pick<HazardNotification, 'reason' | 'level' | 'dueAt' | 'action' | 'message'>,
  facts: NotificationFacts,
  overrides: { readonly [R in NotificationReason]?: Label | undefined } = {},
): NotificationText {
  const template = overrides[notification.reason] ?? DEFAULT_NOTIFICATION_TEMPLATES[notification.reason];
  const render = (lang: 'zh' | 'en'): string => {
    const values: Record<string, string> = {
      site: facts.siteName,
      hazard: facts.category[lang],
      deadline: notification.dueAt === null ? NO_DEADLINE[lang] : localDate(notification.dueAt, facts.timeZone, lang),
      action: (notification.action ?? NO_ACTION)[lang],
      level: String(notification.level),
      regulator: facts.regulator[lang],
      message: notification.message,
      principal: facts.principal ?? '',
    };
    return template[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? (values[name] as string) : whole,
    );
  };
  return { zh: render('zh'), en: render('en') };
}

/** The notification text in one locale. */
export function notificationTextIn(text: NotificationText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** An instant's local date in a time zone: `2026年3月5日` or `2026-03-05`. */
export function localDate(instant: string, timeZone: string, lang: 'zh' | 'en'): string {
  const key = `${timeZone} ${instant}`;
  let day = localDays.get(key);
  if (day === undefined) {
    const parts = dayFormatIn(timeZone)
      .formatToParts(new Date(instant))
      .reduce<Record<string, string>>((acc, p) => {
        acc[p.type] = p.value;
        return acc;
      }, {});
    day = parts as unknown as LocalDay;
    if (localDays.size >= LOCAL_DAYS_KEPT) localDays.clear(); // bounded: a cache, not a record
    localDays.set(key, day);
  }
  const { year, month, day: dayOfMonth } = day;
  return lang === 'zh' ? `${year}年${Number(month)}月${Number(dayOfMonth)}日` : `${year}-${month}-${dayOfMonth}`;
}

interface LocalDay {
  year: string;
  month: string;
  day: string;
}

/**
 * Recently formatted deadlines: a case's deadline is rendered again by each notification about
 * it (both languages, every reminder), and `formatToParts` is the costly part.
 */
const localDays = new Map<string, LocalDay>();
const LOCAL_DAYS_KEPT = 4_096;

/**
 * One `Intl.DateTimeFormat` per time zone, kept: building one costs far more than formatting
 * with it (it was the largest single cost of a command that notifies, in the engine profile).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}
