import { definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore, type Engine } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { industryPack } from '../../core/test/fixtures/industry-pack';
import { ev, people, reportInput } from './support';

const pack = definePolicyPack(industryPack);
const committee = { id: 'committee-1', role: 'command' } as const;
const education = { id: 'edu-1', role: 'education-bureau', org: 'education-bureau' } as const;

function industryEngine() {
  const clock = createManualClock('2026-09-07T02:00:00.000Z');
  const engine = createEngine({ packs: [pack], store: createMemoryStore(), clock });
  const notifications: HazardNotification[] = [];
  engine.on('notification', (n) => notifications.push(n));
  return { engine, notifications };
}

async function reportAt(engine: Engine, placeType: string, category = 'exits_blocked'): Promise<string> {
  const input = reportInput({ category });
  const result = await engine.report(
    { ...input, packId: pack.id, site: { ...input.site, id: `site-${placeType}`, placeType } },
    { actor: people.gridWorker },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.case.id;
}

describe('三管三必须 through the engine (《安全生产法》 Art. 3)', () => {
  it('names the industry departments on the view, tells them with the regulator, lets them comment', async () => {
    const { engine, notifications } = industryEngine();
    const id = await reportAt(engine, 'shop', 'three_in_one');
    expect((await engine.get(id))?.industry).toEqual([
      { party: 'commerce-bureau', org: 'commerce-bureau' },
      { party: 'market-regulator', org: 'market-regulator' },
    ]);
    const danger = notifications.find((n) => n.reason === 'imminent_danger');
    expect(danger?.recipients.map((r) => r.role)).toEqual(
      expect.arrayContaining(['regulator', 'commerce-bureau', 'market-regulator']),
    );

    const school = await reportAt(engine, 'school');
    const comment = await engine.send(school, { type: 'COMMENT', text: '已督促学校整改' }, { actor: education });
    expect(comment).toMatchObject({ ok: true });
    const evidence = await engine.send(
      school,
      { type: 'ADD_EVIDENCE', evidence: [ev('photo', 'edu-1')] },
      { actor: education },
    );
    expect(evidence).toMatchObject({ ok: true });
    expect(await engine.send(school, { type: 'TRIAGE' }, { actor: education })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Not its place type: nothing to say.
    expect(await engine.send(id, { type: 'COMMENT', text: 'x' }, { actor: education })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('assesses each industry department on the cases of its place types', async () => {
    const { engine } = industryEngine();
    await reportAt(engine, 'shop', 'three_in_one');
    await reportAt(engine, 'school');
    await reportAt(engine, 'residential', 'ebike_corridor');
    const rows = await engine.assessment({ groupBy: 'industry' });
    expect(rows.map((r) => [r.group, r.found])).toEqual([
      ['commerce-bureau', 1],
      ['education-bureau', 1],
      ['market-regulator', 1],
    ]);
  });
});

describe('a hazard nobody regulates (监管盲区, 《安全生产法》 Art. 10 ¶2) through the engine', () => {
  it('waits in the safety committee’s queue until it assigns a department; the audit names both', async () => {
    const { engine, notifications } = industryEngine();
    const gap = await reportAt(engine, 'escape_room');
    await reportAt(engine, 'school');
    expect((await engine.get(gap))?.regulatoryGap).toBe(true);
    expect(notifications.filter((n) => n.reason === 'regulatory_gap').map((n) => n.recipients)).toEqual([
      [{ role: 'command', org: 'command' }],
    ]);
    expect((await engine.query({ regulatoryGap: true })).items.map((v) => v.id)).toEqual([gap]);

    const assign = {
      type: 'ASSIGN_DEPARTMENT',
      regulator: 'housing-bureau',
      reason: '区安委会会议纪要〔2026〕5号',
    } as const;
    expect(await engine.send(gap, assign, { actor: people.inspector })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const assigned = await engine.send(gap, assign, { actor: committee });
    if (!assigned.ok) throw new Error(assigned.error.message);
    expect(assigned.case).toMatchObject({ regulator: 'housing-bureau', regulatoryGap: false });
    expect((await engine.query({ regulatoryGap: true })).items).toEqual([]);
    const history = await engine.history(gap);
    expect(history.filter((e) => e.command === 'ASSIGN_DEPARTMENT').map((e) => [e.reasons, e.payload])).toEqual([
      [['regulator: fire-brigade → housing-bureau'], { regulator: 'housing-bureau', reason: assign.reason }],
    ]);
    expect(await engine.send(gap, { type: 'TRIAGE' }, { actor: people.otherRegulator })).toMatchObject({ ok: true });
    expect(await engine.verifyHistory(gap)).toMatchObject({ ok: true });
  });
});
