import { z } from 'zod';
import { NOTIFICATION_PLACEHOLDERS, NOTIFICATION_REASONS } from '../notification-text';
import { closestMatch } from './closest-match';

/**
 * One template string: text with placeholders in braces, each one the renderer knows
 * (`{site}`, `{hazard}`, `{deadline}`, `{action}`, `{level}`, `{regulator}`, `{message}`). An
 * unknown placeholder would be printed as it is, braces and all, to the person who must act,
 * so it is refused here with the list of known ones.
 */
const templateTextSchema = z
  .string()
  .min(1)
  .superRefine((text, context) => {
    for (const [, name = ''] of text.matchAll(/\{(\w+)\}/g)) {
      if ((NOTIFICATION_PLACEHOLDERS as readonly string[]).includes(name)) continue;
      const near = closestMatch(name, NOTIFICATION_PLACEHOLDERS);
      context.addIssue({
        code: 'custom',
        message: `unknown placeholder {${name}}${near ? `; did you mean {${near}}?` : ''} (known: ${NOTIFICATION_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
      });
    }
  });

/** A notification template in both languages, like every text people read. */
export const notificationTemplateSchema = z.strictObject({ zh: templateTextSchema, en: templateTextSchema });

/**
 * A pack's own notification texts, per notification reason (`notice_issued`, `overdue` …),
 * each `{ zh, en }`. Reasons left out keep the defaults (`DEFAULT_NOTIFICATION_TEMPLATES`); an
 * engine's `notificationTemplates` option wins over both. An unknown reason is refused with a
 * "did you mean" like any unknown field.
 */
export const notificationTemplatesSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_REASONS.map((reason) => [reason, notificationTemplateSchema.optional()])) as Record<
    (typeof NOTIFICATION_REASONS)[number],
    z.ZodOptional<typeof notificationTemplateSchema>
  >,
);
