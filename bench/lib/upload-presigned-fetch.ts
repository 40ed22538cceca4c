/*
 * Child process for the library-upload entry's baseline: PUTs a file to a presigned URL with plain
 * `fetch` (the body a file-backed Blob, so nothing is read ahead), then prints one JSON line with the wall time, CPU time
 * and this process's RSS before the upload and at its peak.
 * Input (env): BENCH_URL (presigned PUT), BENCH_FILE.
 */
import { openAsBlob } from 'node:fs';

const url = process.env.BENCH_URL;
const file = process.env.BENCH_FILE;
if (!url || !file) throw new Error('BENCH_URL and BENCH_FILE must be set');
const blob = await openAsBlob(file);
const rssBefore = process.memoryUsage.rss();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const response = await fetch(url, { method: 'PUT', body: blob });
if (!response.ok) throw new Error(`presigned PUT answered ${response.status}: ${await response.text()}`);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
