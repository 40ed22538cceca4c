/*
 * `useFolderActions()`: what the files view does to a folder's entries, and the dialog each step
 * opens: a new folder, a rename, a move or copy (to a folder of either area), a delete of one or many
 * entries (folders with their contents) and a restore of a file's earlier version. Long actions run
 * as the view's one task, with progress and Cancel. A move or copy onto an existing name stops
 * before writing it and asks "Replace?"; a move that fails halfway says what moved and what did not.
 */
import type { AreaName, Files, FileVersion } from 'auth-s3';
import { useCallback, useState } from 'react';
import { describeError } from '../errors/describe-error';
import { countLabel, type Entry } from './entry';
import { formatDate } from './format';
import { type Destination, describeOutcome, type TransferItem, transferEntries } from './transfer';
import type { Task } from './useTask';

/** A message above the listing; `details` are list items (e.g. what did not move). */
export interface FolderMessage {
  tone: 'error' | 'success';
  text: string;
  details?: string[];
}

/** The dialog open in the files view, if any. */
export type FolderDialog =
  | { kind: 'newFolder' }
  | { kind: 'rename'; entry: Entry }
  | { kind: 'pick'; mode: 'move' | 'copy'; entries: Entry[] }
  | { kind: 'delete'; entries: Entry[] }
  | {
      kind: 'replace';
      mode: 'move' | 'copy';
      existing: readonly string[];
      remaining: TransferItem[];
      destination: Destination;
    }
  | { kind: 'versions'; entry: Extract<Entry, { kind: 'file' }> }
  | { kind: 'preview'; name: string; url: string };

/** The actions, the open dialog and the message. */
export interface FolderActions {
  dialog: FolderDialog | null;
  setDialog(dialog: FolderDialog | null): void;
  message: FolderMessage | null;
  setMessage(message: FolderMessage | null): void;
  createFolder(name: string): Promise<void>;
  rename(entry: Entry, name: string): Promise<void>;
  transfer(
    mode: 'move' | 'copy',
    items: TransferItem[],
    destination: Destination,
    overwrite?: boolean,
  ): Promise<void>;
  remove(entries: Entry[]): Promise<void>;
  restoreVersion(entry: Entry, version: FileVersion, number: number): Promise<void>;
}

/** See {@link FolderActions}; `entries` are the folder's, `done` runs after a change (a reload). */
export function useFolderActions(
  files: Files,
  area: AreaName,
  path: string,
  entries: readonly Entry[],
  task: Task,
  done: () => void,
): FolderActions {
  const [dialog, setDialog] = useState<FolderDialog | null>(null);
  const [message, setMessage] = useState<FolderMessage | null>(null);
  const failed = useCallback(
    (what: string, error: unknown) => setMessage({ tone: 'error', text: `${what}: ${describeError(error)}` }),
    [],
  );

  const createFolder = async (name: string) => {
    setDialog(null);
    if (entries.some((e) => e.name === name)) {
      setMessage({
        tone: 'error',
        text: `There is already something named ${name} here. Choose another name.`,
      });
      return;
    }
    try {
      await files.createFolder(`${path}${name}`);
      setMessage({ tone: 'success', text: `Created folder ${name}.` });
      done();
    } catch (error) {
      failed(`Could not create folder ${name}`, error);
    }
  };

  const transfer: FolderActions['transfer'] = async (mode, items, destination, overwrite = false) => {
    setDialog(null);
    const verb = mode === 'move' ? 'Moving' : 'Copying';
    const label = items.length === 1 ? `${verb} ${items[0]?.entry.name}` : `${verb} ${items.length} items`;
    const outcome = await task.run(label, (signal, onProgress) =>
      transferEntries(files, items, destination, mode, { overwrite, signal, onProgress }),
    );
    if (!outcome) return;
    if (outcome.done.length > 0 || outcome.error !== undefined) {
      const { tone, text, details } = describeOutcome(outcome);
      setMessage({ tone, text, details });
    }
    if (outcome.conflict) {
      setDialog({ kind: 'replace', mode, destination, ...outcome.conflict });
    }
    done();
  };

  const rename = async (entry: Entry, name: string) => {
    if (name === entry.name) {
      setDialog(null);
      return;
    }
    await transfer('move', [{ entry, name }], { area, path });
  };

  const remove = async (list: Entry[]) => {
    setDialog(null);
    const [only] = list;
    if (list.length === 1 && only?.kind === 'file') {
      // One file is one DeleteObject, quick enough to need no progress.
      try {
        await files.remove(only.path);
        setMessage({ tone: 'success', text: `Deleted ${only.name}.` });
        done();
      } catch (error) {
        failed(`Could not delete ${only.name}`, error);
      }
      return;
    }
    const label = list.length === 1 ? `Deleting ${list[0]?.name}` : `Deleting ${countLabel(list)}`;
    const failures: string[] = [];
    let removed = 0;
    await task.run(label, async (signal, onProgress) => {
      const filePaths = list.flatMap((e) => (e.kind === 'file' ? [e.path] : []));
      const collect = (result: Awaited<ReturnType<Files['removeMany']>>) => {
        removed += result.removed.length;
        for (const f of result.failed) failures.push(`${f.path} (${describeError(f.error)})`);
      };
      try {
        if (filePaths.length > 0) collect(await files.removeMany(filePaths, { signal, onProgress }));
        for (const folder of list.filter((e) => e.kind === 'folder')) {
          if (signal.aborted) {
            failures.push(`${folder.path} (cancelled)`);
            continue;
          }
          collect(await files.removeFolder(folder.path, { signal, onProgress }));
        }
      } catch (error) {
        failures.push(describeError(error));
      }
    });
    if (failures.length === 0) {
      setMessage({
        tone: 'success',
        text: only && list.length === 1 ? `Deleted ${only.name}.` : `Deleted ${countLabel(list)}.`,
      });
    } else {
      setMessage({
        tone: 'error',
        text: `Deleted ${removed.toLocaleString()} file${removed === 1 ? '' : 's'}; some could not be deleted.`,
        details: failures,
      });
    }
    done();
  };

  const restoreVersion = async (entry: Entry, version: FileVersion, number: number) => {
    setDialog(null);
    try {
      await files.restoreVersion(entry.path, version.versionId);
      setMessage({
        tone: 'success',
        text: `Restored ${entry.name} to version ${number} (${formatDate(version.lastModified)}).`,
      });
      done();
    } catch (error) {
      failed(`Could not restore ${entry.name}`, error);
    }
  };

  return { dialog, setDialog, message, setMessage, createFolder, rename, transfer, remove, restoreVersion };
}
