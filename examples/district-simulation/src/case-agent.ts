import {
  type Actor,
  type Command,
  DEFAULT_PERMISSIONS,
  type EnforcementMeasure,
  type EvidenceStep,
  type InterimControl,
} from '@hazardflow/core';
import type { CaseView } from '@hazardflow/engine';
import { BEHAVIOUR } from './agent-behaviour';
import { momentOn, officialMoment } from './agent-timing';
import { BLOCKED_EXIT_CATEGORIES } from './blocked-exits';
import { DISCOVERED_BY } from './discovery';
import type { Department, District, Party } from './district';
import { evidenceFor } from './evidence';
import type { Random } from './random';
import { LAST_SLOT, type Moment } from './sim-time';
import type { PlannedHazard, World } from './world';

type Step =
  | 'report'
  | 'triage'
  | 'notice'
  | 'acknowledge'
  | 'pause'
  | 'resume'
  | 'requestExtension'
  | 'decideExtension'
  | 'submitPlan'
  | 'reviewPlan'
  | 'submit'
  | 'verify'
  | 'delist'
  | 'reopen';

/**
 * The rungs of a department's ladder where people decide: the first the department
 * (`regulator`) is told at, the first the listing authority (`command`) is, the next one
 * that tells `command` (the district leaders; the office's own rung on a ladder with only one)
 * and the top. Read from the pack, so a gentler ladder moves them.
 */
function rungsOf(department: Department): { regulator: number; office: number; leaders: number; top: number } {
  const ladder = department.pack.escalation.ladder;
  const none = Number.POSITIVE_INFINITY;
  const first = (role: string, above = 0) =>
    ladder.find((r) => r.level > above && r.notify.includes(role as never))?.level ?? none;
  const office = first('command');
  const leaders = first('command', office);
  return {
    regulator: first('regulator'),
    office,
    leaders: leaders === none ? office : leaders,
    top: Math.max(0, ...ladder.map((r) => r.level)),
  };
}

/**
 * The people around one hazard, acting the way districts do: the department's lead
 * inspector triages and serves the notice, the party fixes on time, late or never, asks for
 * more time or waits for an appraisal, a different inspector (or, for a general building
 * hazard, the street's grid worker) re-inspects and sometimes fails the work, and a
 * follow-up check (回头看) now and then finds the hazard back.
 *
 * Each agent draws from its own random stream, and only it acts on its case (the command
 * office comments on escalations), so a run is the same for the same seed.
 */
export class CaseAgent {
  caseId: string | null = null;
  view: CaseView | null = null;
  step: Step = 'report';
  readonly department: Department;
  readonly party: Party;
  readonly lead: Actor;
  readonly reinspector: Actor;
  private verificationFailures = 0;
  private planRejections = 0;
  private extensionAsked = false;
  private paused = false;
  private reopened = false;
  /** Whether the listing authority has already weighed listing this general hazard. */
  private listingWeighed = false;
  private listings = 0;
  /** The rungs' decisions already taken on this case (each once). */
  private readonly acted = new Set<'penalty' | 'interview' | 'top'>();
  /** Enforcement records taken on the case, numbered E1, E2… by the engine in that order. */
  private enforcements = 0;
  private documents = 0;
  /** A temporary seal in force and its last day, lifted when the re-inspection passes before it expires. */
  private seal: { recordId: string; lastDay: number } | null = null;
  /** Enforcement made the party act: from now on it does its steps, like a late party. */
  private compelled = false;

  constructor(
    readonly hazard: PlannedHazard,
    private readonly random: Random,
    district: District,
  ) {
    this.department = district.departments[hazard.site.pack];
    this.party = hazard.site.party;
    const inspectors = this.department.inspectors;
    const reporterIndex = inspectors.findIndex((i) => i.id === hazard.reporter.id);
    this.lead = reporterIndex >= 0 ? (inspectors[reporterIndex] as Actor) : random.pick(inspectors);
    this.reinspector = random.pick(inspectors.filter((i) => i.id !== this.lead.id));
  }

  get seq(): number {
    return this.hazard.seq;
  }

  /**
   * When the agent is next due: a step planned earlier is dropped when something (enforcement,
   * a listing) has the agent act sooner, so the agenda may hold stale entries; `isDue` tells.
   */
  private wake: Moment | null = null;

