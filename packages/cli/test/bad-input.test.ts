/*
 * Bad input gets one clear line on stderr and its documented exit code, and nothing is written,
 * locally or remotely: unknown commands and flags, missing arguments, a local path that does not
 * exist, remote paths with `..` or over S3's 1024-byte key limit, a folder copied without -r, and
 * outputs files that are missing or unreadable.
 */
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliHarness, type Machine, startSignedInHarness } from './cli-harness.js';

let harness: CliHarness;
let laptop: Machine;

beforeAll(async () => {
  ({ harness, machine: laptop } = await startSignedInHarness('careful@example.com'));
  await mkdir(join(laptop.home, 'folder'), { recursive: true });
  await writeFile(join(laptop.home, 'folder/inside.txt'), 'inside');
  await writeFile(join(laptop.home, 'file.txt'), 'file');
});
afterAll(() => harness?.stop());

/** Everything stored, remotely (the emulator's files) and locally (the machine's HOME). */
async function everything(): Promise<string[]> {
  const local = await readdir(laptop.home, { recursive: true });
  return [...(await harness.storedFiles()), ...local.sort()];
}

/** One line on stderr, naming the problem. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
}

describe('bad input', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"\. Commands: signup, .*presign/],
    ['an unknown flag', ['ls', '--frobnicate'], /Unknown option '--frobnicate'\. See `auth-s3 ls --help`/],
    ['an unknown short flag', ['cp', '-x', 'a', 'shared:a'], /Unknown option '-x'\. See `auth-s3 cp --help`/],
    ['a missing DST', ['cp', 'file.txt'], /cp needs DST\. Usage: auth-s3 cp SRC DST \[-r\]/],
    ['a missing EMAIL', ['login'], /login needs EMAIL/],
    ['a missing PATH', ['presign'], /presign needs PATH/],
    [
      'a malformed duration',
      ['presign', 'shared:file.txt', '--expires-in', 'soon'],
      /--expires-in takes a duration such as 900, 15m/,
    ],
    [
      'a local path where a remote one belongs',
      ['ls', 'file.txt'],
      /ls works on remote paths: "file\.txt" is local\. Name the area, e\.g\. shared:file\.txt/,
    ],
    ['two local paths', ['cp', 'file.txt', 'other.txt'], /One side must be a remote path/],
    ['a local folder without -r', ['cp', 'folder', 'shared:folder'], /folder is a folder: add -r to copy it/],
    ['a remote path with ..', ['cp', 'file.txt', 'shared:a/../b.txt'], /contains "\.\." as a folder name/],
    [
      'a remote path over 1024 bytes',
      ['cp', 'file.txt', `shared:${'x'.repeat(1100)}`],
      /The key is 1107 bytes of UTF-8; S3 allows 1024/,
    ],
    ['a folder with ..', ['ls', 'shared:../'], /contains "\.\." as a folder name/],
  ])('%s exits 2 with a clear message and writes nothing', async (_name, args, message) => {
    const before = await everything();
    const result = await laptop.cli(args);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, message);
    expect(result.stdout).toBe('');
    expect(await everything()).toEqual(before);
  });

  it('exits 5 for a local file that does not exist, and 5 for a remote one', async () => {
    const local = await laptop.cli(['cp', 'missing.txt', 'shared:missing.txt']);
    expect(local.code).toBe(5);
    expectOneLine(local.stderr, /No such file or folder: missing\.txt/);
    const remote = await laptop.cli(['cp', 'shared:nothing-here.txt', 'here.txt']);
    expect(remote.code).toBe(5);
    expectOneLine(remote.stderr, /Nothing found for download public\/nothing-here\.txt/);
    expect(await readdir(laptop.home)).not.toContain('here.txt');
    expect((await readdir(laptop.home)).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('refuses a remote folder copied without -r', async () => {
    await laptop.cli(['cp', 'folder/inside.txt', 'shared:remote-folder/']);
    const result = await laptop.cli(['cp', 'shared:remote-folder', 'copy']);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /shared:remote-folder is a folder: add -r/);
    expect(await readdir(laptop.home)).not.toContain('copy');
  });

  it('exits 7 naming the outputs file when it is missing, unreadable or malformed', async () => {
    const missing = await laptop.cli(['ls', '--outputs', 'nope.json']);
    expect(missing.code).toBe(7);
    expectOneLine(
      missing.stderr,
      /Cannot read the outputs file .*nope\.json \(from --outputs\): it does not exist/,
    );

    const unreadable = join(laptop.home, 'locked.json');
    await writeFile(unreadable, '{}');
    await chmod(unreadable, 0o000);
    const locked = await laptop.cli(['ls'], { env: { AUTH_S3_OUTPUTS: unreadable } });
    expect(locked.code).toBe(7);
    // Root reads any file, so the malformed case below is the one every run checks.
    if (process.getuid?.() !== 0)
      expectOneLine(locked.stderr, /Cannot read the outputs file .*locked\.json \(from AUTH_S3_OUTPUTS\)/);

    const malformed = join(laptop.home, 'malformed.json');
    await writeFile(malformed, '{"AuthS3Stack": {"OutputsVersion": "2"}}');
    const bad = await laptop.cli(['ls', '--outputs', malformed]);
    expect(bad.code).toBe(7);
    expectOneLine(
      bad.stderr,
      /malformed\.json: The outputs file has no "[A-Za-z]+"\. The file is written by `pnpm cdk deploy`/,
    );

    const old = join(laptop.home, 'old.json');
    await writeFile(old, '{"AuthS3Stack": {"OutputsVersion": "1"}}');
    const outdated = await laptop.cli(['ls', '--outputs', old]);
    expect(outdated.code).toBe(7);
    expectOneLine(outdated.stderr, /old\.json: The outputs file has OutputsVersion "1" .* write a new one/);
  });

  it('exits 6 when the stack cannot be reached', async () => {
    const outputs = JSON.parse(await readFile(harness.outputsFile, 'utf8')) as {
      AuthS3Stack: Record<string, string>;
    };
    // Same user pool client (so the same session file), an endpoint where nothing listens.
    outputs.AuthS3Stack.Endpoint = 'http://127.0.0.1:9';
    const offline = join(laptop.home, 'offline.json');
    await writeFile(offline, JSON.stringify(outputs));
    const result = await laptop.cli(['ls', '--outputs', offline]);
    expect(result.code).toBe(6);
    // --debug adds the cause chain under the one line.
    const debug = await laptop.cli(['ls', '--outputs', offline, '--debug']);
    expect(debug.code).toBe(6);
    expect(debug.stderr).toMatch(
      /auth-s3: getCredentials could not reach AWS[^\n]*\n {2}error: NetworkError[\s\S]*\n {2}cause: /,
    );
    expectOneLine(
      result.stderr,
      /could not reach AWS .*Check the connection, or that the emulator is running/,
    );
  });

  it('says which outputs file it uses with -v', async () => {
    const result = await laptop.cli(['ls', '-v']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`auth-s3: outputs: ${harness.outputsFile} (AUTH_S3_OUTPUTS)`);
  });
});
