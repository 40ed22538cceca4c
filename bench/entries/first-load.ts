/*
 * First load: what a browser fetches to show the sign-in screen, in headless Chromium with an empty
 * cache: the production build as `pnpm preview` serves it (CloudFront's rules: brotli, the stack's
 * headers, the outputs file fetched at start-up), the dev build under Vite's dev server (`pnpm dev`),
 * and the Amplify Authenticator page built in this run (`bench/pages/amplify`) over the same preview,
 * so both builds are compressed and cached by the same rules.
 * Bytes are what crossed the wire (headers and compressed bodies, Chromium's `encodedDataLength`);
 * requests count every response until the network is idle. The production build's requests are listed
 * one by one under the table, so growth in their count or bytes comes with the names of the files.
 */
import { join } from 'node:path';
import { startDevStack, startPreview } from '@auth-s3/dev-stack';
import { type Browser, chromium, type Page } from 'playwright-core';
import { benchChromium, CHROMIUM_ARGS } from '../lib/chromium.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { runCommand } from '../lib/processes.ts';
import { KiB } from '../lib/stats.ts';

const AMPLIFY = 'aws-amplify Authenticator';

/** One response of a first load: what was asked for, how, and what crossed the wire. */
interface Fetched {
  url: string;
  bytes: number;
  /** Chromium's resource type: Document, Script, Stylesheet, Fetch, Other (a modulepreload)… */
  type: string;
  /** The `content-encoding` it came with, `''` for none. */
  encoding: string;
}

interface Load {
  requests: number;
  bytes: number;
  files: Fetched[];
}

/** Loads `url` in a fresh context, waits for `ready` and an idle network, and sums what came over the wire. */
async function firstLoad(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const sent = new Map<string, { url: string; type: string; encoding: string }>();
  const files: Load['files'] = [];
  cdp.on('Network.requestWillBeSent', (event) =>
    sent.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other', encoding: '' }),
  );
  cdp.on('Network.responseReceived', (event) => {
    const request = sent.get(event.requestId);
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    if (request) request.encoding = headers['content-encoding'] ?? '';
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = sent.get(event.requestId) ?? { url: '?', type: 'Other', encoding: '' };
    files.push({ ...request, bytes: event.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  await context.close();
  return { requests: files.length, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files };
}

const signInScreen = (page: Page) =>
  page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });

async function buildAmplify(context: BenchContext): Promise<string> {
  const outDir = join(context.tmpDir, 'amplify');
  const vite = join(context.repoRoot, 'bench', 'node_modules', '.bin', 'vite');
  await runCommand(
    vite,
    [
      'build',
      join(context.repoRoot, 'bench', 'pages', 'amplify'),
      '--config',
      join(context.repoRoot, 'bench', 'pages', 'vite.config.ts'),
      '--outDir',
      outDir,
    ],
    { cwd: context.repoRoot },
  );
  return outDir;
}

function filesTable(loads: Array<[string, Load]>): string {
  const lines = ['| build | requests | KiB on the wire | largest |', '| --- | --- | --- | --- |'];
  for (const [name, load] of loads) {
    const largest = [...load.files].sort((a, b) => b.bytes - a.bytes)[0];
    const path = largest ? new URL(largest.url).pathname : '';
    lines.push(
      `| ${name} | ${load.requests} | ${(load.bytes / KiB).toFixed(1)} | ${path} (${((largest?.bytes ?? 0) / KiB).toFixed(1)} KiB) |`,
    );
  }
  return lines.join('\n');
}

/** Every request of one load, in the order they finished, so that a change in the count is explained. */
function requestsTable(load: Load): string {
  const lines = ['| # | path | type | encoding | KiB on the wire |', '| --- | --- | --- | --- | --- |'];
  load.files.forEach((file, index) => {
    const path = file.url.startsWith('data:') ? 'data: URL' : new URL(file.url).pathname;
    lines.push(
      `| ${index + 1} | ${path} | ${file.type} | ${file.encoding || 'none'} | ${(file.bytes / KiB).toFixed(1)} |`,
    );
  });
  return lines.join('\n');
}

/** The `first-load` entry. */
export const firstLoadEntry: BenchEntry = {
  name: 'first-load',
  description: 'bytes and requests of the first load: production build (preview), dev build, Amplify page',
  figures: [
    {
      id: 'prod-kib',
      label: 'first load, production build over the preview, on the wire',
      unit: 'KiB',
      baselineLabel: AMPLIFY,
      budgets: [],
    },
    {
      id: 'prod-requests',
      label: 'first load, production build over the preview, requests',
      unit: 'requests',
      baselineLabel: AMPLIFY,
      budgets: [],
    },
    {
      id: 'dev-kib',
      label: 'first load, dev build (pnpm dev), on the wire',
      unit: 'KiB',
      baselineLabel: AMPLIFY,
      budgets: [],
    },
    {
      id: 'dev-requests',
      label: 'first load, dev build (pnpm dev), requests',
      unit: 'requests',
      baselineLabel: AMPLIFY,
      budgets: [],
    },
  ],
  async run(context) {
    const executablePath = benchChromium();
    context.log('building the Amplify page');
    const amplifyDir = await buildAmplify(context);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    try {
      const overPreview = async (
        name: string,
        siteDirectory: string | undefined,
        ready: (page: Page) => Promise<unknown>,
      ) => {
        const preview = await startPreview({
          port: 0,
          siteDirectory,
          dataDir: join(context.tmpDir, `emulator-${name}`),
          outputsFile: join(context.tmpDir, `outputs-${name}.json`),
          quiet: true,
          log: context.log,
        });
        try {
          return await firstLoad(browser, preview.appUrl, ready);
        } finally {
          await preview.close();
        }
      };
      // The Amplify page has no backend to reach; its form is its first screen.
      const amplify = await overPreview('amplify', amplifyDir, (page) =>
        page.locator('form').first().waitFor(),
      );
      context.log('production build over the preview');
      const prod = await overPreview('prod', undefined, signInScreen);

      context.log('dev build under pnpm dev');
      const dev = await startDevStack({
        local: true,
        appPort: 0,
        dataDir: join(context.tmpDir, 'emulator-dev'),
        outputsFile: join(context.tmpDir, 'outputs-dev.json'),
        quiet: true,
        logLevel: 'silent',
      });
      let devLoad: Load;
      try {
        devLoad = await firstLoad(browser, dev.appUrl, signInScreen);
      } finally {
        await dev.close();
      }

      const kib = (load: Load) => load.bytes / KiB;
      context.record('prod-kib', { ours: kib(prod), baseline: kib(amplify) });
      context.record('prod-requests', { ours: prod.requests, baseline: amplify.requests });
      context.record('dev-kib', { ours: kib(devLoad), baseline: kib(amplify) });
      context.record('dev-requests', { ours: devLoad.requests, baseline: amplify.requests });
      const loads: Array<[string, Load]> = [
        ['production build (pnpm preview)', prod],
        ['dev build (pnpm dev)', devLoad],
        [AMPLIFY, amplify],
      ];
      context.detail('first load by build', filesTable(loads), Object.fromEntries(loads));
      context.detail("requests of the production build's first load", requestsTable(prod), prod.files);
    } finally {
      await browser.close();
    }
  },
};
