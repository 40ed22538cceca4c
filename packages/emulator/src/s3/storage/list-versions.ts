/*
 * The ListObjectVersions walk over the sorted index of keys that have versions: keys in S3 order,
 * each key's versions and delete markers newest first (S3 API Reference, ListObjectVersions),
 * with prefix, delimiter (common prefixes rolled up and skipped by binary search), key-marker and
 * version-id-marker, and max-keys counting versions, delete markers and common prefixes together.
 */
import { endOfPrefix, lowerBound } from './key-order.js';
import type { StoredVersion } from './object-meta.js';

export interface ListVersionsInput {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  /** Start after this key (after all its versions), or, with `versionIdMarker`, after that version of it. */
  keyMarker?: string;
  versionIdMarker?: string;
}

/** A listed version and whether it is the key's current one. */
export interface ListedVersion {
  version: StoredVersion;
  isLatest: boolean;
}

export interface ListVersionsResult {
  versions: ListedVersion[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Where the next page starts: the last key (or common prefix) and version listed. */
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

/** Whether `marker` is itself a common prefix of this listing (the previous page ended on one). */
function isCommonPrefix(marker: string, prefix: string, delimiter: string | undefined): boolean {
  if (!delimiter || !marker.startsWith(prefix) || !marker.endsWith(delimiter)) return false;
  return marker.indexOf(delimiter, prefix.length) === marker.length - delimiter.length;
}

/** Lists one page of versions of `sorted` (keys in S3 order; `historyOf` newest first). */
export function listVersions(
  sorted: readonly string[],
  historyOf: (key: string) => readonly StoredVersion[],
  input: ListVersionsInput,
): ListVersionsResult {
  const { prefix, delimiter, maxKeys, keyMarker, versionIdMarker } = input;
  const empty: ListVersionsResult = { versions: [], commonPrefixes: [], isTruncated: false };
  if (maxKeys <= 0) return empty;
  let index = lowerBound(sorted, prefix);
  // Versions of the first key to skip (they were on the previous page).
  let skip = 0;
  if (keyMarker !== undefined && versionIdMarker !== undefined) {
    const at = lowerBound(sorted, keyMarker);
    if (at >= index) {
      index = at;
      if (sorted[at] === keyMarker) {
        const history = historyOf(keyMarker);
        const position = history.findIndex((v) => v.versionId === versionIdMarker);
        skip = position < 0 ? history.length : position + 1;
      }
    }
  } else if (keyMarker !== undefined) {
    index = Math.max(index, lowerBound(sorted, keyMarker, false));
    if (isCommonPrefix(keyMarker, prefix, delimiter)) index = endOfPrefix(sorted, keyMarker, index);
  }
  const result: ListVersionsResult = { versions: [], commonPrefixes: [], isTruncated: false };
  let count = 0;
  let last: { key: string; versionId?: string } | undefined;
  const truncated = (): ListVersionsResult => ({
    ...result,
    isTruncated: true,
    nextKeyMarker: last?.key,
    nextVersionIdMarker: last?.versionId,
  });
  while (index < sorted.length) {
    const key = sorted[index] as string;
    if (!key.startsWith(prefix)) break;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (delimiter && cut >= 0) {
      if (count >= maxKeys) return truncated();
      const common = key.slice(0, cut + delimiter.length);
      result.commonPrefixes.push(common);
      count++;
      last = { key: common };
      index = endOfPrefix(sorted, common, index);
      skip = 0;
      continue;
    }
    const history = historyOf(key);
    for (let i = skip; i < history.length; i++) {
      if (count >= maxKeys) return truncated();
      const version = history[i] as StoredVersion;
      result.versions.push({ version, isLatest: i === 0 });
      count++;
      last = { key, versionId: version.versionId };
    }
    skip = 0;
    index++;
  }
  return result;
}
