/*
 * Splitting work into the batches S3 takes: DeleteObjects accepts at most 1,000 keys a request
 * (S3 API Reference, DeleteObjects), so removing 1,500 files is two requests, never one per key.
 */

/** S3's limit of keys in one DeleteObjects request. */
export const MAX_KEYS_PER_DELETE = 1000;

/** `items` in consecutive runs of at most `size`, in order; nothing for an empty list. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be 1 or more (got ${size})`);
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}
