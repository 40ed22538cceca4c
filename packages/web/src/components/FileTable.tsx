/*
 * The folder's contents as a table: folders first, then files sorted by the chosen column, shown a
 * page at a time so a folder of 10,000 objects stays smooth. Names are rendered as text only.
 */
import type { FileItem, FolderItem } from 'auth-s3';
import { useMemo, useState } from 'react';
import { formatDate, formatSize, isImage } from '../files/format';
import { compareNames, type SortDirection, type SortKey, sortFiles } from '../files/sort';
import { routeHref } from '../router';

/** Rows per page. */
export const PAGE_SIZE = 100;

/** Props of {@link FileTable}. */
export interface FileTableProps {
  /** The folder shown, relative to the prefix (`''` or ending with `/`). */
  path: string;
  folders: FolderItem[];
  items: FileItem[];
  onDownload(item: FileItem): void;
  onPreview(item: FileItem): void;
  onDelete(item: FileItem): void;
}

type Row = { kind: 'folder'; folder: FolderItem } | { kind: 'file'; item: FileItem };

/** The listing table with sort buttons in its headers and a pager below. */
export function FileTable({ path, folders, items, onDownload, onPreview, onDelete }: FileTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'name',
    direction: 'ascending',
  });
  const [page, setPage] = useState(0);

  const rows = useMemo<Row[]>(() => {
    const sortedFolders = [...folders].sort((a, b) => compareNames(a.name, b.name));
    if (sort.key === 'name' && sort.direction === 'descending') sortedFolders.reverse();
    return [
      ...sortedFolders.map((folder) => ({ kind: 'folder' as const, folder })),
      ...sortFiles(items, sort.key, sort.direction).map((item) => ({ kind: 'file' as const, item })),
    ];
  }, [folders, items, sort]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  const sortBy = (key: SortKey) => {
    setSort((s) => ({
      key,
      direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
    setPage(0);
  };
  const header = (key: SortKey, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={sort.key === key ? sort.direction : undefined}>
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
        <span className="visually-hidden">, sort by {label.toLowerCase()}</span>
      </button>
    </th>
  );

  return (
    <>
      <div className="table-wrap">
        <table className="file-table">
          <caption className="visually-hidden">
            Contents of {path ? path.slice(0, -1) : 'the root folder'}: {folders.length} folders,{' '}
            {items.length} files
          </caption>
          <thead>
            <tr>
              {header('name', 'Name')}
              {header('size', 'Size', 'col-size')}
              {header('date', 'Modified', 'col-date')}
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) =>
              row.kind === 'folder' ? (
                <tr key={row.folder.prefix} className="row-folder">
                  <td className="cell-name">
                    <span aria-hidden="true" className="icon">
                      ▸
                    </span>
                    <a href={routeHref({ name: 'files', path: row.folder.path })}>{row.folder.name}</a>
                  </td>
                  <td className="col-size">—</td>
                  <td className="col-date">—</td>
                  <td className="col-actions" />
                </tr>
              ) : (
                <tr key={row.item.key}>
                  <td className="cell-name">
                    <span className="file-name">{row.item.name}</span>
                    {/* Shown on narrow screens, where the size and date columns are hidden. */}
                    <span className="cell-meta">
                      {formatSize(row.item.size)} · {formatDate(row.item.lastModified)}
                    </span>
                  </td>
                  <td className="col-size">{formatSize(row.item.size)}</td>
                  <td className="col-date">{formatDate(row.item.lastModified)}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      {isImage(row.item.name) ? (
                        <RowAction verb="Preview" name={row.item.name} onClick={() => onPreview(row.item)} />
                      ) : null}
                      <RowAction verb="Download" name={row.item.name} onClick={() => onDownload(row.item)} />
                      <RowAction
                        verb="Delete"
                        name={row.item.name}
                        danger
                        onClick={() => onDelete(row.item)}
                      />
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="button button-secondary"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous page
          </button>
          <span>
            Page {current + 1} of {pages} ({rows.length.toLocaleString()} entries)
          </span>
          <button
            type="button"
            className="button button-secondary"
            disabled={current === pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </>
  );
}

/** A file row's action button: shows `verb`, and is named "`verb` `name`" so each row's is told apart. */
function RowAction({
  verb,
  name,
  danger,
  onClick,
}: {
  verb: string;
  name: string;
  danger?: boolean;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button button-quiet button-quiet-danger' : 'button button-quiet'}
      aria-label={`${verb} ${name}`}
      onClick={onClick}
    >
      {verb}
    </button>
  );
}
