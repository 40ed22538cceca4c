/*
 * The folder's contents as a table: folders first, then files sorted by the chosen column, shown a
 * page at a time so a folder of 10,000 objects stays smooth. Each row has a box to select it (a
 * shift-click selects the range from the last row clicked) and the header's box selects the page.
 * Names are rendered as text only.
 */
import type { AreaName } from 'auth-s3';
import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Entry } from '../files/entry';
import { formatDate, formatSize, isImage } from '../files/format';
import { compareNames, type SortDirection, type SortKey, sortFiles } from '../files/sort';
import type { Selection } from '../files/useSelection';
import { filesRoute, routeHref } from '../router';

/** Rows per page. */
export const PAGE_SIZE = 100;

/** What a row's buttons ask for. */
export type RowActionName = 'preview' | 'download' | 'versions' | 'rename' | 'delete';

/** Props of {@link FileTable}. */
export interface FileTableProps {
  area: AreaName;
  /** The folder shown, relative to the area (`''` or ending with `/`). */
  path: string;
  /** The rows to show (already filtered). */
  entries: readonly Entry[];
  selection: Selection;
  onAction(action: RowActionName, entry: Entry): void;
}

/** The listing table with sort buttons in its headers, selection boxes and a pager below. */
export function FileTable({ area, path, entries, selection, onAction }: FileTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'name',
    direction: 'ascending',
  });
  const [page, setPage] = useState(0);

  const rows = useMemo<Entry[]>(() => {
    const folders = entries.filter((e) => e.kind === 'folder').sort((a, b) => compareNames(a.name, b.name));
    if (sort.key === 'name' && sort.direction === 'descending') folders.reverse();
    const files = entries.flatMap((e) => (e.kind === 'file' ? [e.item] : []));
    const byPath = new Map(entries.map((e) => [e.path, e]));
    return [
      ...folders,
      ...sortFiles(files, sort.key, sort.direction).flatMap((f) => byPath.get(f.path) ?? []),
    ];
  }, [entries, sort]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const order = visible.map((e) => e.path);
  const pageSelected = order.filter((p) => selection.selected.has(p)).length;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = pageSelected > 0 && pageSelected < order.length;
  }, [pageSelected, order.length]);
  // React fires a checkbox's onChange from the click, so the click's Shift key is on the event.
  const shift = (event: ChangeEvent) => (event.nativeEvent as MouseEvent).shiftKey === true;
  const folderCount = entries.filter((e) => e.kind === 'folder').length;

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
            Contents of {path ? path.slice(0, -1) : 'the root folder'}: {folderCount} folders,{' '}
            {entries.length - folderCount} files
          </caption>
          <thead>
            <tr>
              <th scope="col" className="col-select">
                <input
                  ref={allBox}
                  type="checkbox"
                  aria-label="Select all on this page"
                  checked={order.length > 0 && pageSelected === order.length}
                  onChange={(event) => selection.setMany(order, event.target.checked)}
                />
              </th>
              {header('name', 'Name')}
              {header('size', 'Size', 'col-size')}
              {header('date', 'Modified', 'col-date')}
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((entry) => (
              <tr key={entry.path} className={selection.selected.has(entry.path) ? 'is-selected' : undefined}>
                <td className="col-select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${entry.name}`}
                    checked={selection.selected.has(entry.path)}
                    onChange={(event) => selection.toggle(entry.path, order, shift(event))}
                  />
                </td>
                {entry.kind === 'folder' ? (
                  <>
                    <td className="cell-name">
                      <span aria-hidden="true" className="icon">
                        ▸
                      </span>
                      <a href={routeHref(filesRoute(area, entry.path))}>{entry.name}</a>
                    </td>
                    <td className="col-size">—</td>
                    <td className="col-date">—</td>
                  </>
                ) : (
                  <>
                    <td className="cell-name">
                      <span className="file-name">{entry.name}</span>
                      {/* Shown on narrow screens, where the size and date columns are hidden. */}
                      <span className="cell-meta">
                        {formatSize(entry.item.size)} · {formatDate(entry.item.lastModified)}
                      </span>
                    </td>
                    <td className="col-size">{formatSize(entry.item.size)}</td>
                    <td className="col-date">{formatDate(entry.item.lastModified)}</td>
                  </>
                )}
                <td className="col-actions">
                  <div className="row-actions">
                    {entry.kind === 'file' && isImage(entry.name) ? (
                      <RowAction
                        verb="Preview"
                        name={entry.name}
                        onClick={() => onAction('preview', entry)}
                      />
                    ) : null}
                    {entry.kind === 'file' ? (
                      <>
                        <RowAction
                          verb="Download"
                          name={entry.name}
                          onClick={() => onAction('download', entry)}
                        />
                        <RowAction
                          verb="Versions"
                          name={entry.name}
                          onClick={() => onAction('versions', entry)}
                        />
                      </>
                    ) : null}
                    <RowAction verb="Rename" name={entry.name} onClick={() => onAction('rename', entry)} />
                    <RowAction
                      verb="Delete"
                      name={entry.name}
                      danger
                      onClick={() => onAction('delete', entry)}
                    />
                  </div>
                </td>
              </tr>
            ))}
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
