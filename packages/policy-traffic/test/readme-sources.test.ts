import { trafficPack } from '@hazardflow/policy-traffic';
import { runReadmeSourceChecks } from '@hazardflow/testing/vitest';

/**
 * The README lists every rule of the pack with its source or `[default]` (issue 23's
 * done-criterion); what counts as a citation here is this pack's regulations.
 */
runReadmeSourceChecks(trafficPack, new URL('../README.md', import.meta.url), {
  source: /\[default\]|Art\.|§|GB \d|JTG|《|法 Art|Order 16|国办发/,
});
