import {
  brandError,
  CalendarError,
  definePolicyPack,
  isCalendarError,
  isPolicyPackError,
  PolicyPackError,
} from '@hazardflow/core';
import { describe, expect, it, vi } from 'vitest';

/** A second, separately evaluated copy of the package, as an ESM and a CJS build are. */
async function otherCopy(): Promise<typeof import('@hazardflow/core')> {
  vi.resetModules();
  return import('@hazardflow/core');
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('branded errors', () => {
  it('keeps instanceof and the guards across two copies of the package', async () => {
    const other = await otherCopy();
    expect(other.PolicyPackError).not.toBe(PolicyPackError);
    const foreign = thrownBy(() => other.definePolicyPack({ id: '' } as never));
    expect(Object.getPrototypeOf(foreign)).not.toBe(PolicyPackError.prototype);
    expect(foreign instanceof PolicyPackError).toBe(true);
    expect(isPolicyPackError(foreign)).toBe(true);
    expect(other.isPolicyPackError(thrownBy(() => definePolicyPack({ id: '' } as never)))).toBe(true);
    const calendarError = new other.CalendarError('INVALID_DATE', 'bad date', { path: 'at' });
    expect(calendarError instanceof CalendarError).toBe(true);
    expect(isCalendarError(calendarError)).toBe(true);
  });

  it('tells different error classes and look-alikes apart', () => {
    const packError = new PolicyPackError([]);
    expect(packError instanceof CalendarError).toBe(false);
    expect(isCalendarError(packError)).toBe(false);
    expect(new Error('x') instanceof PolicyPackError).toBe(false);
    for (const value of [null, undefined, 'PolicyPackError', 42, { name: 'PolicyPackError', issues: [] }]) {
      expect(isPolicyPackError(value)).toBe(false);
      expect(value instanceof PolicyPackError).toBe(false);
    }
  });

  it('keeps the ordinary prototype check for subclasses', () => {
    class Base extends Error {}
    class Special extends Base {}
    const isBase = brandError(Base, 'hazardflow-test/Base');
    expect(new Special('x') instanceof Base).toBe(true);
    expect(isBase(new Special('x'))).toBe(true);
    expect(new Base('x') instanceof Special).toBe(false);
    expect(new Special('x') instanceof Special).toBe(true);
  });
});
