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
    entry: ['assessImminentDanger', 'announceRegulatoryGap'],
    on: {
      ADD_EVIDENCE: { guard: 'mayAct', actions: 'addEvidence' },
      COMMENT: { guard: 'mayAct', actions: 'comment' },
      // Listing is decided at any point of an open, graded case and ended after acceptance.
      LIST: { guard: 'mayAct', actions: 'list' },
      DELIST: { guard: 'mayAct', actions: 'delist' },
      // A hazard nobody regulates gets its department from the safety committee, at any point.
      ASSIGN_DEPARTMENT: { guard: 'mayAct', actions: 'assignDepartment' },
    },
    states: {
      lifecycle: lifecycleRegion(s, ladder),
      escalation: escalationRegion(s, ladder, rt.pack.escalation.regulatorLadder),
      extension: extensionRegion(s),
      interimControl: interimControlRegion(s),
    },
  });
}
