import {
  type Actor,
  type AvailableCommand,
  type CommandType,
  commandPayloadSchemas,
  type EvidenceRef,
  type HazardCommand,
  INTERIM_CONTROLS,
} from '@hazardflow/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev, pack, people, reportInput, testEngine } from './support';

const actors: Actor[] = [
  ...Object.values(people),
  { id: 'command-1', role: 'command' },
  // The owner's staff member who submitted a rectification, then tries to verify it.
  { id: 'owner-1', role: 'regulator', org: 'fire-brigade' },
  { id: 'system', role: 'system' },
];

/** Every evidence kind the pack asks for anywhere, three of each by different people. */
const ALL_KINDS = [
  ...new Set(
    [pack.evidence, ...pack.categories.map((c) => c.evidence ?? {})].flatMap((byStep) =>
      Object.values(byStep).flatMap((requirements) => (requirements ?? []).map((r) => r.kind)),
    ),
  ),
];

function evidenceOf(kinds: readonly string[]): EvidenceRef[] {
  return kinds.flatMap((kind) => [ev(kind, 'witness-a'), ev(kind, 'witness-b'), ev(kind, 'witness-c')]);
}

const takesEvidence = (type: CommandType) => 'evidence' in commandPayloadSchemas[type].shape;

/**
 * The payload `availableCommands` probes each command with (see its doc comment), so what
 * it promised can be checked by sending exactly that.
 */
function probePayload(
  type: CommandType,
  view: {
    regulator: string;
    interimControls: readonly string[];
    severity: string | null;
    assignee?: string | null;
    responsible?: string;
    enforcement?: readonly { id: string; liftedAt?: string }[];
  },
  actorId = '',
) {
  switch (type) {
    case 'ASSIGN':
      return { officer: view.assignee === actorId ? `${actorId}:other` : actorId };
    case 'ASSIGN_DEPARTMENT':
      // The reference pack regulates every place type, so this is only ever probed as refused.
      return { regulator: 'none', reason: '-' };
    case 'CHANGE_RESPONSIBLE':
      return { responsible: { id: `${view.responsible}:other` }, reason: '-' };
    case 'LIST':
      return { documentNo: '-', supervisingUnit: '-', until: '2099-12-31' };
    case 'CONFIRM_GRADE':
      return { severity: view.severity ?? 'general', decision: { kind: 'collective', reference: '-' } };
    case 'RECORD_APPRAISAL':
      return { grade: 'C', reportNo: '-', appraiser: '-' };
    case 'DISMISS':
      return { reason: 'invalid' };
    case 'TRANSFER':
      return { to: `${view.regulator}:other` };
    case 'ISSUE_NOTICE':
      return { clauses: ['(clause)'] };
    case 'SUBMIT_PLAN':
      return { plan: { responsibility: '-', measures: '-', funds: '-', deadline: '-', emergencyPlan: '-' } };
    case 'REJECT_PLAN':
    case 'PAUSE_CLOCK':
    case 'REOPEN':
      return { reason: '-' };
    case 'START_INTERIM_CONTROL':
      return {
        measure: pack.steps.interimControls.find((m) => !view.interimControls.includes(m)) ?? INTERIM_CONTROLS[0],
      };
    case 'LIFT_INTERIM_CONTROL':
      return { measure: view.interimControls[0] ?? INTERIM_CONTROLS[0] };
    case 'VERIFY':
      return { result: 'pass' };
    case 'REQUEST_EXTENSION':
      return { extendBy: { workingDays: 1 }, reason: '-' };
    case 'DECIDE_EXTENSION':
      return { granted: true };
    case 'COMMENT':
      return { text: '-' };
    case 'ENFORCE':
      return { measure: { kind: 'forced_removal', documentNo: '-' } };
    case 'LIFT_ENFORCEMENT':
      return { recordId: view.enforcement?.find((r) => r.liftedAt === undefined)?.id ?? 'E0', reason: '-' };
    case 'INTERVIEW':
      return { date: '2026-01-01', participants: ['-'], minutesRef: '-' };
    case 'HOLD_ACCOUNTABLE':
      return { official: '-', finding: '-', documentNo: '-' };
    default:
      return {};
  }
}

