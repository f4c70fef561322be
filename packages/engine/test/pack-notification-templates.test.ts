import { definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore, type EngineOptions } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { notice, people, reportInput } from './support';

/** A pack that writes its own rectification notice; every other reason keeps the default text. */
const packWithTemplates = definePolicyPack({
  ...referencePack,
  notificationTemplates: {
    notice_issued: {
      zh: '【限期整改】{site}：{hazard}，限{deadline}前整改完毕。{regulator}',
      en: '[Rectify by {deadline}] {site}: {hazard}. {regulator}',
    },
  },
});

/** The notifications an engine on `packWithTemplates` announces while a notice is issued. */
async function notificationsOfANotice(options: Partial<EngineOptions> = {}): Promise<HazardNotification[]> {
  const engine = createEngine({
    packs: [packWithTemplates],
    store: createMemoryStore(),
    clock: createManualClock('2026-09-07T02:00:00.000Z'),
    ...options,
  });
  const told: HazardNotification[] = [];
  engine.on('notification', (notification) => told.push(notification));
  const reported = await engine.report(reportInput(), { actor: people.reporter });
  if (!reported.ok) throw new Error(reported.error.message);
  await engine.send(reported.case.id, { type: 'TRIAGE', severity: 'general' }, { actor: people.inspector });
  const issued = await engine.send(reported.case.id, notice, { actor: people.inspector });
  if (!issued.ok) throw new Error(issued.error.message);
  return told;
}

describe("a pack's notification templates", () => {
  it('are what the engine writes, in both languages, over the built-in text', async () => {
    const told = await notificationsOfANotice();
    const issued = told.find((n) => n.reason === 'notice_issued') as HazardNotification & {
      text: { zh: string; en: string };
      localText: string;
    };
    expect(issued.text.zh).toMatch(
      /^【限期整改】Riverside Mall：安全出口、疏散通道堵塞或锁闭，限\d{4}年\d{1,2}月\d{1,2}日前整改完毕。区消防救援大队$/,
    );
    expect(issued.text.en).toMatch(/^\[Rectify by \d{4}-\d{2}-\d{2}\] Riverside Mall: Exits or escape routes blocked/);
    expect(issued.localText).toBe(issued.text.zh);
  });

  it("yield to the engine's notificationTemplates option for the reasons it names", async () => {
    const told = await notificationsOfANotice({
      locale: 'en',
      notificationTemplates: { notice_issued: { zh: '集成方：{site}', en: 'integrator: {site}' } },
    });
    const issued = told.find((n) => n.reason === 'notice_issued') as HazardNotification & { localText: string };
    expect(issued.localText).toBe('integrator: Riverside Mall');
  });
});
