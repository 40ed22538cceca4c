/*
 * A file's versions, newest first: when each was written (or when the file was deleted), its size,
 * a download of that version and a Restore, which makes it the newest version again (the versions in
 * between stay: nothing in the app can delete one).
 */
import type { Files, FileVersion } from 'auth-s3';
import { useEffect, useId, useState } from 'react';
import { describeError } from '../errors/describe-error';
import { formatDate, formatSize } from '../files/format';
import { ModalDialog } from './ModalDialog';

/** Props of {@link VersionsDialog}. */
export interface VersionsDialogProps {
  files: Files;
  path: string;
  name: string;
  /** Restores `version` (numbered `number` from the oldest); the caller closes the dialog and says how it went. */
  onRestore(version: FileVersion, number: number): void;
  onDownload(version: FileVersion): void;
  onClose(): void;
}

/** Shown while mounted. */
export function VersionsDialog({ files, path, name, onRestore, onDownload, onClose }: VersionsDialogProps) {
  const [versions, setVersions] = useState<FileVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    let live = true;
    files.listVersions(path).then(
      (list) => live && setVersions(list),
      (caught: unknown) => live && setError(describeError(caught)),
    );
    return () => {
      live = false;
    };
  }, [files, path]);

  return (
    <ModalDialog labelledBy={titleId} onCancel={onClose} className="dialog-wide">
      <h2 id={titleId}>Versions of {name}</h2>
      <div className="dialog-body">
        {versions === null && !error ? <p role="status">Loading versions…</p> : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {versions ? (
          <ol className="version-list">
            {versions.map((version, index) => {
              // Numbered from the oldest, so a number keeps naming the same version as more are added.
              const number = versions.length - index;
              const when = formatDate(version.lastModified);
              return (
                <li key={version.versionId}>
                  <span>
                    Version {number}:{' '}
                    {version.isDeleteMarker ? `deleted ${when}` : `${when} · ${formatSize(version.size)}`}
                    {version.isLatest ? ' (current)' : ''}
                  </span>
                  {!version.isDeleteMarker ? (
                    <span className="row-actions">
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={`Download version ${number}`}
                        onClick={() => onDownload(version)}
                      >
                        Download
                      </button>
                      {!version.isLatest ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={`Restore version ${number}`}
                          onClick={() => onRestore(version, number)}
                        >
                          Restore
                        </button>
                      ) : null}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
