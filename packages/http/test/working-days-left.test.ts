import { defaultCalendarFor, workingDaysLeft } from '@hazardflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebikeReport, type Service, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

describe("a case view's workingDaysLeft", () => {
  it("counts the working days to dueAt from the engine's clock, in the case, the list and command answers", async () => {
    const reported = await service.call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() });
    expect(reported.status).toBe(201);
    const view = reported.json.case;
    expect(view.dueAt).toEqual(expect.any(String));
    const expected = workingDaysLeft(view.dueAt, service.clock.now(), defaultCalendarFor('Asia/Shanghai'));
    expect(expected).toBeGreaterThan(0);
    expect(view.workingDaysLeft).toBe(expected);
    expect((await service.call('GET', `/cases/${view.id}`, { as: 'gridWorker' })).json.workingDaysLeft).toBe(expected);
    const listed = (await service.call('GET', '/cases', { as: 'gridWorker' })).json.items;
    expect(listed.find((c: { id: string }) => c.id === view.id).workingDaysLeft).toBe(expected);
  });

  it('goes negative once the deadline has passed', async () => {
    const reported = await service.call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() });
    const { id, dueAt } = reported.json.case;
    // Ten calendar days after the deadline: at least five working days over.
    service.clock.set(new Date(Date.parse(dueAt) + 10 * 86_400_000));
    const late = (await service.call('GET', `/cases/${id}`, { as: 'gridWorker' })).json;
    expect(late.workingDaysLeft).toBeLessThanOrEqual(-5);
    expect(late.workingDaysLeft).toBe(workingDaysLeft(dueAt, service.clock.now(), defaultCalendarFor('Asia/Shanghai')));
  });
});