  isDue(moment: Moment): boolean {
    return this.wake !== null && this.wake.day === moment.day && this.wake.slot === moment.slot;
  }

  /** Plans the first step, the report. */
  start(): Moment {
    this.wake = this.hazard.at;
    return this.hazard.at;
  }

  /** Takes the next step; returns when to wake up again, or null when this agent is done. */
  async act(world: World): Promise<Moment | null> {
    this.wake = await this.takeStep(world);
    return this.wake;
  }

  private async takeStep(world: World): Promise<Moment | null> {
    switch (this.step) {
      case 'report':
        return this.fileReport(world);
      case 'triage':
        return this.triage(world);
      case 'notice':
        return this.issueNotice(world);
      case 'acknowledge':
        return this.acknowledge(world);
      case 'pause':
        return this.pauseForAppraisal(world);
      case 'resume':
        return this.resume(world);
      case 'requestExtension':
        return this.requestExtension(world);
      case 'decideExtension':
        return this.decideExtension(world);
      case 'submitPlan':
        return this.submitPlan(world);
      case 'reviewPlan':
        return this.reviewPlan(world);
      case 'submit':
        return this.submitRectification(world);
      case 'verify':
        return this.verify(world);
      case 'delist':
        return this.delist(world);
      case 'reopen':
        return this.reopen(world);
    }
  }

  private async fileReport(world: World): Promise<Moment | null> {
    const { hazard } = this;
    const view = await world.report(
      {
        packId: this.department.pack.id,
        category: hazard.category,
        site: hazard.site.site,
        responsible: { id: this.party.id, name: this.party.name, principal: this.party.principal },
        description: hazard.description,
        findings: hazard.findings,
        evidence: this.evidence(world, 'report', hazard.reporter, hazard.colleague ? [hazard.colleague] : []),
        discoveredBy: DISCOVERED_BY[hazard.reporter.role],
      },
      hazard.reporter,
    );
    if (!view) return null;
    this.caseId = view.id;
    this.view = view;
    // The fire authority's duty team attends a blocked exit at once, any day.
    if (BLOCKED_EXIT_CATEGORIES.has(hazard.category)) return this.triage(world);
    // Urgent categories and imminent dangers (their interim control is due within hours) are
    // triaged the same working day.
    const urgent =
      view.imminentDanger || this.department.pack.categories.find((c) => c.id === hazard.category)?.deadlines?.triage;
    const delay = urgent ? 0 : this.random.weighted(BEHAVIOUR.triageDelay);
    return this.next('triage', officialMoment(world, delay, this.random));
  }

  private async triage(world: World): Promise<Moment | null> {
    const roll = this.random.next();
    if (roll < BEHAVIOUR.dismiss) {
      const reason = this.random.pick(['duplicate', 'invalid', 'not_responsible'] as const);
      await this.send(world, { type: 'DISMISS', reason }, this.lead);
      return null;
    }
    if (roll < BEHAVIOUR.dismiss + BEHAVIOUR.transfer && this.department.pack.steps.transfer) {
      const others = Object.values(world.district.departments).filter((d) => d.id !== this.department.id);
      await this.send(world, { type: 'TRANSFER', to: this.random.pick(others).id }, this.lead);
      return null;
    }
    const view = await this.send(world, { type: 'TRIAGE' }, this.lead);
    if (!view) return null;
    if (view.severity === 'major') await this.list(world, 'Major hazard (重大事故隐患)');
    if (view.imminentDanger || (view.severity === 'major' && this.random.chance(BEHAVIOUR.interimControlOfMajor))) {
      await this.startInterimControl(world, view);
    }
    const pack = this.department.pack;
    if (
      view.severity === 'general' &&
      pack.steps.fixOnSpot &&
      !view.imminentDanger &&
      BEHAVIOUR.quickFixCategories.has(view.category) &&
      this.random.chance(BEHAVIOUR.fixOnSpot)
    ) {
      const fixed = await this.send(
        world,
        { type: 'FIX_ON_SPOT', evidence: this.evidence(world, 'rectification', this.lead) },
        this.lead,
      );
      return fixed ? this.afterClose(world) : null;
    }
    if (this.blockedExit() || this.random.chance(BEHAVIOUR.noticeSameDay)) return this.issueNotice(world);
    return this.next('notice', officialMoment(world, 1, this.random));
  }

