/*
 * Seeding the bucket for an entry: many small objects written with SDK v3 PutObject, a fixed
 * number in flight, so seeding is quick and is not what any figure measures; and counting what a
 * prefix holds with a raw ListObjectsV2 continuation-token loop.
 */
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** PutObjects in flight while seeding. */
export const SEED_CONCURRENCY = 32;

/** Writes each key with a small body naming it; resolves when all are stored. */
export async function seedObjects(s3: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(SEED_CONCURRENCY, keys.length) }, async () => {
      while (next < keys.length) {
        const key = keys[next++] as string;
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `object ${key}\n` }));
      }
    }),
  );
}

/** The number of objects under `prefix`, every page of a raw ListObjectsV2 loop. */
export async function countObjects(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    count += page.Contents?.length ?? 0;
    token = page.NextContinuationToken;
  } while (token);
  return count;
}
