import { boundedIdSchema, toCommandIssues } from '@hazardflow/core';
import { type CommandResult, failure } from './result';

/**
 * Checks a `commandId` before it is looked up or stored: absent, or an id like any other
 * (a string, trimmed and NFC-normalised, 1 to INPUT_LIMITS.idLength characters, no control or
 * zero-width characters). `null` or `{}` would otherwise become a real key that later,
 * different commands are "replayed" from. Returns the normalised key.
 */
export function parseCommandId(commandId: unknown): CommandResult | { key: string | undefined } {
  if (commandId === undefined) return { key: undefined };
  const parsed = boundedIdSchema.safeParse(commandId);
  if (parsed.success) return { key: parsed.data };
  return failure(
    'VALIDATION_FAILED',
    `commandId: ${typeof commandId === 'string' ? parsed.error.issues.map((i) => i.message).join('; ') : `must be a string, not ${commandId === null ? 'null' : typeof commandId}`}`,
    { issues: toCommandIssues(parsed.error.issues, ['commandId']), details: { subject: 'commandId' } },
  );
}
