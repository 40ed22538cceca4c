/*
 * Sorting of a folder's files by name, size or date. Names compare the way people expect
 * (`file2` before `file10`, case aside).
 */
import type { FileItem } from 'auth-s3';

/** The columns a listing can be sorted by. */
export type SortKey = 'name' | 'size' | 'date';
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A sorted copy of `items`; ties fall back to the name so the order is stable across reloads. */
export function sortFiles(items: readonly FileItem[], key: SortKey, direction: SortDirection): FileItem[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: FileItem, b: FileItem) => collator.compare(a.name, b.name);
  const compare: Record<SortKey, (a: FileItem, b: FileItem) => number> = {
    name: byName,
    size: (a, b) => a.size - b.size,
    date: (a, b) => a.lastModified.getTime() - b.lastModified.getTime(),
  };
  return [...items].sort((a, b) => sign * compare[key](a, b) || byName(a, b));
}

/** Folder names in the same natural order. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
