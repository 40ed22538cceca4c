/*
 * Emulator: cold start (the CLI in a fresh process with a fresh data dir, spawn → endpoint printed),
 * SRP sign-ins per second with concurrent auth-s3 clients, PUT and GET of 64 MiB signed with SDK v3
 * beside a bare node:http server streaming the same bytes to the same disk (for PUT, fsynced before
 * it answers, as the emulator does; the same server without fsync is shown beside), and the emulator's
 * memory: its RSS growth while moving those bytes, beside the bare server's, and its peak. Cold
 * start and sign-ins are measured again on Node 24 (`lib/node24.ts` finds it), in a child process
 * running on it (`lib/emulator-runtime-child.ts`), beside this run's figures on the machine's Node.
 */
import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  benchPassword,
  createConfirmedUser,
  emulatorS3,
  ensureTemplate,
  identityPoolCredentials,
  type RunningEmulator,
  signInWithoutLibrary,
  startEmulatorProcess,
} from '../lib/emulator.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { configFromOutputs, loadCreateAuthS3 } from '../lib/library.ts';
import { findNode24 } from '../lib/node24.ts';
import {
  processCpuMilliseconds,
  processMemory,
  resetPeakMemory,
  runCommand,
  type StartedProcess,
  startProcess,
  tsNodeArgs,
} from '../lib/processes.ts';
import { interleave, MiB, median, wallMilliseconds } from '../lib/stats.ts';
import { bareGet, barePut, s3Get, s3Put, writeRandomFile } from '../lib/transfers.ts';

const COLD_STARTS = 5;
const OBJECT_SIZE = 64 * MiB;
const TRANSFER_ROUNDS = 5;
const CLIENTS = 8;
/** Client processes the clients are spread over: one per core, as clients on other machines would be. */
const CLIENT_PROCESSES = 2;
const SIGN_INS = 160;
/** "Flat": moving a 64 MiB object grows the RSS by less than half the object. */
const FLAT_GROWTH_MIB = 32;
const COLD_START_BUDGET_MS = 1000;
const SIGN_INS_BUDGET_PER_SECOND = 50;

/** What the cold-start and sign-in measurements need of the runner's context. */
type MeasureContext = Pick<BenchContext, 'repoRoot' | 'tmpDir' | 'log'>;

async function startBareServer(
  context: MeasureContext,
  dir: string,
  options: { fsync?: boolean } = {},
): Promise<{ server: StartedProcess; url: string }> {
  await mkdir(dir, { recursive: true });
  const script = join(context.repoRoot, 'bench', 'lib', 'bare-file-server.mjs');
  const args = options.fsync ? [script, dir, '--fsync'] : [script, dir];
  const server = startProcess(process.execPath, args, { cwd: context.repoRoot });
  const match = await server.waitFor(/listening (http:\/\/\S+)/, 30_000);
  return { server, url: match[1] as string };
}

/** Cold starts of the emulator's CLI and of a bare server, on the Node running this process. */
export async function measureColdStart(context: MeasureContext, template: string) {
  const ours: number[] = [];
  const inProcess: number[] = [];
  const sinceProcessStart: number[] = [];
  const bare: number[] = [];
  // One start of each first, so the figure is a user's start, not the launcher's first bundle build.
  for (let run = 0; run <= COLD_STARTS; run++) {
    const dir = join(context.tmpDir, `cold-${run}`);
    const emulator = await startEmulatorProcess({ repoRoot: context.repoRoot, dir, template });
    await emulator.process.stop();
    const started = performance.now();
    const { server } = await startBareServer(context, join(dir, 'bare'));
    const bareMs = performance.now() - started;
    await server.stop();
    if (run > 0) {
      ours.push(emulator.readyMs);
      if (emulator.inProcessMs !== undefined) inProcess.push(emulator.inProcessMs);
      if (emulator.sinceProcessStartMs !== undefined) sinceProcessStart.push(emulator.sinceProcessStartMs);
      bare.push(bareMs);
    }
  }
  const note =
    `median of ${COLD_STARTS} starts, each a fresh process and data dir, after one warm-up start` +
    (inProcess.length > 0
      ? `; the CLI reports ${median(inProcess).toFixed(0)} ms from its first line to ready`
      : '') +
    (sinceProcessStart.length > 0
      ? ` and ${median(sinceProcessStart).toFixed(0)} ms since its process started (module loading included)`
      : '');
  return { ours, inProcess, sinceProcessStart, bare, median: median(ours), note };
}

