import { buildingPack } from '@hazardflow/policy-building';
import { runReadmeSourceChecks } from '@hazardflow/testing/vitest';

/**
 * The README lists every rule of the pack with its source or `[default]` (issue 23's
 * done-criterion); what counts as a citation here is this pack's regulations.
 */
runReadmeSourceChecks(buildingPack, new URL('../README.md', import.meta.url), {
  source: /\[default\]|Art\.|§|JGJ \d|GB \d|《|法 Art|Order 16|国办发明电/,
});
