/*
 * The command-line tool: `auth-s3 cp` of 256 MiB up and down beside a presigned PUT and GET of the
 * same file with plain `fetch`, against the same emulator in the same run; the CLI's peak RSS copying
 * 256 MiB beside its own for 64 MiB (flat in the file size); and CLI start to first output for
 * `auth-s3 ls` with a stored session beside plain Node printing a line. The CLI is the built package
 * (`bin/auth-s3.mjs` over dist/) run with plain Node, as an installed tool runs, not through tsx.
 * Each copy and its baseline take turns, ROUNDS times (which goes first alternates); the figures
 * are medians.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchPassword, createConfirmedUser, type RunningEmulator, withEmulator } from '../lib/emulator.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { SetupError } from '../lib/errors.ts';
import { runCommand, tail, tsNodeArgs } from '../lib/processes.ts';
import { interleave, MiB, median } from '../lib/stats.ts';
import { writeRandomFile } from '../lib/transfers.ts';
import { presignedUrl } from './library-upload.ts';

const LARGE = 256 * MiB;
const SMALL = 64 * MiB;
const STARTUP_ROUNDS = 5;
/** 256 MiB copies per side and direction, interleaved: one run each swung by up to 2× on a shared machine. */
const ROUNDS = 3;
/** Rounds of the 1-byte download that shows the fixed cost of each `cp`. */
const FIXED_COST_ROUNDS = 5;

/**
 * Loaded before the CLI with `--import`: writes the process's peak RSS (bytes) and CPU time (ms,
 * user + system, start-up included) as JSON where BENCH_RSS_FILE says, on exit, so a child's peak
 * is read without sampling.
 */