async function measureTransfers(context: BenchContext, emulator: RunningEmulator) {
  const email = 'transfer@bench.example';
  await createConfirmedUser(emulator, email);
  const idToken = await signInWithoutLibrary(emulator, email);
  const s3 = emulatorS3(emulator, identityPoolCredentials(emulator, idToken));
  const bucket = emulator.outputs.BucketName;
  const key = 'public/bench/64mib.bin';
  const file = join(context.tmpDir, 'object-64mib.bin');
  await writeRandomFile(file, OBJECT_SIZE);
  const { server, url } = await startBareServer(context, join(context.tmpDir, 'bare-data'));
  // The emulator answers a PUT once the bytes are on disk; so does this baseline.
  const durable = await startBareServer(context, join(context.tmpDir, 'bare-durable'), { fsync: true });
  try {
    // One untimed pass each: the SDK's first request resolves credentials.
    await s3Put(s3, bucket, key, file, OBJECT_SIZE);
    await s3Get(s3, bucket, key, OBJECT_SIZE);
    await barePut(`${url}/object`, file, OBJECT_SIZE);
    await barePut(`${durable.url}/object`, file, OBJECT_SIZE);
    await bareGet(`${url}/object`, OBJECT_SIZE);

    const idle = {
      ours: (await processMemory(emulator.process.pid)).rss,
      bare: (await processMemory(server.pid)).rss,
    };
    await resetPeakMemory(emulator.process.pid);
    await resetPeakMemory(server.pid);
    const throughput = (ms: number) => OBJECT_SIZE / MiB / (ms / 1000);
    const puts = await interleave(
      TRANSFER_ROUNDS,
      async () => throughput(await wallMilliseconds(() => s3Put(s3, bucket, key, file, OBJECT_SIZE))),
      async () =>
        throughput(await wallMilliseconds(() => barePut(`${durable.url}/object`, file, OBJECT_SIZE))),
    );
    const unsynced: number[] = [];
    for (let round = 0; round < TRANSFER_ROUNDS; round++) {
      unsynced.push(throughput(await wallMilliseconds(() => barePut(`${url}/object`, file, OBJECT_SIZE))));
    }
    const gets = await interleave(
      TRANSFER_ROUNDS,
      async () => throughput(await wallMilliseconds(() => s3Get(s3, bucket, key, OBJECT_SIZE))),
      async () => throughput(await wallMilliseconds(() => bareGet(`${url}/object`, OBJECT_SIZE))),
    );
    const peak = {
      ours: (await processMemory(emulator.process.pid)).peakRss,
      bare: (await processMemory(server.pid)).peakRss,
    };
    const note = `median of ${TRANSFER_ROUNDS}, interleaved; SDK v3 PutObject/GetObject vs node:http`;
    context.record('put', {
      ours: median(puts.ours),
      baseline: median(puts.baseline),
      note: `${note}; both answer once the file and its rename are fsynced`,
    });
    context.record('put-unsynced', {
      ours: median(puts.ours),
      baseline: median(unsynced),
      note: `the same emulator PUTs beside ${TRANSFER_ROUNDS} PUTs to the bare server answering before its bytes reach the disk`,
    });
    context.record('get', { ours: median(gets.ours), baseline: median(gets.baseline), note });
    context.record('rss-growth', {
      ours: Math.max(0, peak.ours - idle.ours) / MiB,
      baseline: Math.max(0, peak.bare - idle.bare) / MiB,
      note:
        `peak RSS during ${TRANSFER_ROUNDS} PUTs and GETs of 64 MiB minus the RSS just before; flat = growth ≤ ` +
        `${FLAT_GROWTH_MIB} MiB, half the object (idle ${(idle.ours / MiB).toFixed(0)} MiB → peak ${(peak.ours / MiB).toFixed(0)} MiB)`,
    });
    return { puts, unsynced, gets, idle, peak };
  } finally {
    s3.destroy();
    await server.stop();
    await durable.server.stop();
  }
}

/**
 * Full SRP sign-ins per second by concurrent auth-s3 clients in child processes against `emulator`,
 * and the emulator's own CPU per sign-in; every process on the Node running this one.
 */
