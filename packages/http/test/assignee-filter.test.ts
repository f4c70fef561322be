import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebikeReport, type Service, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

describe('GET /cases?assignee= and ?unassigned=true', () => {
  it("lists an officer's cases, the cases nobody took, and refuses both at once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const reported = await service.call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() });
      ids.push(reported.json.case.id as string);
    }
    const assigned = await service.call('POST', `/cases/${ids[0]}/commands`, {
      as: 'leadInspector',
      body: { type: 'ASSIGN', officer: 'inspector-2' },
    });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.json.case.assignee).toBe('inspector-2');

    const mine = (await service.call('GET', '/cases?assignee=inspector-2', { as: 'secondInspector' })).json.items;
    expect(mine.map((v: { id: string }) => v.id)).toEqual([ids[0]]);
    const inbox = (await service.call('GET', '/cases?unassigned=true', { as: 'secondInspector' })).json.items;
    expect(inbox.map((v: { id: string }) => v.id)).toContain(ids[1]);
    expect(inbox.map((v: { id: string }) => v.id)).not.toContain(ids[0]);
    const both = await service.call('GET', '/cases?assignee=inspector-2&unassigned=true', { as: 'command' });
    expect(both.status).toBe(400);
    expect(both.text).toContain('unassigned');

    const rows = (await service.call('GET', '/assessment?groupBy=officer', { as: 'command' })).json.rows;
    expect(rows.map((r: { group: string }) => r.group)).toContain('fire-rescue/inspector-2');
  });
});
