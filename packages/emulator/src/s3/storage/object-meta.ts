/*
 * What the emulator records about each stored object version, written beside its bytes as JSON:
 * the headers S3 returns on GET/HEAD, the ETag and the checksums, the version id and the names of
 * the blobs that hold the bytes (one, or one per part of a multipart upload); and the delete
 * markers a versioned bucket keeps in between.
 */

/** Checksum algorithms S3 accepts, named as in `x-amz-checksum-<name>` (upper-case in XML). */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256';

export interface ObjectMeta {
  key: string;
  /** The version id (version-id.ts), or `null` for an object stored before versions were kept. */
  versionId: string;
  size: number;
  /** MD5 hex, or `md5-of-md5s-N` for multipart uploads; without quotes. */
  etag: string;
  /** Epoch ms. */
  lastModified: number;
  contentType: string;
  /** Stored representation headers: content-encoding, content-disposition, cache-control, … */
  headers: Record<string, string>;
  /** `x-amz-meta-*` without the prefix, names lower-case. */
  userMetadata: Record<string, string>;
  /** Base64 checksums as S3 returns them; multipart composites end with `-N`. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  partsCount?: number;
  /** Each part's size, in order, for a multipart object (GetObject's `partNumber`). */
  partSizes?: number[];
  /** The blob file under the bucket's `data/` directory, for an object stored in one piece. */
  blob?: string;
  /**
   * A multipart object's blob files under `data/`, one per part in order (sizes in `partSizes`):
   * the uploaded parts themselves, linked in at CompleteMultipartUpload rather than copied.
   */
  blobs?: string[];
}

/** One blob file of a stored object and how many of the object's bytes it holds. */
export interface BlobExtent {
  blob: string;
  size: number;
}

/** The blob files holding a version's bytes, in order: its parts' blobs, or its one blob. */
export function blobExtents(meta: ObjectMeta): BlobExtent[] {
  if (meta.blobs) return meta.blobs.map((blob, i) => ({ blob, size: meta.partSizes?.[i] ?? 0 }));
  return meta.blob === undefined ? [] : [{ blob: meta.blob, size: meta.size }];
}

/**
 * A delete marker (S3 User Guide, "Working with delete markers"): a version with a key and a
 * version id but no data, left by a DeleteObject without `versionId`.
 */
export interface DeleteMarker {
  key: string;
  versionId: string;
  /** Epoch ms. */
  lastModified: number;
  deleteMarker: true;
}

/** One entry of a key's version history: an object version or a delete marker. */
export type StoredVersion = (ObjectMeta & { deleteMarker?: undefined }) | DeleteMarker;

/** What a write hands the store: the version's metadata without the store's own fields. */
export type NewObject = Omit<ObjectMeta, 'blob' | 'blobs' | 'versionId'>;

/** Whole seconds, as S3 keeps Last-Modified (of objects and delete markers). */
export function storedTime(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Representation headers S3 stores with an object and returns on GET/HEAD. */
export const STORED_HEADERS = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
] as const;
