/*
 * The `files` facade: checks keys, then hands each call to the S3 half in `files-client.ts`, which
 * it imports dynamically the first time it is needed. `preload()` starts that import early, e.g.
 * while the user is still typing a password, so the first list does not wait for the download.
 */
import type { Files, ListOptions, ListPage } from '../types.js';
import type { FilesClient, FilesClientDeps } from './files-client.js';
import { folderPrefix, objectKey } from './object-keys.js';

const DEFAULT_PAGE_SIZE = 1000;

/** What the S3 half needs, plus the prefix every key lives under. */
export interface FilesDeps extends FilesClientDeps {
  prefix: string;
}

/** Builds the `files` facade; nothing is loaded or requested until the first call. */
export function createFiles(deps: FilesDeps): Files {
  const { prefix } = deps;
  let loading: Promise<FilesClient> | undefined;

  function load(): Promise<FilesClient> {
    loading ??= import('./files-client.js')
      .then((module) => module.createFilesClient(deps))
      .catch((error: unknown) => {
        // A failed chunk download (offline) may succeed on the next call.
        loading = undefined;
        throw error;
      });
    return loading;
  }

  async function list(options: ListOptions = {}): Promise<ListPage> {
    const folder = folderPrefix(prefix, options.path);
    const client = await load();
    return client.list(
      folder,
      options.delimiter ?? '/',
      options.pageSize ?? DEFAULT_PAGE_SIZE,
      options.cursor,
    );
  }

  return {
    prefix,
    list,

    async *listAll(options = {}) {
      let cursor: string | undefined;
      do {
        const page = await list({ ...options, cursor });
        yield page;
        cursor = page.nextCursor;
      } while (cursor);
    },

    async upload(data, path, options = {}) {
      const key = objectKey(prefix, path);
      return (await load()).upload(key, data, options);
    },

    async getDownloadUrl(path, options = {}) {
      const key = objectKey(prefix, path);
      return (await load()).getDownloadUrl(key, options);
    },

    async remove(path) {
      const key = objectKey(prefix, path);
      return (await load()).remove(key);
    },

    async head(path) {
      const key = objectKey(prefix, path);
      return (await load()).head(key);
    },

    async preload() {
      await load();
    },
  };
}
