/*
 * Child process for the library-upload entry: signs in with auth-s3 and uploads a file through
 * `files.upload`, then prints one JSON line with the upload's wall time and CPU time, and this process's RSS
 * before the upload and at its peak. Run alone so its memory is the upload's and nothing else's.
 * Input (env): BENCH_CONFIG (AuthS3Config JSON), BENCH_EMAIL, BENCH_PASSWORD, BENCH_FILE, BENCH_PATH.
 */
import { openAsBlob } from 'node:fs';
import { loadCreateAuthS3 } from './library.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const createAuthS3 = await loadCreateAuthS3();
const { auth, files } = createAuthS3(JSON.parse(env('BENCH_CONFIG')), { storage: 'memory' });
await auth.signIn(env('BENCH_EMAIL'), env('BENCH_PASSWORD'));
const blob = await openAsBlob(env('BENCH_FILE'));
const rssBefore = process.memoryUsage.rss();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const item = await files.upload(blob, env('BENCH_PATH'), { contentType: 'application/octet-stream' });
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (item.size !== blob.size) throw new Error(`uploaded ${item.size} bytes, expected ${blob.size}`);
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
