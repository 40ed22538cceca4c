/*
 * The ListObjectsV2 walk on the sorted key index: S3's UTF-8 order, delimiter roll-up,
 * continuation across common prefixes, start-after, and 10,000 keys listed in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { compareKeys } from './key-order.js';
import { type ContinuationPoint, type ListKeysInput, listKeys } from './list-keys.js';

function all(sorted: string[], input: Omit<ListKeysInput, 'after'>): string[] {
  const out: string[] = [];
  let after: ContinuationPoint | undefined;
  do {
    const page = listKeys(sorted, { ...input, after });
    out.push(...page.keys, ...page.commonPrefixes);
    after = page.isTruncated ? page.next : undefined;
  } while (after);
  return out;
}

describe('listKeys', () => {
  it('sorts keys in UTF-8 byte order, as S3 lists them', () => {
    const keys = ['a\u{1F600}', 'a\uFF21', 'a~', 'aZ'];
    const sorted = [...keys].sort(compareKeys);
    expect(sorted).toEqual(['aZ', 'a~', 'a\uFF21', 'a\u{1F600}']);
    expect(sorted).toEqual([...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
  });

  it('rolls keys up into common prefixes and pages across them without repeats', () => {
    const sorted = ['p/a', 'p/b/1', 'p/b/2', 'p/b/3', 'p/c', 'p/d/1', 'q/x'];
    expect(all(sorted, { prefix: 'p/', delimiter: '/', maxKeys: 1 })).toEqual(['p/a', 'p/b/', 'p/c', 'p/d/']);
    expect(all(sorted, { prefix: 'p/', maxKeys: 2 })).toEqual(sorted.slice(0, 6));
    expect(all(sorted, { prefix: '', maxKeys: 1000, startAfter: 'p/b/2' })).toEqual([
      'p/b/3',
      'p/c',
      'p/d/1',
      'q/x',
    ]);
    expect(listKeys(sorted, { prefix: 'p/', maxKeys: 0 })).toEqual({
      keys: [],
      commonPrefixes: [],
      isTruncated: false,
    });
  });

  it('lists 10,000 keys by page and by folder in milliseconds', () => {
    const sorted = Array.from(
      { length: 10_000 },
      (_, i) => `public/f${i % 10}/k${String(i).padStart(5, '0')}`,
    ).sort(compareKeys);
    const started = performance.now();
    expect(all(sorted, { prefix: 'public/', maxKeys: 1000 })).toHaveLength(10_000);
    expect(
      listKeys(sorted, { prefix: 'public/', delimiter: '/', maxKeys: 1000 }).commonPrefixes,
    ).toHaveLength(10);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
