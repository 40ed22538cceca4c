/**
 * @vitest-environment node
 */
/*
 * The browser journey of the two areas and the file browser, in real Chromium against the emulator
 * and the Vite dev server (set up as `journey.e2e.test.ts` does, with `startDevStack`), by label and
 * role as a person would: users A and B sign up; A uploads to My files and to Shared; B sees the
 * shared file and not A's; A makes a folder (a bad name is refused first), renames a file, moves it
 * to Shared, filters, selects three files with a shift-click and deletes them with one confirmation,
 * answers "Replace?" for an upload, restores a deleted file and an earlier version whose bytes come
 * back. Every screen is screenshotted to `artifacts/screenshots/` and checked with axe-core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DevStack } from '@auth-s3/dev-stack';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  type DevStackBrowser,
  screenshotFailure,
  startDevStackBrowser,
} from './dev-stack-browser';

const password = 'Areas-Passw0rd!';
const run = Date.now();
const emailA = `areas-a-${run}@example.com`;
const emailB = `areas-b-${run}@example.com`;
const text = (name: string, body: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });

let env: DevStackBrowser;
let stack: DevStack;
let pageA: Page;
let pageB: Page;
let dataDir: string;

beforeAll(async () => {
  env = await startDevStackBrowser('areas');
  ({ stack, dataDir } = env);
  pageA = await env.openPage({ acceptDownloads: true });
  pageB = await env.openPage({ acceptDownloads: true });
}, 240_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && pageA) await screenshotFailure(pageA, 'areas-failed', task.name);
});

afterAll(async () => {
  await env?.close();
});

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto(stack.appUrl);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Confirmation code').waitFor();
  const inbox = await fetch(`${stack.endpoint}/_emulator/inbox?${new URLSearchParams({ to: email })}`);
  const messages = (await inbox.json()) as Array<{ code: string; kind: string }>;
  const code = messages.find((m) => m.kind === 'signUp')?.code;
  if (!code) throw new Error(`No sign-up code for ${email}: ${JSON.stringify(messages)}`);
  await page.getByLabel('Confirmation code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'My files' }).waitFor();
}

const area = (page: Page, name: 'My files' | 'Shared') =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name }).click();
const table = (page: Page) => page.getByRole('table');
const row = (page: Page, name: string) => table(page).getByText(name, { exact: true });
const rowNames = (page: Page) =>
  table(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelector('.file-name, a')?.textContent));

async function uploadedAll(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const rows = document.querySelectorAll('.upload');
    return rows.length > 0 && [...rows].every((r) => !r.matches('.upload-uploading, .upload-cancelling'));
  });
}

describe('two areas and the file browser', () => {
  it('A uploads to My files and to Shared', async () => {
    await signUp(pageA, emailA);
    await pageA.getByLabel('Choose files to upload').setInputFiles([text('secret.txt', 'for A only')]);
    await row(pageA, 'secret.txt').waitFor();
    await area(pageA, 'Shared');
    await pageA.getByRole('heading', { name: 'Shared' }).waitFor();
    expect(new URL(pageA.url()).hash).toBe('#/shared/');
    await pageA.getByLabel('Choose files to upload').setInputFiles([text('hello.txt', 'for everyone')]);
    await row(pageA, 'hello.txt').waitFor();
    await checkScreen(pageA, 'a01-shared');
  });

  it('B sees the shared file and not A’s', async () => {
    await signUp(pageB, emailB);
    await pageB.getByText('This folder is empty').waitFor();
    await area(pageB, 'Shared');
    await row(pageB, 'hello.txt').waitFor();
    expect(await row(pageB, 'secret.txt').count()).toBe(0);
  });

  it('A makes a folder, refused first for a bad name', async () => {
    await area(pageA, 'My files');
    await pageA.getByRole('button', { name: 'New folder' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'New folder' });
    await dialog.getByLabel('Folder name').fill('a/b');
    await dialog.getByRole('button', { name: 'Create folder' }).click();
    await dialog.getByText('A folder name cannot contain "/". Use another character, such as "-".').waitFor();
    await checkScreen(pageA, 'a02-new-folder-refused');
    await dialog.getByLabel('Folder name').fill('Reports');
    await dialog.getByRole('button', { name: 'Create folder' }).click();
    await pageA.getByText('Created folder Reports.').waitFor();
    await table(pageA).getByRole('link', { name: 'Reports' }).waitFor();
  });

  it('A renames a file and moves it to Shared', async () => {
    await pageA.getByRole('button', { name: 'Rename secret.txt' }).click();
    const rename = pageA.getByRole('dialog', { name: 'Rename secret.txt' });
    await rename.getByLabel('New name').fill('plan.txt');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await pageA.getByText('Renamed secret.txt to plan.txt.').waitFor();
    await row(pageA, 'plan.txt').waitFor();

    await pageA.getByRole('checkbox', { name: 'Select plan.txt' }).check();
    await pageA.getByRole('button', { name: 'Move…' }).click();
    const picker = pageA.getByRole('dialog', { name: 'Move plan.txt' });
    await picker.getByRole('radio', { name: 'Shared' }).check();
    await picker.getByText('To: Shared').waitFor();
    await checkScreen(pageA, 'a03-move-picker');
    await picker.getByRole('button', { name: 'Move here' }).click();
    await pageA.getByText('Moved 1 file to Shared.').waitFor();
    await row(pageA, 'plan.txt').waitFor({ state: 'detached' });
    await area(pageB, 'My files');
    await area(pageB, 'Shared');
    await row(pageB, 'plan.txt').waitFor();
  });

  it('A filters, then selects three files with a shift-click and deletes them with the count', async () => {
    await pageA
      .getByLabel('Choose files to upload')
      .setInputFiles([text('a.txt', 'a'), text('b.txt', 'b'), text('c.txt', 'c')]);
    await row(pageA, 'c.txt').waitFor();
    await pageA.getByLabel('Filter by name').fill('B.TXT');
    await expect.poll(() => rowNames(pageA)).toEqual(['b.txt']);
    await pageA.getByLabel('Filter by name').fill('');
    await pageA.getByRole('checkbox', { name: 'Select a.txt' }).click();
    await pageA.getByRole('checkbox', { name: 'Select c.txt' }).click({ modifiers: ['Shift'] });
    await pageA.getByText('3 files selected').waitFor();
    await pageA
      .getByRole('toolbar', { name: 'Selected items' })
      .getByRole('button', { name: 'Delete' })
      .click();
    const dialog = pageA.getByRole('dialog', { name: 'Delete 3 files?' });
    await checkScreen(pageA, 'a04-delete-three');
    await dialog.getByRole('button', { name: 'Delete 3 files' }).click();
    await pageA.getByText('Deleted 3 files.').waitFor();
    await expect.poll(() => rowNames(pageA)).toEqual(['Reports']);
  });

  it('A answers "Replace?" for an upload onto an existing name', async () => {
    await pageA.getByLabel('Choose files to upload').setInputFiles([text('notes.txt', 'first draft')]);
    await row(pageA, 'notes.txt').waitFor();
    await pageA.getByLabel('Choose files to upload').setInputFiles([text('notes.txt', 'second draft')]);
    const ask = pageA.getByRole('dialog', { name: 'Replace notes.txt?' });
    await ask.waitFor();
    await checkScreen(pageA, 'a05-replace');
    await ask.getByRole('button', { name: 'Replace' }).click();
    await uploadedAll(pageA);
    expect(await downloaded(pageA, 'notes.txt')).toBe('second draft');
  });

  it('A restores a deleted file from Recently deleted', async () => {
    await pageA.getByRole('link', { name: 'Recently deleted' }).click();
    await pageA.getByRole('heading', { name: 'Recently deleted' }).waitFor();
    expect(new URL(pageA.url()).hash).toBe('#/my/?deleted');
    await pageA.getByRole('button', { name: 'Restore b.txt' }).waitFor();
    await checkScreen(pageA, 'a06-recently-deleted');
    await pageA.getByRole('button', { name: 'Restore b.txt' }).click();
    await pageA.getByText('Restored b.txt.').waitFor();
    await pageA.getByRole('link', { name: 'Back to the files' }).click();
    await row(pageA, 'b.txt').waitFor();
    expect(await downloaded(pageA, 'b.txt')).toBe('b');
  });

  it('A restores an earlier version and gets its old bytes back', async () => {
    await pageA.getByRole('button', { name: 'Versions notes.txt' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Versions of notes.txt' });
    await dialog.getByRole('button', { name: 'Restore version 1' }).waitFor();
    await checkScreen(pageA, 'a07-versions');
    await dialog.getByRole('button', { name: 'Restore version 1' }).click();
    await pageA.getByText(/^Restored notes\.txt to version 1/).waitFor();
    expect(await downloaded(pageA, 'notes.txt')).toBe('first draft');
  });

  it('lands in the same area and folder after a reload', async () => {
    await table(pageA).getByRole('link', { name: 'Reports' }).click();
    await pageA.getByRole('heading', { name: 'Reports' }).waitFor();
    await pageA.reload();
    await pageA.getByRole('heading', { name: 'Reports' }).waitFor();
    expect(new URL(pageA.url()).hash).toBe('#/my/Reports/');
  });
});

/** Downloads `name` through its row's button and returns the bytes as text. */
async function downloaded(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${name}` }).click(),
  ]);
  const saved = join(dataDir, `dl-${Date.now()}-${name}`);
  await download.saveAs(saved);
  return readFileSync(saved, 'utf8');
}
