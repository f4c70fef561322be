import {
  actorSchema,
  commandError,
  formatCommandError,
  hazardReportSchema,
  parseCommand,
  parseWithIssues,
} from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

describe('commandError', () => {
  it('defaults to one issue about the command as a whole, coded after the rule', () => {
    expect(commandError('FORBIDDEN', 'role "reporter" may not VERIFY')).toEqual({
      code: 'FORBIDDEN',
      message: 'role "reporter" may not VERIFY',
      issues: [{ path: '', code: 'forbidden', message: 'role "reporter" may not VERIFY' }],
    });
  });

  it('keeps typed details', () => {
    const error = commandError('VERSION_CONFLICT', 'case c-1 is at version 4, not 3', undefined, {
      expected: 3,
      actual: 4,
    });
    expect(error.details).toEqual({ expected: 3, actual: 4 });
  });
});

describe('formatCommandError', () => {
  it('VALIDATION_FAILED lists each issue with its path', () => {
    const parsed = parseCommand({ type: 'VERIFY', result: 'maybe', evidnce: [] });
    if (parsed.success) throw new Error('expected a failure');
    const error = commandError('VALIDATION_FAILED', 'the VERIFY command is not valid', parsed.issues, {
      subject: 'command',
    });
    expect(formatCommandError(error)).toMatchInlineSnapshot(`
      "Invalid input (VALIDATION_FAILED): the VERIFY command is not valid
        - result: must be one of "pass" or "fail", got "maybe" [invalid_value]
        - evidnce: unknown field; did you mean "evidence"? [unknown_field]"
    `);
  });

  it('UNKNOWN_CASE', () => {
    expect(
      formatCommandError(commandError('UNKNOWN_CASE', 'no case "c-404"', undefined, { caseId: 'c-404' })),
    ).toMatchInlineSnapshot(`"Unknown case (UNKNOWN_CASE): no case "c-404""`);
  });

  it('UNKNOWN_PACK', () => {
    expect(
      formatCommandError(
        commandError('UNKNOWN_PACK', 'no pack "gas" is registered with this engine', undefined, { packId: 'gas' }),
      ),
    ).toMatchInlineSnapshot(`"Unknown policy pack (UNKNOWN_PACK): no pack "gas" is registered with this engine"`);
  });

  it('FORBIDDEN', () => {
    expect(
      formatCommandError(
        commandError('FORBIDDEN', 'role "reporter" may not VERIFY; allowed: regulator, territory', undefined, {
          command: 'VERIFY',
          role: 'reporter',
        }),
      ),
    ).toMatchInlineSnapshot(`"Forbidden (FORBIDDEN): role "reporter" may not VERIFY; allowed: regulator, territory"`);
  });

  it('SEPARATION_OF_DUTIES', () => {
    expect(
      formatCommandError(
        commandError('SEPARATION_OF_DUTIES', '"grid-1" submitted the rectification and cannot verify it', undefined, {
          command: 'VERIFY',
          actorId: 'grid-1',
        }),
      ),
    ).toMatchInlineSnapshot(
      `"Separation of duties (SEPARATION_OF_DUTIES): "grid-1" submitted the rectification and cannot verify it"`,
    );
  });

  it('NOT_ALLOWED_IN_STATE', () => {
    expect(
      formatCommandError(
        commandError('NOT_ALLOWED_IN_STATE', 'VERIFY is not allowed while the case is reported', undefined, {
          status: 'reported',
          command: 'VERIFY',
        }),
      ),
    ).toMatchInlineSnapshot(
      `"Not allowed in this state (NOT_ALLOWED_IN_STATE): VERIFY is not allowed while the case is reported"`,
    );
  });

  it('EVIDENCE_REQUIRED', () => {
    const missing = [
      'rectification needs 1 more "after_photo" (have 0 of 1)',
      'rectification needs 1 more "corridor_photo" (have 0 of 1)',
    ];
    expect(
      formatCommandError(
        commandError(
          'EVIDENCE_REQUIRED',
          missing.join('; '),
          missing.map((message) => ({ path: 'evidence', code: 'evidence_required', message })),
          { step: 'rectification', missing },
        ),
      ),
    ).toMatchInlineSnapshot(`
      "Evidence required (EVIDENCE_REQUIRED): rectification needs 1 more "after_photo" (have 0 of 1); rectification needs 1 more "corridor_photo" (have 0 of 1)
        - evidence: rectification needs 1 more "after_photo" (have 0 of 1) [evidence_required]
        - evidence: rectification needs 1 more "corridor_photo" (have 0 of 1) [evidence_required]"
    `);
  });

  it('VERSION_CONFLICT', () => {
    expect(
      formatCommandError(
        commandError('VERSION_CONFLICT', 'case c-1 is at version 4, not 3', undefined, { expected: 3, actual: 4 }),
      ),
    ).toMatchInlineSnapshot(`"Version conflict (VERSION_CONFLICT): case c-1 is at version 4, not 3"`);
  });
});

describe('parseWithIssues', () => {
  it('reads a report the way pack issues are read: printed paths, plain words, a code', () => {
    const result = parseWithIssues(hazardReportSchema, {
      packId: 'fire',
      category: 'exits_blocked',
      site: { id: 's', name: 'Mall', territory: 'street-a', attributes: {} },
      responsible: { id: 'party-1', name: 'Mall Co.' },
      description: 'exit chained',
      findings: {},
      evidnce: [],
    });
    expect(result).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "unknown_field",
            "message": "unknown field; did you mean "evidence"?",
            "path": "evidnce",
          },
        ],
        "success": false,
      }
    `);
  });

  it('reads an actor', () => {
    expect(parseWithIssues(actorSchema, { id: '', role: 'mayor' })).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "too_small",
            "message": "must not be empty",
            "path": "id",
          },
        ],
        "success": false,
      }
    `);
  });
});
