import type { Actor } from '@hazardflow/core';
import { evidence } from './actors';

/**
 * Commands a random walk may try, with payloads that satisfy the reference pack's evidence
 * rules when sent by the right person (and fail them otherwise, which is also worth trying).
 */
export const commandTemplates: (() => { type: string } & Record<string, unknown>)[] = [
  () => ({ type: 'TRIAGE' }),
  () => ({ type: 'TRIAGE', severity: 'major' }),
  () => ({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }),
  () => ({ type: 'DISMISS', reason: 'invalid' }),
  () => ({ type: 'TRANSFER', to: 'housing-bureau' }),
  () => ({
    type: 'ISSUE_NOTICE',
    clauses: ['Art. 28'],
    evidence: [evidence('notice_document'), evidence('proof_of_service')],
  }),
  () => ({ type: 'ACKNOWLEDGE' }),
  () => ({
    type: 'SUBMIT_PLAN',
    plan: { responsibility: 'r', measures: 'm', funds: 'f', deadline: 'd', emergencyPlan: 'e' },
    evidence: [evidence('rectification_plan')],
  }),
  () => ({ type: 'APPROVE_PLAN' }),
  () => ({ type: 'REJECT_PLAN', reason: 'incomplete' }),
  () => ({ type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('seal_notice')] }),
  () => ({ type: 'START_INTERIM_CONTROL', measure: 'evacuate', evidence: [evidence('seal_notice')] }),
  () => ({ type: 'LIFT_INTERIM_CONTROL', measure: 'seal' }),
  () => ({ type: 'LIFT_INTERIM_CONTROL', measure: 'evacuate' }),
  () => ({ type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after_photo'), evidence('corridor_photo')] }),
  () => ({
    type: 'VERIFY',
    result: 'pass',
    evidence: [evidence('inspection_record', 'a'), evidence('inspection_record', 'b'), evidence('closeout_decision')],
  }),
  () => ({
    type: 'VERIFY',
    result: 'fail',
    evidence: [evidence('inspection_record', 'a'), evidence('inspection_record', 'b')],
  }),
  () => ({ type: 'REQUEST_EXTENSION', extendBy: { workingDays: 5 }, reason: 'parts' }),
  () => ({ type: 'DECIDE_EXTENSION', granted: true }),
  () => ({ type: 'DECIDE_EXTENSION', granted: false }),
  () => ({ type: 'PAUSE_CLOCK', reason: 'appraisal' }),
  () => ({ type: 'RESUME_CLOCK' }),
  () => ({ type: 'REOPEN', reason: 'found again' }),
  () => ({ type: 'COMMENT', text: 'note' }),
];

export const randomActors: Actor[] = [
  { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
  { id: 'inspector-2', role: 'regulator', org: 'fire-brigade' },
  { id: 'housing-1', role: 'regulator', org: 'housing-bureau' },
  { id: 'owner-1', role: 'responsible', org: 'party-1' },
  { id: 'inspector-1', role: 'responsible', org: 'party-1' },
  { id: 'grid-1', role: 'territory', org: 'street-a' },
  { id: 'grid-9', role: 'territory', org: 'street-z' },
  { id: 'committee-1', role: 'command' },
  { id: 'citizen-1', role: 'reporter' },
];
