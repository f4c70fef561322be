import { type Actor, commandError } from '@hazardflow/core';
import type { CaseView } from '@hazardflow/engine';
import { canSee, jurisdictionFilter, problemOfCommandError, STATUS_OF_ERROR } from '@hazardflow/http';
import { describe, expect, it } from 'vitest';

const view = { id: 'c1', territory: 'street-east', regulator: 'fire-rescue', responsible: 'greenview' } as CaseView;

describe('canSee', () => {
  it.each<[string, Actor, boolean, string?]>([
    ['territory of the street', { id: 'g', role: 'territory', org: 'street-east' }, true],
    ['territory of another street', { id: 'g', role: 'territory', org: 'street-west' }, false],
    ['territory without an org', { id: 'g', role: 'territory' }, false],
    ['the regulating department', { id: 'i', role: 'regulator', org: 'fire-rescue' }, true],
    ['another department', { id: 'i', role: 'regulator', org: 'housing' }, false],
    ['the responsible party', { id: 'm', role: 'responsible', org: 'greenview' }, true],
    ['another party', { id: 'm', role: 'responsible', org: 'harbour' }, false],
    ['the reporter who filed it', { id: 'citizen-1', role: 'reporter' }, true, 'citizen-1'],
    ['another reporter', { id: 'citizen-2', role: 'reporter' }, false, 'citizen-1'],
    ['command', { id: 'd', role: 'command' }, true],
    ['system', { id: 'system', role: 'system' }, true],
    ['a pack party with no say on the case', { id: 'e', role: 'education-bureau', org: 'edu' }, false],
  ])('%s: %s', (_name, actor, expected, reportedBy) => {
    expect(canSee(actor, view, reportedBy)).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['the industry department of the place type', { id: 'e', role: 'education-bureau', org: 'edu' }, true],
    ['the same party of another org', { id: 'e', role: 'education-bureau', org: 'edu-elsewhere' }, false],
    ['the same party without an org', { id: 'e', role: 'education-bureau' }, false],
    ['another party of the org', { id: 'e', role: 'commerce-bureau', org: 'edu' }, false],
  ])('an industry department (三管三必须), %s', (_name, actor, expected) => {
    const school = { ...view, industry: [{ party: 'education-bureau', org: 'edu' }] } as CaseView;
    expect(canSee(actor, school)).toBe(expected);
  });
});

describe('jurisdictionFilter', () => {
  it("adds the caller's street or department to the store filter", () => {
    expect(jurisdictionFilter({ id: 'g', role: 'territory', org: 'street-east' }, { status: 'reported' })).toEqual({
      status: 'reported',
      territory: 'street-east',
    });
    expect(jurisdictionFilter({ id: 'i', role: 'regulator', org: 'fire-rescue' }, {})).toEqual({
      regulator: 'fire-rescue',
    });
    expect(jurisdictionFilter({ id: 'd', role: 'command' }, { territory: 'x' })).toEqual({ territory: 'x' });
  });

  it('is null for a filter asking for another jurisdiction, undefined for roles the store cannot filter', () => {
    expect(
      jurisdictionFilter({ id: 'g', role: 'territory', org: 'street-east' }, { territory: 'street-west' }),
    ).toBeNull();
    expect(jurisdictionFilter({ id: 'm', role: 'responsible', org: 'greenview' }, {})).toBeUndefined();
    expect(jurisdictionFilter({ id: 'c', role: 'reporter' }, {})).toBeUndefined();
  });
});

describe('problemOfCommandError', () => {
  it('maps every engine code once, 412 for a conflict the caller asked for with If-Match', () => {
    expect(STATUS_OF_ERROR).toEqual({
      VALIDATION_FAILED: 400,
      UNKNOWN_PACK: 400,
      FORBIDDEN: 403,
      SEPARATION_OF_DUTIES: 403,
      UNKNOWN_CASE: 404,
      NOT_ALLOWED_IN_STATE: 409,
      VERSION_CONFLICT: 409,
      EVIDENCE_REQUIRED: 422,
      POLICY_CHANGED: 409,
      IDEMPOTENCY_MISMATCH: 422,
    });
    const conflict = commandError('VERSION_CONFLICT', 'm');
    expect(problemOfCommandError(conflict).status).toBe(409);
    expect(problemOfCommandError(conflict, { ifMatch: true }).status).toBe(412);
  });

  it("carries the error's issues", () => {
    const problem = problemOfCommandError(
      commandError('VALIDATION_FAILED', 'm', [{ path: 'plan.funds', code: 'too_small', message: 'required' }]),
    );
    expect(problem.issues).toEqual([{ path: 'plan.funds', code: 'too_small', message: 'required' }]);
  });
});
