import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/browser.sh` installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser tests cannot run here, or undefined when they can. Outside CI a missing
 * browser or service is a printed skip; with CI=true it is a failure (CI must run them).
 */
export function skipReason(missing: string[]): string | undefined {
  const reasons = [...missing];
  if (!existsSync(CHROMIUM)) reasons.push(`no Chromium at ${CHROMIUM} (run .ci/browser.sh)`);
  if (reasons.length === 0) return undefined;
  const message = `desk browser tests: ${reasons.join('; ')}`;
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${message} (CI=true: these tests must run)`);
  console.warn(`skipped — ${message}`);
  return message;
}

/** A fresh browser profile (its own user-data-dir) that is removed on close. */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'hazardflow-desk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Generous: the machine running the tests may be loaded (waits end on conditions, never on time).
  context.setDefaultTimeout(60_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
