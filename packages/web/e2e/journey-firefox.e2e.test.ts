/**
 * @vitest-environment node
 */
/*
 * The journey's core in Firefox (Debian's firefox-esr over WebDriver BiDi, puppeteer-core), against
 * the production build as `pnpm preview` serves it, under the stack's Content-Security-Policy: sign
 * up with the inbox code, sign in, upload, see the file listed, download it with the same bytes, sign
 * out. No CSP violation and no uncaught error on the way. Chromium runs the full journey
 * (`journey.e2e.test.ts`); this one proves the other engine with the same headers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFirefox } from '@auth-s3/browser-testing/firefox';
import { type Preview, startPreview } from '@auth-s3/dev-stack';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageProblems, watchPageProblems } from './page-problems';
import { gradientPng } from './test-files';

const email = `firefox-${Date.now()}@example.com`;
const password = 'Firefox-Passw0rd!';
const image = { name: 'gradient.png', buffer: gradientPng() };

let stack: Preview;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auth-s3-web-firefox-'));
  stack = await startPreview({
    port: 0,
    dataDir: join(dir, 'emulator'),
    outputsFile: join(dir, 'aws-outputs.local.json'),
    quiet: true,
  });
  browser = await launchFirefox(join(dir, 'downloads'));
  page = await browser.newPage();
  problems = await watchPageProblems(
    (name, callback) => page.exposeFunction(name, callback),
    (script) => page.evaluateOnNewDocument(script),
  );
  page.on('pageerror', (error) => problems.pageError(error));
  page.on('console', (message) => problems.consoleMessage(message));
  // Generous: on a fresh clone this builds the app and synthesizes the stack first.
}, 240_000);

afterAll(async () => {
  expect(problems?.list()).toEqual([]);
  await browser?.close();
  await stack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The newest code the emulator "emailed" to `to`. */
async function signUpCode(to: string): Promise<string> {
  const response = await fetch(`${stack.inboxUrl}?${new URLSearchParams({ to })}`);
  const messages = (await response.json()) as Array<{ code: string; kind: string }>;
  const message = messages.find((m) => m.kind === 'signUp');
  if (!message) throw new Error(`No sign-up code for ${to} in the inbox: ${JSON.stringify(messages)}`);
  return message.code;
}

/**
 * Asks `find` again every 100 ms until it gives an element (or any truthy value). The waiting is done here, not in the
 * page: puppeteer's own waits (`waitForFunction`, `waitForSelector`, locators) compile their
 * predicate in the page with `new Function`, which the stack's CSP blocks as eval in Firefox (140
 * ESR) and which would count as a violation; a query or `evaluateHandle` of a function compiles
 * nothing there.
 */
async function waitFor<T>(what: string, find: () => Promise<T | null | false>, seconds = 10): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No ${what} after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The element of `role` named `name`, once there (puppeteer's ARIA query). */
function byRole(role: string, name: string): Promise<ElementHandle<Element>> {
  return waitFor(`${role} "${name}"`, () => page.$(`::-p-aria([name="${name}"][role="${role}"])`));
}

/**
 * Types into the field whose label reads `label`. Found through its `<label>`, as a person would:
 * over BiDi, puppeteer's ARIA query answers with the label rather than the field.
 */
async function fill(label: string, value: string): Promise<void> {
  const field = await waitFor(`field labelled ${label}`, async () =>
    (
      await page.evaluateHandle(
        (text) =>
          [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text)
            ?.control ?? null,
        label,
      )
    ).asElement(),
  );
  await field.type(value);
}

/** Clicks the element of `role` named `name`. */
async function click(role: string, name: string): Promise<void> {
  await (await byRole(role, name)).click();
}

/** Waits for the heading `name`. */
async function heading(name: string): Promise<void> {
  await byRole('heading', name);
}

describe('the journey in Firefox', () => {
  it('signs up with the inbox code and lands in the files view', async () => {
    await page.goto(stack.appUrl);
    await heading('Sign in');
    await click('link', 'Create an account');
    await heading('Create an account');
    await fill('Email', email);
    await fill('Password', password);
    await click('button', 'Create account');
    await heading('Confirm your email');
    await fill('Confirmation code', await signUpCode(email));
    await click('button', 'Confirm');
    await heading('My files');
  }, 60_000);

  it('signs out and signs in again', async () => {
    await click('button', 'Sign out');
    await heading('Sign in');
    await fill('Email', email);
    await fill('Password', password);
    await click('button', 'Sign in');
    await heading('My files');
  }, 30_000);

  it('uploads a file and lists it', async () => {
    const file = join(dir, image.name);
    await import('node:fs/promises').then(({ writeFile }) => writeFile(file, image.buffer));
    const input = await waitFor('file input', () =>
      page.$('input[type="file"][aria-label="Choose files to upload"]'),
    );
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await byRole('button', `Download ${image.name}`);
  }, 30_000);

  it('downloads it with the same bytes', async () => {
    await click('button', `Download ${image.name}`);
    const saved = join(dir, 'downloads', image.name);
    await waitFor(
      `complete ${saved}`,
      async () => existsSync(saved) && readFileSync(saved).length === image.buffer.length,
      15,
    );
    expect(readFileSync(saved).equals(image.buffer)).toBe(true);
  }, 30_000);

  it('signs out', async () => {
    await click('button', 'Sign out');
    await heading('Sign in');
  });
});