  private blockedExit(): boolean {
    return BLOCKED_EXIT_CATEGORIES.has(this.hazard.category);
  }

  /**
   * A blocked exit ordered cleared: most parties clear it while the duty team is there, and
   * the team re-inspects when it is done.
   */
  private async clearWhileThere(world: World): Promise<Moment | null> {
    if (!this.random.chance(BEHAVIOUR.blockedExitClearedWhenOrdered)) return null;
    if (!(await this.send(world, { type: 'ACKNOWLEDGE' }, this.party.actor))) return null;
    const cleared = await this.send(
      world,
      { type: 'SUBMIT_RECTIFICATION', evidence: this.evidence(world, 'rectification', this.party.actor) },
      this.party.actor,
    );
    if (!cleared) return null;
    return this.next('verify', officialMoment(world, this.random.weighted(BEHAVIOUR.reinspectionDelay), this.random));
  }

  private async startInterimControl(world: World, view: CaseView): Promise<void> {
    const allowed = this.department.pack.steps.interimControls;
    const preferred: InterimControl[] = view.imminentDanger ? ['seal', 'evacuate', 'suspend'] : ['suspend', 'evacuate'];
    const measure = preferred.find((m) => allowed.includes(m));
    if (!measure) return;
    // Streets organise evacuations of residents where the pack lets them (the building pack).
    const roles = this.department.pack.permissions.START_INTERIM_CONTROL ?? DEFAULT_PERMISSIONS.START_INTERIM_CONTROL;
    const actor = measure === 'evacuate' && roles.includes('territory') ? this.gridWorker(world) : this.lead;
    await this.send(
      world,
      { type: 'START_INTERIM_CONTROL', measure, evidence: this.evidence(world, 'interimControl', actor) },
      actor,
    );
  }

  private async issueNotice(world: World): Promise<Moment | null> {
    // A suspected dangerous house is noticed only after its appraisal (初判 → 鉴定, building
    // 1.2.0): the appraisal body's grade is recorded first, B here (the simulation does not
    // model appraisals yet, and B keeps the case general as it was) [default].
    if (this.view?.appraisal?.status === 'pending') {
      const appraised = await this.send(
        world,
        {
          type: 'RECORD_APPRAISAL',
          grade: 'B',
          reportNo: `JD-h${this.hazard.seq}`,
          appraiser: 'District appraisal centre',
        },
        this.lead,
      );
      if (!appraised) return null;
    }
    const category = this.department.pack.categories.find((c) => c.id === this.category());
    const view = await this.send(
      world,
      {
        type: 'ISSUE_NOTICE',
        clauses: [category?.source ?? this.department.pack.name.en],
        evidence: this.evidence(world, 'notice', this.lead),
      },
      this.lead,
    );
    if (!view) return null;
    if (this.blockedExit() && view.status === 'notice_issued') {
      const cleared = await this.clearWhileThere(world);
      if (cleared) return cleared;
      // 《消防法》 Art. 60 ¶3: ordered to clear it and refusing, the obstruction is removed by force, the same day.
      if (await this.enforce(world, { kind: 'forced_removal', documentNo: this.documentNo('强') })) {
        return this.comply(world, BEHAVIOUR.enforcement.afterForcedRemoval);
      }
    }
    if (view.status === 'plan_pending') {
      const planDue = this.dueDay(world, view) ?? world.moment.day + 7;
      return this.partyMoment(world, 'submitPlan', {
        prompt: [1, 5],
        late: [planDue - world.moment.day + 2, planDue - world.moment.day + 10],
      });
    }
    return this.partyMoment(world, 'acknowledge', {
      prompt: [0, 1],
      late: [1, 4],
      neverAcknowledges: BEHAVIOUR.neverAcknowledges,
    });
  }

  private async acknowledge(world: World): Promise<Moment | null> {
    const view = await this.send(world, { type: 'ACKNOWLEDGE' }, this.party.actor);
    if (!view) return null;
    if (
      this.department.pack.id === 'building' &&
      BEHAVIOUR.appraisalCategories.has(view.category) &&
      this.random.chance(BEHAVIOUR.pauseForAppraisal)
    ) {
      return this.next('pause', officialMoment(world, this.random.int(1, 3), this.random));
    }
    return this.planRectification(world, view);
  }

