/*
 * What the emulator records about each stored object, written beside its bytes as JSON: the
 * headers S3 returns on GET/HEAD, the ETag and the checksums, and the name of the blob that holds
 * the bytes.
 */

/** Checksum algorithms S3 accepts, named as in `x-amz-checksum-<name>` (upper-case in XML). */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256';

export interface ObjectMeta {
  key: string;
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
  /** The blob file under the bucket's `data/` directory. */
  blob: string;
}

/** Representation headers S3 stores with an object and returns on GET/HEAD. */
export const STORED_HEADERS = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
] as const;
