/*
 * Which files are deleted, from a listing of versions. With versioning on, a DeleteObject adds a
 * delete marker as the newest version and keeps the bytes as older versions (S3 User Guide,
 * "Working with delete markers"). A file is deleted when its newest entry is a delete marker, and
 * can be brought back when an older entry has bytes: copying that version back makes it the newest
 * again, without deleting the marker (the role has no s3:DeleteObjectVersion).
 */
import type { KeyedVersion } from './files-client.js';
import { lastSegment } from './object-keys.js';

/** A deleted file as the S3 half knows it, by key; `files.ts` adds the path. */
interface KeyedDeletedFile {
  key: string;
  name: string;
  deletedAt: Date;
  /** The newest version with bytes. */
  versionId: string;
  size: number;
}

/**
 * The deleted files among `versions` (newest first per key, as `listVersions` returns them), in key
 * order; keys ending in `/` (folder markers) are not files. A delete marker with no older bytes (a
 * DeleteObject of a key that never existed) is nothing to bring back.
 */
export function deletedFiles(versions: readonly KeyedVersion[]): KeyedDeletedFile[] {
  const byKey = new Map<string, KeyedVersion[]>();
  for (const version of versions) {
    if (version.key.endsWith('/')) continue;
    const list = byKey.get(version.key) ?? [];
    list.push(version);
    byKey.set(version.key, list);
  }
  const deleted: KeyedDeletedFile[] = [];
  for (const [key, list] of byKey) {
    const newest = list[0];
    if (!newest?.isDeleteMarker) continue;
    const withBytes = list.find((version) => !version.isDeleteMarker);
    if (!withBytes) continue;
    deleted.push({
      key,
      name: lastSegment(key),
      deletedAt: newest.lastModified,
      versionId: withBytes.versionId,
      size: withBytes.size,
    });
  }
  return deleted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
