import { hash } from 'node:crypto';
import type { Actor } from '@hazardflow/core';
import { canonicalJson } from './canonical-json';

/**
 * The fingerprint of a request kept with its commandId: SHA-256 over the canonical JSON of
 * command (or report) as parsed, when it parses, the validated actor and the case: two
 * requests the engine would read alike are the same request, whatever their key order,
 * spacing of ids or fields the schema drops. A retry sends the same request and is replayed; a
 * reused key with another payload (VERIFY fail, then pass) is refused with
 * IDEMPOTENCY_MISMATCH instead of being answered with a result that is not about it.
 */
export function hashRequest(command: unknown, actor: Actor, caseId: string | undefined): string {
  let text: string;
  try {
    // Through JSON first: what a caller means is what would cross the wire (no undefined, no functions).
    text = canonicalJson(JSON.parse(JSON.stringify({ command, actor, caseId: caseId ?? null }))) ?? '';
  } catch {
    text = `unserialisable:${String(command)}`; // refused later by validation; never equal to a valid request
  }
  return hash('sha256', text, 'hex');
}
