/*
 * Keeps the synthesized template in step with the CDK sources for the CLI: the template is
 * stale when it is missing or older than any file under `infra/` (tests aside) or `cdk.json`,
 * and then `pnpm synth` runs at the repository root before the emulator starts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The directory holding `pnpm-workspace.yaml`, searching upwards from `start`. */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `No pnpm-workspace.yaml above ${start}; run the emulator inside the auth-s3 repository`,
      );
    dir = parent;
  }
}

async function newestMtime(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** Whether `template` is missing or older than the sources it is synthesized from. */
export async function templateIsStale(template: string, sources: string[]): Promise<boolean> {
  let templateTime: number;
  try {
    templateTime = (await stat(template)).mtimeMs;
  } catch {
    return true;
  }
  const newestSource = Math.max(0, ...(await Promise.all(sources.map(newestMtime))));
  return newestSource > templateTime;
}

/** Runs `pnpm synth` in `repoRoot`, output passed through; resolves with its exit code. */
export function runSynth(repoRoot: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['synth'], { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
