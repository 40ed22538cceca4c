/* listVersions: the ListObjectVersions walk over a small index, page by page. */
import { describe, expect, it } from 'vitest';
import { listVersions } from './list-versions.js';
import type { StoredVersion } from './object-meta.js';

const marker = (key: string, versionId: string): StoredVersion => ({
  key,
  versionId,
  lastModified: 0,
  deleteMarker: true,
});
const version = (key: string, versionId: string) =>
  ({ ...marker(key, versionId), deleteMarker: undefined }) as never;

const histories = new Map<string, StoredVersion[]>([
  ['a', [version('a', 'a2'), version('a', 'a1')]],
  ['b/x', [marker('b/x', 'bx2'), version('b/x', 'bx1')]],
  ['b/y', [version('b/y', 'by1')]],
  ['c', [version('c', 'c1')]],
]);
const sorted = [...histories.keys()];
const historyOf = (key: string) => histories.get(key) ?? [];
const ids = (r: ReturnType<typeof listVersions>) =>
  r.versions.map((v) => `${v.version.versionId}${v.isLatest ? '*' : ''}`);

describe('listVersions', () => {
  it('lists every key newest first, marking the latest', () => {
    expect(ids(listVersions(sorted, historyOf, { prefix: '', maxKeys: 100 }))).toEqual([
      'a2*',
      'a1',
      'bx2*',
      'bx1',
      'by1*',
      'c1*',
    ]);
  });

  it('resumes inside a key after its version-id-marker, and after a whole key with key-marker alone', () => {
    const inside = listVersions(sorted, historyOf, {
      prefix: '',
      maxKeys: 100,
      keyMarker: 'b/x',
      versionIdMarker: 'bx2',
    });
    expect(ids(inside)).toEqual(['bx1', 'by1*', 'c1*']);
    expect(ids(listVersions(sorted, historyOf, { prefix: '', maxKeys: 100, keyMarker: 'b/x' }))).toEqual([
      'by1*',
      'c1*',
    ]);
  });

  it('counts common prefixes with versions against max-keys and says where to resume', () => {
    const page = listVersions(sorted, historyOf, { prefix: '', delimiter: '/', maxKeys: 3 });
    expect(ids(page)).toEqual(['a2*', 'a1']);
    expect(page.commonPrefixes).toEqual(['b/']);
    expect(page).toMatchObject({ isTruncated: true, nextKeyMarker: 'b/', nextVersionIdMarker: undefined });
    const next = listVersions(sorted, historyOf, { prefix: '', delimiter: '/', maxKeys: 3, keyMarker: 'b/' });
    expect(ids(next)).toEqual(['c1*']);
    expect(next.isTruncated).toBe(false);
  });

  it('stops at the end of the prefix and is not truncated when the page ends with the last entry', () => {
    const page = listVersions(sorted, historyOf, { prefix: 'b/', maxKeys: 3 });
    expect(ids(page)).toEqual(['bx2*', 'bx1', 'by1*']);
    expect(page.isTruncated).toBe(false);
    const cut = listVersions(sorted, historyOf, { prefix: 'b/', maxKeys: 1 });
    expect(cut).toMatchObject({ isTruncated: true, nextKeyMarker: 'b/x', nextVersionIdMarker: 'bx2' });
  });
});
