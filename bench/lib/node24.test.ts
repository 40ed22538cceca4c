/*
 * Tests of finding Node 24: AUTH_S3_NODE24 as a binary or a directory, and a clear reason, naming
 * what to do, when it names nothing or another Node.
 */
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findNode24 } from './node24.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const thisNodeIs24 = process.versions.node.startsWith('24.');
const saved = process.env.AUTH_S3_NODE24;
const dirs: string[] = [];

afterEach(async () => {
  if (saved === undefined) delete process.env.AUTH_S3_NODE24;
  else process.env.AUTH_S3_NODE24 = saved;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('findNode24', () => {
  it('says what to do when AUTH_S3_NODE24 names no node binary', async () => {
    process.env.AUTH_S3_NODE24 = join(tmpdir(), 'no-such-node-24');
    const found = await findNode24(repoRoot);
    expect(found).toEqual({
      absent: expect.stringMatching(/AUTH_S3_NODE24 .* is no node binary.*\.ci\/node24/),
    });
  });

  it('finds node in the bin directory AUTH_S3_NODE24 names, and takes it only when it is Node 24', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'node24-test-'));
    dirs.push(dir);
    await mkdir(join(dir, 'bin'));
    await symlink(process.execPath, join(dir, 'bin', 'node'));
    process.env.AUTH_S3_NODE24 = dir;
    const found = await findNode24(repoRoot);
    if (thisNodeIs24) expect(found).toEqual({ node: join(dir, 'bin', 'node'), version: process.version });
    else expect(found).toEqual({ absent: expect.stringContaining(`is Node ${process.version}`) });
  });
});
