import type { HazardNotification } from '@hazardflow/core';
import { type CaseView, withNotificationText, withNotificationTexts } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput, testEngine } from './support';

/** A notice really issued by an engine, with the view it was announced with. */
async function issuedNotice(): Promise<{ notification: HazardNotification; view: CaseView }> {
  const { engine } = testEngine();
  const told: { notification: HazardNotification; view: CaseView }[] = [];
  engine.on('notification', (notification, view) => told.push({ notification, view }));
  const reported = await engine.report(reportInput(), { actor: people.reporter });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  await engine.send(id, { type: 'TRIAGE', severity: 'general' }, { actor: people.inspector });
  const issued = await engine.send(id, notice, { actor: people.inspector });
  if (!issued.ok) throw new Error(issued.error.message);
  const found = told.find((t) => t.notification.reason === 'notice_issued');
  if (!found) throw new Error('no notice_issued notification');
  return found;
}

describe('notification text', () => {
  it("adds both languages from the view and the pack, Chinese as the engine's default, and keeps message", async () => {
    const { notification, view } = await issuedNotice();
    const texted = withNotificationText(notification, view, pack);
    expect(texted.message).toBe(notification.message);
    expect(texted.text.zh).toContain('Riverside Mall存在安全出口、疏散通道堵塞或锁闭隐患');
    expect(texted.text.zh).toContain('——区消防救援大队');
    expect(texted.text.zh).toMatch(/请于\d{4}年\d{1,2}月\d{1,2}日前完成整改/);
    expect(texted.text.en).toContain('Exits or escape routes blocked or locked');
    expect(texted.text.en).toContain('District fire rescue brigade');
    expect(texted.localText).toBe(texted.text.zh);
    expect(withNotificationText(notification, view, pack, { locale: 'en' }).localText).toBe(texted.text.en);
  });

  it("the deadline is the case's due date, shown in the pack's time zone", async () => {
    const { notification, view } = await issuedNotice();
    expect(notification.dueAt).not.toBeNull();
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(notification.dueAt as string),
    );
    expect(withNotificationText(notification, view, pack, { locale: 'en' }).text.en).toContain(local);
  });

  it("templates: the integrator's win over the pack's, the pack's over the defaults", async () => {
    const { notification, view } = await issuedNotice();
    const packWithTemplates = {
      ...pack,
      notificationTemplates: { notice_issued: { zh: '包：{site}', en: 'pack: {site}' } },
    };
    expect(withNotificationText(notification, view, packWithTemplates).text).toEqual({
      zh: '包：Riverside Mall',
      en: 'pack: Riverside Mall',
    });
    const integrator = { notice_issued: { zh: '集成：{hazard}', en: 'integrator: {hazard}' } };
    expect(withNotificationText(notification, view, packWithTemplates, { templates: integrator }).text.zh).toBe(
      '集成：安全出口、疏散通道堵塞或锁闭',
    );
  });

  it('a category or regulator the pack does not name is shown by its id', async () => {
    const { notification, view } = await issuedNotice();
    const text = withNotificationText(notification, { ...view, category: 'gone', regulator: 'housing-bureau' }, pack);
    expect(text.text.zh).toContain('存在gone隐患');
    expect(text.text.zh).toContain('——housing-bureau');
    expect(withNotificationTexts([notification, notification], view, pack)).toHaveLength(2);
  });
});
