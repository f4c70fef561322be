import {
  DEFAULT_NOTIFICATION_TEMPLATES,
  type HazardNotification,
  localDate,
  type NotificationFacts,
  type NotificationReason,
  notificationTextIn,
  renderNotification,
} from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

const facts: NotificationFacts = {
  siteName: '幸福路12号商场',
  category: { zh: '疏散通道堵塞', en: 'Blocked exits' },
  regulator: { zh: '区消防救援大队', en: 'District fire and rescue brigade' },
  timeZone: 'Asia/Shanghai',
};

const notice = (overrides: Partial<HazardNotification> = {}): HazardNotification => ({
  type: 'hazard.notification',
  caseId: 'c1',
  reason: 'notice_issued',
  level: 0,
  recipients: [{ role: 'responsible', org: 'party-1' }],
  at: '2026-03-02T02:00:00.000Z',
  // 16:30 UTC on the 5th is already the 6th in Shanghai
  dueAt: '2026-03-05T16:30:00.000Z',
  message: 'notice issued citing art-28',
  ...overrides,
});

describe('renderNotification', () => {
  it('names the site, the hazard, the local deadline, what to do and who asks, in both languages', () => {
    const text = renderNotification(notice(), facts);
    expect(text.zh).toBe(
      '【整改通知】幸福路12号商场存在疏散通道堵塞隐患，请于2026年3月6日前完成整改并报送整改情况。——区消防救援大队',
    );
    expect(text.en).toBe(
      '[Rectification notice] 幸福路12号商场: Blocked exits. Rectify by 2026-03-06 and report back. — District fire and rescue brigade',
    );
    expect(notificationTextIn(text, 'zh-CN')).toBe(text.zh);
    expect(notificationTextIn(text, 'en')).toBe(text.en);
  });

  it("carries the ladder's action and level, and says when there is no deadline", () => {
    const text = renderNotification(
      notice({ reason: 'escalated', level: 3, dueAt: null, action: { zh: '约谈', en: 'admonition talk' } }),
      facts,
    );
    expect(text.zh).toContain('第3级：约谈');
    expect(text.zh).toContain('（无时限）');
    expect(text.en).toContain('level 3: admonition talk');
    expect(text.en).toContain('(no deadline)');
  });

  it("a pack's template replaces the default for its reason only; unknown placeholders stay as written", () => {
    const overrides = {
      overdue: { zh: '{site}逾期：{hazard}，{unknown}', en: '{site} overdue: {hazard} ({message})' },
    };
    expect(renderNotification(notice({ reason: 'overdue' }), facts, overrides)).toEqual({
      zh: '幸福路12号商场逾期：疏散通道堵塞，{unknown}',
      en: '幸福路12号商场 overdue: Blocked exits (notice issued citing art-28)',
    });
    expect(renderNotification(notice(), facts, overrides)).toEqual(renderNotification(notice(), facts));
  });

  it('every reason has a default that names the site and the hazard in both languages', () => {
    for (const reason of Object.keys(DEFAULT_NOTIFICATION_TEMPLATES) as NotificationReason[]) {
      const text = renderNotification(notice({ reason }), facts);
      for (const lang of ['zh', 'en'] as const) {
        expect(text[lang], `${reason} ${lang}`).toContain(facts.siteName);
        expect(text[lang], `${reason} ${lang}`).toContain(facts.category[lang]);
        expect(text[lang], `${reason} ${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('local dates follow the time zone', () => {
    expect(localDate('2026-12-31T16:00:00.000Z', 'Asia/Shanghai', 'zh')).toBe('2027年1月1日');
    expect(localDate('2026-12-31T16:00:00.000Z', 'UTC', 'en')).toBe('2026-12-31');
  });
});
