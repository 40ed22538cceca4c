/*
 * Moving large bodies for the throughput figures: a file of random bytes on the scratch disk,
 * PUT and GET through S3 (SDK v3, signed, as an app would) and through plain node:http to the
 * bare server. GETs drain the body and check its length; nothing holds a whole body in memory.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { request } from 'node:http';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SetupError } from './errors.ts';
import { MiB } from './stats.ts';

/** Writes `size` random bytes to `path`, 1 MiB at a time. */
export async function writeRandomFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += MiB) {
    const chunk = randomBytes(Math.min(MiB, size - written));
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

async function drain(body: AsyncIterable<Uint8Array>, expected: number): Promise<void> {
  let received = 0;
  for await (const chunk of body) received += chunk.length;
  if (received !== expected) throw new SetupError(`GET returned ${received} bytes, expected ${expected}`);
}

/** PUT the file as an S3 object (the SDK streams it, aws-chunked with a CRC32 trailer from Node). */
export async function s3Put(s3: S3Client, bucket: string, key: string, path: string, size: number) {
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: createReadStream(path), ContentLength: size }),
  );
}

/** GET the object and drain it. */
export async function s3Get(s3: S3Client, bucket: string, key: string, size: number) {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!response.Body) throw new SetupError('GetObject returned no body');
  await drain(response.Body as AsyncIterable<Uint8Array>, size);
}

/** PUT the file to the bare server with plain node:http. */
export function barePut(url: string, path: string, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': size } }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve() : reject(new SetupError(`bare PUT: ${response.statusCode}`)),
      );
    });
    req.on('error', reject);
    createReadStream(path).on('error', reject).pipe(req);
  });
}

/** GET from the bare server and drain it. */
export function bareGet(url: string, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (response) => {
      drain(response, size).then(resolve, reject);
    });
    req.on('error', reject);
    req.end();
  });
}
