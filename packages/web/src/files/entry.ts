/*
 * One row of the files view, a file or a folder, named by its path in its area (a folder's path
 * ends with `/`), and the words for the two areas.
 */
import type { AreaName, FileItem, FolderItem } from 'auth-s3';

/** A file or a folder of a listing. */
export type Entry =
  | { kind: 'file'; path: string; name: string; item: FileItem }
  | { kind: 'folder'; path: string; name: string; folder: FolderItem };

/** The entries of a listing, folders first. */
export function toEntries(folders: readonly FolderItem[], items: readonly FileItem[]): Entry[] {
  return [
    ...folders.map((folder): Entry => ({ kind: 'folder', path: folder.path, name: folder.name, folder })),
    ...items.map((item): Entry => ({ kind: 'file', path: item.path, name: item.name, item })),
  ];
}

/** What each area is called on screen. */
export const AREA_LABELS: Record<AreaName, string> = { mine: 'My files', shared: 'Shared' };

/** "Shared / photos / 2024" for a folder of an area, as people read it. */
export function placeLabel(area: AreaName, path: string): string {
  return [AREA_LABELS[area], ...path.split('/').filter((s) => s !== '')].join(' / ');
}

/** "3 items", "1 file", "2 folders": a count with the right noun for what it counts. */
export function countLabel(entries: readonly Entry[]): string {
  const n = entries.length;
  const kinds = new Set(entries.map((e) => e.kind));
  const noun = kinds.size > 1 ? 'item' : kinds.has('folder') ? 'folder' : 'file';
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}