export async function measureSignIns(context: MeasureContext, emulator: RunningEmulator) {
  await loadCreateAuthS3();
  const config = JSON.stringify(configFromOutputs(emulator.outputs));
  const emails = Array.from({ length: CLIENTS }, (_, index) => `sign-in-${index}@bench.example`);
  for (const email of emails) await createConfirmedUser(emulator, email);
  const perProcess = CLIENTS / CLIENT_PROCESSES;
  const script = join(context.repoRoot, 'bench', 'lib', 'sign-in-load.ts');
  const children = Array.from({ length: CLIENT_PROCESSES }, (_, index) =>
    startProcess(process.execPath, [...tsNodeArgs, script], {
      cwd: context.repoRoot,
      stdin: true,
      env: {
        BENCH_CONFIG: config,
        BENCH_EMAILS: emails.slice(index * perProcess, (index + 1) * perProcess).join(','),
        BENCH_PASSWORD: benchPassword,
        BENCH_SIGN_INS: String(SIGN_INS / CLIENT_PROCESSES),
      },
    }),
  );
  try {
    await Promise.all(children.map((child) => child.waitFor(/^READY$/, 60_000)));
    const serverCpuBefore = await processCpuMilliseconds(emulator.process.pid);
    const started = performance.now();
    for (const child of children) child.child.stdin?.write('GO\n');
    const reports = await Promise.all(
      children.map(async (child) => {
        const match = await child.waitFor(/^(\{.*"signIns".*\})$/, 120_000);
        return JSON.parse(match[1] as string) as { signIns: number; cpuMs: number };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const signIns = reports.reduce((sum, r) => sum + r.signIns, 0);
    const serverCpu = ((await processCpuMilliseconds(emulator.process.pid)) - serverCpuBefore) / signIns;
    const clientCpu = reports.reduce((sum, r) => sum + r.cpuMs, 0) / signIns;
    // What the machine could do if the sign-ins had its cores to themselves.
    const capacity = (cpus().length * 1000) / (serverCpu + clientCpu);
    return {
      perSecond: signIns / seconds,
      perCpuSecond: 1000 / serverCpu,
      note:
        `${signIns} full SRP sign-ins by ${CLIENTS} concurrent auth-s3 clients in ${CLIENT_PROCESSES} processes, ` +
        `the emulator in its own; CPU per sign-in: emulator ${serverCpu.toFixed(1)} ms, clients ${clientCpu.toFixed(1)} ms, ` +
        `so ${capacity.toFixed(0)}/s on ${cpus().length} otherwise idle cores`,
      cpuNote: `the emulator's own CPU (/proc/<pid>/stat) over the ${signIns} sign-ins: ${serverCpu.toFixed(1)} ms each, whatever else the machine runs`,
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

/** What `lib/emulator-runtime-child.ts` prints: the two figures measured on its Node. */
export interface RuntimeFigures {
  node: string;
  coldStart: { median: number; note: string };
  signIns: { perSecond: number; note: string };
}

/**
 * Cold start and sign-ins again on Node 24, in a child process running on it; `{ absent }`, saying
 * why and what to do, when Node 24 cannot be found.
 */
async function measureOnNode24(
  context: BenchContext,
  template: string,
): Promise<RuntimeFigures | { absent: string }> {
  const node24 = await findNode24(context.repoRoot);
  if ('absent' in node24) return node24;
  context.log(`cold start and sign-ins again on Node ${node24.version} (${node24.node})`);
  const dir = join(context.tmpDir, 'node24');
  await mkdir(dir, { recursive: true });
  const script = join(context.repoRoot, 'bench', 'lib', 'emulator-runtime-child.ts');
  const stdout = await runCommand(node24.node, [...tsNodeArgs, script], {
    cwd: context.repoRoot,
    env: { BENCH_TEMPLATE: template, BENCH_DIR: dir },
    timeoutMs: 10 * 60_000,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as RuntimeFigures;
}

const thisNode = `Node ${process.versions.node}, this run`;

/** The `emulator` entry. */
export const emulatorPerformance: BenchEntry = {
  name: 'emulator',
  description: 'emulator cold start, SRP sign-ins/s, 64 MiB PUT/GET beside bare node:http, memory',
  figures: [
    {
      id: 'cold-start',
      label: 'emulator cold start, spawn → ready',
      unit: 'ms',
      baselineLabel: 'bare node:http server, plain node',
      budgets: [{ kind: 'max', value: COLD_START_BUDGET_MS }],
    },
    {
      id: 'sign-ins',
      label: `SRP sign-ins per second, ${CLIENTS} concurrent clients`,
      unit: '/s',
      budgets: [{ kind: 'min', value: SIGN_INS_BUDGET_PER_SECOND }],
    },
    {
      id: 'cold-start-node24',
      label: 'emulator cold start on Node 24, spawn → ready',
      unit: 'ms',
      baselineLabel: thisNode,
      budgets: [{ kind: 'max', value: COLD_START_BUDGET_MS }],
    },
    {
      id: 'sign-ins-node24',
      label: `SRP sign-ins per second on Node 24, ${CLIENTS} concurrent clients`,
      unit: '/s',
      baselineLabel: thisNode,
      budgets: [{ kind: 'min', value: SIGN_INS_BUDGET_PER_SECOND }],
    },
    {
      id: 'sign-in-cpu',
      label: 'emulator CPU per SRP sign-in, as sign-ins per CPU-second',
      unit: '/s',
      budgets: [],
    },
    {
      id: 'put',
      label: 'PUT 64 MiB throughput',
      unit: 'MiB/s',
      baselineLabel: 'bare node:http to disk, fsynced',
      budgets: [{ kind: 'ratio-min', value: 0.5 }],
    },
    {
      id: 'put-unsynced',
      label: 'PUT 64 MiB throughput, beside a baseline without fsync',
      unit: 'MiB/s',
      baselineLabel: 'bare node:http to the page cache',
      budgets: [],
    },
    {
      id: 'get',
      label: 'GET 64 MiB throughput',
      unit: 'MiB/s',
      baselineLabel: 'bare node:http from disk',
      budgets: [{ kind: 'ratio-min', value: 0.5 }],
    },
    {
      id: 'rss-growth',
      label: 'emulator RSS growth moving 64 MiB',
      unit: 'MiB',
      baselineLabel: 'bare node:http server',
      budgets: [{ kind: 'max', value: FLAT_GROWTH_MIB }],
      noRatio: true,
    },
    { id: 'peak-rss', label: 'emulator peak RSS, transfers and sign-ins', unit: 'MiB', budgets: [] },
  ],
  async run(context) {
    const template = await ensureTemplate(context.repoRoot, context.tmpDir, context.log);
    context.log(`cold start: ${COLD_STARTS + 1} starts of the emulator and of a bare server`);
    const coldStarts = await measureColdStart(context, template);
    context.record('cold-start', {
      ours: coldStarts.median,
      baseline: median(coldStarts.bare),
      note: coldStarts.note,
    });

    const emulator = await startEmulatorProcess({
      repoRoot: context.repoRoot,
      dir: context.tmpDir,
      template,
    });
    let signIns: Awaited<ReturnType<typeof measureSignIns>> | undefined;
    try {
      context.log('64 MiB PUT/GET beside the bare server');
      const transfers = await measureTransfers(context, emulator);
      context.detail(
        'emulator samples',
        [
          `Cold start (ms): emulator ${coldStarts.ours.map((v) => v.toFixed(0)).join(', ')} (CLI's own "Ready in": ${coldStarts.inProcess.join(', ') || 'not printed'}; since its process started: ${coldStarts.sinceProcessStart.join(', ') || 'not printed'}); bare server ${coldStarts.bare.map((v) => v.toFixed(0)).join(', ')}.`,
          `PUT (MiB/s): emulator ${transfers.puts.ours.map((v) => v.toFixed(0)).join(', ')}; bare, fsynced ${transfers.puts.baseline.map((v) => v.toFixed(0)).join(', ')}; bare, not fsynced ${transfers.unsynced.map((v) => v.toFixed(0)).join(', ')}.`,
          `GET (MiB/s): emulator ${transfers.gets.ours.map((v) => v.toFixed(0)).join(', ')}; bare ${transfers.gets.baseline.map((v) => v.toFixed(0)).join(', ')}.`,
          `RSS (MiB): emulator idle ${(transfers.idle.ours / MiB).toFixed(0)}, peak ${(transfers.peak.ours / MiB).toFixed(0)}; bare idle ${(transfers.idle.bare / MiB).toFixed(0)}, peak ${(transfers.peak.bare / MiB).toFixed(0)}.`,
        ].join('\n'),
        { coldStarts, transfers },
      );
      context.log(`sign-ins: ${SIGN_INS} by ${CLIENTS} concurrent clients`);
      signIns = await measureSignIns(context, emulator);
      context.record('sign-ins', { ours: signIns.perSecond, note: signIns.note });
      context.record('sign-in-cpu', { ours: signIns.perCpuSecond, note: signIns.cpuNote });
    } finally {
      // VmHWM was reset before the transfers, so this is the peak since then: transfers and sign-ins.
      const { peakRss } = await processMemory(emulator.process.pid).catch(() => ({ peakRss: Number.NaN }));
      if (!Number.isNaN(peakRss)) context.record('peak-rss', { ours: peakRss / MiB });
      await emulator.process.stop();
    }

    // After this run's emulator has stopped, so the two runtimes never share the cores.
    const node24 = await measureOnNode24(context, template);
    if ('absent' in node24) {
      context.log(node24.absent);
      context.record('cold-start-node24', { baseline: coldStarts.median, notAvailable: node24.absent });
      context.record('sign-ins-node24', { baseline: signIns.perSecond, notAvailable: node24.absent });
      return;
    }
    context.record('cold-start-node24', {
      ours: node24.coldStart.median,
      baseline: coldStarts.median,
      note: `${node24.node}: ${node24.coldStart.note}`,
    });
    context.record('sign-ins-node24', {
      ours: node24.signIns.perSecond,
      baseline: signIns.perSecond,
      note: `${node24.node}: ${node24.signIns.note}`,
    });
  },
};
