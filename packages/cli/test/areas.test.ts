/*
 * The two areas on the command line: `my:` is the signed-in user's private area (listed by its owner,
 * invisible to a second user), `cp`/`mv` between `my:` and `shared:` go through the library's
 * copy/move, and the role's refusals come back as exit code 4 with the library's words. The emulator
 * runs a stack model whose authenticated role is narrowed by explicit denies (as the web journey's
 * deny-writes does), so real IAM evaluation does the refusing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StackModel } from '@auth-s3/emulator';
import { withAuthenticatedRolePolicy } from '@auth-s3/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliHarness, type Machine, startCliHarness } from './cli-harness.js';

/** Shared folders the narrowed role may not write to (`sealed/`) or may not delete from (`kept/`). */
const SEALED = 'sealed/';
const KEPT = 'kept/';

/** A copy of `model` whose authenticated role is denied writes under `public/sealed/`, deletes under `public/kept/`. */
function narrowRole(model: StackModel): StackModel {
  const deny = (Action: string[], folder: string) => ({
    Effect: 'Deny' as const,
    Action,
    Resource: `${model.bucket.arn}/public/${folder}*`,
  });
  return withAuthenticatedRolePolicy(model, 'CliTest/DenyUnderSealedAndKept', [
    deny(['s3:PutObject', 's3:DeleteObject'], SEALED),
    deny(['s3:DeleteObject'], KEPT),
  ]);
}

let harness: CliHarness;
let alice: Machine;
let bob: Machine;

beforeAll(async () => {
  harness = await startCliHarness({ narrow: narrowRole });
  alice = await harness.machine();
  bob = await harness.machine();
  await harness.signedInUser(alice, 'alice@example.com');
  await harness.signedInUser(bob, 'bob@example.com');
  await writeFile(join(alice.home, 'notes.txt'), 'alice only');
  await mkdir(join(alice.home, 'tree/inner'), { recursive: true });
  await writeFile(join(alice.home, 'tree/a.txt'), 'a');
  await writeFile(join(alice.home, 'tree/inner/b.txt'), 'b');
});
afterAll(() => harness?.stop());

async function ok(machine: Machine, args: string[]): Promise<string> {
  const result = await machine.cli(args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('my: on the command line', () => {
  it('lists a private file for its owner and not for a second user', async () => {
    await ok(alice, ['cp', 'notes.txt', 'my:notes.txt']);
    expect(await ok(alice, ['ls', 'my:'])).toMatch(/notes\.txt/);
    expect(await ok(bob, ['ls', 'my:'])).not.toMatch(/notes\.txt/);
    const read = await bob.cli(['cp', 'my:notes.txt', '-']);
    expect(read.code).toBe(5);
    expect(read.stdout).toBe('');
  });

  it('copies my: → shared: and back inside S3, and the bytes arrive', async () => {
    await ok(alice, ['cp', 'notes.txt', 'my:round/notes.txt']);
    expect(await ok(alice, ['cp', 'my:round/notes.txt', 'shared:round/'])).toMatch(
      /copy: my:round\/notes\.txt → shared:round\/notes\.txt/,
    );
    expect(await ok(bob, ['cp', 'shared:round/notes.txt', '-'])).toBe('alice only');
    await ok(alice, ['cp', 'shared:round/notes.txt', 'my:back.txt']);
    expect(await ok(alice, ['cp', 'my:back.txt', '-'])).toBe('alice only');
  });

  it('moves a folder from my: to shared: with -r: gone from my:, whole in shared:', async () => {
    await ok(alice, ['cp', '-r', 'tree', 'my:tree']);
    await ok(alice, ['mv', '-r', 'my:tree', 'shared:tree']);
    expect(await ok(alice, ['ls', '-R', 'my:'])).not.toMatch(/tree/);
    const listing = await ok(bob, ['ls', '-R', '--json', 'shared:tree/']);
    const paths = listing
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { path: string }).path);
    expect(paths).toEqual(expect.arrayContaining(['shared:tree/a.txt', 'shared:tree/inner/b.txt']));
  });

  it('empties my: with rm -r my:, folders included, and leaves shared: alone', async () => {
    await ok(alice, ['cp', 'notes.txt', 'shared:stays/notes.txt']);
    await ok(alice, ['mkdir', 'my:empty']);
    await ok(alice, ['cp', 'notes.txt', 'my:deep/er/notes.txt']);
    const removed = await ok(alice, ['rm', '-r', 'my:']);
    expect(removed).toMatch(/delete: my:empty\//);
    expect(removed).toMatch(/delete: my:deep\/er\/notes\.txt/);
    expect(await ok(alice, ['ls', '-R', 'my:'])).toBe('');
    expect(await ok(alice, ['ls', 'shared:stays/'])).toMatch(/notes\.txt/);
  });
});

describe('access denied (exit 4)', () => {
  it('refuses an upload into a folder the role may not write, in words, and writes nothing', async () => {
    const before = await harness.storedFiles();
    const result = await alice.cli(['cp', 'notes.txt', `shared:${SEALED}notes.txt`]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^auth-s3: Not allowed to /m);
    expect(await harness.storedFiles()).toEqual(before);
  });

  it('refuses a copy from my: into that folder (the library copy)', async () => {
    await ok(alice, ['cp', 'notes.txt', 'my:to-seal.txt']);
    const result = await alice.cli(['cp', 'my:to-seal.txt', `shared:${SEALED}to-seal.txt`]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/Not allowed to /);
  });

  it('rm -r names each key the role may not delete and exits 4', async () => {
    await ok(alice, ['cp', '-r', 'tree', `shared:${KEPT}tree`]);
    const result = await alice.cli(['rm', '-r', `shared:${KEPT}tree/`]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/failed: shared:kept\/tree\/a\.txt: /);
    expect(result.stderr).toMatch(/failed: shared:kept\/tree\/inner\/b\.txt: /);
    expect(result.stderr).toMatch(/2 of 2 files in shared:kept\/tree\/ could not be deleted/);
    expect(await ok(alice, ['ls', '-R', `shared:${KEPT}tree/`])).toMatch(/a\.txt/);
  });
});
