/*
 * The ListObjectsV2 walk over the sorted key index: prefix, delimiter (common prefixes rolled up
 * and skipped by binary search, so a folder of 10,000 keys costs one step), start-after,
 * continuation tokens and max-keys, with S3's counting (keys and common prefixes together).
 */
import { endOfPrefix, lowerBound } from './key-order.js';

export interface ListKeysInput {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  startAfter?: string;
  /** The decoded continuation token from a previous page. */
  after?: ContinuationPoint;
}

/** Where the previous page stopped: the last key, or the last common prefix (skip all of it). */
export interface ContinuationPoint {
  last: string;
  isPrefix: boolean;
}

export interface ListKeysResult {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  next?: ContinuationPoint;
}

/** Lists one page of `sorted` (keys in S3 order) as ListObjectsV2 does. */
export function listKeys(sorted: readonly string[], input: ListKeysInput): ListKeysResult {
  const { prefix, delimiter, maxKeys } = input;
  if (maxKeys <= 0) return { keys: [], commonPrefixes: [], isTruncated: false };
  let index = lowerBound(sorted, prefix);
  if (input.startAfter !== undefined) index = Math.max(index, lowerBound(sorted, input.startAfter, false));
  if (input.after) {
    index = Math.max(index, lowerBound(sorted, input.after.last, false));
    if (input.after.isPrefix) index = endOfPrefix(sorted, input.after.last, index);
  }
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let next: ContinuationPoint | undefined;
  while (index < sorted.length) {
    const key = sorted[index] as string;
    if (!key.startsWith(prefix)) break;
    if (keys.length + commonPrefixes.length >= maxKeys)
      return { keys, commonPrefixes, isTruncated: true, next };
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (delimiter && cut >= 0) {
      const common = key.slice(0, cut + delimiter.length);
      commonPrefixes.push(common);
      next = { last: common, isPrefix: true };
      index = endOfPrefix(sorted, common, index);
    } else {
      keys.push(key);
      next = { last: key, isPrefix: false };
      index++;
    }
  }
  return { keys, commonPrefixes, isTruncated: false };
}
