/*
 * `useUploads()`: the upload queue. Each file uploads on its own with its progress, a cancel switch
 * (an AbortController the library honours, leaving no object behind) and its own error. A file is
 * never replaced unasked: it is sent with `overwrite: false`, and when one of that name exists it
 * waits (`exists`) until the person answers Replace, Keep both (`name (1).ext`) or Skip. A name S3
 * would refuse fails at once, before any request. Progress reaches the screen at most once per
 * animation frame (`frame-batch.ts`); a change of state (Uploaded, Failed, …) shows at once.
 */
import type { Files } from 'auth-s3';
import { AlreadyExistsError } from 'auth-s3/errors';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../errors/describe-error';
import { type FrameBatch, type FrameScheduler, frameBatch } from './frame-batch';
import { keepBothName, nameProblem } from './names';

/** One file in the queue. */
export interface UploadEntry {
  id: number;
  name: string;
  /** Where it goes, relative to the files prefix. */
  path: string;
  loaded: number;
  total: number;
  /**
   * `cancelling`: asked to stop; the library is still taking back what S3 already received.
   * `exists`: a file of that name is there; waiting for {@link Uploads.resolve}.
   */
  status: 'uploading' | 'cancelling' | 'done' | 'failed' | 'cancelled' | 'exists' | 'skipped';
  error?: string;
}

/** The queue and its operations. */
export interface Uploads {
  entries: UploadEntry[];
  /**
   * Starts uploading every file into `folder` (relative, `''` or ending with `/`, whose full key
   * prefix is `folderKey`, for the length check).
   */
  add(fileList: Iterable<File>, folder: string, folderKey: string): void;
  /**
   * Answers an `exists` entry: replace the file, keep both (upload as the first free
   * `name (n).ext`, not in `taken`) or skip it.
   */
  resolve(id: number, choice: 'replace' | 'keepBoth' | 'skip', taken: ReadonlySet<string>): void;
  cancel(id: number): void;
  /** Removes finished, failed and cancelled entries. */
  clearFinished(): void;
}

/**
 * See {@link Uploads}; `onUploaded` runs after each success (e.g. to refresh the listing).
 * `frames` paces progress renders (tests pass their own).
 */
export function useUploads(files: Files, onUploaded: () => void, frames?: FrameScheduler): Uploads {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const controllers = useRef(new Map<number, AbortController>());
  const nextId = useRef(1);
  /** Each entry's file and folder, for an upload asked again after "Replace, keep both or skip?". */
  const pending = useRef(new Map<number, { file: File; folder: string }>());

  /** Progress of every running upload, one render per frame; only an entry still uploading takes it. */
  const progress: FrameBatch<number, Pick<UploadEntry, 'loaded' | 'total'>> = useMemo(
    () =>
      frameBatch((latest) => {
        setEntries((list) =>
          list.map((e) => {
            const next = latest.get(e.id);
            return next && e.status === 'uploading' ? { ...e, ...next } : e;
          }),
        );
      }, frames),
    [frames],
  );
  useEffect(() => () => progress.cancel(), [progress]);

  /** A change of state: applied at once, and any progress still waiting for a frame is dropped. */
  const update = useCallback(
    (id: number, patch: Partial<UploadEntry>) => {
      progress.drop(id);
      setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
    },
    [progress],
  );

  const start = useCallback(
    (id: number, file: File, folder: string, name: string, overwrite: boolean) => {
      const controller = new AbortController();
      controllers.current.set(id, controller);
      update(id, { name, path: `${folder}${name}`, status: 'uploading', loaded: 0 });
      files
        .upload(file, `${folder}${name}`, {
          contentType: file.type || undefined,
          overwrite,
          signal: controller.signal,
          onProgress: ({ loaded, total }) => progress.set(id, { loaded, total: total || file.size }),
        })
        .then(
          () => {
            update(id, { status: 'done', loaded: file.size });
            onUploaded();
          },
          (error: unknown) => {
            if (controller.signal.aborted) update(id, { status: 'cancelled' });
            else if (error instanceof AlreadyExistsError) update(id, { status: 'exists' });
            else update(id, { status: 'failed', error: describeError(error) });
          },
        )
        .finally(() => controllers.current.delete(id));
    },
    [files, update, progress, onUploaded],
  );

  const add = useCallback<Uploads['add']>(
    (fileList, folder, folderKey) => {
      for (const file of fileList) {
        const id = nextId.current++;
        const problem = nameProblem(file.name, folderKey, 'file');
        const entry: UploadEntry = {
          id,
          name: file.name,
          path: `${folder}${file.name}`,
          loaded: 0,
          total: file.size,
          status: problem ? 'failed' : 'uploading',
          ...(problem ? { error: problem } : {}),
        };
        setEntries((list) => [...list, entry]);
        pending.current.set(id, { file, folder });
        if (!problem) start(id, file, folder, file.name, false);
      }
    },
    [start],
  );

  const resolve = useCallback<Uploads['resolve']>(
    (id, choice, taken) => {
      const source = pending.current.get(id);
      const entry = entries.find((e) => e.id === id);
      if (!source || !entry || entry.status !== 'exists') return;
      if (choice === 'skip') update(id, { status: 'skipped' });
      else if (choice === 'replace') start(id, source.file, source.folder, entry.name, true);
      else start(id, source.file, source.folder, keepBothName(entry.name, taken), false);
    },
    [entries, start, update],
  );

  const cancel = useCallback(
    (id: number) => {
      const controller = controllers.current.get(id);
      if (!controller || controller.signal.aborted) return;
      update(id, { status: 'cancelling' });
      controller.abort();
    },
    [update],
  );
  const clearFinished = useCallback(() => {
    setEntries((list) => {
      for (const e of list) if (isFinished(e)) pending.current.delete(e.id);
      return list.filter((e) => !isFinished(e));
    });
  }, []);
  return { entries, add, resolve, cancel, clearFinished };
}

/** Done, failed, cancelled or skipped: nothing more will happen to it. */
export function isFinished(entry: UploadEntry): boolean {
  return !['uploading', 'cancelling', 'exists'].includes(entry.status);
}
