/*
 * An ad-hoc measurement (not a test, not the bench): `auth-s3 cp` up and down against an emulator
 * started in-process, beside a bare presigned PUT and GET with `fetch` in the same run, for each size
 * in SIZES (MiB, default 64,256), with the CLI's peak RSS and CPU per MiB from /usr/bin/time, and the
 * wall time of `auth-s3 ls` with a stored session. Run from packages/cli:
 *   SIZES=64,256 node --conditions=@auth-s3/source --import tsx scripts/measure-transfers.ts
 * The CLI processes must be spawned asynchronously: the emulator answers from this process's loop.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
// Dev dependencies for the baseline alone, which signs its own PUT; the CLI never calls the SDK.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { cliCommand, startCliHarness } from '../test/cli-harness.js';

const run = promisify(execFile);
// The baseline's SDK client would print its Node 20 notice; the CLI silences it the same way.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const harness = await startCliHarness();
const machine = await harness.machine();
await harness.signedInUser(machine, 'bench@example.com');
const env = {
  ...process.env,
  HOME: machine.home,
  XDG_CONFIG_HOME: machine.config,
  AUTH_S3_OUTPUTS: harness.outputsFile,
};

// The baseline's credentials: the same user's, from the identity pool, with the CLI's stored id token.
const sessionDir = join(machine.config, 'auth-s3');
const stored = JSON.parse(readFileSync(join(sessionDir, readdirSync(sessionDir)[0] ?? ''), 'utf8')) as Record<
  string,
  string
>;
const tokens = JSON.parse(Object.entries(stored).find(([key]) => key.endsWith('.session'))?.[1] ?? '{}');
const outputs = harness.emulator.outputs as unknown as Record<string, string>;
const identity = async (target: string, body: object) =>
  (
    await fetch(harness.emulator.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityService.${target}`,
      },
      body: JSON.stringify(body),
    })
  ).json();
const logins = { [`cognito-idp.${outputs.Region}.amazonaws.com/${outputs.UserPoolId}`]: tokens.idToken };
const { IdentityId } = await identity('GetId', { IdentityPoolId: outputs.IdentityPoolId, Logins: logins });
const { Credentials } = await identity('GetCredentialsForIdentity', { IdentityId, Logins: logins });
const s3 = new S3Client({
  region: outputs.Region,
  endpoint: harness.emulator.endpoint,
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  credentials: {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretKey,
    sessionToken: Credentials.SessionToken,
  },
});

async function cli(args: string[]) {
  const [node = '', ...rest] = cliCommand(args);
  const started = performance.now();
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', '%M %U %S', node, ...rest], {
    env,
    cwd: machine.home,
    maxBuffer: 1 << 30,
  });
  const [rssKiB = 0, user = 0, system = 0] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { seconds: (performance.now() - started) / 1000, rssMiB: rssKiB / 1024, cpu: user + system, stdout };
}

async function timedFetch(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} answered ${response.status}`);
  return (performance.now() - started) / 1000;
}

for (const mib of (process.env.SIZES ?? '64,256').split(',').map(Number)) {
  const data = randomBytes(mib * 1024 * 1024);
  writeFileSync(join(machine.home, `up-${mib}.bin`), data);
  const putUrl = await getSignedUrl(
    s3,
    new PutObjectCommand({ Bucket: outputs.BucketName, Key: `public/baseline-${mib}.bin` }),
    { expiresIn: 600 },
  );
  const put = await timedFetch(putUrl, { method: 'PUT', body: data });
  const up = await cli(['cp', `up-${mib}.bin`, `shared:up-${mib}.bin`, '-q']);
  const getUrl = (await cli(['presign', `shared:baseline-${mib}.bin`])).stdout.trim();
  const get = await timedFetch(getUrl);
  const down = await cli(['cp', `shared:up-${mib}.bin`, `down-${mib}.bin`, '-q']);
  const rate = (seconds: number) => Number((mib / seconds).toFixed(1));
  console.log(
    JSON.stringify({
      mib,
      presignedPutMiBs: rate(put),
      cliUpMiBs: rate(up.seconds),
      upRatio: Number((put / up.seconds).toFixed(2)),
      cliUpPeakRssMiB: Math.round(up.rssMiB),
      cliUpCpuMsPerMiB: Number(((up.cpu * 1000) / mib).toFixed(1)),
      presignedGetMiBs: rate(get),
      cliDownMiBs: rate(down.seconds),
      downRatio: Number((get / down.seconds).toFixed(2)),
      cliDownPeakRssMiB: Math.round(down.rssMiB),
      cliDownCpuMsPerMiB: Number(((down.cpu * 1000) / mib).toFixed(1)),
    }),
  );
}
const ls = await cli(['ls']);
console.log(JSON.stringify({ lsWithStoredSessionSeconds: Number(ls.seconds.toFixed(2)) }));
await harness.stop();
