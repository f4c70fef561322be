/**
 * Every bound on what a report or command may carry, in one place. The zod schemas of
 * actors, reports, evidence and command payloads read them (so they reach the OpenAPI and
 * JSON Schema documents as `maxLength` / `maxItems`); a request past any of them is refused
 * as VALIDATION_FAILED before it can grow a case. Generous for real use, small enough that
 * one request cannot add megabytes to a case or hold the event loop.
 */
export const INPUT_LIMITS = {
  /** Ids: actor, org, site, responsible party, regulator, category, pack, case, command. */
  idLength: 128,
  /** A site's or a party's name. */
  nameLength: 200,
  /** The report's description. */
  descriptionLength: 10_000,
  /** A comment's text, a note, a reason. */
  textLength: 4_000,
  /** Evidence items on one report or command. */
  evidenceCount: 50,
  /** An evidence item's `uri`. */
  evidenceUriLength: 2_048,
  /** Keys in `findings` or a site's `attributes`. */
  findingsCount: 100,
  /** A string value in `findings` or `attributes`. */
  findingTextLength: 1_000,
  /** Clauses cited by a notice. */
  clauseCount: 50,
  /** Parties a report names (`report.parties`: party id → org). */
  partiesCount: 20,
  /** Ids in one read filter (`CaseFilter.ids`). */
  filterIdsCount: 1_000,
} as const;
