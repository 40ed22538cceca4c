/*
 * Child process for the emulator entry's second runtime: the entry starts it on Node 24, and it
 * measures the emulator's cold start and SRP sign-ins per second exactly as the entry does on the
 * machine's Node (every process it starts runs on its own Node), then prints one JSON line
 * (`RuntimeFigures`). Progress goes to stderr.
 * Input (env): BENCH_TEMPLATE (the synthesized template), BENCH_DIR (a scratch directory).
 */
import { fileURLToPath } from 'node:url';
import { measureColdStart, measureSignIns, type RuntimeFigures } from '../entries/emulator-performance.ts';
import { startEmulatorProcess } from './emulator.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const template = env('BENCH_TEMPLATE');
const context = {
  repoRoot: fileURLToPath(new URL('../..', import.meta.url)),
  tmpDir: env('BENCH_DIR'),
  log: (message: string) => process.stderr.write(`[emulator on ${process.version}] ${message}\n`),
};

context.log('cold start');
const coldStart = await measureColdStart(context, template);
context.log('sign-ins');
const emulator = await startEmulatorProcess({ repoRoot: context.repoRoot, dir: context.tmpDir, template });
let signIns: Awaited<ReturnType<typeof measureSignIns>>;
try {
  signIns = await measureSignIns(context, emulator);
} finally {
  await emulator.process.stop();
}
const figures: RuntimeFigures = {
  node: process.version,
  coldStart: { median: coldStart.median, note: coldStart.note },
  signIns: { perSecond: signIns.perSecond, note: signIns.note },
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