const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const c=process.cpuUsage();writeFileSync(process.env.BENCH_RSS_FILE,JSON.stringify({peakRss:process.resourceUsage().maxRSS*1024,cpuMs:(c.user+c.system)/1000}))});",
)}`;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Spawn to the first byte on stdout, ms. */
  firstOutputMs: number | undefined;
  /** Spawn to exit, ms. */
  ms: number;
}

interface Cli {
  run(args: string[], options?: { input?: string; peakRssFile?: string }): Promise<CliRun>;
}

/** The built CLI, run with plain Node in a HOME of its own against `emulator`. */
function builtCli(context: BenchContext, emulator: RunningEmulator): Cli {
  const bin = join(context.repoRoot, 'packages/cli/bin/auth-s3.mjs');
  const home = join(context.tmpDir, 'cli-home');
  return {
    run(args, options = {}) {
      const node = options.peakRssFile ? ['--import', PEAK_RSS_HOOK] : [];
      const started = performance.now();
      const child = spawn(process.execPath, [...node, bin, ...args], {
        cwd: context.tmpDir,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          XDG_CONFIG_HOME: join(home, 'config'),
          AUTH_S3_OUTPUTS: emulator.outputsFile,
          ...(options.peakRssFile ? { BENCH_RSS_FILE: options.peakRssFile } : {}),
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let firstOutputMs: number | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        firstOutputMs ??= performance.now() - started;
        stdout += chunk;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      child.stdin.end(options.input ?? '');
      return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) =>
          resolve({ code, stdout, stderr, firstOutputMs, ms: performance.now() - started }),
        );
      });
    },
  };
}

/** Runs the CLI and insists on exit 0. */
async function ok(cli: Cli, args: string[], options?: { input?: string; peakRssFile?: string }) {
  const result = await cli.run(args, options);
  if (result.code !== 0) {
    throw new SetupError(`auth-s3 ${args.join(' ')} exited ${result.code}: ${tail(result.stderr)}`);
  }
  return result;
}

/** One `cp --json`: the CLI's own transfer time (from its JSON line), its wall time and peak RSS. */
async function timedCopy(context: BenchContext, cli: Cli, from: string, to: string) {
  const peakRssFile = join(context.tmpDir, 'cli-peak-rss');
  const result = await ok(cli, ['cp', '--json', from, to], { peakRssFile });
  const line = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds?: number };
  if (typeof line.seconds !== 'number') throw new SetupError(`cp printed no transfer: ${result.stdout}`);
  const { peakRss, cpuMs } = JSON.parse(await readFile(peakRssFile, 'utf8')) as {
    peakRss: number;
    cpuMs: number;
  };
  return { ms: line.seconds * 1000, wallMs: result.ms, peakRss, cpuMs };
}

interface FetchReport {
  ms: number;
  /** CPU time during the transfer only. */
  cpuMs: number;
  rssBefore: number;
  peakRss: number;
}

async function fetchChild(
  context: BenchContext,
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<FetchReport> {
  const stdout = await runCommand(
    process.execPath,
    [...tsNodeArgs, join(context.repoRoot, 'bench/lib', script)],
    {
      cwd: context.repoRoot,
      env,
      timeoutMs: 180_000,
    },
  );
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as FetchReport;
  } catch (cause) {
    throw new SetupError(`${script} printed no report: ${stdout.slice(-300)}`, { cause });
  }
}

/** The `cli` entry. */
export const cliTransfer: BenchEntry = {
  name: 'cli',
  description: 'auth-s3 cp 256 MiB up and down beside presigned fetch; CLI memory and start-up',
  figures: [
    {
      id: 'upload',
      label: '`cp` 256 MiB up, throughput',
      unit: 'MiB/s',
      baselineLabel: 'presigned PUT, plain fetch',
      budgets: [{ kind: 'ratio-min', value: 0.8 }],
    },
    {
      id: 'download',
      label: '`cp` 256 MiB down, throughput',
      unit: 'MiB/s',
      baselineLabel: 'presigned GET, plain fetch',
      budgets: [{ kind: 'ratio-min', value: 0.8 }],
    },
    {
      id: 'fixed-cost',
      label: "`cp` of a 1-byte object down, the CLI's own time",
      unit: 'ms',
      baselineLabel: 'presigned GET of it, plain fetch',
      budgets: [],
    },
    {
      id: 'rss-upload',
      label: 'CLI peak RSS, `cp` 256 MiB up',
      unit: 'MiB',
      baselineLabel: 'the same CLI copying 64 MiB up',
      budgets: [{ kind: 'ratio-max', value: 1.25 }],
    },
    {
      id: 'rss-download',
      label: 'CLI peak RSS, `cp` 256 MiB down',
      unit: 'MiB',
      baselineLabel: 'the same CLI copying 64 MiB down',
      budgets: [{ kind: 'ratio-max', value: 1.25 }],
    },
    {
      id: 'startup',
      label: '`auth-s3 ls` start to first output, stored session',
      unit: 'ms',
      baselineLabel: 'plain node printing a line',
      budgets: [],
    },
  ],
  async run(context) {
    context.log('building auth-s3 and the CLI (pnpm run build)');
    await runCommand('pnpm', ['--filter', 'auth-s3', 'run', 'build'], { cwd: context.repoRoot });
    await runCommand('pnpm', ['--filter', '@auth-s3/cli', 'run', 'build'], { cwd: context.repoRoot });
    const large = join(context.tmpDir, 'file-256mib.bin');
    const small = join(context.tmpDir, 'file-64mib.bin');
    await writeRandomFile(large, LARGE);
    await writeRandomFile(small, SMALL);
    await withEmulator(context, async (emulator) => {
      const email = 'cli@bench.example';
      await createConfirmedUser(emulator, email);
      const cli = builtCli(context, emulator);
      await ok(cli, ['login', email, '--password-stdin'], { input: `${benchPassword}\n` });
      const throughput = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);

      const rate = (ms: number) => throughput(LARGE, ms);
      const spread = (samples: Array<{ ms: number }>) => samples.map((s) => rate(s.ms).toFixed(0)).join(', ');
      const cpuPerMiB = (samples: Array<{ cpuMs: number }>) =>
        samples.map((s) => (s.cpuMs / (LARGE / MiB)).toFixed(1)).join(', ');
      const baselineKey = 'public/bench/presigned-256mib.bin';
      const downloaded = join(context.tmpDir, 'downloaded.bin');
      const put = async () =>
        fetchChild(context, 'upload-presigned-fetch.ts', {
          BENCH_URL: await presignedUrl(emulator, email, baselineKey),
          BENCH_FILE: large,
        });
      // Both directions' baselines move the same stored object as the CLI: the GET reads the
      // object `cp` uploaded (a multipart object, kept by the emulator as its parts), not the
      // presigned PUT's single-part one, so the figure compares the two clients alone.
      const get = async () => {
        const report = await fetchChild(context, 'download-presigned-fetch.ts', {
          BENCH_URL: await presignedUrl(emulator, email, 'public/bench/cli-256mib.bin', 'GET'),
          BENCH_FILE: downloaded,
        });
        await rm(downloaded, { force: true });
        return report;
      };
      const copyDown = async () => {
        const report = await timedCopy(context, cli, 'shared:bench/cli-256mib.bin', downloaded);
        await rm(downloaded, { force: true });
        return report;
      };
      // Every `cp` up first (the last leaves the object the downloads read), then every `cp` down.
      context.log(`${ROUNDS} rounds, interleaved: presigned PUT with fetch and auth-s3 cp up`);
      const up = await interleave(
        ROUNDS,
        () => timedCopy(context, cli, large, 'shared:bench/cli-256mib.bin'),
        put,
      );
      context.log(`${ROUNDS} rounds, interleaved: presigned GET with fetch and auth-s3 cp down`);
      const down = await interleave(ROUNDS, copyDown, get);
      const [ups, puts, downs, gets] = [up.ours, up.baseline, down.ours, down.baseline];
      const midMs = (samples: Array<{ ms: number }>) => median(samples.map((s) => s.ms));
      context.record('upload', {
        ours: rate(midMs(ups)),
        baseline: rate(midMs(puts)),
        note: `median of ${ROUNDS} interleaved rounds (MiB/s: ours ${spread(ups)}, fetch ${spread(puts)}); ours is the CLI's own transfer time (its --json line). CPU ms/MiB: the CLI process ${cpuPerMiB(ups)} (start-up included), fetch ${cpuPerMiB(puts)} (the upload only)`,
      });
      context.record('download', {
        ours: rate(midMs(downs)),
        baseline: rate(midMs(gets)),
        note: `median of ${ROUNDS} interleaved rounds (MiB/s: ours ${spread(downs)}, fetch ${spread(gets)}), both writing the file to disk. CPU ms/MiB: the CLI process ${cpuPerMiB(downs)} (start-up included), fetch ${cpuPerMiB(gets)} (the download only)`,
      });

      context.log('64 MiB up and down for the memory figures');
      const upSmall = await timedCopy(context, cli, small, 'shared:bench/cli-64mib.bin');
      const downSmall = await timedCopy(context, cli, 'shared:bench/cli-64mib.bin', downloaded);
      await rm(downloaded, { force: true });
      context.record('rss-upload', {
        ours: median(ups.map((u) => u.peakRss)) / MiB,
        baseline: upSmall.peakRss / MiB,
        note: `presigned PUT with fetch peaked at ${(median(puts.map((p) => p.peakRss)) / MiB).toFixed(0)} MiB for 256 MiB (median)`,
      });
      context.record('rss-download', {
        ours: median(downs.map((d) => d.peakRss)) / MiB,
        baseline: downSmall.peakRss / MiB,
        note: `presigned GET with fetch peaked at ${(median(gets.map((g) => g.peakRss)) / MiB).toFixed(0)} MiB for 256 MiB (median)`,
      });

      context.log('fixed cost: a 1-byte object down, 5 rounds interleaved');
      const tiny = join(context.tmpDir, 'file-1b.bin');
      await writeFile(tiny, 'x');
      await timedCopy(context, cli, tiny, 'shared:bench/cli-1b.bin');
      const tinyDownloads = await interleave(
        FIXED_COST_ROUNDS,
        async () => {
          const { ms } = await timedCopy(context, cli, 'shared:bench/cli-1b.bin', downloaded);
          await rm(downloaded, { force: true });
          return ms;
        },
        async () => {
          const { ms } = await fetchChild(context, 'download-presigned-fetch.ts', {
            BENCH_URL: await presignedUrl(emulator, email, 'public/bench/cli-1b.bin', 'GET'),
            BENCH_FILE: downloaded,
          });
          await rm(downloaded, { force: true });
          return ms;
        },
      );
      const [tinyDowns, tinyGets] = [tinyDownloads.ours, tinyDownloads.baseline];
      context.record('fixed-cost', {
        ours: median(tinyDowns),
        baseline: median(tinyGets),
        note: `median of ${FIXED_COST_ROUNDS}, interleaved (ours ${tinyDowns.map((ms) => ms.toFixed(0)).join(', ')} ms): what every \`cp\` above spends besides moving bytes, inside its timed span — loading the AWS SDK's S3 client (the first S3 call imports it), the session's refresh and identity-pool credentials, GetObject, the temporary file and its rename; the fetch side's URL was presigned before its clock started`,
      });

      context.log('start-up: auth-s3 ls with the stored session');
      const plainNode = { stdin: 'ignore', cwd: context.tmpDir } as const;
      const samples = await interleave(
        STARTUP_ROUNDS,
        async () => {
          const result = await ok(cli, ['ls', 'shared:bench/']);
          if (result.firstOutputMs === undefined) throw new SetupError('auth-s3 ls printed nothing');
          return result.firstOutputMs;
        },
        () =>
          new Promise<number>((resolve, reject) => {
            const started = performance.now();
            const child = spawn(process.execPath, ['-e', 'console.log("ready")'], plainNode);
            child.stdout?.once('data', () => resolve(performance.now() - started));
            child.on('error', reject);
          }),
      );
      context.record('startup', {
        ours: median(samples.ours),
        baseline: median(samples.baseline),
        note: `median of ${STARTUP_ROUNDS}, interleaved; spawn to the first byte on stdout (the list needs the session's refresh and one ListObjectsV2)`,
      });
      context.detail(
        'cli transfers',
        `cp up ${JSON.stringify(ups)}, down ${JSON.stringify(downs)}; 64 MiB up ${JSON.stringify(upSmall)}, down ${JSON.stringify(downSmall)}; fetch PUT ${JSON.stringify(puts)}, GET ${JSON.stringify(gets)}; ls samples ${JSON.stringify(samples)}`,
        { ups, downs, upSmall, downSmall, puts, gets, startup: samples },
      );
    });
  },
};
