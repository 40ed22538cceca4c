/*
 * The library's build for tests that need `dist/`: this package's own built-package test and the
 * CLI's, which vitest may run at the same time in two workers. Both build the same `dist/` (and read
 * it right after), so each does it through `withBuiltLibrary`, which holds a lock file across the
 * build and the caller's use of `dist/`: one build at a time, and no build rewrites files another test
 * is copying or running. The build is the package's own `pnpm run build`, the one that also emits the
 * outputs contract's copy under `dist/outputs/` (`#outputs`).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The auth-s3 package directory (what `pnpm run build` runs in). */
export const LIBRARY_DIR = resolve(import.meta.dirname, '..');

/** One lock per checkout, outside it (nothing to ignore in git), named by the package's path. */
const LOCK = join(
  tmpdir(),
  `auth-s3-build-${createHash('sha256').update(LIBRARY_DIR).digest('hex').slice(0, 16)}.lock`,
);

/** True when the process that wrote the lock is gone (killed mid-test): its lock may be taken over. */
async function stale(): Promise<boolean> {
  const pid = Number(await readFile(LOCK, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function acquire(): Promise<void> {
  for (;;) {
    try {
      const handle = await open(LOCK, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await stale()) await rm(LOCK, { force: true });
    else await sleep(200);
  }
}

/**
 * Builds the library with `pnpm run build` and runs `use` while no other caller can rebuild it.
 * Resolves with what `use` returns.
 */
export async function withBuiltLibrary<T>(use: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    await run('pnpm', ['run', 'build'], { cwd: LIBRARY_DIR });
    return await use();
  } finally {
    await rm(LOCK, { force: true });
  }
}
