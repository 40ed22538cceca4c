/*
 * What a consumer installing auth-s3 gets: `pnpm --filter auth-s3 build` emits `dist/` (JavaScript
 * and declarations), and plain Node, without the workspace's source condition, resolves both
 * `auth-s3` and `auth-s3/errors` through the `exports` map to it, loads the lazy S3 half, and throws
 * the same error classes from both entry points.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, '..');
const tsc = resolve(packageDir, '../../node_modules/.bin/tsc');

const consumer = `
import { createAuthS3, parseOutputs, ConfigError } from 'auth-s3';
import { ConfigError as ConfigErrorAlone } from 'auth-s3/errors';
const config = parseOutputs({ AuthS3Stack: { OutputsVersion: '1', Region: 'eu-west-1',
  UserPoolId: 'eu-west-1_Example1', UserPoolClientId: 'client1',
  IdentityPoolId: 'eu-west-1:00000000-0000-4000-8000-000000000000', BucketName: 'example-bucket' } });
const { files } = createAuthS3(config, { storage: 'memory' });
await files.preload();
let error;
try { parseOutputs('{}'); } catch (e) { error = e; }
console.log(JSON.stringify({ bucket: config.bucket, same: ConfigError === ConfigErrorAlone,
  typed: error instanceof ConfigErrorAlone }));
`;

describe('the built package', () => {
  it('builds to dist/ and loads in plain Node through its exports map', async () => {
    await run(tsc, ['-p', join(packageDir, 'tsconfig.build.json')]);
    await access(join(packageDir, 'dist/index.d.ts'));
    await access(join(packageDir, 'dist/errors.d.ts'));
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', consumer], {
      cwd: packageDir,
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '')).toEqual({
      bucket: 'example-bucket',
      same: true,
      typed: true,
    });
  }, 60_000);
});
