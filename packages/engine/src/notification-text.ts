import {
  type HazardNotification,
  type Label,
  type Locale,
  type NotificationTemplates,
  type NotificationText,
  notificationTextIn,
  type PolicyPack,
  renderNotification,
} from '@hazardflow/core';
import type { CaseView } from './case-view';

/** A notification as the engine announces it: the machine's, plus its text for people. */
export interface NotificationWithText extends HazardNotification {
  /** The rendered text in both languages (site, hazard, local deadline, what to do, who asks). */
  text: NotificationText;
  /** `text` in the engine's locale (Chinese unless the engine was given `locale: 'en'`). */
  localText: string;
}

export interface NotificationTextOptions {
  /** Which language `localText` is in; defaults to Chinese. */
  locale?: Locale | undefined;
  /** Templates that win over the pack's and the defaults, per reason (the integrator's own). */
  templates?: Partial<NotificationTemplates> | undefined;
}

/**
 * The pack fields a notification's text is written from. The pack's `notificationTemplates`
 * win over the built-in templates; the engine's `notificationTemplates` option wins over both.
 */
export type NotificationPack = Pick<PolicyPack, 'categories' | 'regulator' | 'timeZone' | 'notificationTemplates'>;

/**
 * Adds the rendered text to a notification, from the case's view (site, regulator) and its
 * pack (category name, regulator name, time zone, templates). `message` stays as the machine
 * wrote it, so listeners that read it see no change. Pure.
 */
export function withNotificationText(
  notification: HazardNotification,
  view: Pick<CaseView, 'siteName' | 'category' | 'regulator' | 'principal'>,
  pack: NotificationPack,
  options: NotificationTextOptions = {},
): NotificationWithText {
  const category = pack.categories.find((c) => c.id === view.category);
  const text = renderNotification(
    notification,
    {
      siteName: view.siteName,
      category: category ? category.name : same(view.category),
      regulator: view.regulator === pack.regulator.id ? pack.regulator.name : same(view.regulator),
      timeZone: pack.timeZone,
      principal: principalText(view.principal),
    },
    { ...pack.notificationTemplates, ...options.templates },
  );
  return { ...notification, text, localText: notificationTextIn(text, options.locale ?? 'zh-CN') };
}

/** Every notification of one commit with its text; the engine announces these. */
export function withNotificationTexts(
  notifications: readonly HazardNotification[],
  view: Pick<CaseView, 'siteName' | 'category' | 'regulator' | 'principal'>,
  pack: NotificationPack,
  options: NotificationTextOptions = {},
): NotificationWithText[] {
  return notifications.map((n) => withNotificationText(n, view, pack, options));
}

/** The principal person (主要负责人) as a template's `{principal}` shows it: `张三（法定代表人）`. */
function principalText(principal: CaseView['principal']): string {
  if (principal == null) return '';
  return principal.title === undefined ? principal.name : `${principal.name}（${principal.title}）`;
}

/** An id with no name of its own, shown as it is in both languages. */
function same(id: string): Label {
  return { zh: id, en: id };
}
