/*
 * The one answer to "is the template stale, and should we synthesize?", for `pnpm dev`, `pnpm
 * emulator`, the browser test and the bench: the template is stale when it is missing or older than
 * any file or directory under `infra/src` and `infra/bin` (tests aside; a directory's own time changes
 * when a file in it is deleted or renamed), `infra/package.json`, the outputs contract's
 * `packages/outputs/src` (its writer makes the stack's outputs), `cdk.json` or `pnpm-lock.yaml`;
 * `ensureTemplate` then runs `pnpm synth` at the repository root. A fresh template is left alone.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { STACK_NAME } from '@auth-s3/outputs';
import { REPO_ROOT } from './repository.js';

/** What the stack's template is synthesized from, under `repoRoot`. */
export function templateSources(repoRoot: string): string[] {
  return [
    join(repoRoot, 'infra', 'src'),
    join(repoRoot, 'infra', 'bin'),
    join(repoRoot, 'infra', 'package.json'),
    // The stack's outputs are written by the outputs contract's writer.
    join(repoRoot, 'packages', 'outputs', 'src'),
    join(repoRoot, 'cdk.json'),
    join(repoRoot, 'pnpm-lock.yaml'),
  ];
}

/** Where `pnpm synth` writes the stack's template under `repoRoot` (`cdk.json`'s `output`). */
export function templatePath(repoRoot: string = REPO_ROOT): string {
  return join(repoRoot, 'cdk.out', `${STACK_NAME}.template.json`);
}

async function newestMtime(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  // The directory's own time moves when an entry is added, removed or renamed.
  let newest = info.mtimeMs;
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
    // The synth builds the web app (cdk.json's `build`); a NODE_ENV left by a test runner would make
    // that a development build.
    const { NODE_ENV: _, ...env } = process.env;
    const child = spawn('pnpm', ['synth'], { cwd: repoRoot, stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Options of {@link ensureTemplate}. */
export interface EnsureTemplateOptions {
  /** The auth-s3 repository. @default this checkout */
  repoRoot?: string;
  /** Progress lines. @default console.log */
  log?: (line: string) => void;
  /** Runs the synth; resolves with its exit code. @default runSynth (`pnpm synth`) */
  synth?: (repoRoot: string) => Promise<number>;
}

/**
 * The path of `cdk.out/AuthS3Stack.template.json`, after running `pnpm synth` when it is missing
 * or older than the infra sources (see the file header). Throws, naming the template, when synth
 * leaves it missing or stale; a synth that fails but still writes a fresh template only warns.
 */
export async function ensureTemplate(options: EnsureTemplateOptions = {}): Promise<string> {
  const { repoRoot = REPO_ROOT, log = console.log, synth = runSynth } = options;
  const template = templatePath(repoRoot);
  const sources = templateSources(repoRoot);
  if (!(await templateIsStale(template, sources))) return template;
  log(
    'The stack template is missing or older than infra/ (or the outputs contract, or the lockfile); running `pnpm synth`…',
  );
  const code = await synth(repoRoot);
  if (await templateIsStale(template, sources)) {
    throw new Error(
      `\`pnpm synth\` exited with ${code} and ${template} is still missing or stale; fix the synth error above and retry`,
    );
  }
  if (code !== 0) log(`⚠  \`pnpm synth\` exited with ${code}, but wrote a fresh template; continuing`);
  return template;
}
