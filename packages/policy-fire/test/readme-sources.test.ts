import { firePack } from '@hazardflow/policy-fire';
import { runReadmeSourceChecks } from '@hazardflow/testing/vitest';

/**
 * The README lists every rule of the pack with its source or `[default]` (issue 23's
 * done-criterion); what counts as a citation here is this pack's regulations.
 */
runReadmeSourceChecks(firePack, new URL('../README.md', import.meta.url), {
  source: /\[default\]|Art\.|§|Ch\. \d|GB \d|XF \d|JGJ|《|消防法|Order 16/,
});