  private async pauseForAppraisal(world: World): Promise<Moment | null> {
    const view = await this.send(
      world,
      { type: 'PAUSE_CLOCK', reason: 'Waiting for the structural safety appraisal (房屋安全鉴定)' },
      this.lead,
    );
    if (!view) return null;
    this.paused = true;
    return this.next('resume', officialMoment(world, this.random.int(5, 15), this.random));
  }

  private async resume(world: World): Promise<Moment | null> {
    const view = await this.send(world, { type: 'RESUME_CLOCK', note: 'Appraisal report received' }, this.lead);
    return view ? this.planRectification(world, view) : null;
  }

  /** After a notice, a plan, a pause, an extension or a reopening: ask for time, or get to work. */
  private planRectification(world: World, view: CaseView): Moment | null {
    const dueDay = this.dueDay(world, view);
    if (dueDay === null) return null;
    const today = world.moment.day;
    const discipline = this.party.discipline;
    const extensionChance = BEHAVIOUR.requestExtension[discipline];
    if (
      !this.extensionAsked &&
      !this.paused &&
      dueDay - today >= 5 &&
      view.status !== 'closed' &&
      this.random.chance(extensionChance)
    ) {
      this.extensionAsked = true;
      return this.next('requestExtension', {
        day: dueDay - this.random.int(1, 3),
        slot: this.random.int(0, LAST_SLOT),
      });
    }
    if (this.compelled) {
      const [from, to] = BEHAVIOUR.enforcement.complyWithin;
      return this.next('submit', momentOn(world, today + this.random.int(from, to), this.random));
    }
    if (discipline === 'never' && !this.reopened) return null;
    if (discipline === 'prompt' || this.reopened) {
      const last = Math.max(today, dueDay - 1);
      return this.next('submit', momentOn(world, this.random.int(Math.min(today + 1, last), last), this.random));
    }
    return this.next('submit', momentOn(world, dueDay + this.random.int(1, 20), this.random));
  }

  private async requestExtension(world: World): Promise<Moment | null> {
    const extendBy = { days: this.random.pick([7, 15, 30]) };
    const reason = this.random.pick([
      'Contractor cannot start before the holiday',
      'Materials on order',
      'Owners’ meeting must approve the funds',
    ]);
    const view = await this.send(world, { type: 'REQUEST_EXTENSION', extendBy, reason }, this.party.actor);
    if (!view) return null;
    return this.next('decideExtension', officialMoment(world, this.random.int(1, 4), this.random));
  }

  private async decideExtension(world: World): Promise<Moment | null> {
    // Extensions of listed hazards are the listing authority's call; others the department's.
    const decider = this.listed() ? world.district.commandOffice : this.lead;
    const view = await this.send(
      world,
      { type: 'DECIDE_EXTENSION', granted: this.random.chance(BEHAVIOUR.extensionGranted) },
      decider,
    );
    return view ? this.planRectification(world, view) : null;
  }

  private async submitPlan(world: World): Promise<Moment | null> {
    const view = await this.send(
      world,
      {
        type: 'SUBMIT_PLAN',
        plan: {
          responsibility: `${this.party.name}, legal representative`,
          measures: this.hazard.description,
          funds: `CNY ${this.random.int(2, 80) * 10_000}`,
          deadline: 'as approved',
          emergencyPlan: 'Cordon, evacuation route and on-call contact',
        },
        evidence: this.evidence(world, 'plan', this.party.actor),
      },
      this.party.actor,
    );
    if (!view) return null;
    return this.next('reviewPlan', officialMoment(world, this.random.int(1, 4), this.random));
  }

  private async reviewPlan(world: World): Promise<Moment | null> {
    if (this.planRejections < 2 && this.random.chance(BEHAVIOUR.rejectPlan)) {
      this.planRejections += 1;
      const view = await this.send(
        world,
        { type: 'REJECT_PLAN', reason: 'Funds and deadline are not specific' },
        this.lead,
      );
      return view ? this.partyMoment(world, 'submitPlan', { prompt: [2, 6], late: [4, 12] }) : null;
    }
    const view = await this.send(world, { type: 'APPROVE_PLAN' }, this.lead);
    return view ? this.planRectification(world, view) : null;
  }

