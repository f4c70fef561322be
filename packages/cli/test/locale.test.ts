import { ledgerCsv, localeFromEnvironment, parseLangOption } from '@hazardflow/cli';
import type { LedgerRow } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';

describe('the language of output', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; English only for an en locale', () => {
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LANG: 'en' })).toBe('en');
    expect(localeFromEnvironment({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN' })).toBe('en');
    // C, POSIX and no locale at all say nothing about the reader: Chinese, hazardflow's first language.
    for (const LANG of ['C', 'C.UTF-8', 'POSIX', undefined]) expect(localeFromEnvironment({ LANG })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'eng' })).toBe('zh-CN');
  });

  it('--lang takes zh, zh-CN, zh_CN.UTF-8, en, en-US and refuses the rest', () => {
    for (const value of ['zh', 'zh-CN', 'zh_CN.UTF-8', 'ZH-cn']) expect(parseLangOption(value)).toBe('zh-CN');
    for (const value of ['en', 'en-US', 'en_GB.UTF-8']) expect(parseLangOption(value)).toBe('en');
    for (const value of ['fr', 'chinese', ''])
      expect(() => parseLangOption(value)).toThrow(/expected one of zh-CN, en/);
  });
});

describe('ledger CSV', () => {
  const row: LedgerRow = {
    seq: 1,
    caseId: 'c1',
    hazard: '疏散通道堵塞',
    site: '幸福路"12号", 商场',
    street: '东湖街道',
    discoveredAt: '2026-03-01T16:30:00.000Z',
    discoveryMethod: '网格巡查',
    grade: '一般隐患',
    responsibleUnit: '幸福商贸',
    responsiblePerson: null,
    measures: '拆除锁链\n恢复通道',
    funds: null,
    dueAt: '2026-03-05T15:59:59.000Z',
    rectifiedAt: null,
    verifiedBy: null,
    closedAt: null,
    status: '整改中',
    timeZone: 'Asia/Shanghai',
  };

  it('quotes what needs quoting, doubles quotes, shows local times, and starts with a BOM', () => {
    const text = ledgerCsv([row]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const body = text.slice(1).split('\r\n')[1];
    expect(body).toBe(
      '1,疏散通道堵塞,"幸福路""12号"", 商场",东湖街道,2026-03-02 00:30,网格巡查,一般隐患,幸福商贸,,"拆除锁链\n恢复通道",,2026-03-05,,,,整改中,c1',
    );
  });
});
