import { extendPolicyPack, type PolicyPack } from '@hazardflow/core';
import { gasPack } from './gas-pack';

/**
 * One district's own gas pack, built on the shared one in TypeScript: leaks are checked
 * within an hour, a new category covers pipelines built over or fenced in (占压、圈占), and
 * two extensions are allowed for the long works that moving a building off a pipeline takes.
 * Lists of objects with an `id` merge by id, so `pipe_leak` keeps everything but its triage.
 *
 * No function hook: `@hazardflow/core` decides severity with declarative rules only and has
 * no hook API yet, so what a hook would compute is written as a rule (see the README).
 */
export const districtGasPack: PolicyPack = extendPolicyPack(gasPack, {
  id: 'gas-district-7',
  version: '1.0.0',
  name: { zh: '第七区城镇燃气安全隐患排查整治', en: 'Town gas safety hazards, district 7' },
  categories: [
    { id: 'pipe_leak', deadlines: { triage: { hours: 1 } } },
    {
      id: 'pipeline_encroached',
      name: { zh: '燃气管道被占压、圈占', en: 'Gas pipeline built over or fenced in' },
      defaultSeverity: 'general',
      placeTypes: ['street', 'commercial', 'industrial'],
      deadlines: { rectify: { general: { days: 30 }, major: { days: 90 } } },
      source: '《城镇燃气管理条例》 Art. 33: no building over gas pipelines in their protection zone',
    },
  ],
  severityRules: [
    {
      id: 'encroached_main',
      kind: 'conditions',
      source: 'A medium- or high-pressure main built over [district rule, illustrative]',
      description: { zh: '中压及以上管道被占压', en: 'Medium- or high-pressure main built over' },
      categories: ['pipeline_encroached'],
      all: [{ field: 'findings.pressure', op: 'in', value: ['medium', 'high'] }],
      outcome: { severity: 'major' },
    },
  ],
  steps: { maxExtensions: 2 },
});