  private async submitRectification(world: World): Promise<Moment | null> {
    const view = await this.send(
      world,
      { type: 'SUBMIT_RECTIFICATION', evidence: this.evidence(world, 'rectification', this.party.actor) },
      this.party.actor,
    );
    if (!view) return null;
    const delay = this.random.weighted(BEHAVIOUR.reinspectionDelay);
    return this.next('verify', officialMoment(world, delay, this.random));
  }

  private async verify(world: World): Promise<Moment | null> {
    const view = this.view;
    if (!view) return null;
    const roles = this.department.pack.permissions.VERIFY ?? DEFAULT_PERMISSIONS.VERIFY;
    const verifier =
      view.severity === 'general' && roles.includes('territory') && this.random.chance(BEHAVIOUR.gridWorkerVerifies)
        ? this.gridWorker(world)
        : this.reinspector;
    const fails =
      this.verificationFailures < 3 && this.random.chance(BEHAVIOUR.verificationFails[this.party.discipline]);
    if (fails) {
      this.verificationFailures += 1;
      const failed = await this.send(
        world,
        { type: 'VERIFY', result: 'fail', evidence: this.evidence(world, 'verification', verifier) },
        verifier,
      );
      if (!failed) return null;
      return this.next('submit', momentOn(world, world.moment.day + this.random.int(2, 8), this.random));
    }
    for (const measure of view.interimControls) {
      await this.send(world, { type: 'LIFT_INTERIM_CONTROL', measure }, this.lead);
    }
    // A seal past its last day has expired by itself.
    if (this.seal !== null && world.moment.day <= this.seal.lastDay) {
      await this.send(
        world,
        {
          type: 'LIFT_ENFORCEMENT',
          recordId: this.seal.recordId,
          reason: 'Hazard removed; seal lifted after re-inspection (解除查封)',
        },
        this.lead,
      );
    }
    this.seal = null;
    const step: EvidenceStep = view.severity === 'major' ? 'acceptance' : 'verification';
    const closed = await this.send(
      world,
      { type: 'VERIFY', result: 'pass', evidence: this.evidence(world, step, verifier) },
      verifier,
    );
    if (!closed) return null;
    if (this.listed()) {
      const [from, to] = BEHAVIOUR.listing.delistDelay;
      return this.next('delist', officialMoment(world, this.random.int(from, to), this.random));
    }
    return this.afterClose(world);
  }

  /**
   * The case has reached `level` on its pack's ladder; the people each rung tells decide, once
   * per rung: the listing authority weighs listing a general hazard, the department fines a
   * party that has not done the work, the office holds a 约谈, and at the top rung a major
   * hazard is sealed or a general one fined again. A party that gives in acts sooner: the new
   * wake-up is returned (null when nothing changed).
   */
  async escalated(world: World, level: number): Promise<Moment | null> {
    const view = this.view;
    if (!view || view.status === 'closed' || view.status === 'dismissed' || view.status === 'transferred') return null;
    const rungs = rungsOf(this.department);
    if (!this.listingWeighed && !this.listed() && view.severity === 'general' && level >= rungs.office) {
      this.listingWeighed = true;
      if (this.random.chance(BEHAVIOUR.listing.chosenAtOfficeRung)) {
        await this.list(world, 'Chosen by the district safety committee: long overdue');
      }
    }
    if (!this.partyOwesWork()) return null;
    const { enforcement } = BEHAVIOUR;
    const discipline = this.party.discipline;
    let complies = false;
    if (level >= rungs.regulator && !this.acted.has('penalty')) {
      this.acted.add('penalty');
      if (this.random.chance(enforcement.penaltyAtRegulatorRung) && (await this.penalise(world, false))) {
        complies ||= this.random.chance(enforcement.complyAfterPenalty[discipline]);
      }
    }
    if (level >= rungs.leaders && !this.acted.has('interview')) {
      this.acted.add('interview');
      if (this.random.chance(enforcement.interviewAtLeadersRung) && (await this.interview(world))) {
        complies ||= this.random.chance(enforcement.complyAfterInterview[discipline]);
      }
    }
    if (level >= rungs.top && !this.acted.has('top')) {
      this.acted.add('top');
      complies ||= await this.enforceAtTopRung(world);
    }
    return complies && !this.compelled ? this.comply(world, enforcement.complyWithin) : null;
  }

