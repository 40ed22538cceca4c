/*
 * Chooses where a move or copy goes: either area, then a folder in it, opened one level at a time.
 * The folders of the place shown are listed from the library; a folder cannot be moved into itself,
 * and moving into the folder the entries are already in would change nothing, so both are refused
 * with a reason.
 */
import type { AreaName, AuthS3, FolderItem } from 'auth-s3';
import { useEffect, useId, useState } from 'react';
import { describeError } from '../errors/describe-error';
import { AREA_LABELS, type Entry, placeLabel } from '../files/entry';
import { compareNames } from '../files/sort';
import type { Destination } from '../files/transfer';
import { ModalDialog } from './ModalDialog';

/** Props of {@link FolderPickerDialog}. */
export interface FolderPickerDialogProps {
  client: AuthS3;
  mode: 'move' | 'copy';
  /** What is moved or copied, and from where. */
  entries: readonly Entry[];
  from: Destination;
  onChoose(destination: Destination): void;
  onCancel(): void;
}

/** Shown while mounted. */
export function FolderPickerDialog({
  client,
  mode,
  entries,
  from,
  onChoose,
  onCancel,
}: FolderPickerDialogProps) {
  const [place, setPlace] = useState<Destination>(from);
  const [folders, setFolders] = useState<FolderItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const verb = mode === 'move' ? 'Move' : 'Copy';

  useEffect(() => {
    let live = true;
    setFolders(null);
    setError(null);
    (async () => {
      const found: FolderItem[] = [];
      for await (const page of client.area(place.area).listAll({ path: place.path }))
        found.push(...page.folders);
      if (live) setFolders(found.sort((a, b) => compareNames(a.name, b.name)));
    })().catch((caught: unknown) => {
      if (live) setError(describeError(caught));
    });
    return () => {
      live = false;
    };
  }, [client, place]);

  const refusal = (() => {
    if (place.area !== from.area) return null;
    const into = entries.find((e) => e.kind === 'folder' && place.path.startsWith(e.path));
    if (into) return `${into.name} cannot go into itself. Choose another folder.`;
    if (mode === 'move' && place.path === from.path) return 'They are already here. Choose another folder.';
    return null;
  })();

  const segments = place.path.split('/').filter((s) => s !== '');
  const label = placeLabel(place.area, place.path);
  return (
    <ModalDialog labelledBy={titleId} onCancel={onCancel} className="dialog-picker">
      <h2 id={titleId}>
        {verb} {entries.length === 1 ? entries[0]?.name : `${entries.length} items`}
      </h2>
      <div className="dialog-body">
        <fieldset className="area-choice">
          <legend>Area</legend>
          {(['mine', 'shared'] as const).map((area: AreaName) => (
            <label key={area}>
              <input
                type="radio"
                name="picker-area"
                checked={place.area === area}
                onChange={() => setPlace({ area, path: '' })}
              />{' '}
              {AREA_LABELS[area]}
            </label>
          ))}
        </fieldset>
        <p>
          To: <strong>{label}</strong>
        </p>
        {segments.length > 0 || (folders?.length ?? 0) > 0 ? (
          <ul className="picker-list">
            {segments.length > 0 ? (
              <li>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() =>
                    setPlace({
                      area: place.area,
                      path: segments
                        .slice(0, -1)
                        .map((s) => `${s}/`)
                        .join(''),
                    })
                  }
                >
                  ↑ Up to{' '}
                  {placeLabel(
                    place.area,
                    segments
                      .slice(0, -1)
                      .map((s) => `${s}/`)
                      .join(''),
                  )}
                </button>
              </li>
            ) : null}
            {(folders ?? []).map((folder) => (
              <li key={folder.path}>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Open folder ${folder.name}`}
                  onClick={() => setPlace({ area: place.area, path: folder.path })}
                >
                  ▸ {folder.name}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {folders === null && !error ? (
          <p className="muted" role="status">
            Loading folders…
          </p>
        ) : null}
        {folders?.length === 0 ? <p className="muted">No folders in here.</p> : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {refusal ? <p className="field-error">{refusal}</p> : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={refusal !== null}
          onClick={() => onChoose(place)}
        >
          {verb} here
        </button>
      </div>
    </ModalDialog>
  );
}
