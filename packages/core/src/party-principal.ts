import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';

/**
 * The responsible party's principal person (主要负责人): who the law holds to account for the
 * party's safety duties (《安全生产法》 Art. 5, Art. 21) and whom notices and 约谈 address.
 * Optional on the report and on CHANGE_RESPONSIBLE; notice templates show it as `{principal}`.
 */
export const principalSchema = z.strictObject({
  name: z.string().trim().min(1).max(INPUT_LIMITS.nameLength),
  /** The person's post, e.g. 法定代表人, 总经理. */
  title: z.string().trim().min(1).max(INPUT_LIMITS.nameLength).optional(),
});
export type Principal = z.infer<typeof principalSchema>;
