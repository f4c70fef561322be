import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { loadHttpModules } from '../scripts/load-http';
import { launchBrowser, skipReason } from './support/browser';
import { ensureDeskBuilt, type Person, people, startDeskService } from './support/desk-service';

/**
 * The desk in Debian's Chromium against the real @hazardflow/http app: a whole closed loop
 * by five people, a refused command with its reason, the language switch, both layouts, and
 * the first page of a 1,500-case list (measured and printed, not asserted).
 */
const modules = await loadHttpModules();
const reason = skipReason('missing' in modules ? [modules.missing] : []);
const SEEDED = 1500;
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

describe.skipIf(reason !== undefined)('the desk in a browser', () => {
  let service: Awaited<ReturnType<typeof startDeskService>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let caseId = '';
  let closedBefore = 0;

  beforeAll(async () => {
    if ('missing' in modules) return;
    ensureDeskBuilt();
    mkdirSync(SHOTS, { recursive: true });
    service = await startDeskService(modules, SEEDED);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  beforeEach(({ task }) => {
    // What the page showed when a step failed, beside the screenshots of the screens.
    onTestFailed(async () => {
      await page?.screenshot({ path: join(SHOTS, `failed-${task.name.replace(/\W+/g, '-')}.png`), fullPage: true });
    });
  });

  const desk = (hash = '') => `${service.base}/desk/${hash}`;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const status = () => page.getByTestId('case-status').locator('[data-status]').getAttribute('data-status');

  async function loginAs(person: Person) {
    await page.goto(desk('#/login'));
    const logout = page.getByRole('button', { name: /退出|Log out/ });
    if (await logout.isVisible()) await logout.click();
    await page.locator(`button[data-actor="${people[person].id}"]`).click();
    await page.getByTestId('who').filter({ hasText: people[person].id }).waitFor();
  }

  async function openCase() {
    await page.goto(desk(`#/cases/${encodeURIComponent(caseId)}`));
    await page.getByTestId('case-status').waitFor();
  }

  /** Opens a command's form from the "what can I do now" buttons. */
  async function openCommand(command: string) {
    await page.locator(`button[data-command="${command}"]`).click();
    return page.locator(`form#form-${command}`);
  }

  async function submitAndWaitFor(form: ReturnType<Page['locator']>, next: string) {
    await form.getByRole('button', { name: '提交' }).click();
    await page.locator(`[data-testid="case-status"] [data-status="${next}"]`).waitFor();
  }

  it(`shows the first page of ${SEEDED} cases and measures how long it takes`, async () => {
    await page.goto(desk('#/login'));
    await page.locator('button[data-actor]').first().waitFor();
    await shot('login');
    await loginAs('command');
    await page.getByTestId('case-row').first().waitFor();
    // A fresh navigation, timed in the page's own clock from navigation start to the list's mark.
    await page.goto('about:blank');
    await page.goto(desk('#/cases'));
    await page.getByTestId('case-row').nth(49).waitFor();
    const ms = await page.evaluate(
      () => performance.getEntriesByName('hazardflow:cases-first-page')[0]?.startTime ?? Number.NaN,
    );
    const timeline = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/(cases|packs)\?|\/packs$|index-.*\.js$/.test(e.name))
        .map(
          (e) =>
            `${new URL(e.name).pathname.replace(/.*\//, '')} ${e.startTime.toFixed(0)}–${(e.startTime + e.duration).toFixed(0)} ms`,
        ),
    );
    console.log(
      `desk: first page of ${SEEDED} cases rendered ${ms.toFixed(0)} ms after navigation start (${timeline.join(', ')})`,
    );
    expect(await page.getByTestId('case-row').count()).toBe(50);
    await shot('case-list');

    // Cursor paging: the next page is appended.
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByTestId('case-row').nth(99).waitFor();

    // A filter narrows the list through the service (street).
    await page.getByLabel('街道').fill('street-west');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="case-row"]')].every((row) =>
        row.textContent?.includes('street-west'),
      ),
    );

    await page.goto(desk('#/dashboard'));
    const east = page.getByTestId('assessment-territory').locator('tr[data-group="street-east"] [data-field="closed"]');
    closedBefore = Number(await east.textContent());
  });

  it('a grid worker reports a hazard', async () => {
    await loginAs('gridWorker');
    await page.goto(desk('#/report'));
    await page.getByLabel('领域').selectOption('fire');
    await page.getByLabel('类别').selectOption('ebike-corridor');
    await page.getByLabel('场所编号').fill('greenview-b3');
    await page.getByLabel('场所名称').fill('绿景花园 B3 栋');
    await page.getByLabel('场所类型').fill('high-rise-residential');
    await expect.poll(() => page.getByLabel('街道').inputValue()).toBe('street-east');
    await page.getByLabel('责任单位编号').fill('greenview-property');
    await page.getByLabel('隐患描述').fill('12 楼楼梯间四辆电动车充电');
    await page.getByRole('button', { name: '添加证据' }).click();
    await page.getByLabel('证据类型').fill('photo');
    await page.getByLabel('证据地址（URI）').fill('oss://hazards/greenview-b3-stairs.jpg');
    await shot('report-form');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/#\/cases\/.+/);
    caseId = decodeURIComponent(new URL(page.url()).hash.replace('#/cases/', ''));
    await page.getByTestId('case-status').waitFor();
    expect(await status()).toBe('reported');
  });

  it('the lead inspector triages it and issues a notice', async () => {
    await loginAs('leadInspector');
    await openCase();
    const triage = await openCommand('TRIAGE');
    // Opening a form moves focus into it; sending it brings focus back to the choices.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.id)).toBe('form-TRIAGE');
    await submitAndWaitFor(triage, 'triaged');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actions-title');
    const notice = await openCommand('ISSUE_NOTICE');
    await notice.getByLabel('违反条款（每行一条）').fill('消防法第二十八条');
    // The service said which evidence is missing; the form offers a row of that kind.
    await expect.poll(() => notice.getByLabel('证据类型').first().inputValue()).toBe('notice-service-proof');
    await notice.getByLabel('证据地址（URI）').first().fill('oss://notices/greenview-b3-served.pdf');
    await submitAndWaitFor(notice, 'notice_issued');
  });

  it('the responsible party cannot verify (and sees why), then submits the rectification', async () => {
    await loginAs('owner');
    await page.goto(desk('#/cases'));
    await page.getByText('你的角色不能浏览案件列表').waitFor();
    await page.getByLabel('按编号打开案件').fill(caseId);
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.getByTestId('case-status').waitFor();

    await page.getByTestId('refused-commands').locator('summary').click();
    const verify = page.getByTestId('refused-commands').locator('li[data-command="VERIFY"]');
    await expect.poll(() => verify.getAttribute('data-code')).toMatch(/FORBIDDEN|NOT_ALLOWED_IN_STATE/);
    expect(await verify.locator('.refusal').textContent()).not.toBe('');

    await submitAndWaitFor(await openCommand('ACKNOWLEDGE'), 'rectifying');
    const rectification = await openCommand('SUBMIT_RECTIFICATION');
    await expect.poll(() => rectification.getByLabel('证据类型').first().inputValue()).not.toBe('');
    await rectification.getByLabel('证据地址（URI）').first().fill('oss://hazards/greenview-b3-after.jpg');
    await submitAndWaitFor(rectification, 'verifying');
    await shot('case-responsible');
  });

  it('a second inspector verifies it and the case is closed with a verified trail', async () => {
    // Another tab (its own session) watches the case as the safety committee: the service's
    // event stream brings the change there without a reload.
    const watcher = await browser.context.newPage();
    await watcher.goto(desk('#/login'));
    await watcher.locator(`button[data-actor="${people.command.id}"]`).click();
    await watcher.getByTestId('who').filter({ hasText: people.command.id }).waitFor();
    await watcher.goto(desk(`#/cases/${encodeURIComponent(caseId)}`));
    await watcher.locator('[data-testid="case-status"] [data-status="verifying"]').waitFor();
    await watcher.locator('.live').waitFor();

    await loginAs('secondInspector');
    await openCase();
    const verify = await openCommand('VERIFY');
    await verify.getByLabel('复查结论').selectOption('pass');
    const kinds = verify.getByLabel('证据类型');
    if ((await kinds.count()) === 0) await verify.getByRole('button', { name: '添加证据' }).click();
    await verify.getByLabel('证据地址（URI）').first().fill('oss://inspections/greenview-b3-recheck.pdf');
    await submitAndWaitFor(verify, 'closed');
    await watcher.locator('[data-testid="case-status"] [data-status="closed"]').waitFor();
    await watcher.close();
    await page.getByTestId('chain-badge').filter({ hasText: '链已校验' }).waitFor();
    await page.locator('[data-testid="audit-trail"] tr[data-command="VERIFY"]').waitFor();
    await page.getByTestId('statechart-svg').waitFor();
    expect(await page.locator('[data-testid="state-list"] li[aria-current="step"]').textContent()).toContain('closed');
    await shot('case-closed');
  });

  it('the assessment counts the closed case', async () => {
    await loginAs('command');
    await page.goto(desk('#/dashboard'));
    const east = page.getByTestId('assessment-territory').locator('tr[data-group="street-east"] [data-field="closed"]');
    await expect.poll(async () => Number(await east.textContent())).toBe(closedBefore + 1);
    await page.getByTestId('overdue-by-level').waitFor();
    await page.getByTestId('chart').first().waitFor();
    await page.locator('#trend-title ~ .table-scroll').waitFor();
    await shot('dashboard');
  });

  it('switching language changes the labels', async () => {
    await openCase();
    expect(await page.getByTestId('case-status').textContent()).toContain('已销号');
    await page.getByRole('button', { name: /语言/ }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    expect(await page.getByTestId('case-status').textContent()).toContain('Closed');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot('case-english');
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('heading', { name: '审计记录' }).waitFor();
  });

  it('works by keyboard and fits a 390-px phone and a 1280x800 screen', async () => {
    await page.goto(desk('#/cases'));
    await page.reload();
    await page.getByTestId('case-row').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    for (const size of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      for (const hash of ['#/cases', `#/cases/${encodeURIComponent(caseId)}`, '#/dashboard', '#/report']) {
        await page.goto(desk(hash));
        await page.locator('main h1').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${hash} at ${size.width}px`).toBeLessThanOrEqual(0);
      }
      if (size.width === 390) {
        await page.goto(desk(`#/cases/${encodeURIComponent(caseId)}`));
        await page.getByTestId('chain-badge').waitFor();
        await shot('case-phone');
      }
    }
  });
});
