import { ReadInputError } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { people, reportInput, testEngine } from './support';

/**
 * Cases reported on 30 Sep 10:00, 1 Oct 01:00 and 2 Oct 10:00, Shanghai time. The second is
 * in October in Shanghai but on 30 Sep in UTC, so comparing strings would misplace it.
 */
async function threeCases() {
  const t = testEngine(undefined, '2026-09-30T02:00:00.000Z');
  for (const at of ['2026-09-30T02:00:00.000Z', '2026-09-30T17:00:00.000Z', '2026-10-02T02:00:00.000Z']) {
    t.clock.set(at);
    const r = await t.engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
  }
  return t;
}

describe('time filters compare instants, whatever offset they are written with', () => {
  it('assessment from/to in Shanghai time count the cases of that Shanghai window', async () => {
    const { engine } = await threeCases();
    const october = await engine.assessment({
      groupBy: 'territory',
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-11-01T00:00:00+08:00',
    });
    expect(october.map((r) => r.found)).toEqual([2]);
    const utc = await engine.assessment({ groupBy: 'territory', from: '2026-09-30T16:00:00.000Z' });
    expect(utc.map((r) => r.found)).toEqual([2]);
  });

  it('query updatedAfter with an offset', async () => {
    const { engine } = await threeCases();
    const page = await engine.query({ updatedAfter: '2026-10-01T00:30:00+08:00' });
    expect(page.items.map((v) => v.reportedAt).sort()).toEqual([
      '2026-09-30T17:00:00.000Z',
      '2026-10-02T02:00:00.000Z',
    ]);
  });

  it('an instant without an offset is refused, naming the option', async () => {
    const { engine } = await threeCases();
    await expect(engine.query({ dueBefore: '2026-10-01' })).rejects.toThrow(ReadInputError);
    await expect(engine.assessment({ groupBy: 'pack', to: '2026-10-01T00:00' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'options.to', code: 'invalid_value' }],
    });
  });
});
