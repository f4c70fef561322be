import { authorize, parseCommand, statusOf } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { actors } from './support/actors';

/** Keys every object inherits: looked up with `in` they would pass for command types. */
const INHERITED = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];

describe('parseCommand', () => {
  it('refuses inherited object keys as command types, naming `type`', () => {
    for (const type of INHERITED) {
      const result = parseCommand({ type });
      expect(result.success, type).toBe(false);
      expect(result.success ? [] : result.issues.map((i) => i.path), type).toEqual(['type']);
    }
  });

  it('names the unit and the ten-year limit of an absurd extension', () => {
    const result = parseCommand({ type: 'REQUEST_EXTENSION', extendBy: { days: 1e9 }, reason: 'x' });
    expect(result).toEqual({
      success: false,
      issues: [
        { path: 'extendBy.days', code: 'too_big', message: 'must be at most 3650 days (ten years), got 1000000000' },
      ],
    });
  });
});

describe('lookups keyed by strings from outside', () => {
  it('statusOf does not take an inherited key for a lifecycle state', () => {
    for (const key of INHERITED) {
      expect(() => statusOf({ value: { lifecycle: key } }), key).toThrow(/not a hazard snapshot/);
    }
  });

  it('authorize refuses an inherited key as a command instead of throwing', () => {
    const hazard = {
      site: { id: 's', name: 's', placeType: 'p', territory: 'street-a', attributes: {} },
      regulator: 'fire-brigade',
      responsible: { id: 'party-1' },
      severity: null,
      rectifiedBy: null,
      reportedBy: { actorId: 'citizen-1', role: 'reporter' as const, at: '2026-09-07T02:00:00.000Z' },
    };
    for (const command of INHERITED) {
      expect(authorize({ permissions: {} }, hazard, command as never, actors.inspector), command).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
  });
});
