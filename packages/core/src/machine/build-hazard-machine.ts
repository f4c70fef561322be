import { escalationRegion } from './escalation-region';
import type { HazardInput } from './hazard-context';
import { hazardSetup } from './hazard-setup';
import { extensionRegion, interimControlRegion, lifecycleRegion } from './lifecycle-region';
import type { MachineRuntime } from './machine-runtime';

export type HazardMachine = ReturnType<typeof buildHazardMachine>;

/** The machine of one runtime; every guard and action its regions name is checked by tsc. */
export function buildHazardMachine(rt: MachineRuntime) {
  const s = hazardSetup(rt);
  const ladder = rt.pack.escalation.ladder;
  return s.createMachine({
    id: 'hazard',
    type: 'parallel',
    context: ({ input }: { input: HazardInput }) => rt.initialContext(input),
    entry: 'assessImminentDanger',
    on: {
      ADD_EVIDENCE: { guard: 'mayAct', actions: 'addEvidence' },
      COMMENT: { guard: 'mayAct', actions: 'comment' },
      // Listing is decided at any point of an open, graded case and ended after acceptance.
      LIST: { guard: 'mayAct', actions: 'list' },
      DELIST: { guard: 'mayAct', actions: 'delist' },
      // Enforcement, 约谈 and accountability are decisions at any point of the case
      // (docs/enforcement.md); a seal's own timers come back here whatever the lifecycle.
      ENFORCE: { guard: 'mayAct', actions: 'enforce' },
      LIFT_ENFORCEMENT: { guard: 'mayAct', actions: 'liftEnforcement' },
      INTERVIEW: { guard: 'mayAct', actions: 'interview' },
      HOLD_ACCOUNTABLE: { guard: 'mayAct', actions: 'holdAccountable' },
      'TIMER.SEAL_WARNING': { actions: 'warnSealExpiry' },
      'TIMER.SEAL_EXPIRY': { actions: 'expireSeal' },
    },
    states: {
      lifecycle: lifecycleRegion(s, ladder),
      escalation: escalationRegion(s, ladder, rt.pack.escalation.regulatorLadder),
      extension: extensionRegion(s),
      interimControl: interimControlRegion(s),
    },
  });
}
