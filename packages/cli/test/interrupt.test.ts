/*
 * Ctrl-C during an upload: SIGINT once the first part is on its way cancels the transfer through
 * the library's AbortSignal; the CLI exits with 130 and neither the object nor a multipart upload is
 * left in the emulator's store.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliHarness, type Machine, startSignedInHarness } from './cli-harness.js';

const MIB = 1024 * 1024;
let harness: CliHarness;
let laptop: Machine;

beforeAll(async () => {
  ({ harness, machine: laptop } = await startSignedInHarness('interrupted@example.com'));
});
afterAll(() => harness?.stop());

describe('Ctrl-C during a transfer', () => {
  it('cancels an upload mid-way: exit 130, no object, no multipart upload left', async () => {
    await writeFile(join(laptop.home, 'large.bin'), randomBytes(64 * MIB));
    let sent = false;
    const result = await laptop.cli(['cp', 'large.bin', 'shared:large.bin', '--debug'], {
      onStderr(text, child) {
        if (!sent && text.includes('request s3:UploadPartCommand')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/cancelling/);
    expect(result.stderr).toMatch(/auth-s3: Cancelled: .*Nothing was left behind\./);
    expect(await harness.pendingMultipartUploads()).toEqual([]);
    const listed = await laptop.cli(['ls', 'shared:', '--json']);
    expect(listed.stdout).not.toMatch(/large\.bin/);
  });
});
