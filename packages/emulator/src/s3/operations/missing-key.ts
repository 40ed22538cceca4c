/*
 * What S3 answers when a read finds no object under the key (S3 API Reference, GetObject and
 * HeadObject, "Permissions"): 404 NoSuchKey to a caller who may also list the bucket
 * (`s3:ListBucket`), 403 AccessDenied to anyone else, so that the answer tells the existence of
 * a key only to someone who could have listed it.
 *
 * Which condition keys that check sees, AWS does not document. The emulator gives it the requested
 * key as `s3:prefix` (what listing that key would ask for), as Ceph's S3 compatibility tests record
 * AWS doing (ceph/s3-tests `test_head_object_404_with_policy_prefix`, added with ceph/ceph#68577
 * "to match aws behavior": a ListBucket grant conditioned on `s3:prefix` `public/*` makes a HEAD
 * of a missing `public/…` key 404 and of a missing `private/…` key 403). With AuthS3Stack's role
 * (ListBucket with `s3:prefix` `public/` or `public/*`) a missing key under `public/` is therefore
 * 404, and a key outside it is already denied s3:GetObject (403). Were AWS to leave `s3:prefix`
 * out, the stack would get 403 there; the library tells the two apart either way.
 */
import type { Authorizer } from '../authorize.js';
import { type S3Error, S3Errors } from '../errors.js';
import type { StoredVersion } from '../storage/object-meta.js';

/**
 * The error for a read of `key` that found nothing: NoSuchKey when the caller may list it, else
 * AccessDenied. When the key's current version is a delete marker, NoSuchKey carries
 * `x-amz-delete-marker: true` and the marker's version id (S3 API Reference, GetObject,
 * "x-amz-delete-marker": "If the current version of the object is a delete marker, Amazon S3
 * behaves as if the object was deleted and includes x-amz-delete-marker: true in the response").
 */
export function missingKey(authz: Authorizer, key: string, latest?: StoredVersion): S3Error {
  const mayList = authz.allows({ action: 's3:ListBucket', context: { 's3:prefix': key } });
  if (!mayList) return S3Errors.accessDenied();
  return S3Errors.noSuchKey(key, latest?.deleteMarker ? latest : undefined);
}
