/*
 * Web upload: a 64 MiB file uploaded through the web app's production build in headless Chromium,
 * from choosing it in the app's file input to the queue's "Uploaded", beside a presigned PUT of the
 * same file (a File from a file input on the same page) with plain `fetch`: same browser page, same
 * user, same emulator. Rounds are interleaved; the figures are medians.
 */
import { link } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { benchChromium, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { createConfirmedUser } from '../lib/emulator.ts';
import type { BenchEntry } from '../lib/entry.ts';
import { serveStatic } from '../lib/static-server.ts';
import { interleave, MiB, median } from '../lib/stats.ts';
import { writeRandomFile } from '../lib/transfers.ts';
import { presignedUrl } from './library-upload.ts';
import { buildWebFor, signIn, startEmulatorForOrigin } from './round-trips.ts';

const APP_HOST = 'localhost';
/** Not round-trips' port, so the two entries never share an origin's storage. */
const APP_PORT = 4274;
const APP_ORIGIN = `http://${APP_HOST}:${APP_PORT}`;
const FILE_SIZE = 64 * MiB;
const ROUNDS = 3;

/** Chooses `path` in the app's file input and waits until the queue shows `done` uploads; ms. */
async function uploadThroughApp(page: Page, path: string, done: number): Promise<number> {
  const started = performance.now();
  await page.getByLabel('Choose files to upload').setInputFiles(path);
  await page.waitForFunction((n) => document.querySelectorAll('.upload-done').length === n, done, {
    timeout: 120_000,
    polling: 'raf',
  });
  return performance.now() - started;
}

/** Chooses `path` in a file input of the bench's own and PUTs that File to `url` with fetch; ms. */
async function presignedPutFromPage(page: Page, path: string, url: string): Promise<number> {
  const started = performance.now();
  const input = await page.evaluateHandle(() => {
    const element = document.createElement('input');
    element.type = 'file';
    element.hidden = true;
    document.body.append(element);
    return element;
  });
  await input.setInputFiles(path);
  const status = await input.evaluate(async (element, target) => {
    const response = await fetch(target, { method: 'PUT', body: element.files?.[0] });
    element.remove();
    return response.status;
  }, url);
  const ms = performance.now() - started;
  if (status !== 200) throw new Error(`presigned PUT from the page answered ${status}`);
  return ms;
}

/** The `web-upload` entry. */
export const webUpload: BenchEntry = {
  name: 'web-upload',
  description:
    '64 MiB uploaded through the web app in Chromium beside a presigned PUT with fetch from the page',
  figures: [
    {
      id: 'throughput',
      label: '64 MiB upload in Chromium, choose file → "Uploaded"',
      unit: 'MiB/s',
      baselineLabel: 'presigned PUT, fetch from the page',
      budgets: [{ kind: 'ratio-min', value: 0.8 }],
    },
  ],
  async run(context) {
    const executablePath = benchChromium();
    const emulator = await startEmulatorForOrigin(context, APP_ORIGIN);
    let server: Server | undefined;
    let browser: Browser | undefined;
    try {
      const email = 'web-upload@bench.example';
      await createConfirmedUser(emulator, email);
      // One file on disk under a name per round (hard links), so each upload is a new object.
      const file = join(context.tmpDir, 'file-64mib.bin');
      await writeRandomFile(file, FILE_SIZE);
      const named = async (round: number) => {
        const path = join(context.tmpDir, `web-64mib-${round}.bin`);
        await link(file, path);
        return path;
      };
      context.log('building packages/web for the emulator');
      const dist = await buildWebFor(context, emulator.outputsFile);
      server = await serveStatic(dist, APP_HOST, APP_PORT);
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
      const page = await (await browser.newContext()).newPage();
      await page.goto(APP_ORIGIN);
      await page.getByLabel('Email').waitFor({ timeout: 30_000 });
      await signIn(page, email);
      await page.getByLabel('Choose files to upload').waitFor({ state: 'attached', timeout: 30_000 });

      let appRound = 0;
      let fetchRound = 0;
      const samples = await interleave(
        ROUNDS,
        async () => {
          appRound++;
          context.log(`web app upload ${appRound}`);
          return uploadThroughApp(page, await named(appRound), appRound);
        },
        async () => {
          fetchRound++;
          context.log(`presigned PUT from the page ${fetchRound}`);
          const url = await presignedUrl(emulator, email, `public/bench/presigned-64mib-${fetchRound}.bin`);
          return presignedPutFromPage(page, file, url);
        },
      );
      const throughput = (ms: number) => FILE_SIZE / MiB / (ms / 1000);
      const list = (values: number[]) => values.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ');
      context.record('throughput', {
        ours: throughput(median(samples.ours)),
        baseline: throughput(median(samples.baseline)),
        note: `medians of ${ROUNDS}, interleaved; app ${list(samples.ours)}; fetch ${list(samples.baseline)}`,
      });
      context.detail(
        'web upload rounds (ms)',
        `app: ${list(samples.ours)}; fetch: ${list(samples.baseline)}`,
        samples,
      );
    } finally {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await emulator.process.stop();
    }
  },
};
