/*
 * `pnpm test:aws` without a deployed stack: it names the missing outputs file and the command that
 * writes it, refuses an emulator's outputs file, and exits 1 without running a suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toStackOutputs } from '@auth-s3/emulator/template';
import { testStackModel } from '@auth-s3/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./test-aws.ts', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth-s3-test-aws-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function runTestAws(outputsPath: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', script], {
    encoding: 'utf8',
    env: { ...process.env, AUTH_S3_AWS_OUTPUTS: outputsPath, AUTH_S3_TEST_TARGET: '' },
  });
}

describe('pnpm test:aws', () => {
  it('says what to deploy and exits 1 when the outputs file is missing', () => {
    const missing = join(dir, 'aws-outputs.json');
    const run = runTestAws(missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`No deployed stack to test against: ${missing} does not exist`);
    expect(run.stderr).toContain('`pnpm cdk deploy`');
    expect(run.stdout).not.toMatch(/RUN|Test Files/);
  });

  it('refuses an emulator’s outputs file', async () => {
    const local = join(dir, 'aws-outputs.local.json');
    // The emulator's own outputs file shape: the stack's outputs plus its endpoint.
    await writeFile(
      local,
      JSON.stringify({ AuthS3Stack: toStackOutputs(testStackModel(), 'http://127.0.0.1:4566') }),
    );
    const run = runTestAws(local);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('names an emulator (http://127.0.0.1:4566), not a deployed stack');
  });
});
