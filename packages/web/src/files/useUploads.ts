/*
 * `useUploads()`: the upload queue. Each file uploads on its own with its progress, a cancel switch
 * (an AbortController the library honours, leaving no object behind) and its own error.
 */
import type { Files } from 'auth-s3';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../errors/describe-error';

/** One file in the queue. */
export interface UploadEntry {
  id: number;
  name: string;
  /** Where it goes, relative to the files prefix. */
  path: string;
  loaded: number;
  total: number;
  /** `cancelling`: asked to stop; the library is still taking back what S3 already received. */
  status: 'uploading' | 'cancelling' | 'done' | 'failed' | 'cancelled';
  error?: string;
}

/** The queue and its operations. */
export interface Uploads {
  entries: UploadEntry[];
  /** Starts uploading every file into `folder` (relative, `''` or ending with `/`). */
  add(fileList: Iterable<File>, folder: string): void;
  cancel(id: number): void;
  /** Removes finished, failed and cancelled entries. */
  clearFinished(): void;
}

/** See {@link Uploads}; `onUploaded` runs after each success (e.g. to refresh the listing). */
export function useUploads(files: Files, onUploaded: () => void): Uploads {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const controllers = useRef(new Map<number, AbortController>());
  const nextId = useRef(1);

  const update = useCallback((id: number, patch: Partial<UploadEntry>) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }, []);

  const add = useCallback<Uploads['add']>(
    (fileList, folder) => {
      for (const file of fileList) {
        const id = nextId.current++;
        const controller = new AbortController();
        controllers.current.set(id, controller);
        const entry: UploadEntry = {
          id,
          name: file.name,
          path: `${folder}${file.name}`,
          loaded: 0,
          total: file.size,
          status: 'uploading',
        };
        setEntries((list) => [...list, entry]);
        files
          .upload(file, entry.path, {
            contentType: file.type || undefined,
            signal: controller.signal,
            onProgress: ({ loaded, total }) => update(id, { loaded, total: total || file.size }),
          })
          .then(
            () => {
              update(id, { status: 'done', loaded: file.size });
              onUploaded();
            },
            (error: unknown) => {
              if (controller.signal.aborted) update(id, { status: 'cancelled' });
              else update(id, { status: 'failed', error: describeError(error) });
            },
          )
          .finally(() => controllers.current.delete(id));
      }
    },
    [files, update, onUploaded],
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
  const clearFinished = useCallback(() => setEntries((list) => list.filter((e) => !isFinished(e))), []);
  return { entries, add, cancel, clearFinished };
}

/** Done, failed or cancelled: nothing more will happen to it. */
export function isFinished(entry: UploadEntry): boolean {
  return entry.status !== 'uploading' && entry.status !== 'cancelling';
}
