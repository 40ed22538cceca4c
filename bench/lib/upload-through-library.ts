/*
 * Child process for the library-upload entry: signs in with auth-s3 and uploads a file through
 * `files.upload` (the file as an open FileHandle, which the library reads part by part at each
 * part's offset: what a Node program uploading a local file passes), then prints one JSON line with the upload's wall time and CPU time, and this process's RSS
 * before the upload and at its peak. Run alone so its memory is the upload's and nothing else's.
 * Input (env): BENCH_CONFIG (AuthS3Config JSON), BENCH_EMAIL, BENCH_PASSWORD, BENCH_FILE, BENCH_PATH.
 */
import { open } from 'node:fs/promises';
import { loadCreateAuthS3 } from './library.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const createAuthS3 = await loadCreateAuthS3();
const { auth, files } = createAuthS3(JSON.parse(env('BENCH_CONFIG')), { storage: 'memory' });
await auth.signIn(env('BENCH_EMAIL'), env('BENCH_PASSWORD'));
const file = await open(env('BENCH_FILE'), 'r');
const { size } = await file.stat();
const rssBefore = process.memoryUsage.rss();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const item = await files.upload(file, env('BENCH_PATH'), { contentType: 'application/octet-stream' });
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
await file.close();
if (item.size !== size) throw new Error(`uploaded ${item.size} bytes, expected ${size}`);
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
