/*
 * The dialog the files view has open, drawn from its state: new folder, rename, the folder picker
 * of a move or copy, the one confirmation of a delete (stating the count), "Replace?" for a move or
 * copy onto existing names, a file's versions, and an image preview.
 */
import type { AreaName, AuthS3, Files, FileVersion } from 'auth-s3';
import { countLabel, placeLabel } from '../files/entry';
import type { FolderActions } from '../files/useFolderActions';
import { ConfirmDialog } from './ConfirmDialog';
import { FolderPickerDialog } from './FolderPickerDialog';
import { ImagePreview } from './ImagePreview';
import { NameDialog } from './NameDialog';
import { VersionsDialog } from './VersionsDialog';

/** Props of {@link FolderDialogs}. */
export interface FolderDialogsProps {
  client: AuthS3;
  files: Files;
  area: AreaName;
  path: string;
  actions: FolderActions;
  onDownloadVersion(path: string, name: string, version: FileVersion): void;
}

/** The open dialog, or nothing. */
export function FolderDialogs({ client, files, area, path, actions, onDownloadVersion }: FolderDialogsProps) {
  const { dialog, setDialog } = actions;
  const close = () => setDialog(null);
  const parentKey = `${files.prefix ?? ''}${path}`;
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'newFolder':
      return (
        <NameDialog
          title="New folder"
          label="Folder name"
          submitLabel="Create folder"
          kind="folder"
          parentKey={parentKey}
          onSubmit={(name) => void actions.createFolder(name)}
          onCancel={close}
        />
      );
    case 'rename':
      return (
        <NameDialog
          title={`Rename ${dialog.entry.name}`}
          label="New name"
          submitLabel="Rename"
          kind={dialog.entry.kind}
          initial={dialog.entry.name}
          parentKey={parentKey}
          onSubmit={(name) => void actions.rename(dialog.entry, name)}
          onCancel={close}
        />
      );
    case 'pick':
      return (
        <FolderPickerDialog
          client={client}
          mode={dialog.mode}
          entries={dialog.entries}
          from={{ area, path }}
          onChoose={(destination) =>
            void actions.transfer(
              dialog.mode,
              dialog.entries.map((entry) => ({ entry, name: entry.name })),
              destination,
            )
          }
          onCancel={close}
        />
      );
    case 'delete': {
      const [only] = dialog.entries;
      const single = dialog.entries.length === 1 && only;
      const everyone = area === 'shared' ? ' for everyone' : '';
      return (
        <ConfirmDialog
          title={single ? `Delete this ${only.kind}?` : `Delete ${countLabel(dialog.entries)}?`}
          confirmLabel={single ? 'Delete' : `Delete ${countLabel(dialog.entries)}`}
          danger
          onConfirm={() => void actions.remove(dialog.entries)}
          onCancel={close}
        >
          <p>
            {single ? (
              <>
                <span className="file-name">{only.name}</span>
                {only.kind === 'folder' ? ' and everything in it' : ''}
              </>
            ) : (
              `The ${countLabel(dialog.entries)} you selected${dialog.entries.some((e) => e.kind === 'folder') ? ', folders with everything in them,' : ''}`
            )}{' '}
            will be deleted{everyone}. Deleted files can be brought back from Recently deleted.
          </p>
        </ConfirmDialog>
      );
    }
    case 'replace': {
      const n = dialog.existing.length;
      return (
        <ConfirmDialog
          title={n === 1 ? `Replace ${dialog.existing[0]}?` : `Replace ${n} files?`}
          confirmLabel="Replace"
          danger
          onConfirm={() => void actions.transfer(dialog.mode, dialog.remaining, dialog.destination, true)}
          onCancel={close}
        >
          <p>
            {n === 1 ? 'A file of that name is' : `${n} files of those names are`} already in{' '}
            {placeLabel(dialog.destination.area, dialog.destination.path)}: {dialog.existing.join(', ')}.
            Replace {n === 1 ? 'it' : 'them'} (the current {n === 1 ? 'version stays' : 'versions stay'} under
            Versions)? Nothing has been {dialog.mode === 'move' ? 'moved' : 'copied'} yet
            {dialog.remaining.length > 1 ? ` for these ${dialog.remaining.length} items` : ''}.
          </p>
        </ConfirmDialog>
      );
    }
    case 'versions':
      return (
        <VersionsDialog
          files={files}
          path={dialog.entry.path}
          name={dialog.entry.name}
          onRestore={(version, number) => void actions.restoreVersion(dialog.entry, version, number)}
          onDownload={(version) => onDownloadVersion(dialog.entry.path, dialog.entry.name, version)}
          onClose={close}
        />
      );
    case 'preview':
      return <ImagePreview name={dialog.name} url={dialog.url} onClose={close} />;
  }
}
