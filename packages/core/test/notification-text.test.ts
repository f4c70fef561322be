import {
  DEFAULT_NOTIFICATION_TEMPLATES,
  formatPolicyPackIssues,
  type HazardNotification,
  localDate,
  NOTIFICATION_PLACEHOLDERS,
  NOTIFICATION_REASONS,
  type NotificationFacts,
  type NotificationReason,
  notificationTextIn,
  renderNotification,
  validatePolicyPack,
} from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

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

describe("a pack's notificationTemplates", () => {
  const base = {
    ...referencePack,
    notificationTemplates: { overdue: { zh: '{site}逾期：{deadline}', en: '{site} overdue: {deadline}' } },
  };

  it('is optional, keeps its templates, and leaves the hash of a pack without it unchanged', () => {
    const result = validatePolicyPack(base);
    expect(result.success).toBe(true);
    if (result.success) expect(result.pack.notificationTemplates).toEqual(base.notificationTemplates);
    const without = validatePolicyPack(referencePack);
    expect(without.success && 'notificationTemplates' in without.pack).toBe(false);
  });

  it('refuses an unknown placeholder, an unknown reason and a missing language, each with its path', () => {
    const result = validatePolicyPack({
      ...referencePack,
      notificationTemplates: {
        overdue: { zh: '{hazzard}逾期', en: '{site} overdue by {days}' },
        overdu: { zh: 'x', en: 'x' },
        closed: { zh: '已销号' },
      },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const lines = formatPolicyPackIssues(result.issues);
    expect(lines).toContain('notificationTemplates.overdue.zh: unknown placeholder {hazzard}; did you mean {hazard}?');
    expect(lines).toMatch(
      /notificationTemplates\.overdue\.en: unknown placeholder \{days\} \(known: \{site\}, \{hazard\}/,
    );
    expect(lines).toMatch(/notificationTemplates\.overdu: unknown field; did you mean "overdue"\?/);
    expect(lines).toMatch(/notificationTemplates\.closed\.en: /);
  });

  it('knows every reason and placeholder the renderer does', () => {
    expect([...NOTIFICATION_REASONS].sort()).toEqual(Object.keys(DEFAULT_NOTIFICATION_TEMPLATES).sort());
    for (const template of Object.values(DEFAULT_NOTIFICATION_TEMPLATES)) {
      for (const [, name] of `${template.zh}${template.en}`.matchAll(/\{(\w+)\}/g)) {
        expect(NOTIFICATION_PLACEHOLDERS).toContain(name);
      }
    }
  });
});
