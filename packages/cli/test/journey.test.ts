/*
 * A user's journey with the CLI, spawned as a user runs it, against one emulator: sign up with the
 * code from the inbox, log in with --password-stdin, copy a 20 MiB file up (multipart) and down and
 * compare the bytes, stdin and stdout, a folder tree with -r, ls -l / -R / --json, mv, rm -r,
 * mkdir, presign then fetch the URL, and a second process reusing the session in 2 requests.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliHarness, type Machine, startSignedInHarness } from './cli-harness.js';

const MIB = 1024 * 1024;
let harness: CliHarness;
let laptop: Machine;

beforeAll(async () => {
  ({ harness, machine: laptop } = await startSignedInHarness('ada@example.com'));
});
afterAll(() => harness?.stop());

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('auth-s3 against the emulator', () => {
  it('signs up, confirms with the emailed code, logs in and says who is signed in', async () => {
    const desk = await harness.machine();
    const signup = await desk.cli(['signup', 'grace@example.com', '--password-stdin'], {
      input: 'Corr3ct-horse!\n',
    });
    expect(signup.code).toBe(0);
    expect(signup.stdout).toMatch(/auth-s3 confirm grace@example.com CODE/);
    const early = await desk.cli(['login', 'grace@example.com', '--password-stdin'], {
      input: 'Corr3ct-horse!\n',
    });
    expect(early.code).toBe(3);
    expect(early.stderr).toMatch(
      /not confirmed.*auth-s3 confirm grace@example.com CODE|auth-s3 confirm EMAIL CODE/,
    );
    expect(
      (await desk.cli(['confirm', 'grace@example.com', harness.codeFor('grace@example.com')])).code,
    ).toBe(0);
    const login = await desk.cli(['login', 'grace@example.com', '--password-stdin'], {
      input: 'Corr3ct-horse!\n',
    });
    expect(login.stdout).toBe('Signed in as grace@example.com.\n');
    const whoami = await desk.cli(['whoami', '--json']);
    expect(jsonLines(whoami.stdout)[0]).toMatchObject({ email: 'grace@example.com' });
    const file = (await readdir(join(desk.config, 'auth-s3')))[0] ?? '';
    expect(file).toMatch(/^session-.+\.json$/);
    expect((await stat(join(desk.config, 'auth-s3', file))).mode & 0o777).toBe(0o600);
  });

  it('copies a 20 MiB file up in parts and down again, byte for byte', async () => {
    const data = randomBytes(20 * MIB);
    await writeFile(join(laptop.home, 'big.bin'), data);
    const up = await laptop.cli(['cp', 'big.bin', 'shared:big/', '--debug']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr.match(/request s3:UploadPartCommand/g)?.length).toBe(3);
    expect(up.stdout).toMatch(/^upload: big\.bin → shared:big\/big\.bin \(20\.0 MiB in /);
    const down = await laptop.cli(['cp', 'shared:big/big.bin', 'copy.bin', '--json']);
    expect(down.code, down.stderr).toBe(0);
    expect(jsonLines(down.stdout)).toEqual([
      expect.objectContaining({
        action: 'download',
        from: 'shared:big/big.bin',
        to: 'copy.bin',
        bytes: 20 * MIB,
      }),
    ]);
    expect((await readFile(join(laptop.home, 'copy.bin'))).equals(data)).toBe(true);
    // No progress bar without a terminal.
    expect(down.stderr).toBe('');
  });

  it('copies from standard input and to standard output', async () => {
    const up = await laptop.cli(['cp', '-', 'shared:notes/stdin.txt', '--quiet'], { input: 'from a pipe\n' });
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout + up.stderr).toBe('');
    const down = await laptop.cli(['cp', 'shared:notes/stdin.txt', '-']);
    expect(down.stdout).toBe('from a pipe\n');
    expect(down.stderr).toMatch(/^download: shared:notes\/stdin\.txt → -/);
  });

  it('copies a tree with -r, lists it with -l, -R and --json, and copies it back', async () => {
    const tree = join(laptop.home, 'tree');
    await mkdir(join(tree, 'sub/deeper'), { recursive: true });
    await writeFile(join(tree, 'a.txt'), 'alpha');
    await writeFile(join(tree, 'sub/b.txt'), 'bravo!');
    await writeFile(join(tree, 'sub/deeper/c.bin'), randomBytes(3000));
    const up = await laptop.cli(['cp', '-r', 'tree', 'shared:tree', '--json']);
    expect(up.code, up.stderr).toBe(0);
    expect(
      jsonLines(up.stdout)
        .map((line) => line.to)
        .sort(),
    ).toEqual(['shared:tree/a.txt', 'shared:tree/sub/b.txt', 'shared:tree/sub/deeper/c.bin']);

    const plain = await laptop.cli(['ls', 'shared:tree']);
    expect(plain.stdout).toBe('sub/\na.txt\n');
    const long = await laptop.cli(['ls', '-l', 'shared:tree/']);
    const lines = long.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ *- +- +sub\/$/);
    expect(lines[1]).toMatch(/^ *5 B +\d{4}-\d\d-\d\d \d\d:\d\d +a\.txt$/);
    // Columns line up: the names start at the same offset.
    expect(lines[0]?.indexOf('sub/')).toBe(lines[1]?.indexOf('a.txt'));
    const recursive = await laptop.cli(['ls', '-R', 'shared:tree']);
    expect(recursive.stdout).toBe('a.txt\nsub/b.txt\nsub/deeper/c.bin\n');
    const json = jsonLines((await laptop.cli(['ls', 'shared:tree/sub', '--json'])).stdout);
    expect(json).toEqual([
      { type: 'folder', path: 'shared:tree/sub/deeper/' },
      expect.objectContaining({ type: 'file', path: 'shared:tree/sub/b.txt', size: 6 }),
    ]);
    expect(typeof json[1]?.lastModified).toBe('string');

    const down = await laptop.cli(['cp', '-r', 'shared:tree/', 'back']);
    expect(down.code, down.stderr).toBe(0);
    expect(await readFile(join(laptop.home, 'back/sub/b.txt'), 'utf8')).toBe('bravo!');
    expect(
      (await readFile(join(laptop.home, 'back/sub/deeper/c.bin'))).equals(
        await readFile(join(tree, 'sub/deeper/c.bin')),
      ),
    ).toBe(true);
  });

  it('moves a file, makes a folder and deletes a folder with -r', async () => {
    await laptop.cli(['cp', '-', 'shared:moving/one.txt'], { input: 'one' });
    const moved = await laptop.cli(['mv', 'shared:moving/one.txt', 'shared:moved/']);
    expect(moved.code, moved.stderr).toBe(0);
    expect((await laptop.cli(['ls', 'shared:moved'])).stdout).toBe('one.txt\n');
    expect((await laptop.cli(['ls', 'shared:moving'])).code).toBe(5);

    expect((await laptop.cli(['mkdir', 'shared:moved/empty'])).code).toBe(0);
    expect((await laptop.cli(['ls', 'shared:moved'])).stdout).toBe('empty/\none.txt\n');
    const refused = await laptop.cli(['rm', 'shared:moved/']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is a folder: add -r/);
    const removed = await laptop.cli(['rm', '-r', 'shared:moved']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/delete: shared:moved\/one\.txt/);
    const gone = await laptop.cli(['ls', 'shared:moved']);
    expect(gone.code).toBe(5);
    expect((await laptop.cli(['ls'])).stdout).not.toMatch(/moved/);
  });

  it('prints a presigned URL that downloads the file with its name', async () => {
    await laptop.cli(['cp', '-', 'shared:share/report.txt'], { input: 'quarterly' });
    const result = await laptop.cli([
      'presign',
      'shared:share/report.txt',
      '--expires-in',
      '15m',
      '--filename',
      'q3.txt',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const url = result.stdout.trim();
    const url_ = new URL(url);
    expect(url_.searchParams.get('X-Amz-Expires')).toBe('900');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('quarterly');
    expect(response.headers.get('content-disposition')).toMatch(/filename="q3\.txt"/);
  });

  it('lets a second process reuse the session: the first list takes 2 requests', async () => {
    const result = await laptop.cli(['ls', '--debug']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/request \S+/g)).toEqual([
      'request cognito-identity:GetCredentialsForIdentityCommand',
      'request s3:ListObjectsV2Command',
    ]);
  });
});
