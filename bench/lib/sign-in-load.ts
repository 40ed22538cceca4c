/*
 * Child process for the emulator entry's sign-in rate: one auth-s3 client per user, each signed in
 * once (untimed), then `READY`; on a `GO` line on stdin, the clients sign in concurrently until this
 * process's share is done, and it prints one JSON line with the count and its own CPU time. Several
 * of these run at once so the clients' SRP math is spread over the machine's cores, as real clients
 * (browsers on other machines) would be, instead of queueing on one event loop.
 * Input (env): BENCH_CONFIG (AuthS3Config JSON), BENCH_EMAILS (comma-separated), BENCH_PASSWORD,
 * BENCH_SIGN_INS (this process's share).
 */
import { createInterface } from 'node:readline';
import { loadCreateAuthS3 } from './library.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const createAuthS3 = await loadCreateAuthS3();
const config = JSON.parse(env('BENCH_CONFIG'));
const password = env('BENCH_PASSWORD');
const clients = env('BENCH_EMAILS')
  .split(',')
  .map((email) => ({ email, client: createAuthS3(config, { storage: 'memory' }) }));
for (const { email, client } of clients) await client.auth.signIn(email, password);
process.stdout.write('READY\n');

const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

let remaining = Number(env('BENCH_SIGN_INS'));
const total = remaining;
const cpuBefore = process.cpuUsage();
await Promise.all(
  clients.map(async ({ email, client }) => {
    while (remaining > 0) {
      remaining--;
      const result = await client.auth.signIn(email, password);
      if (result.status !== 'done') throw new Error(`sign-in ended in ${result.status}`);
    }
  }),
);
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ signIns: total, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
