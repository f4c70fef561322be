import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebikeReport, type Service, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

describe('GET /cases?listed=', () => {
  it('lists the cases under listed supervision (挂牌督办), or with false those not', async () => {
    const ids: string[] = [];
    for (const severity of ['major', 'general'] as const) {
      const reported = await service.call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() });
      const id = reported.json.case.id as string;
      const triaged = await service.call('POST', `/cases/${id}/commands`, {
        as: 'leadInspector',
        body: { type: 'TRIAGE', severity },
      });
      expect(triaged.status, triaged.text).toBe(200);
      ids.push(id);
    }
    // The fire pack lists by decision: the safety committee lists the major hazard.
    const listing = await service.call('POST', `/cases/${ids[0]}/commands`, {
      as: 'command',
      body: { type: 'LIST', documentNo: '安委办督〔2026〕3号', supervisingUnit: '区安委会办公室', until: '2027-06-30' },
    });
    expect(listing.status, listing.text).toBe(200);
    const views = await Promise.all(
      ids.map(async (id) => (await service.call('GET', `/cases/${id}`, { as: 'command' })).json),
    );
    const listedIds = views.filter((v) => v.listedSupervision).map((v) => v.id);
    const notListedIds = views.filter((v) => !v.listedSupervision).map((v) => v.id);
    // Only the case the committee listed is under listed supervision.
    expect(listedIds).toEqual([ids[0]]);
    const listed = (await service.call('GET', '/cases?listed=true', { as: 'command' })).json.items;
    expect(listed.map((v: { id: string }) => v.id)).toEqual(listedIds);
    const others = (await service.call('GET', '/cases?listed=false', { as: 'command' })).json.items;
    expect(others.map((v: { id: string }) => v.id)).toEqual(notListedIds);
    const wrong = await service.call('GET', '/cases?listed=yes', { as: 'command' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('listed');
  });
});
