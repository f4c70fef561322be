import { runCli, type Terminal } from '@hazardflow/cli';
import type { Locale } from '@hazardflow/core';
import picocolors from 'picocolors';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './support/run-hazardflow';
import { prepareWorkspace, type Workspace } from './support/workspace';

const plain = picocolors.createColors(false);

/** Runs the CLI in-process on a terminal that records what it is given, in `locale` (unset: the default). */
async function run(args: string[], options: { locale?: Locale; cwd?: string } = {}) {
  const written = { out: '', err: '' };
  const terminal: Terminal = {
    out: (text) => {
      written.out += text;
    },
    err: (text) => {
      written.err += text;
    },
    outStyle: plain,
    errStyle: plain,
    cwd: options.cwd ?? FIXTURES,
    ...(options.locale ? { locale: options.locale } : {}),
  };
  const code = await runCli(args, terminal);
  return { code, ...written };
}

describe('the CLI speaks Chinese by default and English when asked', () => {
  let w: Workspace;
  beforeAll(async () => {
    w = await prepareWorkspace();
  });
  afterAll(() => w?.remove());

  it('validate: status lines and errors in both languages; --lang wins over the terminal', async () => {
    const zh = await run(['validate', 'packs/gas-catering.yaml']);
    expect(zh.out).toMatch(/^✓ packs\/gas-catering\.yaml：有效的政策包 gas-catering@1\.0\.0（\d+ 个类别，/);
    const en = await run(['validate', 'packs/gas-catering.yaml'], { locale: 'en' });
    expect(en.out).toMatch(/^✓ packs\/gas-catering\.yaml: valid policy pack gas-catering@1\.0\.0 \(/);
    const missingZh = await run(['validate', 'packs/nowhere.yaml']);
    expect(missingZh).toMatchObject({ code: 1, err: 'hazardflow: packs/nowhere.yaml：政策包文件不存在\n' });
    const missingEn = await run(['validate', 'packs/nowhere.yaml', '--lang', 'en']);
    expect(missingEn.err).toBe('hazardflow: packs/nowhere.yaml: no such pack file\n');
    const chosen = await run(['--lang', 'zh', 'validate', 'packs/nowhere.yaml'], { locale: 'en' });
    expect(chosen.err).toContain('政策包文件不存在');
  });

  it('usage errors: commander’s messages in Chinese, as commander writes them in English', async () => {
    const zh = await run(['validate']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("错误：缺少必需的参数 'pack'");
    expect(zh.err).toContain('（用法见 --help）');
    const option = await run(['report']);
    expect(option.err).toContain("错误：缺少必需的选项 '--db <file>'");
    const choice = await run(['report', '--db', 'cases.sqlite', '--group-by', 'street']);
    expect(choice.err).toContain("错误：选项 '-g, --group-by <dimension>' 的取值 'street' 无效，可选：territory");
    const en = await run(['--lang=en', 'validate']);
    expect(en.err).toContain("error: missing required argument 'pack'");
    expect(en.err).toContain('(run with --help for usage)');
  });

  it('simulate: the timeline’s headings, statuses, notifications and verdict', async () => {
    const args = ['simulate', 'fire', '--scenario', 'scenarios/ebike-stairwell.yaml'];
    const zh = await run(args);
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toMatch(/^时间 +事件 +操作人 +状态 +期限 +督办级别$/m);
    expect(zh.out).toContain('整改中');
    expect(zh.out).toMatch(/✓ 场景通过：\d+ 次变更，\d+ 项预期/);
    const en = await run(args, { locale: 'en' });
    expect(en.out).toMatch(/^time +event +by +status +due +level$/m);
    expect(en.out).toContain('rectifying');
    expect(en.out).toMatch(/✓ scenario passed/);
  });

  it('history and verify: headings and status lines; columns line up with CJK counted as two', async () => {
    const zh = await run(['history', w.cases.ebike, '--db', 'cases.sqlite'], { cwd: w.path });
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toContain(`案件 ${w.cases.ebike} 的审计记录`);
    expect(zh.out).toMatch(/✓ 审计链完好：\d+ 条记录，链头 [0-9a-f]{64}/);
    const table = zh.out.split('\n\n')[1]?.split('\n') ?? [];
    expect(table[0]).toMatch(/^序号 +时间 +操作人 +操作 +状态 +哈希$/);
    expect(table.some((line) => line.includes('已研判'))).toBe(true);
    // Every row's hash column starts at the same terminal column as the heading's.
    const hashColumn = (line: string) => stringWidth(line.slice(0, line.search(/哈希|[0-9a-f]{12}…/)));
    const columns = new Set(table.map(hashColumn));
    expect(table.length).toBeGreaterThan(2);
    expect([...columns]).toHaveLength(1);

    const en = await run(['history', w.cases.ebike, '--db', 'cases.sqlite'], { cwd: w.path, locale: 'en' });
    expect(en.out).toContain(`Audit trail of case ${w.cases.ebike}`);
    expect(en.out).toMatch(/✓ audit chain intact: \d+ entries/);

    const unknown = await run(['history', 'nope', '--db', 'cases.sqlite'], { cwd: w.path });
    expect(unknown.err).toBe('hazardflow: cases.sqlite：没有案件“nope”\n');
    const verified = await run(['verify', '--db', 'cases.sqlite'], { cwd: w.path });
    expect(verified.out).toMatch(/✓ 存储校验通过：5 个案件/);
    const verifiedEn = await run(['verify', '--db', 'cases.sqlite'], { cwd: w.path, locale: 'en' });
    expect(verifiedEn.out).toMatch(/✓ store verified: 5 cases/);
  });
});
