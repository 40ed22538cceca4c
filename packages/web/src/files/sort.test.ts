/*
 * Tests of the file sorting and formatting helpers.
 */
import type { FileItem } from 'auth-s3';
import { describe, expect, it } from 'vitest';
import { formatSize, isImage } from './format';
import { sortFiles } from './sort';

const file = (name: string, size: number, day: number): FileItem => ({
  path: name,
  key: `public/${name}`,
  name,
  size,
  lastModified: new Date(Date.UTC(2026, 0, day)),
  etag: `"${name}"`,
});

const items = [file('file10.txt', 5, 3), file('File2.txt', 50, 1), file('a.png', 5, 2)];

describe('sortFiles', () => {
  it('sorts names naturally and ignores case', () => {
    expect(sortFiles(items, 'name', 'ascending').map((f) => f.name)).toEqual([
      'a.png',
      'File2.txt',
      'file10.txt',
    ]);
  });

  it('sorts by size descending, ties by name', () => {
    expect(sortFiles(items, 'size', 'descending').map((f) => f.name)).toEqual([
      'File2.txt',
      'a.png',
      'file10.txt',
    ]);
  });

  it('sorts by date without changing the input', () => {
    expect(sortFiles(items, 'date', 'ascending').map((f) => f.name)).toEqual([
      'File2.txt',
      'a.png',
      'file10.txt',
    ]);
    expect(items[0]?.name).toBe('file10.txt');
  });
});

describe('format helpers', () => {
  it('formats sizes in 1024 steps', () => {
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(250 * 1024 * 1024)).toBe('250 MiB');
  });

  it('recognises images', () => {
    expect(isImage('b.PNG')).toBe(true);
    expect(isImage('.png')).toBe(false);
    expect(isImage('notes.txt')).toBe(false);
  });
});
