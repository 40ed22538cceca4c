/*
 * The files view (`public/`): folders and breadcrumbs, a sortable paged table, uploads by button or
 * drag-and-drop with a queue, downloads through presigned URLs, delete after confirmation, image
 * preview, an empty state and refresh. Loaded lazily after sign-in (see `lazy-files.ts`).
 */
import type { FileItem } from 'auth-s3';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '../components/Alert';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FileTable } from '../components/FileTable';
import { Header } from '../components/Header';
import { ImagePreview } from '../components/ImagePreview';
import { UploadQueue } from '../components/UploadQueue';
import { useFocusOnChange } from '../components/useFocusOnChange';
import { describeError } from '../errors/describe-error';
import { useFiles } from '../files/useFiles';
import { useListing } from '../files/useListing';
import { useUploads } from '../files/useUploads';

/** The files view for `path` (relative to the prefix, `''` or ending with `/`). */
export function Files({ path }: { path: string }) {
  const { files } = useFiles();
  const listing = useListing(files, path);
  const uploads = useUploads(files, listing.reload);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [toDelete, setToDelete] = useState<FileItem | null>(null);
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const heading = useFocusOnChange<HTMLHeadingElement>(path);

  // A session error needs nothing here: the library's `expired` event takes the app to sign-in.
  const failed = (what: string, error: unknown) =>
    setMessage({ tone: 'error', text: `${what}: ${describeError(error)}` });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new folder clears the old folder's message.
  useEffect(() => setMessage(null), [path]);

  const download = async (item: FileItem) => {
    try {
      const url = await files.getDownloadUrl(item.path, { filename: item.name });
      const link = document.createElement('a');
      link.href = url;
      link.download = item.name;
      link.rel = 'noreferrer';
      link.click();
    } catch (error) {
      failed(`Could not download ${item.name}`, error);
    }
  };

  const showPreview = async (item: FileItem) => {
    try {
      setPreview({ name: item.name, url: await files.getDownloadUrl(item.path) });
    } catch (error) {
      failed(`Could not preview ${item.name}`, error);
    }
  };

  const confirmDelete = async () => {
    const item = toDelete;
    setToDelete(null);
    if (!item) return;
    try {
      await files.remove(item.path);
      setMessage({ tone: 'success', text: `Deleted ${item.name}.` });
      listing.reload();
    } catch (error) {
      failed(`Could not delete ${item.name}`, error);
    }
  };

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
    if (event.dataTransfer.files.length > 0) uploads.add(Array.from(event.dataTransfer.files), path);
  };

  const folderName = path ? (path.split('/').at(-2) ?? path) : 'All files';
  const empty = listing.status === 'ready' && listing.items.length === 0 && listing.folders.length === 0;

  return (
    <>
      <Header />
      <main
        className={`files-page${dragging ? ' is-dragging' : ''}`}
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={onDrag}
        onDrop={onDrop}
      >
        <Breadcrumbs path={path} />
        <div className="toolbar">
          <h1 ref={heading} tabIndex={-1}>
            {folderName}
          </h1>
          <div className="toolbar-actions">
            <button type="button" className="button button-secondary" onClick={listing.reload}>
              Refresh
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
                if (event.target.files) uploads.add(Array.from(event.target.files), path);
                event.target.value = '';
              }}
            />
          </div>
        </div>
        <p className="muted drop-hint">Or drop files anywhere on this page to upload them here.</p>

        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
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
        {listing.items.length > 0 || listing.folders.length > 0 ? (
          <FileTable
            path={path}
            folders={listing.folders}
            items={listing.items}
            onDownload={download}
            onPreview={showPreview}
            onDelete={setToDelete}
          />
        ) : null}

        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            Drop to upload to {folderName}
          </div>
        ) : null}
      </main>
      {toDelete ? (
        <ConfirmDialog
          title="Delete this file?"
          confirmLabel="Delete"
          danger
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        >
          <p>
            <span className="file-name">{toDelete.name}</span> will be deleted for everyone. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      ) : null}
      {preview ? (
        <ImagePreview name={preview.name} url={preview.url} onClose={() => setPreview(null)} />
      ) : null}
    </>
  );
}
