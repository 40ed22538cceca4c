/*
 * Finds the Node 24 the emulator entry measures on beside the machine's Node: `AUTH_S3_NODE24` (a
 * `node` binary, or a directory holding `node` or `bin/node`), else the copy `.ci/node24` keeps in
 * its cache for CI. Installs nothing: when neither is there, it says how to provide one.
 */
import { access, constants, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './processes.ts';

/** A usable Node 24, or why there is none and what to do. */
export type Node24 = { node: string; version: string } | { absent: string };

const HOW =
  'set AUTH_S3_NODE24 to a Node 24 binary, or run `bash .ci/node24` to install one from the npm registry into the cache CI uses';

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The `node` binary `AUTH_S3_NODE24` names, itself or inside the directory it names. */
async function fromEnvironment(value: string): Promise<string | undefined> {
  for (const candidate of [value, join(value, 'node'), join(value, 'bin', 'node')]) {
    if (await executable(candidate)) return candidate;
  }
  return undefined;
}

/** Node 24 from `AUTH_S3_NODE24` or CI's cache (see the file header). */
export async function findNode24(repoRoot: string): Promise<Node24> {
  const configured = process.env.AUTH_S3_NODE24;
  let node: string | undefined;
  let source: string;
  if (configured) {
    source = `AUTH_S3_NODE24 (${configured})`;
    node = await fromEnvironment(configured);
    if (!node) return { absent: `Node 24 not found: ${source} is no node binary; ${HOW}` };
  } else {
    source = "CI's cache (.ci/node24 --cached)";
    const bin = await runCommand('bash', [join(repoRoot, '.ci', 'node24'), '--cached'], {
      cwd: repoRoot,
    }).catch(() => undefined);
    if (!bin)
      return { absent: `Node 24 not found: AUTH_S3_NODE24 is not set and CI's cache has none; ${HOW}` };
    node = join(bin.trim(), 'node');
  }
  const version = (await runCommand(node, ['--version'], { cwd: repoRoot })).trim();
  if (!version.startsWith('v24.')) {
    return { absent: `Node 24 not found: ${source} is Node ${version}; ${HOW}` };
  }
  return { node, version };
}
