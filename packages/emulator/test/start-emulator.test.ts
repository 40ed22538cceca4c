/*
 * `startEmulator` from the synthesized template, as the CLI runs it: the outputs file in the
 * shape `cdk deploy --outputs-file` writes plus `Endpoint`, the same ids on every start, and a
 * clear error without a template.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUTS_VERSION, readOutputs } from '@auth-s3/outputs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { TEMPLATE_FIXTURE } from './harness.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth-s3-start-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('startEmulator', () => {
  it('loads the template, writes the outputs file and keeps ids across restarts', async () => {
    const outputsFile = join(dir, 'web', 'aws-outputs.local.json');
    const first = await startEmulator({
      dataDir: join(dir, 'data'),
      template: TEMPLATE_FIXTURE,
      outputsFile,
      quiet: true,
    });
    await first.stop();
    const second = await startEmulator({
      dataDir: join(dir, 'data'),
      template: TEMPLATE_FIXTURE,
      outputsFile,
      quiet: true,
    });
    try {
      const written = JSON.parse(await readFile(outputsFile, 'utf8'));
      expect(Object.keys(written)).toEqual(['AuthS3Stack']);
      expect(written.AuthS3Stack).toEqual(second.outputs);
      // The contract's own reader takes what the emulator wrote, password policy included.
      expect(readOutputs(written).passwordPolicy).toEqual({
        minimumLength: second.model.userPool.passwordPolicy.minimumLength,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
      });
      expect(second.outputs).toMatchObject({
        OutputsVersion: OUTPUTS_VERSION,
        Region: 'us-east-1',
        Endpoint: second.endpoint,
        UserPoolId: first.outputs.UserPoolId,
        UserPoolClientId: first.outputs.UserPoolClientId,
        IdentityPoolId: first.outputs.IdentityPoolId,
        BucketName: first.outputs.BucketName,
      });
      expect(second.outputs.UserPoolId).toMatch(/^us-east-1_/);
      expect(second.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await second.stop();
    }
  });

  it('says what it needs when given neither a template nor a model', async () => {
    await expect(startEmulator({ dataDir: join(dir, 'none') })).rejects.toThrow(/needs `template`/);
  });

  it('names the command that writes a missing template', async () => {
    await expect(
      startEmulator({ dataDir: join(dir, 'none'), template: join(dir, 'missing.json') }),
    ).rejects.toThrow(/pnpm synth/);
  });
});
