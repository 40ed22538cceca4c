/*
 * Measures the S3 PUT path in isolation: 64 MiB PUTs to the emulator's S3 service (its own process)
 * through a presigned URL sent with plain node:http, beside the same client PUTting to a bare
 * node:http server (its own process) that streams the body to a file and renames it, interleaved
 * in one run. Both servers see byte-identical traffic but for the query string, so the ratio
 * isolates the server; the S3 process's own CPU per MiB (from /proc) is printed too, a figure a
 * loaded machine disturbs less than throughput. Not a test: run it by hand, optionally profiling
 * the S3 process.
 *   tsx --conditions=@auth-s3/source src/s3/__tests__/put-throughput.ts [rounds] [--cpu-prof]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { ManualClock } from '../../clock.js';
import type { IssuedCredentials } from '../../issued-credentials.js';
import { createS3Service } from '../index.js';
import { signerFor } from './raw-s3.js';
import { AUTH_ROLE_ARN, BUCKET, testStackModel } from './stack-fixture.js';

const SIZE = 64 * 1024 * 1024;
const MiB = 1024 * 1024;

function listen(server: ReturnType<typeof createServer>): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

async function serveS3(dir: string): Promise<void> {
  const credentials: IssuedCredentials = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(64).toString('base64'),
    expiration: Date.now() + 3600_000,
    roleArn: AUTH_ROLE_ARN,
    identityId: 'us-east-1:00000000-0000-4000-8000-000000000001',
  };
  const service = createS3Service({
    model: testStackModel(),
    dataDir: dir,
    clock: new ManualClock(Date.now()),
    lookupCredentials: (id) => (id === credentials.accessKeyId ? credentials : undefined),
  });
  const server = createServer((req, res) => void service.handle(req, res));
  const url = await listen(server);
  process.stdout.write(`${JSON.stringify({ url, credentials })}\n`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

async function serveBare(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const server = createServer(async (req, res) => {
    const path = join(dir, encodeURIComponent(req.url ?? '/'));
    const temp = `${path}.tmp`;
    await pipeline(req, createWriteStream(temp));
    await rename(temp, path);
    res.writeHead(200).end();
  });
  process.stdout.write(`${JSON.stringify({ url: await listen(server) })}\n`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function startChild(mode: string, dir: string, profile: boolean) {
  const args = ['--conditions=@auth-s3/source', '--import', 'tsx'];
  if (profile) args.push('--cpu-prof', `--cpu-prof-dir=${dir}-prof`);
  const child = spawn(process.execPath, [...args, fileURLToPath(import.meta.url), mode, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = new Promise<{ url: string; credentials?: IssuedCredentials }>((resolve) => {
    child.stdout.once('data', (data: Buffer) => resolve(JSON.parse(data.toString())));
  });
  return { child, first };
}

function put(url: string, file: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': SIZE } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(SIZE / MiB / ((performance.now() - started) / 1000))
          : reject(new Error(`PUT ${new URL(url).pathname}: ${res.statusCode} ${body}`)),
      );
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

async function sdkPut(s3: S3Client, key: string, file: string): Promise<number> {
  const started = performance.now();
  await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: createReadStream(file), ContentLength: SIZE }),
  );
  return SIZE / MiB / ((performance.now() - started) / 1000);
}

const PART_SIZE = 8 * MiB;
const PARTS_IN_FLIGHT = 4;

/** A multipart upload of `body`: PART_SIZE parts, PARTS_IN_FLIGHT at a time; returns MiB/s. */
async function multipartPut(s3: S3Client, key: string, body: Buffer): Promise<number> {
  const started = performance.now();
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
  const parts: Array<{ PartNumber: number; ETag: string }> = [];
  let next = 0;
  const worker = async () => {
    for (let at = next; at < body.length; at = next) {
      next += PART_SIZE;
      const PartNumber = at / PART_SIZE + 1;
      const Body = body.subarray(at, at + PART_SIZE);
      const { ETag } = await s3.send(
        new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber, Body }),
      );
      parts.push({ PartNumber, ETag: ETag ?? '' });
    }
  };
  await Promise.all(Array.from({ length: PARTS_IN_FLIGHT }, worker));
  parts.sort((a, b) => a.PartNumber - b.PartNumber);
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: BUCKET,
      Key: key,
      UploadId,
      MultipartUpload: { Parts: parts },
    }),
  );
  return body.length / MiB / ((performance.now() - started) / 1000);
}

