/**
 * One problem found in a policy pack, as data: where (`path`, printed the way an author
 * reads it, e.g. `escalation.ladder[2].after`), what kind (`code`, stable for programs) and
 * why (`message`, plain words). The empty path means the pack as a whole.
 */
export interface PolicyPackIssue {
  readonly path: string;
  readonly code: PolicyPackIssueCode;
  readonly message: string;
}

/**
 * Shape problems (reported by the schema) and rule problems (reported by the cross-field
 * checks). Programs may switch on these; the set only grows.
 */
export type PolicyPackIssueCode =
  // shape
  | 'required'
  | 'invalid_type'
  | 'invalid_value'
  | 'invalid_format'
  | 'too_small'
  | 'too_big'
  | 'unknown_field'
  | 'invalid_duration'
  | 'dangerous_key'
  | 'unreadable'
  // references and uniqueness
  | 'duplicate_id'
  | 'duplicate_value'
  | 'unknown_category'
  | 'unknown_place_type'
  | 'place_type_not_applicable'
  | 'unknown_finding'
  | 'unknown_time_zone'
  | 'unknown_role'
  | 'reserved_role'
  | 'unknown_party'
  // escalation ladder
  | 'ladder_numbering'
  | 'ladder_order'
  | 'repeat_too_long'
  | 'start_level_out_of_range'
  // consistency of one part with another
  | 'invalid_date'
  | 'inconsistent'
  | 'no_effect'
  | 'season_sets_grade'
  | 'unreachable_threshold'
  | 'system_permission'
  | 'missing_permission'
  // validity windows and versions
  | 'overlapping_validity'
  | 'category_not_in_force'
  | 'unknown_state'
  | 'invalid_version_range';

/** A path as a list of keys and indices, before it is printed. */
export type IssuePath = readonly PropertyKey[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Prints a path as an author would write it in TypeScript: `escalation.ladder[2].after`,
 * `permissions.VERIFY`, `match.siteAttributes["floor area"]`.
 */
export function formatIssuePath(path: IssuePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'symbol') out += `[${segment.toString()}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Builds an issue from a path given as a list. */
export function packIssue(path: IssuePath, code: PolicyPackIssueCode, message: string): PolicyPackIssue {
  return { path: formatIssuePath(path), code, message };
}
