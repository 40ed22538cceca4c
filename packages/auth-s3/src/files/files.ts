/*
 * The `files` facade, the API boundary of the files half: checks what the caller passed (paths are
 * always relative to the files area), turns paths into keys, then hands each call to the S3 half in
 * `files-client.ts`, which it imports dynamically the first time it is needed, and gives every item
 * back its relative `path`. `preload()` starts that import early, e.g. while the user is still typing
 * a password, so the first list does not wait for the download.
 */
import {
  checkOptionalFunction,
  checkOptionalInteger,
  checkOptionalSignal,
  checkOptionalString,
  checkOptions,
  fail,
} from '../check-arguments.js';
import type { FileItem, Files, FolderItem, ListOptions, ListPage } from '../types.js';
import type { FilesClient, FilesClientDeps } from './files-client.js';
import { folderPrefix, lastSegment, objectKey, relativePath } from './object-keys.js';
import { isUploadData, UPLOAD_DATA_KINDS } from './upload-source.js';

const DEFAULT_PAGE_SIZE = 1000;
/** S3's most keys per ListObjectsV2 page. */
const MAX_PAGE_SIZE = 1000;

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

  /** The key for a path argument, after checking it is a string. */
  function keyOf(method: string, path: unknown): string {
    if (typeof path !== 'string') {
      fail(method, 'the path as a string relative to the files area, e.g. "photos/cat.png"', path);
    }
    return objectKey(prefix, path);
  }

  /** The marker key of a folder path argument (`photos` or `photos/` → `public/photos/`); never the root. */
  function folderKeyOf(method: string, path: unknown): string {
    if (typeof path !== 'string' || path === '' || path === '/') {
      fail(method, 'the folder path as a non-empty string relative to the files area, e.g. "photos/"', path);
    }
    return folderPrefix(prefix, path);
  }

  function withPath<T extends Omit<FileItem, 'path'>>(item: T): T & { path: string } {
    return { ...item, path: relativePath(prefix, item.key) };
  }

  async function list(options: ListOptions = {}): Promise<ListPage> {
    checkOptions('list', options);
    checkOptionalString('list', 'path (a folder relative to the files area)', options.path);
    checkOptionalString('list', 'delimiter', options.delimiter);
    checkOptionalInteger('list', 'pageSize', options.pageSize, { min: 1, max: MAX_PAGE_SIZE });
    checkOptionalString('list', 'cursor (nextCursor of the previous page)', options.cursor);
    const folder = folderPrefix(prefix, options.path);
    const client = await load();
    const page = await client.list(
      folder,
      options.delimiter ?? '/',
      options.pageSize ?? DEFAULT_PAGE_SIZE,
      options.cursor,
    );
    return {
      ...page,
      items: page.items.map(withPath),
      folders: page.folders.map((f): FolderItem => ({ ...f, path: relativePath(prefix, f.prefix) })),
    };
  }

  return {
    prefix,
    list,

    async *listAll(options = {}) {
      checkOptions('listAll', options);
      let cursor: string | undefined;
      do {
        const page = await list({ ...options, cursor });
        yield page;
        cursor = page.nextCursor;
      } while (cursor);
    },

    async upload(data, path, options = {}) {
      if (!isUploadData(data)) fail('upload', `the data first, as ${UPLOAD_DATA_KINDS}`, data);
      const key = keyOf('upload', path);
      checkOptions('upload', options);
      checkOptionalString('upload', 'contentType', options.contentType);
      checkOptionalFunction('upload', 'onProgress', options.onProgress);
      checkOptionalSignal('upload', options.signal);
      return withPath(await (await load()).upload(key, data, options));
    },

    async download(path, options = {}) {
      const key = keyOf('download', path);
      checkOptions('download', options);
      checkOptionalFunction('download', 'onProgress', options.onProgress);
      checkOptionalSignal('download', options.signal);
      return (await load()).download(key, options);
    },

    async createFolder(path) {
      const folder = folderKeyOf('createFolder', path);
      await (await load()).upload(folder, new Uint8Array(0), {});
      return { prefix: folder, path: relativePath(prefix, folder), name: lastSegment(folder) };
    },

    async removeFolder(path) {
      return (await load()).remove(folderKeyOf('removeFolder', path));
    },

    async getDownloadUrl(path, options = {}) {
      const key = keyOf('getDownloadUrl', path);
      checkOptions('getDownloadUrl', options);
      checkOptionalString('getDownloadUrl', 'filename', options.filename);
      return (await load()).getDownloadUrl(key, options);
    },

    async remove(path) {
      const key = keyOf('remove', path);
      return (await load()).remove(key);
    },

    async head(path) {
      const key = keyOf('head', path);
      return withPath(await (await load()).head(key));
    },

    async preload() {
      await load();
    },
  };
}
