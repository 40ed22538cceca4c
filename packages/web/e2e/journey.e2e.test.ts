/**
 * @vitest-environment node
 */
/*
 * The browser journey of a new user, in real Chromium against the emulator and the production build
 * as `pnpm preview` serves it (`startPreview` of `@auth-s3/dev-stack`: the stack's response headers
 * and Content-Security-Policy, on a free port so it runs beside `pnpm preview`, building and
 * synthesizing only what is stale), with no CSP violation and no uncaught error on the way: sign up, read the code from the emulator's inbox,
 * confirm, land in the files view, upload two files watching progress, see them listed, cancel a
 * third on a throttled wire with nothing left behind, download one
 * and compare its bytes, preview, delete one, meet a denied upload, reload and still be signed in,
 * sign out, sign in again, reset a forgotten password, come back from an expired session to the same
 * folder, sign in with an authenticator code (the app set up through the library, codes computed
 * here as a phone would) after a wrong one, fit 360 px, and explain a broken config. Every screen is screenshotted to
 * `artifacts/screenshots/` and checked with axe-core (no serious or critical violations).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@auth-s3/browser-testing';
import { type Preview, startPreview, WEB_ROOT } from '@auth-s3/dev-stack';
import { totpCode } from '@auth-s3/emulator/testing';
import { createAuthS3, parseOutputs } from 'auth-s3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRED_NOTICE } from '../src/auth/AuthS3Provider';
import { seriousViolations } from './axe';
import { denyWritesUnder } from './deny-writes';
import { type PageProblems, watchPageProblems } from './page-problems';
import { gradientPng, randomBytes } from './test-files';

const SCREENSHOTS = join(WEB_ROOT, 'artifacts', 'screenshots');
const email = `journey-${Date.now()}@example.com`;
const password = 'Journey-Passw0rd!';
const newPassword = 'Reset-Passw0rd?';
/** Over the library's 8 MiB multipart threshold, so progress moves in steps. */
const bigFile = {
  name: 'big data.bin',
  mimeType: 'application/octet-stream',
  buffer: randomBytes(9 * 1024 * 1024),
};
const image = { name: 'gradient.png', mimeType: 'image/png', buffer: gradientPng() };
/** Multipart too; cancelled while its parts are on a throttled wire. */
const cancelled = {
  name: 'cancelled.bin',
  mimeType: 'application/octet-stream',
  buffer: randomBytes(12 * 1024 * 1024),
};

