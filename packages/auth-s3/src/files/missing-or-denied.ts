/*
 * Telling a missing object from a forbidden one. S3 answers GetObject and HeadObject of a key that
 * does not exist with 404 only to a caller it lets list that key; anyone else gets 403 AccessDenied,
 * whether the key exists or not (S3 API Reference, HeadObject, "Permissions"). So after a 403 the
 * library lists exactly that key (ListObjectsV2, prefix = key, max-keys = 1): a listing that is
 * allowed and does not show the key means the object is missing (NotFoundError); a listing that
 * shows it, or is itself denied, leaves the AccessDeniedError as it was.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type ErrorContext, notFoundError } from '../error-mapping.js';
import { AccessDeniedError, type AuthS3Error } from '../errors.js';

/** `error` as it stands, or a NotFoundError when it is a 403 for a key that a listing shows is absent. */
export async function missingOrDenied(
  s3: S3Client,
  bucket: string,
  error: AuthS3Error,
  context: ErrorContext & { key: string },
): Promise<AuthS3Error> {
  if (!(error instanceof AccessDeniedError)) return error;
  try {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: context.key, MaxKeys: 1 }));
    // Keys sort after their own prefixes, so the key itself, if it exists, is the first listed.
    if (page.Contents?.[0]?.Key === context.key) return error;
    return notFoundError(context, { cause: error, code: error.code });
  } catch {
    // The listing is denied too (or failed): the 403 stands, as S3 meant it.
    return error;
  }
}
