/*
 * What a consumer installing auth-s3 gets: `pnpm --filter auth-s3 build` (run under the shared build
 * lock, see built-library.ts) emits `dist/` (JavaScript
 * and declarations, the outputs contract's compiled copy under `dist/outputs/` reached through the
 * package's own `#outputs` import). The test installs that `dist/` alone, with only the dependencies
 * package.json declares, into a scratch `node_modules` outside the workspace; there plain Node
 * resolves `auth-s3` and `auth-s3/errors` through the `exports` map, reads an outputs file, loads the
 * lazy S3 half and throws the same error classes from both entry points, and TypeScript finds every
 * type, the contract's `PasswordPolicy` included.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { withBuiltLibrary } from './built-library.js';

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, '..');
const tsc = resolve(packageDir, '../../node_modules/.bin/tsc');
const scratch = await mkdtemp(join(tmpdir(), 'auth-s3-consumer-'));

const consumer = `
import { createAuthS3, parseOutputs, ConfigError } from 'auth-s3';
import { ConfigError as ConfigErrorAlone } from 'auth-s3/errors';
const config = parseOutputs({ AuthS3Stack: { OutputsVersion: '2', Region: 'eu-west-1',
  UserPoolId: 'eu-west-1_Example1', UserPoolClientId: 'client1',
  IdentityPoolId: 'eu-west-1:00000000-0000-4000-8000-000000000000', BucketName: 'example-bucket',
  PublicPrefix: 'public/', PrivatePrefixPattern: 'private/{identityId}/',
  PasswordMinimumLength: '10', PasswordRequireLowercase: 'true', PasswordRequireUppercase: 'true',
  PasswordRequireNumbers: 'true', PasswordRequireSymbols: 'false', MfaMode: 'OPTIONAL' } });
const { files } = createAuthS3(config, { storage: 'memory' });
await files.preload();
let error;
try { parseOutputs('{}'); } catch (e) { error = e; }
console.log(JSON.stringify({ bucket: config.bucket, minimumLength: config.passwordPolicy?.minimumLength,
  same: ConfigError === ConfigErrorAlone, typed: error instanceof ConfigErrorAlone }));
`;

const typedConsumer = `
import { type AuthS3Config, brokenPasswordRules, type PasswordPolicy } from 'auth-s3';
declare const config: AuthS3Config;
const policy: PasswordPolicy | undefined = config.passwordPolicy;
const length: number | undefined = policy?.minimumLength;
// @ts-expect-error The contract's types reach the consumer: a length is not a string.
const wrong: string | undefined = policy?.minimumLength;
export const checked = [length, wrong, policy && brokenPasswordRules('x', policy)];
`;

/** Copies what `npm pack` would ship (package.json and `files`) and links each declared dependency. */
async function installAlone(into: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    files: string[];
    dependencies: Record<string, string>;
  };
  const target = join(into, 'node_modules', 'auth-s3');
  await mkdir(target, { recursive: true });
  await cp(join(packageDir, 'package.json'), join(target, 'package.json'));
  for (const entry of manifest.files)
    await cp(join(packageDir, entry), join(target, entry), { recursive: true });
  for (const name of Object.keys(manifest.dependencies)) {
    const link = join(into, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(await realpath(join(packageDir, 'node_modules', name)), link, 'dir');
  }
}

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the built package', () => {
  it('installs alone, outside the workspace, and loads in plain Node and TypeScript', async () => {
    // The copy is taken under the build lock: the CLI's test may rebuild dist/ at the same time.
    await withBuiltLibrary(() => installAlone(scratch));
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', consumer], { cwd: scratch });
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '')).toEqual({
      bucket: 'example-bucket',
      minimumLength: 10,
      same: true,
      typed: true,
    });

    await writeFile(join(scratch, 'consumer.ts'), typedConsumer);
    const options = ['--noEmit', '--strict', '--skipLibCheck', '--lib', 'es2022,dom'];
    await run(tsc, [...options, '--module', 'nodenext', '--moduleResolution', 'nodenext', 'consumer.ts'], {
      cwd: scratch,
    }).catch((error: { stdout?: string }) => {
      throw new Error(`The consumer does not typecheck:\n${error.stdout}`);
    });
  }, 90_000);
});
