/*
 * `pnpm dev`: time from launch to the app's URL, cold and warm. Cold = a fresh clone's first run:
 * the stack synthesized (the CDK app run into a scratch cloud assembly, timed) plus the dev stack
 * (emulator + Vite) started on an empty data dir. Warm = the dev stack started again on that data
 * dir. The dev stack is `packages/dev-stack/src/dev-stack.ts`, what `pnpm dev --local` runs, started in
 * a fresh Node process with its own data dir, outputs file and port.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { NotAvailableError, SetupError } from '../lib/errors.ts';
import { runCommand, startProcess, tsNodeArgs } from '../lib/processes.ts';
import { median, wallMilliseconds } from '../lib/stats.ts';

const APP_PORT = 4274;
const WARM_STARTS = 3;

/** Synthesizes the stack into a scratch directory, as `pnpm synth` does; returns the wall time. */
async function timeSynth(context: BenchContext): Promise<number> {
  const out = join(context.tmpDir, 'cdk.out');
  let failure: unknown;
  const ms = await wallMilliseconds(async () => {
    try {
      await runCommand('pnpm', ['exec', 'cdk', 'synth', '--quiet', '--no-notices', '-o', out], {
        cwd: context.repoRoot,
        env: { CDK_DISABLE_CLI_TELEMETRY: 'true' },
        timeoutMs: 240_000,
      });
    } catch (error) {
      failure = error;
    }
  });
  try {
    // The CDK CLI can fail after the app has written the template; the template is what counts.
    await access(join(out, 'AuthS3Stack.template.json'));
  } catch (cause) {
    throw new SetupError(`synth wrote no template: ${(failure as Error | undefined)?.message ?? 'unknown'}`, {
      cause,
    });
  }
  if (failure)
    context.log(`synth exited non-zero but wrote the template: ${(failure as Error).message.split('\n')[0]}`);
  return ms;
}

/** Starts the dev stack in a fresh process; resolves with spawn → URL time once it has stopped again. */
async function timeDevStart(context: BenchContext, dataDir: string): Promise<number> {
  const child = startProcess(
    process.execPath,
    [...tsNodeArgs, join(context.repoRoot, 'bench', 'lib', 'dev-stack-child.ts')],
    {
      cwd: context.repoRoot,
      env: {
        BENCH_DATA_DIR: dataDir,
        BENCH_OUTPUTS_FILE: join(context.tmpDir, 'outputs.json'),
        BENCH_APP_PORT: String(APP_PORT),
      },
    },
  );
  const started = performance.now();
  try {
    await child.waitFor(/BENCH_DEV_READY (\S+)/, 120_000);
    return performance.now() - started;
  } finally {
    await child.stop();
  }
}

/** The `dev` entry. */
export const devStartup: BenchEntry = {
  name: 'dev',
  description: 'pnpm dev time to ready, cold (with synth) and warm',
  figures: [
    { id: 'cold', label: 'pnpm dev to ready, cold (synth + fresh data)', unit: 'ms', budgets: [] },
    { id: 'warm', label: 'pnpm dev to ready, warm', unit: 'ms', budgets: [] },
  ],
  async run(context) {
    try {
      await access(join(context.repoRoot, 'packages', 'dev-stack', 'src', 'dev-stack.ts'));
    } catch (cause) {
      throw new NotAvailableError(
        'packages/dev-stack/src/dev-stack.ts (what pnpm dev runs) is not written yet',
        {
          cause,
        },
      );
    }
    context.log('synthesizing the stack into a scratch directory');
    const synthMs = await timeSynth(context);
    context.log(`synth took ${(synthMs / 1000).toFixed(1)} s; starting the dev stack on an empty data dir`);
    const dataDir = join(context.tmpDir, 'data');
    const freshMs = await timeDevStart(context, dataDir);
    context.record('cold', {
      ours: synthMs + freshMs,
      note: `synth ${synthMs.toFixed(0)} ms + dev stack on an empty data dir ${freshMs.toFixed(0)} ms (Vite's shared dependency cache is kept)`,
    });
    const warm: number[] = [];
    for (let run = 0; run < WARM_STARTS; run++) warm.push(await timeDevStart(context, dataDir));
    context.record('warm', {
      ours: median(warm),
      note: `median of ${WARM_STARTS} starts on the same data dir: ${warm.map((v) => v.toFixed(0)).join(', ')} ms`,
    });
  },
};
