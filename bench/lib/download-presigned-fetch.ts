/*
 * Child process for the cli entry's download baseline: GETs a presigned URL with plain `fetch` and
 * writes the body to a file as it arrives (as `auth-s3 cp` does), then prints one JSON line with the
 * wall time, CPU time and this process's RSS before the download and at its peak.
 * Input (env): BENCH_URL (presigned GET), BENCH_FILE (where to write).
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const url = process.env.BENCH_URL;
const file = process.env.BENCH_FILE;
if (!url || !file) throw new Error('BENCH_URL and BENCH_FILE must be set');
const rssBefore = process.memoryUsage.rss();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const response = await fetch(url);
if (!response.ok || !response.body) throw new Error(`presigned GET answered ${response.status}`);
await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
