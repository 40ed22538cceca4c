/*
 * Which files are deleted: the newest entry is a delete marker and an older one has bytes (S3 User
 * Guide, "Working with delete markers"); folder markers and markers over nothing are not files to
 * bring back.
 */
import { describe, expect, it } from 'vitest';
import { deletedFiles } from './deleted-files.js';
import type { KeyedVersion } from './files-client.js';

function version(
  key: string,
  versionId: string,
  seconds: number,
  extra: Partial<KeyedVersion> = {},
): KeyedVersion {
  return {
    key,
    versionId,
    isLatest: false,
    isDeleteMarker: false,
    size: 10,
    lastModified: new Date(seconds * 1000),
    etag: '"e"',
    ...extra,
  };
}

describe('deletedFiles', () => {
  it('finds a file whose newest entry is a delete marker, with its newest version that has bytes', () => {
    const found = deletedFiles([
      version('docs/a.txt', 'm1', 30, { isLatest: true, isDeleteMarker: true, size: 0 }),
      version('docs/a.txt', 'v2', 20, { size: 7 }),
      version('docs/a.txt', 'v1', 10),
      version('docs/b.txt', 'v3', 25, { isLatest: true }),
      version('docs/b.txt', 'm0', 15, { isDeleteMarker: true, size: 0 }),
    ]);
    expect(found).toEqual([
      { key: 'docs/a.txt', name: 'a.txt', deletedAt: new Date(30_000), versionId: 'v2', size: 7 },
    ]);
  });

  it('skips folder markers and delete markers with nothing under them', () => {
    expect(
      deletedFiles([
        version('docs/', 'm', 5, { isLatest: true, isDeleteMarker: true }),
        version('docs/', 'v', 4),
        version('docs/ghost.txt', 'm2', 5, { isLatest: true, isDeleteMarker: true }),
      ]),
    ).toEqual([]);
  });
});
