import { type Actor, definePolicyPack } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore } from '@hazardflow/engine';
import { createHttpApp } from '@hazardflow/http';
import { describe, expect, it } from 'vitest';
import { industryPack } from '../../core/test/fixtures/industry-pack';

const pack = definePolicyPack(industryPack);
const people = {
  grid: { id: 'grid-1', role: 'territory', org: 'street-a' },
  committee: { id: 'committee-1', role: 'command' },
  education: { id: 'edu-1', role: 'education-bureau', org: 'education-bureau' },
  commerce: { id: 'com-1', role: 'commerce-bureau', org: 'commerce-bureau' },
} as const satisfies Record<string, Actor>;

function service() {
  const engine = createEngine({
    packs: [pack],
    store: createMemoryStore(),
    clock: createManualClock('2026-09-07T02:00:00.000Z'),
  });
  const app = createHttpApp(engine, {
    packs: [pack],
    authenticate: (request) => {
      const name = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return name !== undefined && Object.hasOwn(people, name) ? people[name as keyof typeof people] : null;
    },
  });
  const call = async (method: string, path: string, as: keyof typeof people, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${as}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, text, json: text.length > 0 ? JSON.parse(text) : undefined };
  };
  const report = async (placeType: string) => {
    const reported = await call('POST', '/cases', 'grid', {
      packId: pack.id,
      category: 'exits_blocked',
      site: { id: `site-${placeType}`, name: 'A site', placeType, territory: 'street-a', attributes: {} },
      responsible: { id: 'party-1' },
      description: 'Exit chained shut',
      evidence: [{ kind: 'photo', uri: 's3://e/photo.jpg', by: 'grid-1', at: '2026-09-01T00:00:00.000Z' }],
    });
    expect(reported.status, reported.text).toBe(201);
    return reported.json.case.id as string;
  };
  return { call, report };
}

describe('GET /cases?regulatoryGap= (监管盲区) and the industry departments on the view', () => {
  it('lists the safety committee’s queue; ASSIGN_DEPARTMENT takes a case out of it', async () => {
    const { call, report } = service();
    const gap = await report('escape_room');
    const school = await report('school');
    const queue = await call('GET', '/cases?regulatoryGap=true', 'committee');
    expect(queue.json.items.map((v: { id: string }) => v.id)).toEqual([gap]);
    expect(queue.json.items[0].regulatoryGap).toBe(true);
    const others = await call('GET', '/cases?regulatoryGap=false', 'committee');
    expect(others.json.items.map((v: { id: string }) => v.id)).toEqual([school]);

    const assigned = await call('POST', `/cases/${gap}/commands`, 'committee', {
      type: 'ASSIGN_DEPARTMENT',
      regulator: 'housing-bureau',
      reason: '区安委会会议纪要',
    });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.json.case).toMatchObject({ regulator: 'housing-bureau', regulatoryGap: false });
    expect((await call('GET', '/cases?regulatoryGap=true', 'committee')).json.items).toEqual([]);
    const wrong = await call('GET', '/cases?regulatoryGap=yes', 'committee');
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('regulatoryGap');
  });

  it('shows a case to the industry department of its place type, and to no other', async () => {
    const { call, report } = service();
    const school = await report('school');
    const seen = await call('GET', `/cases/${school}`, 'education');
    expect(seen.status, seen.text).toBe(200);
    expect(seen.json.industry).toEqual([{ party: 'education-bureau', org: 'education-bureau' }]);
    expect((await call('GET', `/cases/${school}`, 'commerce')).status).toBe(404);
  });
});
