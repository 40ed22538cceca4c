/**
 * @vitest-environment node
 */
/*
 * The account page's journey in real Chromium against the emulator and the Vite dev server (the same
 * `startDevStack` the main journey uses): reach the page from the header by keyboard, set up an
 * authenticator app by reading the secret shown on the page (codes computed by `authenticator.ts`,
 * as a phone would), sign out, sign in with a code after a wrong one, turn the app off, change the
 * password and sign in with the new one, then delete the account and see its private files and the
 * user gone. Each new screen is screenshotted to `artifacts/screenshots/` and checked with axe-core
 * (no serious or critical violations).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DevStack } from '@auth-s3/dev-stack';
import { createAuthS3, parseOutputs } from 'auth-s3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatorApp, otherCode } from './authenticator';
import {
  checkScreen,
  type DevStackBrowser,
  screenshotFailure,
  startDevStackBrowser,
} from './dev-stack-browser';

const email = `account-${Date.now()}@example.com`;
const password = 'Account-Passw0rd!';
const newPassword = 'Changed-Passw0rd?';

let env: DevStackBrowser;
let stack: DevStack;
let page: Page;
let dataDir: string;
/** The authenticator app, once set up from the secret on the page. */
let app: AuthenticatorApp;

beforeAll(async () => {
  env = await startDevStackBrowser('account');
  ({ stack, dataDir } = env);
  page = await env.openPage();
}, 240_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await screenshotFailure(page, 'failed-account', task.name);
});

afterAll(async () => {
  await env?.close();
});

async function signIn(withPassword: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(withPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The keys of the bucket's files in the emulator's data directory, each with whether it is deleted. */
function storedKeys(): Map<string, boolean> {
  const { BucketName } = JSON.parse(readFileSync(stack.outputsFile, 'utf8')).AuthS3Stack;
  const dir = join(dataDir, 'emulator', 's3', BucketName, 'objects');
  const keys = new Map<string, boolean>();
  for (const file of readdirSync(dir)) {
    const history = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      key: string;
      versions?: Array<{ deleteMarker?: boolean }>;
    };
    keys.set(history.key, history.versions?.[0]?.deleteMarker === true);
  }
  return keys;
}

describe('the account page', () => {
  it('is reached from the header by keyboard, with the email and its verification', async () => {
    // A confirmed user with two private files and one shared one, made through the library.
    const { auth, files, myFiles } = createAuthS3(parseOutputs(readFileSync(stack.outputsFile, 'utf8')), {
      storage: 'memory',
    });
    await auth.signUp(email, password);
    const inbox = await fetch(`${stack.endpoint}/_emulator/inbox?${new URLSearchParams({ to: email })}`);
    const [message] = (await inbox.json()) as Array<{ code: string }>;
    await auth.confirmSignUp(email, message?.code ?? '');
    await myFiles.upload('mine', 'notes.txt');
    await myFiles.upload('mine too', 'photos/cat.txt');
    await files.upload('shared', `account-e2e-${Date.now()}.txt`);
    await auth.signOut();

    await page.goto(stack.appUrl);
    await signIn(password);
    await page.getByRole('heading', { name: 'My files', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Files', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Account');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    expect(await page.title()).toMatch(/^Account/);
    const profile = page.getByRole('region', { name: 'Email' });
    await profile.getByText(email).waitFor();
    await profile.getByText('Verified').waitFor();
    await page.getByText(/^Off:/).waitFor();
    await checkScreen(page, '20-account');
  }, 60_000);

  it('sets up an authenticator app from the secret shown on the page', async () => {
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    app = await AuthenticatorApp.fromPage(page);
    await checkScreen(page, '21-account-totp-setup');
    // A 5-digit code is refused before any request, and the set-up stays open.
    await page.getByLabel('Authenticator code').fill('12345');
    await page.getByRole('button', { name: 'Verify and turn on' }).click();
    await page.getByText('The code is the 6 digits your authenticator app shows.').waitFor();
    await page.getByLabel('Authenticator code').fill(await app.freshCode());
    await page.getByRole('button', { name: 'Verify and turn on' }).click();
    await page.getByText(/Two-factor sign-in is on\./).waitFor();
    await page.getByText(/^On:/).waitFor();
  });

  it('signs out, then signs in with a code after a wrong one', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(password);
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    const right = await app.freshCode();
    await page.getByLabel('Authenticator code').fill(otherCode(right));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText(/That code is not right/).waitFor();
    await page.getByLabel('Authenticator code').fill(right);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    // Signed out on the account page, signed back in on it.
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
  });

  it('turns the app off with the password and a current code', async () => {
    await page.getByText(/^On:/).waitFor();
    await page.getByRole('button', { name: 'Turn off' }).click();
    const form = page.getByRole('form', { name: 'Turn off two-factor sign-in' });
    await form.getByLabel('Password', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Turn off' }).click();
    await form.getByText('Enter the code from your authenticator app.').waitFor();
    await checkScreen(page, '22-account-totp-off');
    await form.getByLabel('Authenticator code').fill(await app.freshCode());
    await form.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText(/Two-factor sign-in is off\./).waitFor();
    await page.getByText(/^Off:/).waitFor();
  }, 60_000);

  it('changes the password and signs in with the new one, without a code', async () => {
    const section = page.getByRole('region', { name: 'Password' });
    await section.getByLabel('Current password', { exact: true }).fill(password);
    await section.getByLabel('New password', { exact: true }).fill(newPassword);
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText(/Your password was changed\./).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(newPassword);
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
  });

  it('deletes the account: its private files first, then the user', async () => {
    const section = page.getByRole('region', { name: 'Delete account' });
    await section.getByLabel('Type your email to confirm').fill(email);
    await checkScreen(page, '23-account-delete');
    await section.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Your account was deleted, with its 2 private files.').waitFor();
    await checkScreen(page, '24-account-deleted');

    const keys = storedKeys();
    const privateKeys = [...keys].filter(([key]) => key.startsWith('private/'));
    expect(privateKeys.map(([key]) => key.replace(/^private\/[^/]+\//, '')).sort()).toEqual([
      'notes.txt',
      'photos/cat.txt',
    ]);
    expect(privateKeys.every(([, deleted]) => deleted)).toBe(true);
    expect([...keys].some(([key, deleted]) => key.startsWith('public/account-e2e-') && !deleted)).toBe(true);

    await signIn(newPassword);
    await page.getByText('Incorrect email or password.').waitFor();
  });
});