/** User + system CPU of a process, in ms (Linux /proc; clock ticks of 10 ms). */
async function cpuMilliseconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  if (mode === 's3' && dir) return serveS3(dir);
  if (mode === 'bare' && dir) return serveBare(dir);
  const rounds = Number(mode ?? 5) || 5;
  const profile = process.argv.includes('--cpu-prof');
  const root = await mkdtemp(join(tmpdir(), 'auth-s3-put-'));
  const file = join(root, 'body');
  await writeFile(file, randomBytes(SIZE));
  const s3 = startChild('s3', join(root, 's3'), profile);
  const bare = startChild('bare', join(root, 'bare'), false);
  const [{ url: s3Url, credentials }, { url: bareUrl }] = await Promise.all([s3.first, bare.first]);
  const endpoint = new URL(s3Url);
  // --sdk: SDK v3 PutObject (aws-chunked, CRC32 trailer), as `pnpm bench` sends; its client work is included.
  const sdkCredentials = {
    accessKeyId: credentials?.accessKeyId ?? '',
    secretAccessKey: credentials?.secretAccessKey ?? '',
    sessionToken: credentials?.sessionToken,
  };
  const sdk = process.argv.includes('--sdk')
    ? new S3Client({
        endpoint: s3Url,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: sdkCredentials,
      })
    : undefined;
  // --multipart: the client as packages/auth-s3/src/clients.ts configures it.
  const multipart = process.argv.includes('--multipart')
    ? new S3Client({
        endpoint: s3Url,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: sdkCredentials,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        expectContinueHeader: false,
      })
    : undefined;
  // As packages/auth-s3/src/files/unsigned-payload.ts: parts sign UNSIGNED-PAYLOAD, as a presigned PUT.
  multipart?.middlewareStack.add(
    (next) => async (args) => {
      const { request } = args as { request: { headers?: Record<string, string> } };
      if (request.headers) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      return next(args);
    },
    { step: 'build', name: 'unsignedPayload' },
  );
  const bytes = multipart ? await readFile(file) : undefined;
  const ours: number[] = [];
  const baseline: number[] = [];
  const multiparts: number[] = [];
  let cpu = 0;
  let multipartCpu = 0;
  try {
    for (let i = 0; i <= rounds; i++) {
      const cpuBefore = await cpuMilliseconds(s3.child.pid);
      const path = `/${BUCKET}/public/put-${i}.bin`;
      const presigned = await signerFor(credentials as IssuedCredentials).presign(
        {
          method: 'PUT',
          protocol: 'http:',
          hostname: endpoint.hostname,
          port: Number(endpoint.port),
          path,
          query: {},
          headers: { host: endpoint.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        },
        { expiresIn: 600, unsignableHeaders: new Set(['x-amz-content-sha256']) },
      );
      const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
      const a = sdk
        ? await sdkPut(sdk, `public/put-${i}.bin`, file)
        : await put(`${s3Url}${path}?${query}`, file);
      if (i > 0) cpu += (await cpuMilliseconds(s3.child.pid)) - cpuBefore;
      const b = await put(`${bareUrl}/put-${i}.bin`, file);
      if (multipart && bytes) {
        const before = await cpuMilliseconds(s3.child.pid);
        const m = await multipartPut(multipart, `public/multipart-${i}.bin`, bytes);
        if (i > 0) {
          multipartCpu += (await cpuMilliseconds(s3.child.pid)) - before;
          multiparts.push(m);
        }
      }
      // Round 0 warms both up.
      if (i > 0) {
        ours.push(a);
        baseline.push(b);
      }
    }
  } finally {
    s3.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    await Promise.all([s3.child, bare.child].map((c) => new Promise((r) => c.once('exit', r))));
    await rm(join(root, 'body'), { force: true });
  }
  const o = median(ours);
  const b = median(baseline);
  console.log(`emulator PUT MiB/s: ${ours.map((v) => v.toFixed(0)).join(', ')} (median ${o.toFixed(1)})`);
  console.log(`bare     PUT MiB/s: ${baseline.map((v) => v.toFixed(0)).join(', ')} (median ${b.toFixed(1)})`);
  console.log(`emulator CPU per MiB received: ${(cpu / (rounds * (SIZE / MiB))).toFixed(2)} ms`);
  if (multipart) {
    console.log(
      `emulator multipart MiB/s: ${multiparts.map((v) => v.toFixed(0)).join(', ')} (median ${median(multiparts).toFixed(1)})`,
    );
    console.log(
      `emulator CPU per MiB received, multipart: ${(multipartCpu / (rounds * (SIZE / MiB))).toFixed(2)} ms (${(multipartCpu / cpu).toFixed(2)}× the PUT's)`,
    );
  }
  console.log(`ratio ${(o / b).toFixed(2)}×${profile ? `; profile in ${join(root, 's3-prof')}` : ''}`);
  if (!profile) await rm(root, { recursive: true, force: true });
}

await main();
