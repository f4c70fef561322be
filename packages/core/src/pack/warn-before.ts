import type { Duration } from '../duration';
import type { Escalation, WarnedStep } from './schema';

/**
 * How long before a step's deadline its early warning (预警) is due: the step's own
 * `escalation.warnBeforeByStep` entry when the pack names one (null: no warning for that
 * step), else the pack-wide `escalation.warnBefore`. Null means no warning.
 */
export function warnBeforeFor(
  escalation: Pick<Escalation, 'warnBefore' | 'warnBeforeByStep'>,
  step: WarnedStep,
): Duration | null {
  const own = escalation.warnBeforeByStep?.[step];
  return own === undefined ? escalation.warnBefore : own;
}
