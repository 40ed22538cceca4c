/*
 * Library upload: 256 MiB through auth-s3's `files.upload` (multipart above its threshold) beside a
 * presigned PUT of the same file with plain `fetch`, against the emulator, in the same run. Each
 * upload runs in a child process of its own, so its peak RSS is the upload's; the two sides take
 * turns, ROUNDS times (which goes first alternates), and each figure is the median of its rounds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  benchPassword,
  createConfirmedUser,
  identityPoolCredentials,
  type RunningEmulator,
  signInWithoutLibrary,
  withEmulator,
} from '../lib/emulator.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { SetupError } from '../lib/errors.ts';
import { configFromOutputs, loadCreateAuthS3 } from '../lib/library.ts';
import { runCommand, tsNodeArgs } from '../lib/processes.ts';
import { interleave, MiB, median } from '../lib/stats.ts';
import { writeRandomFile } from '../lib/transfers.ts';

const FILE_SIZE = 256 * MiB;
/** Uploads per side, interleaved: one run each swung by up to 2× on a shared machine. */
const ROUNDS = 3;

interface ChildReport {
  ms: number;
  /** The child's user + system CPU time during the upload. */
  cpuMs: number;
  rssBefore: number;
  peakRss: number;
}

async function runChild(context: BenchContext, script: string, env: NodeJS.ProcessEnv): Promise<ChildReport> {
  const path = join(context.repoRoot, 'bench', 'lib', script);
  const stdout = await runCommand(process.execPath, [...tsNodeArgs, path], {
    cwd: context.repoRoot,
    env,
    timeoutMs: 180_000,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ChildReport;
  } catch (cause) {
    throw new SetupError(`${script} printed no report: ${stdout.slice(-300)}`, { cause });
  }
}

/** User + system CPU time of a running process so far, ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `upload` and returns its report with the emulator's CPU time over the same span. */
async function withEmulatorCpu(
  emulator: RunningEmulator,
  upload: () => Promise<ChildReport>,
): Promise<ChildReport & { emulatorCpuMs: number }> {
  const before = await processCpuMs(emulator.process.pid);
  const report = await upload();
  return { ...report, emulatorCpuMs: (await processCpuMs(emulator.process.pid)) - before };
}

/** A presigned PUT or GET of `key` for `email`, signed without the library (the baseline's URL). */
export async function presignedUrl(
  emulator: RunningEmulator,
  email: string,
  key: string,
  method: 'PUT' | 'GET' = 'PUT',
): Promise<string> {
  const idToken = await signInWithoutLibrary(emulator, email);
  // Without a checksum in the URL: a plain fetch sends none.
  const s3 = new S3Client({
    region: emulator.outputs.Region,
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials: identityPoolCredentials(emulator, idToken),
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const input = { Bucket: emulator.outputs.BucketName, Key: key };
  const command = method === 'PUT' ? new PutObjectCommand(input) : new GetObjectCommand(input);
  const url = await getSignedUrl(s3, command, { expiresIn: 900 });
  s3.destroy();
  return url;
}

/** The `upload` entry. */
export const libraryUpload: BenchEntry = {
  name: 'upload',
  description: '256 MiB through auth-s3 files.upload beside a presigned PUT with plain fetch',
  figures: [
    {
      id: 'throughput',
      label: '256 MiB upload throughput',
      unit: 'MiB/s',
      baselineLabel: 'presigned PUT, plain fetch',
      // Issue 13: the library's upload at the wire's speed, as the CLI's `cp` that runs on it.
      budgets: [{ kind: 'ratio-min', value: 0.8 }],
    },
    {
      id: 'client-cpu',
      label: 'client CPU per MiB uploaded',
      unit: 'ms/MiB',
      baselineLabel: 'presigned PUT, plain fetch',
      // No more of the client's CPU per MiB than the presigned PUT spends (issue 13 asks for both figures).
      budgets: [{ kind: 'ratio-max', value: 1 }],
    },
    {
      id: 'emulator-cpu',
      label: 'emulator CPU per MiB received',
      unit: 'ms/MiB',
      baselineLabel: 'presigned PUT, plain fetch',
      budgets: [],
    },
    {
      id: 'peak-rss',
      label: 'peak RSS of the uploading process',
      unit: 'MiB',
      baselineLabel: 'presigned PUT, plain fetch',
      budgets: [],
    },
  ],
  async run(context) {
    const file = join(context.tmpDir, 'file-256mib.bin');
    await writeRandomFile(file, FILE_SIZE);
    await withEmulator(context, async (emulator) => {
      const email = 'upload@bench.example';
      await createConfirmedUser(emulator, email);
      await loadCreateAuthS3();
      const fetchPut = async (round: number) => {
        context.log(`round ${round + 1}: presigned PUT with fetch`);
        const url = await presignedUrl(emulator, email, `public/bench/presigned-256mib-${round}.bin`);
        return withEmulatorCpu(emulator, () =>
          runChild(context, 'upload-presigned-fetch.ts', { BENCH_URL: url, BENCH_FILE: file }),
        );
      };
      const libraryUpload = (round: number) => {
        context.log(`round ${round + 1}: auth-s3 files.upload`);
        return withEmulatorCpu(emulator, () =>
          runChild(context, 'upload-through-library.ts', {
            BENCH_CONFIG: JSON.stringify(configFromOutputs(emulator.outputs)),
            BENCH_EMAIL: email,
            BENCH_PASSWORD: benchPassword,
            BENCH_FILE: file,
            BENCH_PATH: `bench/library-256mib-${round}.bin`,
          }),
        );
      };
      const { ours, baseline } = await interleave(ROUNDS, libraryUpload, fetchPut);
      const mid = (
        reports: typeof ours,
        value: (report: ChildReport & { emulatorCpuMs: number }) => number,
      ) => median(reports.map(value));
      const spread = (
        reports: typeof ours,
        value: (report: ChildReport & { emulatorCpuMs: number }) => number,
      ) => reports.map((report) => value(report).toFixed(1)).join(', ');
      const throughput = (report: ChildReport) => FILE_SIZE / MiB / (report.ms / 1000);
      const cpuPerMiB = (ms: number) => ms / (FILE_SIZE / MiB);
      const clientCpu = (report: ChildReport) => cpuPerMiB(report.cpuMs);
      const emulatorCpu = (report: ChildReport & { emulatorCpuMs: number }) =>
        cpuPerMiB(report.emulatorCpuMs);
      const rss = (report: ChildReport) => report.peakRss / MiB;
      const rounds = `median of ${ROUNDS} interleaved rounds, a child process per upload`;
      context.record('throughput', {
        ours: mid(ours, throughput),
        baseline: mid(baseline, throughput),
        note: `${rounds}; the file given as an open FileHandle (fs.promises.open) to auth-s3, as a file-backed Blob to fetch; rounds: ours ${spread(ours, throughput)}, fetch ${spread(baseline, throughput)}`,
      });
      context.record('client-cpu', {
        ours: mid(ours, clientCpu),
        baseline: mid(baseline, clientCpu),
        note: `user + system CPU of the uploading process during the upload; rounds: ours ${spread(ours, clientCpu)}, fetch ${spread(baseline, clientCpu)}`,
      });
      context.record('emulator-cpu', {
        ours: mid(ours, emulatorCpu),
        baseline: mid(baseline, emulatorCpu),
        note: `user + system CPU of the emulator process over the same span (10 ms ticks); rounds: ours ${spread(ours, emulatorCpu)}, fetch ${spread(baseline, emulatorCpu)}`,
      });
      context.record('peak-rss', {
        ours: mid(ours, rss),
        baseline: mid(baseline, rss),
        note: `RSS before the upload: auth-s3 ${mid(ours, (r) => r.rssBefore / MiB).toFixed(0)} MiB, fetch ${mid(baseline, (r) => r.rssBefore / MiB).toFixed(0)} MiB`,
      });
      context.detail(
        'upload children',
        `auth-s3: ${JSON.stringify(ours)}; fetch: ${JSON.stringify(baseline)}`,
        { ours, baseline },
      );
    });
  },
};
