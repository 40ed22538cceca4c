/*
 * One folder of one area: its files and folders in a sortable, paged, filterable table with
 * selection; uploads by button or drag-and-drop (asking "Replace, keep both or skip?" when a name
 * is taken); new folder, rename, move and copy (to either area), delete of one or many entries,
 * versions, downloads through presigned URLs and image preview; progress with Cancel for long
 * actions; an empty state and refresh.
 */
import type { AreaName, FileVersion } from 'auth-s3';
import { type DragEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '../components/Alert';
import { AreaTabs } from '../components/AreaTabs';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { FileTable, type RowActionName } from '../components/FileTable';
import { FolderDialogs } from '../components/FolderDialogs';
import { ReplaceDialog } from '../components/ReplaceDialog';
import { SelectionBar } from '../components/SelectionBar';
import { TaskProgress } from '../components/TaskProgress';
import { UploadQueue } from '../components/UploadQueue';
import { useFocusOnChange } from '../components/useFocusOnChange';
import { describeError } from '../errors/describe-error';
import { AREA_LABELS, countLabel, type Entry, toEntries } from '../files/entry';
import { keepBothName } from '../files/names';
import { useFiles } from '../files/useFiles';
import { useFolderActions } from '../files/useFolderActions';
import { useListing } from '../files/useListing';
import { useSelection } from '../files/useSelection';
import { useTask } from '../files/useTask';
import { useUploads } from '../files/useUploads';
import { filesRoute, routeHref } from '../router';

/** The folder `path` (relative to the area, `''` or ending with `/`) of `area`. */
export function FolderBrowser({ area, path }: { area: AreaName; path: string }) {
  const { files, client } = useFiles(area);
  const listing = useListing(files, path);
  const uploads = useUploads(files, listing.reload);
  const selection = useSelection();
  const task = useTask();
  const [filter, setFilter] = useState('');
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const heading = useFocusOnChange<HTMLHeadingElement>(`${area}:${path}`);

  const entries = useMemo(() => toEntries(listing.folders, listing.items), [listing.folders, listing.items]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return needle ? entries.filter((e) => e.name.toLocaleLowerCase().includes(needle)) : entries;
  }, [entries, filter]);
  const selected = shown.filter((e) => selection.selected.has(e.path));
  const actions = useFolderActions(files, area, path, entries, task, () => {
    selection.clear();
    listing.reload();
  });
  const { setMessage, setDialog } = actions;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new folder starts with no message, selection or filter.
  useEffect(() => {
    setMessage(null);
    selection.clear();
    setFilter('');
  }, [path]);

  const failed = (what: string, error: unknown) =>
    setMessage({ tone: 'error', text: `${what}: ${describeError(error)}` });

  const download = async (filePath: string, name: string, versionId?: string) => {
    try {
      const url = await files.getDownloadUrl(filePath, {
        filename: name,
        ...(versionId ? { versionId } : {}),
      });
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noreferrer';
      link.click();
    } catch (error) {
      failed(`Could not download ${name}`, error);
    }
  };

  const onRowAction = async (action: RowActionName, entry: Entry) => {
    if (action === 'rename') setDialog({ kind: 'rename', entry });
    if (action === 'delete') setDialog({ kind: 'delete', entries: [entry] });
    if (entry.kind !== 'file') return;
    if (action === 'download') await download(entry.path, entry.name);
    if (action === 'versions') setDialog({ kind: 'versions', entry });
    if (action === 'preview') {
      try {
        setDialog({ kind: 'preview', name: entry.name, url: await files.getDownloadUrl(entry.path) });
      } catch (error) {
        failed(`Could not preview ${entry.name}`, error);
      }
    }
  };

  const folderKey = `${files.prefix ?? ''}${path}`;
  const addUploads = (list: FileList | File[]) => uploads.add(Array.from(list), path, folderKey);
  const onDrag = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    if (event.type === 'dragenter') dragDepth.current += 1;
    if (event.type === 'dragleave') dragDepth.current -= 1;
    setDragging(dragDepth.current > 0);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (event.dataTransfer.files.length > 0) addUploads(event.dataTransfer.files);
  };

  const waiting = uploads.entries.filter((e) => e.status === 'exists');
  const [asking] = waiting;
  const taken = new Set(listing.items.map((item) => item.name));
  const folderName = path ? (path.split('/').at(-2) ?? path) : AREA_LABELS[area];
  const empty = listing.status === 'ready' && entries.length === 0;

  return (
    <main
      className={`files-page${dragging ? ' is-dragging' : ''}`}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={onDrop}
    >
      <AreaTabs current={area} />
      <Breadcrumbs area={area} path={path} />
      <div className="toolbar">
        <h1 ref={heading} tabIndex={-1}>
          {folderName}
        </h1>
        <div className="toolbar-actions">
          <button type="button" className="button button-secondary" onClick={listing.reload}>
            Refresh
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog({ kind: 'newFolder' })}
          >
            New folder
          </button>
          <button type="button" className="button button-primary" onClick={() => picker.current?.click()}>
            Upload files
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            aria-label="Choose files to upload"
            onChange={(event) => {
              if (event.target.files) addUploads(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
      </div>
      <div className="toolbar toolbar-secondary">
        <div className="filter">
          <label htmlFor="filter-input">Filter by name</label>
          <input
            id="filter-input"
            type="search"
            value={filter}
            autoComplete="off"
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <a className="button button-quiet" href={routeHref(filesRoute(area, path, 'deleted'))}>
          Recently deleted
        </a>
      </div>
      <p className="muted drop-hint">Or drop files anywhere on this page to upload them here.</p>

      {actions.message ? (
        <Alert tone={actions.message.tone}>
          {actions.message.text}
          {actions.message.details?.length ? (
            <ul className="alert-details">
              {actions.message.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <TaskProgress task={task.current} onCancel={task.cancel} />
      <UploadQueue entries={uploads.entries} onCancel={uploads.cancel} onClear={uploads.clearFinished} />

      {listing.status === 'error' ? (
        <Alert tone="error">
          Could not list this folder: {describeError(listing.error)}{' '}
          <button type="button" className="button button-quiet" onClick={listing.reload}>
            Try again
          </button>
        </Alert>
      ) : null}
      {listing.status === 'loading' ? (
        <p className="muted" role="status">
          Loading{listing.items.length > 0 ? ` (${listing.items.length.toLocaleString()} so far)` : ''}…
        </p>
      ) : null}
      {empty ? (
        <div className="empty-state">
          <h2>This folder is empty</h2>
          <p>Upload files with the button above, or drop them here.</p>
        </div>
      ) : null}
      {selected.length > 0 ? (
        <SelectionBar
          label={countLabel(selected)}
          disabled={task.current !== null}
          onMove={() => setDialog({ kind: 'pick', mode: 'move', entries: selected })}
          onCopy={() => setDialog({ kind: 'pick', mode: 'copy', entries: selected })}
          onDelete={() => setDialog({ kind: 'delete', entries: selected })}
          onClear={selection.clear}
        />
      ) : null}
      {entries.length > 0 && shown.length === 0 ? (
        <p className="muted" role="status">
          No name in this folder contains “{filter.trim()}”.
        </p>
      ) : null}
      {shown.length > 0 ? (
        <FileTable
          area={area}
          path={path}
          entries={shown}
          selection={selection}
          onAction={(action, entry) => void onRowAction(action, entry)}
        />
      ) : null}

      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop to upload to {folderName}
        </div>
      ) : null}
      <FolderDialogs
        client={client}
        files={files}
        area={area}
        path={path}
        actions={actions}
        onDownloadVersion={(filePath, name, version: FileVersion) =>
          void download(filePath, name, version.versionId)
        }
      />
      {asking && !actions.dialog ? (
        <ReplaceDialog
          key={asking.id}
          name={asking.name}
          keepBothName={keepBothName(asking.name, taken)}
          waiting={waiting.length - 1}
          onChoose={(choice) => uploads.resolve(asking.id, choice, taken)}
        />
      ) : null}
    </main>
  );
}
