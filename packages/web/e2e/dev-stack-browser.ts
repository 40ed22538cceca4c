/*
 * What the browser journeys on the dev stack share: the emulator and the Vite dev server started by
 * `startDevStack` (the code `pnpm dev` runs) on a free port over a scratch data dir, headless
 * Chromium, pages that log their uncaught errors, a screenshot of a failed test, and the
 * screenshot-plus-axe check of each screen.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@auth-s3/browser-testing';
import { type DevStack, type DevStackOptions, startDevStack, WEB_ROOT } from '@auth-s3/dev-stack';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';

/** Where every journey's screenshots land. */
export const SCREENSHOTS = join(WEB_ROOT, 'artifacts', 'screenshots');

/** A running dev stack and browser; `dataDir` holds the emulator's data (`emulator/`). */
export interface DevStackBrowser {
  stack: DevStack;
  browser: Browser;
  dataDir: string;
  /** A new page of its own context (1280×860), logging its uncaught errors. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the dev stack on a free port and Chromium; `label` names the scratch data dir. `stack`
 * passes other options to `startDevStack`, e.g. the `template` of another stack.
 */
export async function startDevStackBrowser(
  label: string,
  stack: Pick<DevStackOptions, 'template' | 'adjustModel'> = {},
): Promise<DevStackBrowser> {
  const dataDir = mkdtempSync(join(tmpdir(), `auth-s3-web-${label}-`));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const devStack = await startDevStack({
    ...stack,
    local: true,
    appPort: 0,
    dataDir: join(dataDir, 'emulator'),
    outputsFile: join(dataDir, 'aws-outputs.local.json'),
    quiet: true,
    logLevel: 'warn',
  });
  const browser = await launchChromium();
  return {
    stack: devStack,
    browser,
    dataDir,
    async openPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      return page;
    },
    async close() {
      await browser.close();
      await devStack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots `page` after a failed test, named `<prefix>-<test name>`. */
export async function screenshotFailure(page: Page, prefix: string, testName: string): Promise<void> {
  await page.screenshot({
    path: join(SCREENSHOTS, `${prefix}-${testName.replace(/\W+/g, '-')}.png`),
    fullPage: true,
  });
}

/** Screenshots the screen as `name` and checks it with axe-core (no serious or critical violation). */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}
