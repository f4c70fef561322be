import type { DiscoveryMethod, RoleRef } from '@hazardflow/core';

/**
 * How each kind of finder in the schedule came upon a hazard (发现方式): the departments'
 * inspectors on inspection, the streets' grid workers on patrol, the public by calling
 * 12345/96119. The schedule has no enterprise self-reports or transfers between departments,
 * so the report shows those at zero: that is the district's "查不上来" in numbers.
 */
export const DISCOVERED_BY: Readonly<Partial<Record<RoleRef, DiscoveryMethod>>> = {
  regulator: 'inspection',
  territory: 'grid_patrol',
  reporter: 'complaint',
};
