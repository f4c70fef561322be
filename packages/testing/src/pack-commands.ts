import {
  type Actor,
  COMMAND_TYPES,
  type CommandEvent,
  type CommandType,
  DEFAULT_PERMISSIONS,
  type EvidenceRef,
  evidenceRequirements,
  evidenceStepOf,
  type HazardContext,
  INTERIM_CONTROLS,
  type PolicyPack,
  type RoleRef,
  SEVERITIES,
} from '@hazardflow/core';

/** A command as an application sends it: its type and payload. */
export type CommandInput = { type: CommandType } & Record<string, unknown>;

const PLAN = {
  responsibility: 'site manager',
  measures: 'remove the hazard as the notice requires',
  funds: 'owner budget',
  deadline: 'as the notice says',
  emergencyPlan: 'evacuate and call 119',
};

/**
 * Every payload variant worth trying for each command, evidence left out (`withEvidence`
 * adds what a step needs). Variants are those that can choose a different transition:
 * a triage as classified, graded major or flagged imminent; a grade decided either way; a verification that passes or
 * fails; an extension granted or refused; each interim control measure; each of the pack's
 * parties made the department of a case nobody regulates.
 */
export function commandVariants(pack?: Pick<PolicyPack, 'parties'>): CommandInput[] {
  const variants: CommandInput[] = [];
  for (const type of COMMAND_TYPES) {
    switch (type) {
      case 'TRIAGE':
        variants.push({ type }, { type, severity: 'major' }, { type, imminentDanger: true });
        break;
      case 'CONFIRM_GRADE':
        for (const severity of SEVERITIES) {
          const decision = { kind: 'collective', reference: `conformance decision ${severity}` };
          variants.push({ type, severity, decision, reason: 'conformance: the grade as decided' });
        }
        break;
      case 'DISMISS':
        variants.push({ type, reason: 'invalid' });
        break;
      case 'TRANSFER':
        variants.push({ type, to: 'conformance-other-regulator' });
        break;
      case 'ASSIGN':
        // An officer of the case's regulator (`caseActors`); a second ASSIGN re-assigns.
        variants.push({ type, officer: 'regulator-2', reason: 'conformance assignment' });
        break;
      case 'CHANGE_RESPONSIBLE':
        variants.push({
          type,
          responsible: { id: 'conformance-other-party', name: 'Conformance Other Party' },
          reason: 'conformance: the site changed hands',
        });
        break;
      case 'ASSIGN_DEPARTMENT':
        for (const regulator of Object.keys(pack?.parties ?? {})) {
          variants.push({ type, regulator, reason: 'conformance: the safety committee decided' });
        }
        break;
      case 'ISSUE_NOTICE':
        variants.push({ type, clauses: ['conformance clause 1'] });
        break;
      case 'SUBMIT_PLAN':
        variants.push({ type, plan: PLAN });
        break;
      case 'REJECT_PLAN':
        variants.push({ type, reason: 'the funds are not named' });
        break;
      case 'START_INTERIM_CONTROL':
      case 'LIFT_INTERIM_CONTROL':
        for (const measure of INTERIM_CONTROLS) variants.push({ type, measure });
        break;
      case 'VERIFY':
        variants.push({ type, result: 'pass' }, { type, result: 'fail' });
        break;
      case 'REQUEST_EXTENSION':
        variants.push({ type, extendBy: { workingDays: 5 }, reason: 'parts on order' });
        break;
      case 'DECIDE_EXTENSION':
        variants.push({ type, granted: true }, { type, granted: false });
        break;
      case 'PAUSE_CLOCK':
        variants.push({ type, reason: 'waiting for a structural appraisal' });
        break;
      case 'REOPEN':
        variants.push({ type, reason: 'found again at the follow-up check' });
        break;
      case 'ADD_EVIDENCE':
        variants.push({ type, evidence: [] });
        break;
      case 'LIST':
        variants.push({
          type,
          documentNo: 'conformance listing 1',
          supervisingUnit: 'conformance unit',
          until: '2099-12-31',
        });
        break;
      case 'COMMENT':
        variants.push({ type, text: 'conformance note' });
        break;
      default:
        variants.push({ type });
    }
  }
  return variants;
}

