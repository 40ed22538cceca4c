/*
 * Web upload: a 64 MiB file uploaded through the web app's production build in headless Chromium,
 * from choosing it in the app's file input to the queue's "Uploaded", beside a presigned PUT of the
 * same file (a File from a file input on the same page) with plain `fetch`: same browser page, same
 * user, same emulator. Rounds are interleaved; the figures are medians, with the spread in the note.
 * Each upload also reports the CPU time of every Chromium process (renderer, network service,
 * browser) and of the emulator over its span, per MiB, and the app's requests phase by phase.
 * `BENCH_WEB_UPLOAD_PROFILE=1` also writes a Chromium trace (every process and thread, with the
 * page's JavaScript sampled) of the first round of each side into the entry's scratch directory,
 * for Chrome DevTools' Performance panel or ui.perfetto.dev.
 */
import { link } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { benchChromium, CHROMIUM_ARGS, chromiumCpuByPid, chromiumCpuSince } from '../lib/chromium.ts';
import { createConfirmedUser, type RunningEmulator } from '../lib/emulator.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { processCpuMilliseconds } from '../lib/processes.ts';
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
const ROUNDS = 5;

/** One upload: wall time and the CPU time of Chromium and of the emulator over it, all ms. */
interface Sample {
  ms: number;
  chromiumCpuMs: number;
  /** The same by kind of Chromium process (browser, renderer, network, gpu, …). */
  chromiumByKind: Record<string, number>;
  emulatorCpuMs: number;
}

/** One request to the emulator as the page's Resource Timing saw it, ms on the page's clock. */
interface Timed {
  operation: string;
  start: number;
  end: number;
}

/** What one upload through the app took, on the page's clock: start, "Uploaded" seen, requests. */
interface AppRound {
  started: number;
  /** The file input's `change` event: the app has the file. */
  chosen: number;
  uploaded: number;
  requests: Timed[];
}

/**
 * Chooses `path` in the app's file input and waits until the queue shows `done` uploads; returns
 * both moments on the page's clock. It clears Resource Timing first, which then keeps each
 * request's start and end (a CORS preflight inside it) without the delay of the protocol's events.
 */
async function uploadThroughApp(page: Page, path: string, done: number): Promise<Omit<AppRound, 'requests'>> {
  const started = await page.evaluate(() => {
    performance.clearResourceTimings();
    return performance.now();
  });
  // A MutationObserver rather than polling: polling on every frame would make the page paint
  // (renderer and GPU work) that the fetch side does not pay.
  // Source text, not a function: tsx would wrap the named inner functions in a helper the page lacks.
  const uploaded = page.evaluate<{ chosen: number; uploaded: number }>(`new Promise((resolve, reject) => {
    const check = () => {
      if (document.querySelectorAll('.upload-done').length !== ${done}) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ chosen, uploaded: performance.now() });
    };
    let chosen = NaN;
    document.addEventListener('change', () => { chosen = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['class'] });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the queue did not show ${done} uploaded file(s) within 120 s'));
    }, 120000);
    check();
  })`);
  await page.getByLabel('Choose files to upload').setInputFiles(path);
  return { started, ...(await uploaded) };
}

/** The requests to `endpoint` since Resource Timing was last cleared. */
async function requestsTo(page: Page, endpoint: string): Promise<Timed[]> {
  const entries = await page.evaluate(
    (origin) =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.name.startsWith(origin))
        .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
    endpoint,
  );
  return entries.map(({ url, start, end }) => ({ operation: s3Operation(url), start, end }));
}

/** The S3 operation of a request from its URL alone (Resource Timing has no method). */
function s3Operation(url: string): string {
  const query = new URL(url).searchParams;
  if (query.has('uploads')) return 'CreateMultipartUpload';
  if (query.has('partNumber')) return 'UploadPart';
  if (query.has('uploadId')) return 'CompleteMultipartUpload';
  if (query.get('list-type') === '2') return 'ListObjectsV2';
  return 'other';
}

/** Chooses `path` in a file input of the bench's own and PUTs that File to `url` with fetch. */
async function presignedPutFromPage(page: Page, path: string, url: string): Promise<void> {
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
  if (status !== 200) throw new Error(`presigned PUT from the page answered ${status}`);
}

