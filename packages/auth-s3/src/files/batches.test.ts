/*
 * The DeleteObjects batching: runs of at most 1,000 keys (S3 API Reference, DeleteObjects), in
 * order, nothing lost or repeated.
 */
import { describe, expect, it } from 'vitest';
import { chunks, MAX_KEYS_PER_DELETE } from './batches.js';

describe('chunks', () => {
  it('splits 2,500 keys into 1,000 + 1,000 + 500, in order', () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `k${i}`);
    const runs = chunks(keys, MAX_KEYS_PER_DELETE);
    expect(runs.map((run) => run.length)).toEqual([1000, 1000, 500]);
    expect(runs.flat()).toEqual(keys);
  });

  it('makes one run of exactly 1,000 and none of an empty list', () => {
    expect(chunks(Array.from({ length: 1000 }, String), 1000)).toHaveLength(1);
    expect(chunks([], 1000)).toEqual([]);
  });

  it('refuses a size below 1', () => {
    expect(() => chunks(['a'], 0)).toThrow(RangeError);
  });
});
