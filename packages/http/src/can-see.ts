import type { Actor } from '@hazardflow/core';
import type { CaseFilter, CaseView } from '@hazardflow/engine';

/**
 * Whether an actor may read a case: the same jurisdiction the engine applies to commands
 * (core's `authorize`), applied by the HTTP layer to every read. Territory staff see their
 * street's cases, a regulator its department's, a responsible party its own, a reporter the
 * cases they reported (`reportedBy`, from the case's first audit entry), an industry
 * department (a pack's party, `view.industry`) the cases of its place types, command and
 * system everything.
 */
export function canSee(actor: Actor, view: CaseView, reportedBy?: string): boolean {
  switch (actor.role) {
    case 'territory':
      return actor.org !== undefined && view.territory === actor.org;
    case 'regulator':
      return actor.org !== undefined && view.regulator === actor.org;
    case 'responsible':
      return actor.org !== undefined && view.responsible === actor.org;
    case 'reporter':
      return reportedBy !== undefined && reportedBy === actor.id;
    case 'command':
    case 'system':
      return true;
    default:
      // An industry department of the case's place type (三管三必须), of the org the case names for it.
      return (
        actor.org !== undefined &&
        (view.industry ?? []).some((department) => department.party === actor.role && department.org === actor.org)
      );
  }
}

/**
 * The store filter that keeps a query inside the actor's jurisdiction, so paging is done by
 * the store over visible cases only (never pages filtered after the fact). `null` when the
 * caller's own filter asks for another jurisdiction (the answer is then an empty page), and
 * `undefined` when the store cannot filter for this role (responsible parties and reporters:
 * `CaseFilter` has no field for them), which the query route refuses.
 */
export function jurisdictionFilter(actor: Actor, filter: CaseFilter): CaseFilter | null | undefined {
  switch (actor.role) {
    case 'command':
    case 'system':
      return filter;
    case 'territory':
      if (actor.org === undefined || (filter.territory !== undefined && filter.territory !== actor.org)) return null;
      return { ...filter, territory: actor.org };
    case 'regulator':
      if (actor.org === undefined || (filter.regulator !== undefined && filter.regulator !== actor.org)) return null;
      return { ...filter, regulator: actor.org };
    default:
      return undefined;
  }
}
