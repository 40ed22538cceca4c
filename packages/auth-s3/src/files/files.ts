/*
 * The `files` facades, the API boundary of the files half: one per area, `shared` (a fixed prefix,
 * `public/`) and `mine` (`private/{identityId}/`, the prefix known once the identity id is). Each
 * checks what the caller passed (paths are always relative to its area; names, `..`, control
 * characters and key lengths are refused here, before any request), turns paths into keys, then
 * hands each call to the S3 half in `files-client.ts`, which is imported dynamically the first time
 * it is needed and shared by both areas, and gives every item back its relative `path`.
 * `preload()` starts that import early, e.g. while the user is still typing a password.
 */
import { privatePrefix } from '#outputs';
import { createIdentityIds, type IdentityIds } from '../auth/identity-id.js';
import {
  checkOptionalBoolean,
  checkOptionalFunction,
  checkOptionalInteger,
  checkOptionalSignal,
  checkOptionalString,
  checkOptions,
  fail,
} from '../check-arguments.js';
import { createIdentityPoolApi } from '../clients.js';
import { AlreadyExistsError, NotFoundError } from '../errors.js';
import type {
  AreaName,
  Files,
  FolderItem,
  ListOptions,
  ListPage,
  RemoveOptions,
  RemoveResult,
  TransferOptions,
} from '../types.js';
import type { FilesClient, FilesClientDeps, KeyedRemoval } from './files-client.js';
import { checkName, folderPrefix, objectKey, relativePath } from './object-keys.js';
import { isUploadData, UPLOAD_DATA_KINDS } from './upload-source.js';

const DEFAULT_PAGE_SIZE = 1000;
/** S3's most keys per ListObjectsV2 page. */
const MAX_PAGE_SIZE = 1000;
/** An identity id is `region:uuid` (Cognito Identity API Reference, GetId): its length, for key checks. */
const UUID_LENGTH = 36;
const AREA_NAMES: readonly AreaName[] = ['shared', 'mine'];

/** Throws `InvalidParameterError` unless `value` is an area's name. */
export function checkAreaName(method: string, what: string, value: unknown): asserts value is AreaName {
  if (!AREA_NAMES.includes(value as AreaName)) {
    fail(method, `${what} as ${AREA_NAMES.map((name) => `"${name}"`).join(' or ')}`, value);
  }
}

/** What the S3 half needs, plus the areas' prefixes. */
export interface FilesDeps extends FilesClientDeps {
  /** The shared area's prefix, normalized (`public/`). */
  prefix: string;
  /** Where the private areas live, checked: `private/{identityId}/`. */
  privatePrefixPattern: string;
}

/** Both areas, over one lazily loaded S3 half. */
export interface FileAreas {
  shared: Files;
  mine: Files;
}

/** Where an area's keys live. */
interface AreaPrefix {
  /** The prefix, when known without a request. */
  known(): string | undefined;
  /** The prefix (for `mine`: the identity id from storage, or GetId). */
  resolve(): Promise<string>;
  /** A prefix of the right length for checking key lengths before the identity id is known. */
  forChecks(): string;
}

/** Builds both areas; nothing is loaded or requested until the first call. */
export function createFileAreas(deps: FilesDeps): FileAreas {
  const identityIds: IdentityIds =
    deps.identityIds ??
    createIdentityIds({
      config: deps.config,
      identity: createIdentityPoolApi(deps.config, { logger: deps.logger, fetch: deps.fetch }),
      auth: deps.auth,
      store: deps.store,
    });
  let loading: Promise<FilesClient> | undefined;
  function load(): Promise<FilesClient> {
    loading ??= import('./files-client.js')
      .then((module) => module.createFilesClient({ ...deps, identityIds }))
      .catch((error: unknown) => {
        // A failed chunk download (offline) may succeed on the next call.
        loading = undefined;
        throw error;
      });
    return loading;
  }

  const shared: AreaPrefix = {
    known: () => deps.prefix,
    resolve: async () => deps.prefix,
    forChecks: () => deps.prefix,
  };
  const privateOf = (identityId: string) => privatePrefix(deps.privatePrefixPattern, identityId);
  const mine: AreaPrefix = {
    known() {
      const identityId = identityIds.known();
      return identityId === undefined ? undefined : privateOf(identityId);
    },
    resolve: async () => privateOf((await identityIds.current()).identityId),
    forChecks() {
      return mine.known() ?? privateOf(`${deps.config.region}:${'0'.repeat(UUID_LENGTH)}`);
    },
  };
  const prefixes: Record<AreaName, AreaPrefix> = { shared, mine };
  return {
    shared: createAreaFiles('shared', prefixes, load),
    mine: createAreaFiles('mine', prefixes, load),
  };
}

