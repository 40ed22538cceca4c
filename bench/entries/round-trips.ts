/*
 * Round trips: the web app's production build, configured for the emulator, driven in headless
 * Chromium (playwright-core) the way a person uses it, counting the AWS requests between an action
 * and the first file list: sign-in → first list, reload with a stored session → first list, and a
 * returning user (signed out, identity id cached) → first list. The figure is the number of
 * sequential round trips; every request of each window is listed in the details.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { buildWebApp } from '@auth-s3/dev-stack';
import { type Browser, chromium, type Page } from 'playwright-core';
import { benchChromium, CHROMIUM_ARGS } from '../lib/chromium.ts';
import {
  benchPassword,
  createConfirmedUser,
  ensureTemplate,
  type RunningEmulator,
  startEmulatorProcess,
} from '../lib/emulator.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { NotAvailableError, SetupError } from '../lib/errors.ts';
import type { FigureSpec } from '../lib/figures.ts';
import {
  type RecordedRequest,
  recordAwsRequests,
  repeated,
  sequentialDepth,
} from '../lib/request-recorder.ts';
import { serveStatic } from '../lib/static-server.ts';

const APP_HOST = 'localhost';
const APP_PORT = 4273;
const APP_ORIGIN = `http://${APP_HOST}:${APP_PORT}`;
/** After the first list, how long to keep recording to catch a repeated request. */
const SETTLE_MS = 1500;

/**
 * The synthesized template with the bench's origin in the bucket's CORS rule, exactly what
 * `pnpm synth -c webOrigins=<origin>` would write, without a second synth.
 */
export async function templateForOrigin(template: string, origin: string, out: string): Promise<string> {
  const parsed = JSON.parse(await readFile(template, 'utf8')) as {
    Resources: Record<
      string,
      {
        Type: string;
        Properties?: { CorsConfiguration?: { CorsRules: Array<{ AllowedOrigins: string[] }> } };
      }
    >;
  };
  let rules = 0;
  for (const resource of Object.values(parsed.Resources)) {
    for (const rule of resource.Properties?.CorsConfiguration?.CorsRules ?? []) {
      rule.AllowedOrigins = [origin];
      rules++;
    }
  }
  if (rules === 0) throw new SetupError('The template has no bucket CORS rule to point at the bench origin');
  await writeFile(out, JSON.stringify(parsed));
  return out;
}

/** The emulator in its own process, on the synthesized stack with its bucket CORS rule admitting `origin`. */
export async function startEmulatorForOrigin(
  context: BenchContext,
  origin: string,
): Promise<RunningEmulator> {
  const synthesized = await ensureTemplate(context.repoRoot, context.tmpDir, context.log);
  const template = await templateForOrigin(synthesized, origin, join(context.tmpDir, 'template.json'));
  return startEmulatorProcess({ repoRoot: context.repoRoot, dir: context.tmpDir, template });
}

/** The web app built for the emulator whose outputs file is `outputsFile`, into the entry's scratch dir. */
export async function buildWebFor(context: BenchContext, outputsFile: string): Promise<string> {
  const webRoot = join(context.repoRoot, 'packages', 'web');
  try {
    await access(join(webRoot, 'src', 'main.tsx'));
  } catch (cause) {
    throw new NotAvailableError('the web app (packages/web/src/main.tsx) is not written yet', { cause });
  }
  const outDir = join(context.tmpDir, 'web');
  await buildWebApp({ outputsFile, outDir });
  return outDir;
}

type Recorder = ReturnType<typeof recordAwsRequests>;

interface Window {
  /** Requests that started before the first list had finished. */
  counted: RecordedRequest[];
  /** Everything in the window, the settle time included. */
  all: RecordedRequest[];
}

