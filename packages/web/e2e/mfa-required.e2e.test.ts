/**
 * @vitest-environment node
 */
/*
 * The journey of a new user of a stack that requires an authenticator app (`-c mfa=required`: the
 * user pool's MfaConfiguration `ON`, `MfaMode` `ON` in the outputs), in real Chromium against the
 * emulator and the Vite dev server (`startDevStack`, serving the `mfaRequired` template fixture of
 * `@auth-s3/stack-testing`): sign up and confirm with the inbox code; the first sign-in is made to
 * set up an app (QR code and the key as text; codes computed from that key by `authenticator.ts`, as
 * a phone would) and then lands in the files view; sign out; signing in again asks for a code, says a
 * wrong one is not right and takes the right one; the account page says the app cannot be turned off
 * and offers no way to. Each screen is screenshotted to `artifacts/screenshots/` and checked with
 * axe-core (no serious or critical violations).
 */
import { readFileSync } from 'node:fs';
import type { DevStack } from '@auth-s3/dev-stack';
import { templateFixturePath } from '@auth-s3/stack-testing';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatorApp, otherCode } from './authenticator';
import {
  checkScreen,
  type DevStackBrowser,
  screenshotFailure,
  startDevStackBrowser,
} from './dev-stack-browser';

const email = `mfa-required-${Date.now()}@example.com`;
const password = 'Required-Passw0rd!';

let env: DevStackBrowser;
let stack: DevStack;
let page: Page;
/** The authenticator app, once set up from the key the sign-in step shows. */
let app: AuthenticatorApp;

beforeAll(async () => {
  env = await startDevStackBrowser('mfa-required', { template: templateFixturePath('mfaRequired') });
  stack = env.stack;
  page = await env.openPage();
}, 240_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) await screenshotFailure(page, 'failed-mfa-required', task.name);
});

afterAll(async () => {
  await env?.close();
});

async function signIn(): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a stack that requires an authenticator app', () => {
  it('tells the app so in its outputs: MfaMode ON', () => {
    const outputs = JSON.parse(readFileSync(stack.outputsFile, 'utf8')) as {
      AuthS3Stack: { MfaMode?: string };
    };
    expect(outputs.AuthS3Stack.MfaMode).toBe('ON');
  });

  it('signs up, confirms with the inbox code, and is sent to sign in', async () => {
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    const inbox = await fetch(`${stack.endpoint}/_emulator/inbox?${new URLSearchParams({ to: email })}`);
    const [message] = (await inbox.json()) as Array<{ code: string }>;
    await page.getByLabel('Confirmation code').fill(message?.code ?? '');
    await page.getByRole('button', { name: 'Confirm' }).click();
    // Confirming signs in where the pool asks for nothing more; here the app must be set up first.
    await page.getByText('Your email is confirmed. Sign in to continue.').waitFor();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('makes the first sign-in set up an authenticator app, then lands in the files view', async () => {
    await signIn();
    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    app = await AuthenticatorApp.fromPage(page);
    await checkScreen(page, '30-mfa-required-setup');
    await page.getByLabel('Authenticator code').fill(await app.freshCode());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();

    await page.getByRole('heading', { name: 'My files', level: 1 }).waitFor();
    await page.getByText('This folder is empty').waitFor();
    expect(await page.getByText(email).isVisible()).toBe(true);
    await checkScreen(page, '31-mfa-required-files');
  });

  it('signs out; signing in again asks for the code, refuses a wrong one and takes the right one', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    const right = await app.freshCode();
    await page.getByLabel('Authenticator code').fill(otherCode(right));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText(/That code is not right/).waitFor();
    expect(await page.getByLabel('Authenticator code').inputValue()).toBe('');
    await checkScreen(page, '32-mfa-required-wrong-code');
    await page.getByLabel('Authenticator code').fill(right);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { name: 'My files', level: 1 }).waitFor();
  });

  it('shows on the account page that the app is on and cannot be turned off', async () => {
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByText(/^On:/).waitFor();
    await section
      .getByText('This app requires an authenticator app for every account, so it cannot be turned off.')
      .waitFor();
    expect(await section.getByRole('button', { name: 'Turn off' }).count()).toBe(0);
    await checkScreen(page, '33-mfa-required-account');
  });
});
