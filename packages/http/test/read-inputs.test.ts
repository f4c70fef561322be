import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Service, startService } from './support';

let service: Service;
beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

describe('read inputs the engine refuses (issue 28)', () => {
  it('answer 400 VALIDATION_FAILED naming the query parameter', async () => {
    const nul = await service.call('GET', '/cases?territory=street-a%00', { as: 'command' });
    expect(nul.status, nul.text).toBe(400);
    expect(nul.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'territory', code: 'invalid_format' }],
    });
    const id = await service.call('GET', '/cases?ids=ok&ids=a%01b', { as: 'command' });
    expect(id.status, id.text).toBe(400);
    expect(id.json.issues[0].path).toBe('ids[1]');
    const path = await service.call('GET', '/cases/x%00y/history', { as: 'command' });
    expect(path.status, path.text).toBe(400);
    expect(path.json.issues[0]).toMatchObject({ path: 'caseId', code: 'invalid_format' });
  });
});