/** Records the requests from `action` until the first ListObjectsV2 has finished, plus a settle time. */
async function measureWindow(
  recorder: Recorder,
  what: string,
  action: () => Promise<unknown>,
): Promise<Window> {
  recorder.start();
  await action();
  const deadline = Date.now() + 30_000;
  const listed = () => recorder.live().some((r) => r.operation === 'ListObjectsV2' && r.end !== undefined);
  while (!listed()) {
    if (Date.now() > deadline) {
      const seen =
        recorder
          .stop()
          .map((r) => r.operation)
          .join(', ') || 'none';
      throw new SetupError(`${what}: no ListObjectsV2 within 30 s (requests seen: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const all = recorder.stop();
  const listEnd = all.find((r) => r.operation === 'ListObjectsV2')?.end ?? Number.POSITIVE_INFINITY;
  return { all, counted: all.filter((r) => r.start < listEnd) };
}

/** Signs in through the app's sign-in form. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(benchPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function describeWindow(name: string, window: Window): string {
  const ops = window.counted.map((r) => `${r.operation} (${r.status ?? '?'})`).join(' → ');
  const extra = window.all.slice(window.counted.length).map((r) => r.operation);
  return `- ${name}: ${ops}${extra.length > 0 ? `; after the list: ${extra.join(', ')}` : ''}`;
}

async function journey(context: BenchContext, emulator: RunningEmulator, browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  const recorder = recordAwsRequests(page, new URL(emulator.endpoint).origin);
  const windowOf = (what: string, action: () => Promise<unknown>) => measureWindow(recorder, what, action);
  await page.goto(APP_ORIGIN);
  await page.getByLabel('Email').waitFor({ timeout: 30_000 });
  context.log('sign-in → first list');
  const first = await windowOf('sign-in', () => signIn(page, email));
  context.log('reload → first list');
  const reload = await windowOf('reload', () => page.reload());
  context.log('returning user → first list');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByLabel('Email').waitFor({ timeout: 30_000 });
  const returning = await windowOf('returning user', () => signIn(page, email));
  return { first, reload, returning };
}

/** A figure counted in requests, at most `max` of them. */
function requestCount(id: string, label: string, max: number): FigureSpec {
  return { id, label, unit: 'requests', budgets: [{ kind: 'max', value: max }] };
}

/** The `round-trips` entry. */
export const roundTrips: BenchEntry = {
  name: 'round-trips',
  description: 'sequential AWS requests in the built app (Chromium + emulator) before the first list',
  figures: [
    requestCount('sign-in', 'round trips: sign-in → first list', 5),
    requestCount('returning', 'round trips: returning user → first list', 4),
    requestCount('reload', 'round trips: reload → first list', 2),
    requestCount('repeated', 'requests repeated within a window', 0),
  ],
  async run(context) {
    const executablePath = benchChromium();
    const emulator = await startEmulatorForOrigin(context, APP_ORIGIN);
    let server: Server | undefined;
    let browser: Browser | undefined;
    try {
      const email = 'round-trips@bench.example';
      await createConfirmedUser(emulator, email);
      context.log('building packages/web for the emulator');
      const dist = await buildWebFor(context, emulator.outputsFile);
      server = await serveStatic(dist, APP_HOST, APP_PORT);
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
      const { first, reload, returning } = await journey(context, emulator, browser, email);
      const note = (window: Window) =>
        `${window.counted.length} request(s): ${window.counted.map((r) => r.operation).join(', ')}`;
      context.record('sign-in', { ours: sequentialDepth(first.counted), note: note(first) });
      context.record('returning', { ours: sequentialDepth(returning.counted), note: note(returning) });
      context.record('reload', { ours: sequentialDepth(reload.counted), note: note(reload) });
      const repeats = [first, reload, returning].flatMap((w) => repeated(w.all));
      context.record('repeated', {
        ours: repeats.length,
        note:
          repeats.length > 0
            ? `repeated: ${repeats.join(', ')}`
            : `none, ${SETTLE_MS} ms after each list included`,
      });
      context.detail(
        'requests per window',
        [
          describeWindow('sign-in', first),
          describeWindow('reload', reload),
          describeWindow('returning user', returning),
        ].join('\n'),
        { first, reload, returning },
      );
    } finally {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await emulator.process.stop();
    }
  },
};