  /** The top rung: a major hazard sealed, a general one fined again; a party that never acts blacklisted. */
  private async enforceAtTopRung(world: World): Promise<boolean> {
    const { enforcement } = BEHAVIOUR;
    let complies = false;
    if (this.view?.severity === 'major') {
      if (this.random.chance(enforcement.sealMajorAtTopRung)) {
        const lastDay = world.moment.day + enforcement.sealDays;
        const until = world.time.dateOf(lastDay);
        const sealed = await this.enforce(world, { kind: 'temporary_seal', documentNo: this.documentNo('封'), until });
        if (sealed) {
          this.seal = { recordId: sealed, lastDay };
          complies = this.random.chance(enforcement.complyAfterSeal);
        }
      }
    } else if (await this.penalise(world, true)) {
      complies = this.random.chance(enforcement.complyAfterSecondPenalty);
    }
    if (this.party.discipline === 'never' && this.random.chance(enforcement.blacklistNeverAtTopRung)) {
      await this.enforce(world, { kind: 'blacklist', documentNo: this.documentNo('惩') });
    }
    return complies;
  }

  /** A penalty by the department's law; the second one fined daily where the law allows. */
  private async penalise(world: World, repeat: boolean): Promise<boolean> {
    const basis: { legalBasis: string; amountYuan: readonly [number, number]; repeat?: string } =
      BEHAVIOUR.penalty[this.hazard.site.pack];
    const [from, to] = basis.amountYuan;
    const amountYuan = this.random.int(from / 1000, to / 1000) * 1000;
    const daily = repeat && basis.repeat !== undefined;
    const recordId = await this.enforce(world, {
      kind: 'penalty',
      documentNo: this.documentNo('罚'),
      legalBasis: daily ? (basis.repeat as string) : basis.legalBasis,
      amountYuan,
      ...(daily ? { dailyFine: { amountYuan } } : {}),
    });
    return recordId !== null;
  }

  /** 约谈 by the district safety committee office with the party's principal person and the street. */
  private async interview(world: World): Promise<boolean> {
    const street = world.district.street(this.hazard.site.site.territory);
    const view = await this.send(
      world,
      {
        type: 'INTERVIEW',
        date: world.time.dateOf(world.moment.day),
        participants: [
          `${this.party.principal.name} (${this.party.principal.title})`,
          `${street.name} street office`,
          this.department.name,
        ],
        minutesRef: `约谈纪要〔${world.time.dateOf(world.moment.day).slice(0, 4)}〕${this.hazard.seq}号`,
      },
      world.district.commandOffice,
    );
    return view !== null;
  }

  /** An enforcement measure by the lead inspector's department; the record id (E1, E2… in order), or null. */
  private async enforce(world: World, measure: EnforcementMeasure): Promise<string | null> {
    const view = await this.send(world, { type: 'ENFORCE', measure }, this.lead);
    if (!view) return null;
    this.enforcements += 1;
    return `E${this.enforcements}`;
  }

  private documentNo(kind: string): string {
    this.documents += 1;
    const year = this.view ? this.view.reportedAt.slice(0, 4) : '';
    return `${this.department.id}-${kind}〔${year}〕${this.hazard.seq}-${this.documents}号`;
  }

  /** Whether the next step is the party's: the notice, the plan or the work is outstanding. */
  private partyOwesWork(): boolean {
    const status = this.view?.status;
    const waiting = ['verify', 'decideExtension', 'reviewPlan', 'resume', 'pause', 'delist', 'notice', 'triage'];
    return (
      (status === 'notice_issued' || status === 'rectifying' || status === 'supervised' || status === 'plan_pending') &&
      !waiting.includes(this.step)
    );
  }

  /** The party gives in: it takes its outstanding step within `within` days, and keeps going. */
  private comply(world: World, within: readonly [number, number]): Moment | null {
    this.compelled = true;
    const day = world.moment.day + this.random.int(within[0], within[1]);
    const step: Step =
      this.view?.status === 'notice_issued'
        ? 'acknowledge'
        : this.view?.status === 'plan_pending'
          ? 'submitPlan'
          : 'submit';
    // A party already about to take that step keeps its earlier date.
    if (this.wake !== null && this.step === step && this.wake.day <= day) return null;
    this.wake = this.next(step, momentOn(world, day, this.random));
    return this.wake;
  }

