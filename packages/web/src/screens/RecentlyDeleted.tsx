/*
 * The recently deleted files of one folder of one area, its sub-folders included (a deleted folder
 * no longer shows in the listing, so its files are found from here): each with its path from this
 * folder, when it was deleted and its size, and a Restore that brings it back as it was (its newest
 * version with bytes is copied back as the current one). Deleted files stay restorable while the
 * bucket keeps their versions.
 */
import type { AreaName, DeletedFile } from 'auth-s3';
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { AreaTabs } from '../components/AreaTabs';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { useFocusOnChange } from '../components/useFocusOnChange';
import { describeError } from '../errors/describe-error';
import { formatDate, formatSize } from '../files/format';
import { useFiles } from '../files/useFiles';
import { filesRoute, routeHref } from '../router';

/** The deleted files in `path` of `area` and its sub-folders. */
export function RecentlyDeleted({ area, path }: { area: AreaName; path: string }) {
  const { files } = useFiles(area);
  const [deleted, setDeleted] = useState<DeletedFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useFocusOnChange<HTMLHeadingElement>(`${area}:${path}:deleted`);

  const load = useCallback(() => {
    let live = true;
    setError(null);
    files.listDeleted({ path, recursive: true }).then(
      (list) => live && setDeleted([...list].sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime())),
      (caught: unknown) => live && setError(describeError(caught)),
    );
    return () => {
      live = false;
    };
  }, [files, path]);
  useEffect(load, [load]);

  const restore = async (file: DeletedFile) => {
    setBusy(file.path);
    try {
      await files.undelete(file.path);
      setMessage({ tone: 'success', text: `Restored ${file.path.slice(path.length)}.` });
      setDeleted((list) => list?.filter((f) => f.path !== file.path) ?? null);
    } catch (caught) {
      setMessage({ tone: 'error', text: `Could not restore ${file.name}: ${describeError(caught)}` });
    } finally {
      setBusy(null);
    }
  };

  const folder = path ? path.slice(0, -1) : null;
  return (
    <main className="files-page">
      <AreaTabs current={area} />
      <Breadcrumbs area={area} path={path} />
      <div className="toolbar">
        <h1 ref={heading} tabIndex={-1}>
          Recently deleted
        </h1>
        <a className="button button-secondary" href={routeHref(filesRoute(area, path))}>
          Back to the files
        </a>
      </div>
      <p className="muted">
        Files deleted from {folder ? <span className="file-name">{folder}</span> : 'this area'} and the
        folders in it. Restore brings a file back as it was just before it was deleted.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {error ? <Alert tone="error">Could not list the deleted files: {error}</Alert> : null}
      {deleted === null && !error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {deleted?.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing deleted here</h2>
        </div>
      ) : null}
      {deleted && deleted.length > 0 ? (
        <div className="table-wrap">
          <table className="file-table">
            <caption className="visually-hidden">Recently deleted files</caption>
            <thead>
              <tr>
                <th scope="col" className="cell-pad">
                  Name
                </th>
                <th scope="col" className="col-size cell-pad">
                  Size
                </th>
                <th scope="col" className="col-date cell-pad">
                  Deleted
                </th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deleted.map((file) => (
                <tr key={file.path}>
                  <td className="cell-name">
                    <span className="file-name">{file.path.slice(path.length)}</span>
                  </td>
                  <td className="col-size">{formatSize(file.size)}</td>
                  <td className="col-date">{formatDate(file.deletedAt)}</td>
                  <td className="col-actions">
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={`Restore ${file.path.slice(path.length)}`}
                      disabled={busy !== null}
                      onClick={() => void restore(file)}
                    >
                      {busy === file.path ? 'Restoring…' : 'Restore'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