/**
 * The people around a case, two per role so separation of duties can be honoured: each
 * with the org that role means for this case (street, department, responsible party, the
 * org the case names for each of the pack's parties). A party the case names no org for has
 * nobody.
 */
export function caseActors(
  context: Pick<HazardContext, 'site' | 'regulator' | 'responsible'> & Partial<Pick<HazardContext, 'parties'>>,
): Record<RoleRef, Actor[]> {
  const two = (role: RoleRef, org?: string): Actor[] =>
    [1, 2].map((n) => ({ id: `${role}-${n}`, role, ...(org !== undefined ? { org } : {}) }));
  const parties = Object.entries(context.parties ?? {}).map(([party, org]) => [party, two(party, org)] as const);
  return {
    ...Object.fromEntries(parties),
    reporter: two('reporter'),
    responsible: two('responsible', context.responsible.id),
    territory: two('territory', context.site.territory),
    regulator: two('regulator', context.regulator),
    command: two('command'),
    system: [],
  };
}

/** Actors a random walk also tries: wrong org, the engine's own actor, one person in two roles. */
export function outsiders(context: Pick<HazardContext, 'regulator'>): Actor[] {
  return [
    { id: 'territory-elsewhere', role: 'territory', org: 'conformance-other-street' },
    { id: 'regulator-elsewhere', role: 'regulator', org: 'conformance-other-regulator' },
    { id: 'responsible-elsewhere', role: 'responsible', org: 'conformance-other-party' },
    // the responsible party's person also holds a regulator post: may not verify their own work
    { id: 'responsible-1', role: 'regulator', org: context.regulator },
    { id: 'system', role: 'system' },
  ];
}

/**
 * The roles that may issue `type` under a policy: its own entry, else the default (a
 * validated pack leaves commands added since packs were first hashed to the default).
 */
export function rolesFor(policy: Pick<PolicyPack, 'permissions'>, type: CommandType): readonly RoleRef[] {
  return policy.permissions[type] ?? DEFAULT_PERMISSIONS[type];
}

/**
 * The command with the evidence its step asks of this actor (`evidenceRequirements`):
 * `min` items of each kind, by different people where the pack says `distinctBy`.
 */
export function withEvidence(
  policy: PolicyPack,
  context: HazardContext,
  command: CommandInput,
  actor: Actor,
  at: string,
): CommandInput {
  const event = { ...command, evidence: [], at, actor } as unknown as CommandEvent;
  const step = command.type === 'ADD_EVIDENCE' ? null : evidenceStepOf(event, context);
  const items: EvidenceRef[] = [];
  if (step !== null) {
    for (const requirement of evidenceRequirements(policy, context.category, step, actor.role)) {
      for (let n = 0; n < requirement.min; n++) {
        items.push(evidenceItem(requirement.kind, n === 0 ? actor.id : `${actor.id}-colleague-${n}`, at, n));
      }
    }
  }
  if (command.type === 'ADD_EVIDENCE') items.push(evidenceItem('conformance-note', actor.id, at, 0));
  if (items.length === 0 && !('evidence' in command)) return command;
  return { ...command, evidence: [...((command.evidence as EvidenceRef[] | undefined) ?? []), ...items] };
}

/** Evidence a report by `actor` needs in this policy, for a category. */
export function reportEvidence(policy: PolicyPack, category: string, actor: Actor, at: string): EvidenceRef[] {
  const items: EvidenceRef[] = [];
  for (const requirement of evidenceRequirements(policy, category, 'report', actor.role)) {
    for (let n = 0; n < requirement.min; n++) {
      items.push(evidenceItem(requirement.kind, n === 0 ? actor.id : `${actor.id}-colleague-${n}`, at, n));
    }
  }
  return items;
}

function evidenceItem(kind: string, by: string, at: string, n: number): EvidenceRef {
  return { kind, uri: `conformance://${kind}/${by}/${n}`, by, at };
}

/** A command in a trace: its type and the payload fields that choose a path, e.g. `VERIFY(result=fail)`. */
export function describeCommand(command: { type: string } & Record<string, unknown>): string {
  const detail = ['severity', 'imminentDanger', 'measure', 'result', 'granted']
    .filter((field) => command[field] !== undefined)
    .map((field) => `${field}=${String(command[field])}`);
  return detail.length > 0 ? `${command.type}(${detail.join(', ')})` : command.type;
}