function createAreaFiles(
  area: AreaName,
  prefixes: Record<AreaName, AreaPrefix>,
  load: () => Promise<FilesClient>,
): Files {
  const here = prefixes[area];

  /** Checks a file path (relative to `of`) and returns it. */
  function filePath(method: string, path: unknown, of: AreaPrefix = here): string {
    if (typeof path !== 'string') {
      fail(method, 'the path as a string relative to the files area, e.g. "photos/cat.png"', path);
    }
    objectKey(of.forChecks(), path);
    return path;
  }

  /** Checks a folder path (relative to `of`) and returns it ending in `/`, or `''` for the root. */
  function folderPath(method: string, path: unknown, of: AreaPrefix = here): string {
    if (path !== undefined && typeof path !== 'string') {
      fail(method, 'the folder as a string relative to the files area, e.g. "photos/"', path);
    }
    const checkPrefix = of.forChecks();
    return folderPrefix(checkPrefix, path).slice(checkPrefix.length);
  }

  /** A folder path that is not the area's root. */
  function namedFolder(method: string, path: unknown, of: AreaPrefix = here): string {
    const folder = folderPath(method, path, of);
    if (folder === '') fail(method, 'a folder below the root of the area, e.g. "photos/"', path);
    return folder;
  }

  /** An `AlreadyExistsError` from a key, told with the caller's path. */
  function existsAt(path: string) {
    return (error: unknown) => {
      if (error instanceof AlreadyExistsError) {
        throw new AlreadyExistsError(
          `"${path}" already exists, so nothing was written. Choose another name, or pass overwrite: true to replace it.`,
          [path],
          { cause: error },
        );
      }
      throw error;
    };
  }

  function withPath<T extends { key: string }>(prefix: string, item: T): T & { path: string } {
    return { ...item, path: relativePath(prefix, item.key) };
  }

  function checkRemoveOptions(method: string, options: RemoveOptions): void {
    checkOptions(method, options);
    checkOptionalFunction(method, 'onProgress', options.onProgress);
    checkOptionalSignal(method, options.signal);
  }

  async function removeKeys(prefix: string, keys: string[], options: RemoveOptions): Promise<RemoveResult> {
    const total = keys.length;
    const result: KeyedRemoval = await (await load()).removeKeys(keys, {
      signal: options.signal,
      onBatch: (done) => options.onProgress?.({ done, total }),
    });
    return {
      removed: result.removed.map((key) => relativePath(prefix, key)),
      failed: result.failed.map(({ key, error }) => ({ path: relativePath(prefix, key), error })),
    };
  }

  function checkTransfer(method: string, options: TransferOptions): AreaPrefix {
    checkOptions(method, options);
    if (options.toArea !== undefined) checkAreaName(method, 'toArea', options.toArea);
    checkOptionalBoolean(method, 'overwrite', options.overwrite);
    checkOptionalFunction(method, 'onProgress', options.onProgress);
    checkOptionalSignal(method, options.signal);
    return prefixes[options.toArea ?? area];
  }

  async function transferCall(method: 'copy' | 'move', from: unknown, to: unknown, options: TransferOptions) {
    const target = checkTransfer(method, options);
    const isFolder = typeof from === 'string' && from.endsWith('/');
    const fromPath = isFolder ? namedFolder(method, from) : filePath(method, from);
    const toPath = isFolder ? namedFolder(method, to, target) : filePath(method, to, target);
    const [client, fromPrefix, toPrefix] = await Promise.all([load(), here.resolve(), target.resolve()]);
    const { transfer } = await import('./transfers.js');
    return transfer(client, {
      from: { key: fromPrefix + fromPath, areaPrefix: fromPrefix },
      to: { key: toPrefix + toPath, areaPrefix: toPrefix },
      move: method === 'move',
      overwrite: options.overwrite === true,
      onProgress: options.onProgress,
      signal: options.signal,
    });
  }

  async function list(options: ListOptions = {}): Promise<ListPage> {
    checkOptions('list', options);
    checkOptionalString('list', 'path (a folder relative to the files area)', options.path);
    checkOptionalString('list', 'delimiter', options.delimiter);
    checkOptionalInteger('list', 'pageSize', options.pageSize, { min: 1, max: MAX_PAGE_SIZE });
    checkOptionalString('list', 'cursor (nextCursor of the previous page)', options.cursor);
    const folder = folderPath('list', options.path);
    const [client, prefix] = await Promise.all([load(), here.resolve()]);
    const page = await client.list(
      prefix + folder,
      options.delimiter ?? '/',
      options.pageSize ?? DEFAULT_PAGE_SIZE,
      options.cursor,
    );
    return {
      ...page,
      items: page.items.map((item) => withPath(prefix, item)),
      folders: page.folders.map((f): FolderItem => ({ ...f, path: relativePath(prefix, f.prefix) })),
    };
  }

  return {
    area,
    get prefix() {
      return here.known();
    },
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
      filePath('upload', path);
      checkOptions('upload', options);
      checkOptionalString('upload', 'contentType', options.contentType);
      checkOptionalFunction('upload', 'onProgress', options.onProgress);
      checkOptionalSignal('upload', options.signal);
      checkOptionalBoolean('upload', 'overwrite', options.overwrite);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      const uploaded = await client.upload(prefix + path, data, options).catch(existsAt(path));
      return withPath(prefix, uploaded);
    },

    async download(path, options = {}) {
      filePath('download', path);
      checkOptions('download', options);
      checkOptionalFunction('download', 'onProgress', options.onProgress);
      checkOptionalSignal('download', options.signal);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      return client.download(prefix + path, options);
    },

    async getDownloadUrl(path, options = {}) {
      filePath('getDownloadUrl', path);
      checkOptions('getDownloadUrl', options);
      checkOptionalString('getDownloadUrl', 'filename', options.filename);
      checkOptionalString('getDownloadUrl', 'versionId (from listVersions)', options.versionId);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      return client.getDownloadUrl(prefix + path, options);
    },

    async remove(path) {
      filePath('remove', path);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      return client.remove(prefix + path);
    },

    async removeMany(paths, options = {}) {
      if (!Array.isArray(paths)) fail('removeMany', 'the paths as an array of strings', paths);
      for (const path of paths) filePath('removeMany', path);
      checkRemoveOptions('removeMany', options);
      const prefix = await here.resolve();
      return removeKeys(
        prefix,
        paths.map((path) => prefix + path),
        options,
      );
    },

    async removeFolder(path, options = {}) {
      const folder = namedFolder('removeFolder', path);
      checkRemoveOptions('removeFolder', options);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      const keys = (await client.listKeys(prefix + folder)).map((item) => item.key);
      return removeKeys(prefix, keys, options);
    },

    async createFolder(path) {
      const folder = namedFolder('createFolder', path);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      await client.createFolder(prefix + folder);
      return { path: folder, prefix: prefix + folder, name: folder.slice(0, -1).split('/').pop() as string };
    },

    copy: (from, to, options = {}) => transferCall('copy', from, to, options),
    move: (from, to, options = {}) => transferCall('move', from, to, options),

    async rename(path, newName, options = {}) {
      if (typeof newName !== 'string') fail('rename', 'the new name as a string, e.g. "cat.png"', newName);
      checkName(newName);
      const isFolder = typeof path === 'string' && path.endsWith('/');
      const from = isFolder ? namedFolder('rename', path) : filePath('rename', path);
      const trimmed = isFolder ? from.slice(0, -1) : from;
      const parent = trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
      const to = `${parent}${newName}${isFolder ? '/' : ''}`;
      return transferCall('move', from, to, { ...options, toArea: undefined });
    },

    async listVersions(path) {
      filePath('listVersions', path);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      const key = prefix + path;
      const versions = await client.listVersions(key);
      return versions.filter((version) => version.key === key).map((version) => withPath(prefix, version));
    },

    async listDeleted(options = {}) {
      checkOptions('listDeleted', options);
      checkOptionalBoolean('listDeleted', 'recursive', options.recursive);
      const folder = folderPath('listDeleted', options.path);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      const { deletedFiles } = await import('./deleted-files.js');
      const versions = await client.listVersions(prefix + folder, options.recursive ? undefined : '/');
      return deletedFiles(versions).map((file) => withPath(prefix, file));
    },

    async restoreVersion(path, versionId) {
      filePath('restoreVersion', path);
      if (typeof versionId !== 'string' || versionId === '') {
        fail('restoreVersion', 'the versionId (from listVersions) as a non-empty string', versionId);
      }
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      const key = prefix + path;
      // HeadObject of that version first: its size, and NotFoundError before anything is written.
      const { name, size } = await client.head(key, versionId);
      const copied = await client.copy(key, key, { overwrite: true, versionId });
      return withPath(prefix, { key, name, size, ...copied });
    },

    async undelete(path) {
      filePath('undelete', path);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      const key = prefix + path;
      const { deletedFiles } = await import('./deleted-files.js');
      const versions = (await client.listVersions(key)).filter((version) => version.key === key);
      const deleted = deletedFiles(versions)[0];
      if (!deleted) {
        throw new NotFoundError(
          `"${path}" is not a deleted file: ${versions.length === 0 ? 'it never existed' : 'it is not deleted'}. Look in listDeleted() for what can be brought back.`,
        );
      }
      const copied = await client.copy(key, key, { overwrite: true, versionId: deleted.versionId });
      return withPath(prefix, { key, name: deleted.name, size: deleted.size, ...copied });
    },

    async head(path) {
      filePath('head', path);
      const [client, prefix] = await Promise.all([load(), here.resolve()]);
      return withPath(prefix, await client.head(prefix + path));
    },

    async preload() {
      await load();
    },
  };
}
