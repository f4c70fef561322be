import semver from 'semver';
import { STATUS_OF_STATE } from '../machine/hazard-status';
import { closestMatch } from './closest-match';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { PolicyPack } from './schema';

/** The lifecycle states a migration map may name (the hazard machine's `lifecycle` region). */
export const LIFECYCLE_STATES: readonly string[] = Object.freeze(Object.keys(STATUS_OF_STATE));

/**
 * A pack's migration map must point at what this version has: `from` is a version or semver
 * range that does not include this version, renamed categories land on categories this
 * version declares, and states are lifecycle states (old and new). The old category ids are
 * not checked here: they belong to the older version, which the engine compares when it
 * plans a migration.
 */
export function checkMigrations(pack: PolicyPack): PolicyPackIssue[] {
  const categoryIds = new Set(pack.categories.map((category) => category.id));
  const states = new Set(LIFECYCLE_STATES);
  const issues: PolicyPackIssue[] = [];
  pack.migrations.forEach((migration, index) => {
    const path = ['migrations', index];
    const range = semver.validRange(migration.from);
    if (range === null) {
      issues.push(
        packIssue(
          [...path, 'from'],
          'invalid_version_range',
          `"${migration.from}" is neither a version (1.0.0) nor a semver range (>=1.0.0 <1.1.0)`,
        ),
      );
    } else if (semver.satisfies(pack.version, range, { includePrerelease: true })) {
      issues.push(
        packIssue(
          [...path, 'from'],
          'inconsistent',
          `"${migration.from}" includes this version (${pack.version}); a migration comes from older versions`,
        ),
      );
    }
    for (const [oldId, newId] of Object.entries(migration.categories)) {
      if (categoryIds.has(newId)) continue;
      const guess = closestMatch(newId, categoryIds);
      issues.push(
        packIssue(
          [...path, 'categories', oldId],
          'unknown_category',
          `renames "${oldId}" to unknown category "${newId}"${guess !== undefined ? `; did you mean "${guess}"?` : `; this version declares ${[...categoryIds].join(', ')}`}`,
        ),
      );
    }
    for (const [from, to] of Object.entries(migration.states)) {
      for (const [state, role] of [
        [from, 'moves cases out of'],
        [to, 'moves cases into'],
      ] as const) {
        if (states.has(state)) continue;
        const guess = closestMatch(state, states);
        issues.push(
          packIssue(
            [...path, 'states', from],
            'unknown_state',
            `${role} "${state}", which is not a lifecycle state${guess !== undefined ? `; did you mean "${guess}"?` : `; the states are ${LIFECYCLE_STATES.join(', ')}`}`,
          ),
        );
      }
    }
  });
  return issues;
}
