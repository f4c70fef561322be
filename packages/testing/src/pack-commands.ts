import {
  type Actor,
  APPRAISAL_GRADES,
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

/** One measure of each kind; `withCaseTime` dates the seal and the power cut-off's notice. */
const ENFORCEMENT_MEASURES = [
  { kind: 'penalty', documentNo: 'conformance penalty 1', legalBasis: 'work-safety-law-112', amountYuan: 10_000 },
  {
    kind: 'penalty',
    documentNo: 'conformance penalty 2',
    legalBasis: 'work-safety-law-112',
    amountYuan: 10_000,
    dailyFine: { amountYuan: 1_000 },
  },
  { kind: 'forced_removal', documentNo: 'conformance removal 1' },
  { kind: 'temporary_seal', documentNo: 'conformance seal 1', until: '' },
  { kind: 'power_cutoff', documentNo: 'conformance cut-off 1', approvedBy: 'conformance head', noticeGivenAt: '' },
  { kind: 'police_referral', documentNo: 'conformance referral 1', receivingUnit: 'conformance police station' },
  { kind: 'blacklist', documentNo: 'conformance list 1' },
] as const;

/**
 * A seal's term in the exploration: it ends with the next local day, so its warning (24 h
 * before, at the start of that day) and its expiry fire soon after it is taken.
 */
const SEAL_DAYS = 1;
const DAY_MS = 86_400_000;

/**
 * The command with the dates and instants it names set against the case's time `at`: a
 * temporary seal's last day is `SEAL_DAYS` local days later, a power cut-off's notice was given 25 h
 * before, an interview was held today. Other commands come back as they are.
 */
export function withCaseTime(command: CommandInput, at: string, timeZone: string): CommandInput {
  const localDay = (ms: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const now = Date.parse(at);
  if (command.type === 'INTERVIEW') return { ...command, date: localDay(now) };
  if (command.type !== 'ENFORCE') return command;
  const measure = command.measure as { kind: string };
  if (measure.kind === 'temporary_seal') {
    return { ...command, measure: { ...measure, until: localDay(now + SEAL_DAYS * DAY_MS) } };
  }
  if (measure.kind === 'power_cutoff') {
    return { ...command, measure: { ...measure, noticeGivenAt: new Date(now - 25 * 3_600_000).toISOString() } };
  }
  return command;
}

/**
 * Every payload variant worth trying for each command, evidence left out (`withEvidence`
 * adds what a step needs). Variants are those that can choose a different transition:
 * a triage as classified, graded major or flagged imminent; a grade decided either way; an
 * appraisal of each grade; a verification that passes or fails; an extension granted or
 * refused; each interim control measure; each of the pack's parties made the department of a
 * case nobody regulates.
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
      case 'RECORD_APPRAISAL':
        // Each grade: no category (A), a general one (B), the imminent dangers (C, D).
        for (const grade of APPRAISAL_GRADES) {
          variants.push({ type, grade, reportNo: `conformance appraisal ${grade}`, appraiser: 'conformance body' });
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
      case 'ENFORCE':
        // Instants and dates are set against the case's time by `withCaseTime`.
        for (const measure of ENFORCEMENT_MEASURES) variants.push({ type, measure });
        break;
      case 'LIFT_ENFORCEMENT':
        // The first record, and the one after it (a lifted seal followed by a new one).
        for (const recordId of ['E1', 'E2']) variants.push({ type, recordId, reason: 'conformance: hazard removed' });
        break;
      case 'INTERVIEW':
        variants.push({ type, date: '', participants: ['conformance principal'], minutesRef: 'conformance minutes 1' });
        break;
      case 'HOLD_ACCOUNTABLE':
        variants.push({
          type,
          official: 'conformance official',
          finding: 'conformance: supervision late',
          documentNo: 'conformance accountability 1',
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
  command = withCaseTime(command, at, policy.timeZone);
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
  const detail = ['severity', 'imminentDanger', 'grade', 'measure', 'result', 'granted', 'recordId']
    .filter((field) => command[field] !== undefined)
    .map((field) => {
      const value = command[field];
      const shown = typeof value === 'object' && value !== null && 'kind' in value ? value.kind : value;
      return `${field}=${String(shown)}`;
    });
  return detail.length > 0 ? `${command.type}(${detail.join(', ')})` : command.type;
}