/** Commands that drive a case along every path: each tried by a random actor. */
const DRIVERS: { type: CommandType; [key: string]: unknown }[] = [
  { type: 'TRIAGE' },
  { type: 'TRIAGE', severity: 'major' },
  { type: 'TRIAGE', imminentDanger: true },
  { type: 'CONFIRM_GRADE', severity: 'major', decision: { kind: 'expert', reference: 'EP-1' }, reason: 'appraised' },
  {
    type: 'CONFIRM_GRADE',
    severity: 'general',
    decision: { kind: 'collective', reference: 'C-1' },
    reason: 'excluded',
  },
  { type: 'FIX_ON_SPOT' },
  { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'] },
  { type: 'ACKNOWLEDGE' },
  {
    type: 'SUBMIT_PLAN',
    plan: probePayload('SUBMIT_PLAN', { regulator: '', interimControls: [], severity: null }).plan,
  },
  { type: 'APPROVE_PLAN' },
  { type: 'REJECT_PLAN', reason: 'funds not named' },
  { type: 'START_INTERIM_CONTROL', measure: 'seal' },
  { type: 'LIFT_INTERIM_CONTROL', measure: 'seal' },
  { type: 'SUBMIT_RECTIFICATION' },
  { type: 'VERIFY', result: 'pass' },
  { type: 'VERIFY', result: 'fail' },
  { type: 'REQUEST_EXTENSION', extendBy: { workingDays: 2 }, reason: 'parts on order' },
  { type: 'DECIDE_EXTENSION', granted: true },
  { type: 'PAUSE_CLOCK', reason: 'appraisal' },
  { type: 'RESUME_CLOCK' },
  { type: 'DISMISS', reason: 'invalid' },
  { type: 'REOPEN', reason: 'found again' },
  { type: 'ENFORCE', measure: { kind: 'temporary_seal', documentNo: 'S-1', until: '2026-09-12' } },
  { type: 'LIFT_ENFORCEMENT', recordId: 'E1', reason: 'removed' },
];

const step = fc.record({
  actor: fc.nat(actors.length - 1),
  command: fc.nat(DRIVERS.length - 1),
  advanceHours: fc.constantFrom(0, 0, 0, 5, 30, 200),
});

describe('availableCommands agrees with send', () => {
  it('a command listed as allowed is accepted with the listed evidence; one refused is refused with the same code', async () => {
    const seen = { allowed: 0, refused: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 14 }),
        fc.nat(actors.length - 1),
        fc.nat(19),
        fc.boolean(),
        fc.constantFrom('exits_blocked', 'ebike_corridor', 'three_in_one'),
        async (steps, asker, pick, preferAllowed, category) => {
          const { engine, clock } = testEngine();
          const reported = await engine.report(reportInput({ category }), { actor: people.gridWorker });
          if (!reported.ok) throw new Error(reported.error.message);
          const id = reported.case.id;
          for (const s of steps) {
            const { type, ...payload } = DRIVERS[s.command] as (typeof DRIVERS)[number];
            const evidence = takesEvidence(type) ? { evidence: evidenceOf(ALL_KINDS) } : {};
            await engine.send(id, { type, ...payload, ...evidence } as HazardCommand, {
              actor: actors[s.actor] as Actor,
            });
            if (s.advanceHours > 0) {
              clock.advanceBy(s.advanceHours * 3_600_000);
              await engine.runDueTimers();
            }
          }
          const actor = actors[asker] as Actor;
          const answer = await engine.availableCommands(id, actor);
          if (!answer.ok) throw new Error(answer.error.message);
          // Half the runs check an allowed command when there is one: most are refused.
          const allowed = answer.commands.filter((c) => c.allowed);
          const pool = preferAllowed && allowed.length > 0 ? allowed : answer.commands;
          const entry = pool[pick % pool.length] as AvailableCommand;
          const view = await engine.get(id);
          if (!view) throw new Error('case vanished');
          const kinds = entry.allowed ? (entry.reason?.missing ?? []) : ALL_KINDS;
          const extra = entry.command === 'ADD_EVIDENCE' ? [ev('note', 'witness-a')] : [];
          const evidence = takesEvidence(entry.command) ? { evidence: [...evidenceOf(kinds), ...extra] } : {};
          const result = await engine.send(
            id,
            { type: entry.command, ...probePayload(entry.command, view, actor.id), ...evidence } as HazardCommand,
            { actor },
          );
          if (entry.allowed) {
            seen.allowed++;
            expect(result.ok ? 'accepted' : `${result.error.code}: ${result.error.message}`).toBe('accepted');
          } else {
            seen.refused.add(entry.reason?.code ?? '');
            expect(result.ok ? 'accepted' : result.error.code).toBe(entry.reason?.code);
          }
        },
      ),
      { numRuns: 150 },
    );
    // The property saw both sides, including evidence to bring and each kind of refusal.
    expect(seen.allowed).toBeGreaterThan(5);
    expect(seen.refused).toContain('FORBIDDEN');
    expect(seen.refused).toContain('NOT_ALLOWED_IN_STATE');
  }, 120_000);

  it('lists every command once, and an unknown case is UNKNOWN_CASE', async () => {
    const { engine } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const answer = await engine.availableCommands(reported.case.id, people.inspector);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.commands.map((c) => c.command)).toEqual(Object.keys(commandPayloadSchemas));
    expect(answer.commands.find((c) => c.command === 'TRIAGE')).toEqual({ command: 'TRIAGE', allowed: true });
    expect(answer.commands.find((c) => c.command === 'VERIFY')?.reason?.code).toBe('NOT_ALLOWED_IN_STATE');
    const stranger = await engine.availableCommands(reported.case.id, people.otherStreet);
    if (!stranger.ok) throw new Error(stranger.error.message);
    expect(stranger.commands.find((c) => c.command === 'COMMENT')?.reason?.code).toBe('FORBIDDEN');
    expect((await engine.availableCommands('no-such-case', people.inspector)).ok).toBe(false);
    const unknown = await engine.availableCommands('no-such-case', people.inspector);
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_CASE');
  });

  it('names the evidence a notice still needs', async () => {
    const { engine } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    const answer = await engine.availableCommands(reported.case.id, people.inspector);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.commands.find((c) => c.command === 'ISSUE_NOTICE')).toMatchObject({
      allowed: true,
      reason: { code: 'EVIDENCE_REQUIRED', missing: ['notice_document', 'proof_of_service'] },
    });
    const sent = await engine.send(
      reported.case.id,
      { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'], evidence: [ev('notice_document'), ev('proof_of_service')] },
      { actor: people.inspector },
    );
    expect(sent.ok).toBe(true);
  });
});
