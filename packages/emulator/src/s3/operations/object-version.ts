/*
 * Which stored version a read names, shared by GetObject, HeadObject and CopyObject's source: the
 * key's current object, or with `versionId` that version (S3 API Reference, GetObject, "versionId";
 * "Retrieving object versions from a versioning-enabled bucket" in the S3 User Guide). A
 * `versionId` that cannot be one is 400 InvalidArgument "Invalid version id specified"; a
 * well-formed one the key does not have is 404 NoSuchVersion (S3 API Reference, "Error responses":
 * NoSuchVersion, "the version ID specified in the request does not match an existing version");
 * a delete marker named by its id is 405 MethodNotAllowed with `x-amz-delete-marker: true` and its
 * Last-Modified (GetObject, "x-amz-delete-marker").
 */
import type { Authorizer } from '../authorize.js';
import { S3Errors } from '../errors.js';
import type { ObjectMeta } from '../storage/object-meta.js';
import type { ObjectStore } from '../storage/object-store.js';
import { isVersionId } from '../storage/version-id.js';
import { missingKey } from './missing-key.js';

/** `versionId` as a request gives it, checked: undefined when absent, InvalidArgument when malformed. */
export function checkVersionId(versionId: string | undefined): string | undefined {
  if (versionId !== undefined && !isVersionId(versionId)) throw S3Errors.invalidVersionId(versionId);
  return versionId;
}

/**
 * The object version a read of `key` (by HTTP `method`) gets: the current one, or `versionId`'s.
 * Throws S3's error when there is none (missing-key.ts decides NoSuchKey or AccessDenied).
 */
export function findObjectVersion(
  objects: ObjectStore,
  authz: Authorizer,
  key: string,
  versionId: string | undefined,
  method: string,
): ObjectMeta {
  if (checkVersionId(versionId) === undefined) {
    const meta = objects.get(key);
    if (!meta) throw missingKey(authz, key, objects.latest(key));
    return meta;
  }
  const found = objects.version(key, versionId as string);
  if (!found) throw S3Errors.noSuchVersion(key, versionId as string);
  if (found.deleteMarker) throw S3Errors.deleteMarkerNotAllowed(method, found);
  return found;
}
