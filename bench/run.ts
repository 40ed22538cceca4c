/*
 * `pnpm bench [entry…]`: runs the benchmark entries (all, or those named), each beside its
 * baseline in the same invocation, prints the table, writes `bench/results/latest.md` and
 * `latest.json` (the one place figures live; READMEs link there) and nothing else, and exits
 * non-zero when any budget of the entries it ran is missed or could not be measured. A partial run
 * keeps the other entries' last figures in the files, each with its date.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkFiles } from './entries/bulk-files.ts';
import { bundleSize } from './entries/bundle-size.ts';
import { cliTransfer } from './entries/cli-transfer.ts';
import { devStartup } from './entries/dev-startup.ts';
import { emulatorPerformance } from './entries/emulator-performance.ts';
import { firstLoadEntry } from './entries/first-load.ts';
import { libraryUpload } from './entries/library-upload.ts';
import { listing } from './entries/listing.ts';
import { roundTrips } from './entries/round-trips.ts';
import { srpCpu } from './entries/srp-cpu.ts';
import { webUpload } from './entries/web-upload.ts';
import type { BenchContext, BenchEntry } from './lib/entry.ts';
import { BenchError, NotAvailableError } from './lib/errors.ts';
import { type FigureResult, judge, type Measurement } from './lib/figures.ts';
import { runCommand } from './lib/processes.ts';
import { type EntryDetail, environment, type RunReport, textTable, writeResults } from './lib/report.ts';

// The report records the Node version; the SDK's notice about Node 22 would only clutter the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const entries: BenchEntry[] = [
  bundleSize,
  srpCpu,
  emulatorPerformance,
  libraryUpload,
  cliTransfer,
  listing,
  bulkFiles,
  roundTrips,
  firstLoadEntry,
  webUpload,
  devStartup,
];

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(benchDir, '..');
const resultsDir = join(benchDir, 'results');

function usage(): string {
  const names = entries.map((e) => `  ${e.name.padEnd(12)} ${e.description}`).join('\n');
  return `Usage: pnpm bench [entry…]\n\nEntries (default: all):\n${names}\n`;
}

function selectEntries(args: string[]): BenchEntry[] {
  if (args.length === 0) return entries;
  const unknown = args.filter((name) => !entries.some((e) => e.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown entry: ${unknown.join(', ')}\n\n${usage()}`);
    process.exit(2);
  }
  return entries.filter((e) => args.includes(e.name));
}

async function runEntry(entry: BenchEntry): Promise<{
  figures: FigureResult[];
  details: EntryDetail[];
  seconds: number;
  error?: string;
}> {
  const tmpDir = join(resultsDir, 'tmp', entry.name);
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  const measured = new Map<string, Measurement>();
  const details: EntryDetail[] = [];
  const context: BenchContext = {
    repoRoot,
    tmpDir,
    log: (message) => process.stderr.write(`[${entry.name}] ${message}\n`),
    record: (figureId, measurement) => {
      if (!entry.figures.some((f) => f.id === figureId)) {
        throw new Error(`Entry ${entry.name} recorded undeclared figure ${figureId}`);
      }
      measured.set(figureId, { ...measured.get(figureId), ...measurement });
    },
    detail: (title, markdown, data) => details.push({ entry: entry.name, title, markdown, data }),
  };
  const started = performance.now();
  let error: string | undefined;
  try {
    await entry.run(context);
  } catch (caught) {
    const base = caught instanceof Error ? caught.message : String(caught);
    const cause =
      caught instanceof Error && caught.cause instanceof Error ? ` (${caught.cause.message})` : '';
    error = caught instanceof NotAvailableError ? base : `failed: ${base}${cause}`;
    context.log(error);
    if (!(caught instanceof BenchError) && caught instanceof Error && caught.stack) {
      process.stderr.write(`${caught.stack}\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const figures = entry.figures.map((spec) =>
    judge(entry.name, spec, measured.get(spec.id), error ?? 'the entry did not measure it'),
  );
  return { figures, details, seconds, error };
}

async function previousReport(): Promise<RunReport | undefined> {
  try {
    return JSON.parse(await readFile(join(resultsDir, 'latest.json'), 'utf8')) as RunReport;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage());
    return;
  }
  const selected = selectEntries(args);
  const started = performance.now();
  const loadAtStart = loadavg();
  const date = new Date().toISOString();
  const ran: RunReport['entries'] = [];
  const figures: FigureResult[] = [];
  const details: EntryDetail[] = [];
  for (const entry of selected) {
    process.stderr.write(`\n== ${entry.name}: ${entry.description}\n`);
    const result = await runEntry(entry);
    ran.push({ name: entry.name, seconds: result.seconds, error: result.error, date });
    figures.push(...result.figures);
    details.push(...result.details);
  }
  const totalSeconds = (performance.now() - started) / 1000;

  // A partial run keeps the other entries' last results, so the files always hold every entry.
  const previous = selected.length < entries.length ? await previousReport() : undefined;
  const keep = (name: string) => !selected.some((e) => e.name === name);
  const order = (name: string) => entries.findIndex((e) => e.name === name);
  const report: RunReport = {
    date,
    ...environment(),
    load: { start: loadAtStart, end: loadavg() },
    totalSeconds,
    entries: [...ran, ...(previous?.entries.filter((e) => keep(e.name)) ?? [])].sort(
      (a, b) => order(a.name) - order(b.name),
    ),
    figures: [...figures, ...(previous?.figures.filter((f) => keep(f.entry)) ?? [])].sort(
      (a, b) => order(a.entry) - order(b.entry),
    ),
    details: [...details, ...(previous?.details.filter((d) => keep(d.entry)) ?? [])].sort(
      (a, b) => order(a.entry) - order(b.entry),
    ),
  };
  await writeResults(resultsDir, report, async (files) => {
    const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
    await runCommand(biome, ['format', '--write', ...files], { cwd: repoRoot }).catch((error: Error) =>
      process.stderr.write(`Could not format the results with Biome: ${error.message}\n`),
    );
  });

  process.stdout.write(`\n${textTable(figures)}\n\n`);
  const misses = figures.filter((f) => !f.pass);
  process.stdout.write(
    `${selected.length} entr${selected.length === 1 ? 'y' : 'ies'} in ${totalSeconds.toFixed(0)} s; ` +
      `${misses.length === 0 ? 'every budget met' : `${misses.length} miss(es)`}. ` +
      `Written to bench/results/latest.md and latest.json.\n`,
  );
  process.exitCode = misses.length === 0 ? 0 : 1;
}

await main();
