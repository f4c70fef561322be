import { setup } from 'xstate';
import { createAssignmentActions } from './assignment-actions';
import { createCaseActions } from './case-actions';
import { createDeadlineActions } from './deadline-actions';
import { createEnforcementActions } from './enforcement-actions';
import { createEscalationActions } from './escalation-actions';
import type { HazardTypes } from './hazard-action-kit';
import { createHazardGuards } from './hazard-guards';
import { createImminentDangerActions } from './imminent-danger-actions';
import type { MachineRuntime } from './machine-runtime';
import { createStepEscalationActions } from './step-escalation-actions';

/**
 * The machine's types, guards and actions for one runtime (pack and calendar). The regions
 * are built with its `createStateConfig`, so tsc checks every guard and action they name and
 * the params each parameterised one takes.
 */
export function hazardSetup(rt: MachineRuntime) {
  return setup({
    types: {} as HazardTypes,
    guards: createHazardGuards(rt),
    actions: {
      ...createCaseActions(rt),
      ...createAssignmentActions(),
      ...createDeadlineActions(rt),
      ...createEscalationActions(rt),
      ...createStepEscalationActions(rt),
      ...createImminentDangerActions(rt),
      ...createEnforcementActions(rt),
    },
  });
}

export type HazardSetup = ReturnType<typeof hazardSetup>;

/** A state node of the hazard machine, checked against its guards and actions. */
export type HazardStateConfig = Parameters<HazardSetup['createStateConfig']>[0];