  /** Listed supervision (挂牌督办) by the listing authority's decision, with its document and term. */
  private async list(world: World, note: string): Promise<void> {
    const view = this.view;
    if (!view) return;
    const today = world.moment.day;
    const { termSlackDays, minTermDays } = BEHAVIOUR.listing;
    const dueDay = this.dueDay(world, view) ?? today;
    const lastDay = Math.max(today + minTermDays, dueDay + termSlackDays);
    this.listings += 1;
    const year = world.time.dateOf(today).slice(0, 4);
    await this.send(
      world,
      {
        type: 'LIST',
        documentNo: `区安委办督〔${year}〕${this.hazard.seq}${this.listings > 1 ? `-${this.listings}` : ''}号`,
        supervisingUnit: '区安委办 (district safety committee office)',
        until: world.time.dateOf(lastDay),
        note,
      },
      world.district.commandOffice,
    );
  }

  /** The listing authority ends the listing (摘牌) once the department has accepted the work. */
  private async delist(world: World): Promise<Moment | null> {
    const view = await this.send(
      world,
      {
        type: 'DELIST',
        documentNo: `区安委办销〔${world.time.dateOf(world.moment.day).slice(0, 4)}〕${this.hazard.seq}号`,
      },
      world.district.commandOffice,
    );
    return view ? this.afterClose(world) : null;
  }

  /** Under a listing still in force. */
  private listed(): boolean {
    const listing = this.view?.listing;
    return listing !== undefined && listing !== null && listing.delistedAt === undefined;
  }

  /** A few closed cases are found again by the follow-up check (回头看) within its window. */
  private afterClose(world: World): Moment | null {
    if (this.reopened || !this.random.chance(BEHAVIOUR.reopen)) return null;
    return this.next('reopen', officialMoment(world, this.random.int(8, 30), this.random));
  }

  private async reopen(world: World): Promise<Moment | null> {
    const actor = this.random.chance(0.5) ? this.gridWorker(world) : this.lead;
    const view = await this.send(
      world,
      {
        type: 'REOPEN',
        reason: 'Follow-up check (回头看): the hazard is back',
        evidence: this.evidence(world, 'report', actor),
      },
      actor,
    );
    if (!view) return null;
    this.reopened = true;
    this.paused = false;
    if (view.severity === 'major' && !this.listed()) await this.list(world, 'Major hazard found again (回头看)');
    return this.planRectification(world, this.view ?? view);
  }

  /** The case's category now: an appraisal (RECORD_APPRAISAL) may have re-graded it. */
  private category(): string {
    return this.view?.category ?? this.hazard.category;
  }

  private async send(world: World, command: Command, actor: Actor): Promise<CaseView | null> {
    if (this.caseId === null) return null;
    const view = await world.send(this.caseId, command, actor);
    if (view) this.view = view;
    return view;
  }

  private evidence(world: World, step: EvidenceStep, actor: Actor, colleagues: readonly Actor[] = []) {
    return evidenceFor(this.department.pack, this.category(), step, actor, world.now(), {
      caseKey: `h${this.hazard.seq}`,
      colleagues: colleagues.length > 0 ? colleagues : [this.reinspector],
    });
  }

  private gridWorker(world: World): Actor {
    return this.random.pick(world.district.street(this.hazard.site.site.territory).gridWorkers);
  }

  private next(step: Step, moment: Moment): Moment {
    this.step = step;
    return moment;
  }

  /** The day index of the case's current deadline, or null when nothing is being watched. */
  private dueDay(world: World, view: CaseView): number | null {
    return view.dueAt === null ? null : world.time.dayOfInstant(view.dueAt);
  }

  /** When the responsible party gets round to a step, by its discipline; null if it never does. */
  private partyMoment(
    world: World,
    step: Step,
    delays: { prompt: [number, number]; late: [number, number]; neverAcknowledges?: number },
  ): Moment | null {
    const discipline = this.compelled ? 'late' : this.party.discipline;
    if (
      discipline === 'never' &&
      (delays.neverAcknowledges === undefined || this.random.chance(delays.neverAcknowledges))
    ) {
      return null;
    }
    const [from, to] = discipline === 'prompt' ? delays.prompt : delays.late;
    const lo = Math.max(0, from);
    return this.next(step, momentOn(world, world.moment.day + this.random.int(lo, Math.max(lo, to)), this.random));
  }
}