/** Trace categories: tasks and their thread time on every thread, network, and sampled JavaScript. */
const TRACE_CATEGORIES = [
  'toplevel',
  'blink',
  'loading',
  'netlog',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Counts, in `window.blobBytesRead`, the bytes of every Blob (a File is one) the page's scripts
 * read into memory: `arrayBuffer`, `bytes`, `text`, `stream` and FileReader. A part sent as a Blob
 * slice by `fetch` is read by the browser itself, off the page, and counts nothing. Source text, as
 * the page runs it (tsx would wrap named functions in a helper the page lacks).
 */
const COUNT_BLOB_READS = `
  window.blobBytesRead = 0;
  for (const name of ['arrayBuffer', 'bytes', 'text', 'stream']) {
    const original = Blob.prototype[name];
    if (!original) continue;
    Blob.prototype[name] = function (...args) {
      window.blobBytesRead += this.size;
      return original.apply(this, args);
    };
  }
  for (const name of ['readAsArrayBuffer', 'readAsBinaryString', 'readAsDataURL', 'readAsText']) {
    const original = FileReader.prototype[name];
    FileReader.prototype[name] = function (blob, ...rest) {
      window.blobBytesRead += blob.size;
      return original.call(this, blob, ...rest);
    };
  }
`;

/** Runs `upload` and measures it; with `trace`, writes a Chromium trace of it there. */
async function measured(
  page: Page,
  emulator: RunningEmulator,
  upload: () => Promise<void>,
  trace?: string,
): Promise<Sample> {
  const browser = page.context().browser();
  if (trace) await browser?.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
  const chromiumBefore = await chromiumCpuByPid();
  const emulatorBefore = await processCpuMilliseconds(emulator.process.pid);
  const started = performance.now();
  await upload();
  const ms = performance.now() - started;
  const emulatorCpuMs = (await processCpuMilliseconds(emulator.process.pid)) - emulatorBefore;
  const chromium = await chromiumCpuSince(chromiumBefore);
  if (trace) await browser?.stopTracing();
  return { ms, chromiumCpuMs: chromium.total, chromiumByKind: chromium.byKind, emulatorCpuMs };
}

/**
 * The app's requests in one round as phases, ms: choosing the file until the input's change
 * event (the protocol's part, the same for the fetch side), then until the first request,
 * CreateMultipartUpload, the parts (first sent → last answered), CompleteMultipartUpload, and
 * from Complete's answer to "Uploaded"; plus every operation in the round.
 */
function phases({ started, chosen, uploaded, requests }: AppRound) {
  // A request that began before the file was chosen (the previous round's listing) is not this upload's.
  const sorted = requests.filter((r) => r.start >= started).sort((a, b) => a.start - b.start);
  const of = (operation: string) => sorted.filter((r) => r.operation === operation);
  const span = (list: Timed[]) =>
    list.length === 0
      ? undefined
      : Math.max(...list.map((r) => r.end)) - Math.min(...list.map((r) => r.start));
  const complete = of('CompleteMultipartUpload')[0];
  return {
    chosen: chosen - started,
    firstRequest: (sorted[0]?.start ?? uploaded) - chosen,
    create: span(of('CreateMultipartUpload')),
    parts: span(of('UploadPart')),
    complete: complete && complete.end - complete.start,
    afterComplete: complete && uploaded - complete.end,
    operations: counted(sorted.map((r) => r.operation)),
  };
}

/** `A, B ×8, C`: operations in order, runs of one counted. */
function counted(operations: string[]): string {
  const runs: Array<[string, number]> = [];
  for (const operation of operations) {
    const last = runs.at(-1);
    if (last?.[0] === operation) last[1]++;
    else runs.push([operation, 1]);
  }
  return runs.map(([operation, n]) => (n > 1 ? `${operation} ×${n}` : operation)).join(', ');
}

function spread(values: number[], digits: number): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
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
    {
      id: 'client-cpu',
      label: 'Chromium CPU per MiB uploaded (every Chromium process)',
      unit: 'ms/MiB',
      baselineLabel: 'presigned PUT, fetch from the page',
      budgets: [],
    },
    {
      id: 'emulator-cpu',
      label: 'emulator CPU per MiB received, web upload',
      unit: 'ms/MiB',
      baselineLabel: 'presigned PUT, fetch from the page',
      budgets: [],
    },
  ],
  async run(context: BenchContext) {
    const executablePath = benchChromium();
    const emulator = await startEmulatorForOrigin(context, APP_ORIGIN);
    const profiling = process.env.BENCH_WEB_UPLOAD_PROFILE === '1';
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
      const endpoint = new URL(emulator.endpoint).origin;
      await page.addInitScript(COUNT_BLOB_READS);
      await page.goto(APP_ORIGIN);
      await page.getByLabel('Email').waitFor({ timeout: 30_000 });
      await signIn(page, email);
      await page.getByLabel('Choose files to upload').waitFor({ state: 'attached', timeout: 30_000 });

      const app: Sample[] = [];
      const bare: Sample[] = [];
      const appPhases: Array<ReturnType<typeof phases>> = [];
      const blobBytesRead: number[] = [];
      const profileOf = (side: string, round: number) =>
        profiling && round === 1 ? join(context.tmpDir, `web-upload-${side}.trace.json`) : undefined;
      await interleave(
        ROUNDS,
        async () => {
          const round = app.length + 1;
          context.log(`web app upload ${round}`);
          const path = await named(round);
          let moments: Omit<AppRound, 'requests'> | undefined;
          const sample = await measured(
            page,
            emulator,
            async () => {
              moments = await uploadThroughApp(page, path, round);
            },
            profileOf('app', round),
          );
          if (moments) appPhases.push(phases({ ...moments, requests: await requestsTo(page, endpoint) }));
          // Bytes of Blobs the page's scripts read during this upload (the app's file is never one).
          blobBytesRead.push(
            await page.evaluate<number>(
              '(() => { const n = window.blobBytesRead; window.blobBytesRead = 0; return n; })()',
            ),
          );
          app.push(sample);
          return sample.ms;
        },
        async () => {
          const round = bare.length + 1;
          context.log(`presigned PUT from the page ${round}`);
          const url = await presignedUrl(emulator, email, `public/bench/presigned-64mib-${round}.bin`);
          const sample = await measured(
            page,
            emulator,
            () => presignedPutFromPage(page, file, url),
            profileOf('fetch', round),
          );
          bare.push(sample);
          return sample.ms;
        },
      );
      const mib = FILE_SIZE / MiB;
      const throughputs = (list: Sample[]) => list.map((s) => mib / (s.ms / 1000));
      const perMiB = (list: Sample[], key: 'chromiumCpuMs' | 'emulatorCpuMs') =>
        list.map((s) => s[key] / mib);
      const seconds = (list: Sample[]) => list.map((s) => `${(s.ms / 1000).toFixed(2)} s`).join(', ');
      context.record('throughput', {
        ours: median(throughputs(app)),
        baseline: median(throughputs(bare)),
        note:
          `medians of ${ROUNDS}, interleaved; app ${seconds(app)} (${spread(throughputs(app), 0)} MiB/s); ` +
          `fetch ${seconds(bare)} (${spread(throughputs(bare), 0)} MiB/s)`,
      });
      for (const [id, key, whose] of [
        ['client-cpu', 'chromiumCpuMs', 'user + system CPU of every Chromium process (/proc, 10 ms ticks)'],
        ['emulator-cpu', 'emulatorCpuMs', "the emulator process's user + system CPU"],
      ] as const) {
        context.record(id, {
          ours: median(perMiB(app, key)),
          baseline: median(perMiB(bare, key)),
          note: `${whose} over each upload, medians of ${ROUNDS}; app ${spread(perMiB(app, key), 1)}, fetch ${spread(perMiB(bare, key), 1)} ms/MiB`,
        });
      }
      const phase = (key: 'chosen' | 'firstRequest' | 'create' | 'parts' | 'complete' | 'afterComplete') => {
        const values = appPhases.map((p) => p[key]).filter((v): v is number => v !== undefined);
        return values.length === 0 ? 'none' : `${median(values).toFixed(0)} ms (${spread(values, 0)})`;
      };
      const byKind = (list: Sample[]) => {
        const kinds = [...new Set(list.flatMap((s) => Object.keys(s.chromiumByKind)))].sort();
        return kinds
          .map((kind) => `${kind} ${median(list.map((s) => (s.chromiumByKind[kind] ?? 0) / mib)).toFixed(1)}`)
          .join(', ');
      };
      const withoutComplete = median(app.map((s, i) => s.ms - (appPhases[i]?.complete ?? 0)));
      context.detail(
        'web upload rounds',
        [
          `app: ${seconds(app)}; fetch: ${seconds(bare)}`,
          `app phases, medians: setInputFiles → change event ${phase('chosen')}, ` +
            `→ first request ${phase('firstRequest')}, ` +
            `CreateMultipartUpload ${phase('create')}, parts ${phase('parts')}, ` +
            `CompleteMultipartUpload ${phase('complete')}, Complete → "Uploaded" ${phase('afterComplete')}`,
          `app requests per round: ${[...new Set(appPhases.map((p) => p.operations))].join(' | ')}`,
          `Chromium CPU per MiB by process, medians: app ${byKind(app)}; fetch ${byKind(bare)}`,
          `app time less its CompleteMultipartUpload, median ${(withoutComplete / 1000).toFixed(2)} s: ` +
            `${(median(bare.map((s) => s.ms)) / withoutComplete).toFixed(2)}× of fetch's median time`,
          `bytes of Blobs the page's scripts read during each app upload (the file must not be one): ${blobBytesRead.join(', ')}`,
        ].join('\n\n'),
        { app, fetch: bare, appPhases, blobBytesRead },
      );
    } finally {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await emulator.process.stop();
    }
  },
};
