import type { Actor } from '@hazardflow/core';
import type { CaseView } from '@hazardflow/engine';
import { canSee } from './can-see';
import type { HttpEngine } from './http-engine';
import { ProblemError } from './problem';

/**
 * The case if the actor may see it. A case outside the caller's jurisdiction answers exactly
 * as a case that does not exist (404 UNKNOWN_CASE, same message): a 403 would confirm to
 * another street's staff that the case exists, and case ids travel in links and messages.
 */
export async function visibleCase(engine: HttpEngine, actor: Actor, caseId: string): Promise<CaseView> {
  const view = await engine.get(caseId);
  if (view && canSee(actor, view, actor.role === 'reporter' ? await reporterOf(engine, caseId) : undefined)) {
    return view;
  }
  throw new ProblemError(404, 'UNKNOWN_CASE', `no case "${caseId}"`);
}

/** Who reported a case: the actor of its first audit entry. */
export async function reporterOf(engine: HttpEngine, caseId: string): Promise<string | undefined> {
  const [first] = await engine.history(caseId);
  return first?.actor.id;
}

/** The ETag of a case: its version, as a strong validator. */
export const etagOf = (view: CaseView): string => `"${view.version}"`;