let stack: Preview;
let problems: PageProblems;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'auth-s3-web-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startPreview({
    port: 0,
    dataDir: join(dataDir, 'emulator'),
    outputsFile: join(dataDir, 'aws-outputs.local.json'),
    quiet: true,
    // The stack allows every write under public/; a deny on public/archive/ gives a denied action to show.
    adjustModel: (model) => denyWritesUnder(model, 'public/archive/'),
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  page = await context.newPage();
  problems = await watchPageProblems(
    (name, callback) => page.exposeFunction(name, callback),
    (script) => page.addInitScript(script),
  );
  page.on('pageerror', (error) => problems.pageError(error));
  page.on('console', (message) => problems.consoleMessage(message));
  // Browser-side errors go to the test output, where a failing step can be explained.
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[browser console] ${message.text()}`);
  });
  // Generous: on a fresh clone this synthesizes the stack first.
}, 240_000);

afterEach(async ({ task }) => {
  // The page at the moment a step failed says more than a timeout does.
  if (task.result?.state === 'fail' && page) {
    await page.screenshot({
      path: join(SCREENSHOTS, `failed-${task.name.replace(/\W+/g, '-')}.png`),
      fullPage: true,
    });
  }
});

afterAll(async () => {
  // Everything the app needs passed the CSP, and nothing threw, from the first screen to the last.
  expect(problems?.list()).toEqual([]);
  await browser?.close();
  await stack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Screenshot + axe for the screen as it is now. */
async function checkScreen(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** The newest code the emulator "emailed" to `to`, of `kind`. */
async function latestCode(to: string, kind: string): Promise<string> {
  const response = await fetch(`${stack.endpoint}/_emulator/inbox?${new URLSearchParams({ to })}`);
  const messages = (await response.json()) as Array<{ to: string; code: string; kind: string }>;
  const message = messages.find((m) => m.kind === kind);
  if (!message) throw new Error(`No ${kind} code for ${to} in the inbox: ${JSON.stringify(messages)}`);
  return message.code;
}

/** Runs `fn` with the page's uplink throttled to `bytesPerSecond` (Chromium's network emulation). */
async function withUplink(bytesPerSecond: number, fn: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const throttle = (uploadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await cdp.send('Network.enable');
  await throttle(bytesPerSecond);
  try {
    await fn();
  } finally {
    await throttle(-1);
    await cdp.detach();
  }
}

describe('the journey of a new user', () => {
  it('signs up, confirms with the inbox code and lands in the empty files view', async () => {
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkScreen('01-sign-in');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await checkScreen('02-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    await checkScreen('03-confirm');
    await page.getByLabel('Confirmation code').fill(await latestCode(email, 'signUp'));
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('heading', { name: 'My files' }).waitFor();
    await page.getByText('This folder is empty').waitFor();
    expect(await page.getByText(email).isVisible()).toBe(true);
    await checkScreen('04-files-empty');
  });

  it('uploads two files with progress and lists them', async () => {
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress')) seen.push(Number(bar.getAttribute('value')));
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['value'],
      });
    });
    // Progress moves as parts finish; at 4 MiB/s the big file's two parts (8 and 1 MiB) finish
    // seconds apart, so a value between 0 and 100 shows however fast the machine is.
    await withUplink(4 * 1024 * 1024, async () => {
      await page.getByLabel('Choose files to upload').setInputFiles([bigFile, image]);
      await page.getByRole('heading', { name: 'Uploads' }).waitFor();
      await expectUploaded(2);
    });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(
      seen.some((value) => value > 0 && value < 100),
      `progress values seen: ${seen.join(',')}`,
    ).toBe(true);

    const table = page.getByRole('table');
    await table.getByText(bigFile.name, { exact: true }).waitFor();
    await table.getByText(image.name, { exact: true }).waitFor();
    await checkScreen('05-files-uploaded');
  }, 90_000);

  it('cancels an upload, leaving no object and no multipart upload behind', async () => {
    // A slow uplink (512 KiB/s: 24 s for the file), so the Cancel click lands while the parts are
    // still being sent even on a loaded machine (at 4 MiB/s a slow click found the upload done).
    await withUplink(512 * 1024, async () => {
      await page.getByLabel('Choose files to upload').setInputFiles([cancelled]);
      await page.getByRole('button', { name: `Cancel upload of ${cancelled.name}` }).click();
      const queue = page.getByRole('region', { name: 'Uploads' });
      await queue.getByText('Cancelled', { exact: true }).waitFor({ timeout: 30_000 });
    });
    await checkScreen('05b-upload-cancelled');
    await page.getByRole('button', { name: 'Refresh' }).click();
    const table = page.getByRole('table');
    await table.getByText(image.name, { exact: true }).waitFor();
    expect(await table.getByText(cancelled.name, { exact: true }).count()).toBe(0);
    const { BucketName } = JSON.parse(readFileSync(stack.outputsFile, 'utf8')).AuthS3Stack;
    expect(readdirSync(join(dataDir, 'emulator', 's3', BucketName, 'uploads'))).toEqual([]);
  }, 60_000);

  it('downloads a file with the same bytes', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${image.name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(image.name);
    const saved = join(dataDir, 'downloaded.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(image.buffer)).toBe(true);
  });

  it('previews an image', async () => {
    await page.getByRole('button', { name: `Preview ${image.name}` }).click();
    const dialog = page.getByRole('dialog', { name: image.name });
    await dialog.getByRole('img', { name: `Preview of ${image.name}` }).waitFor();
    await page.waitForFunction(
      () => (document.querySelector('.preview-image') as HTMLImageElement | null)?.naturalWidth === 160,
    );
    await checkScreen('06-preview');
    await dialog.getByRole('button', { name: 'Close preview' }).click();
  });

  it('deletes a file after confirmation', async () => {
    await page.getByRole('button', { name: `Delete ${bigFile.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this file?' });
    await dialog.waitFor();
    await checkScreen('07-confirm-delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`Deleted ${bigFile.name}.`).waitFor();
    await page.getByRole('table').getByText(bigFile.name, { exact: true }).waitFor({ state: 'detached' });
  });

  it('shows a denied upload as a clear message', async () => {
    await page.goto(`${stack.appUrl}#/files/archive/`);
    await page.getByRole('heading', { name: 'archive' }).waitFor();
    await page.getByLabel('Choose files to upload').setInputFiles([{ ...image, name: 'not-here.png' }]);
    await page
      .getByText(
        'not-here.png: You do not have permission to do that here. Ask an administrator if you need access.',
      )
      .waitFor();
    await checkScreen('08-denied');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'My files' }).click();
    await page.getByRole('heading', { name: 'My files' }).waitFor();
  });

  it('is still signed in after a reload', async () => {
    await page.reload();
    await page.getByRole('table').getByText(image.name, { exact: true }).waitFor();
    expect(await page.getByText(email).isVisible()).toBe(true);
  });

  it('signs out and signs in again, by keyboard alone', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Focus starts on the heading after a screen change; Tab leads through the form.
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'My files' }).waitFor();
  });

  it('resets a forgotten password and is signed in with the new one', async () => {
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await checkScreen('09-forgot-password');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code').waitFor();
    await page.getByLabel('Code').fill(await latestCode(email, 'forgotPassword'));
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await checkScreen('10-reset-password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'My files' }).waitFor();
  });

  it('sends an expired session to sign-in with a message, then back to the same folder', async () => {
    await page.goto(`${stack.appUrl}#/files/archive/`);
    await page.getByRole('heading', { name: 'archive' }).waitFor();
    // Another device signs out everywhere, which revokes this tab's refresh token too.
    const other = await browser.newPage();
    await other.goto(stack.appUrl);
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password', { exact: true }).fill(newPassword);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('button', { name: 'Sign out everywhere' }).click();
    await other.getByRole('heading', { name: 'Sign in' }).waitFor();
    await other.close();
    // Two hours on, this tab's tokens are due for a refresh, which now fails.
    await page.clock.setFixedTime(Date.now() + 2 * 60 * 60 * 1000);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText(EXPIRED_NOTICE).waitFor();
    await checkScreen('12-session-expired');

    await page.clock.setFixedTime(Date.now());
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'archive' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/files/archive/');
  });

  it('signs in with an authenticator code, after a wrong one', async () => {
    // Set up the app through the library, as the account page will: the secret is what a phone keeps.
    const { auth, mfa } = createAuthS3(parseOutputs(JSON.parse(readFileSync(stack.outputsFile, 'utf8'))), {
      storage: 'memory',
    });
    await auth.signIn(email, newPassword);
    const { secret } = await mfa.setUpTotp();
    await mfa.verifyTotp(totpCode(secret, Date.now()));
    await mfa.enableTotp();
    await auth.signOut();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    const field = page.getByLabel('Authenticator code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    // The verifying code spent this 30-second step: the next step's code is within the drift allowed.
    const right = totpCode(secret, Date.now() + 30_000);
    await field.fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText(/That code is not right/).waitFor();
    await checkScreen('14-authenticator-code');
    await field.fill(right);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: /^(My files|archive)$/ }).waitFor();
    expect(await page.getByText(email).isVisible()).toBe(true);
  });

  it('fits a 360 px wide screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkScreen('11-files-360px');
  });

  it('explains a broken configuration instead of showing a blank page', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    // The site serves the outputs file no-cache, so a reload reads the broken one.
    writeFileSync(stack.outputsFile, '{ "AuthS3Stack": ');
    await page.reload();
    await page
      .getByRole('heading', { name: 'This site cannot start: its configuration is missing' })
      .waitFor();
    await page.getByText(/\/aws-outputs\.json, is not valid JSON/).waitFor();
    expect(await page.getByText('pnpm cdk deploy', { exact: true }).isVisible()).toBe(true);
    await checkScreen('13-config-error');
  });
});

async function expectUploaded(count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.upload-done').length === n, count, {
    timeout: 60_000,
  });
}
