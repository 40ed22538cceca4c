/*
 * The in-memory bucket behind the fake library's two areas, for component tests of the files view.
 * It keeps what the real library leans on: versions, delete markers, folder markers (`path/`), the
 * refusals (`AlreadyExistsError` for `overwrite: false`, `InvalidKeyError` for a bad path, before
 * anything is written) and a move that stops halfway with `TransferIncompleteError` when a copy is
 * denied. Paths are relative to the area, as in the library. Every call is recorded in `calls`.
 */
import type {
  AreaName,
  BatchProgress,
  DeletedFile,
  FileItem,
  Files,
  FileVersion,
  FolderItem,
  RemoveResult,
  TransferOptions,
  TransferredFile,
} from 'auth-s3';
import {
  AbortedError,
  AccessDeniedError,
  AlreadyExistsError,
  type AuthS3Error,
  InvalidKeyError,
  NotFoundError,
  TransferIncompleteError,
} from 'auth-s3/errors';

/** One version of a key; `data: null` is a delete marker. */
interface Version {
  versionId: string;
  data: Blob | null;
  lastModified: Date;
}

/** The bucket, shared by both areas: current objects and every key's versions, newest first. */
export interface FakeBucket {
  objects: Map<string, { data: Blob; lastModified: Date }>;
  versions: Map<string, Version[]>;
  /** Keys whose copy S3 refuses (as a deny in the role would): a move of them stops halfway. */
  denyCopy: Set<string>;
  /** The next version's number and time. */
  clock: { version: number; time: number };
}

/** An empty bucket. */
export function createFakeBucket(): FakeBucket {
  return {
    objects: new Map(),
    versions: new Map(),
    denyCopy: new Set(),
    clock: { version: 1, time: Date.UTC(2026, 0, 1) },
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The library's client-side path checks, in short. */
function checkPath(path: string): void {
  const parts = path.replace(/\/$/, '').split('/');
  if (path === '' || CONTROL.test(path) || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new InvalidKeyError(`The path "${path}" is not allowed.`, path);
  }
}

/**
 * One area of the fake library. `prefix()` is the area's prefix (undefined while it is not known);
 * `ready()` throws as the library does without a session.
 */
export function createFakeFiles(options: {
  area: AreaName;
  bucket: FakeBucket;
  calls: string[];
  prefix(): string | undefined;
  ready(operation: string): Promise<string>;
  /** The prefix of either area, for a copy or move between them. */
  prefixOf(area: AreaName): string | undefined;
}): Files {
  const { area, bucket, calls } = options;
  const { objects, versions } = bucket;
  const push = (key: string, data: Blob | null) => {
    const { clock } = bucket;
    clock.time += 60_000;
    const version = { versionId: `v${clock.version++}`, data, lastModified: new Date(clock.time) };
    versions.set(key, [version, ...(versions.get(key) ?? [])]);
    if (data) objects.set(key, { data, lastModified: version.lastModified });
    else objects.delete(key);
  };
  const item = (prefix: string, key: string): FileItem => {
    const o = objects.get(key);
    if (!o) throw new NotFoundError(`Nothing found at ${key.slice(prefix.length)}.`);
    return {
      path: key.slice(prefix.length),
      key,
      name: key.split('/').pop() ?? key,
      size: o.data.size,
      lastModified: o.lastModified,
      etag: '"e"',
    };
  };
  const under = (base: string) => [...objects.keys()].filter((k) => k.startsWith(base)).sort();
  const record = (call: string) => calls.push(`${area}:${call}`);

  const transfer = async (mode: 'copy' | 'move', from: string, to: string, opts: TransferOptions = {}) => {
    checkPath(from);
    checkPath(to);
    const prefix = await options.ready(mode);
    record(`${mode}:${from}->${opts.toArea ?? area}:${to}`);
    const targetPrefix = options.prefixOf(opts.toArea ?? area) ?? '';
    const folder = from.endsWith('/');
    const sources = folder
      ? under(`${prefix}${from}`)
      : objects.has(`${prefix}${from}`)
        ? [`${prefix}${from}`]
        : [];
    if (sources.length === 0) throw new NotFoundError(`Nothing found at ${from}.`);
    const pairs: TransferredFile[] = sources.map((key) => {
      const rel = key.slice(prefix.length);
      return { from: rel, to: folder ? `${to.replace(/\/?$/, '/')}${rel.slice(from.length)}` : to };
    });
    const existing = pairs.filter((p) => objects.has(`${targetPrefix}${p.to}`)).map((p) => p.to);
    if (existing.length > 0 && !opts.overwrite) {
      throw new AlreadyExistsError(
        `${existing.join(', ')} already exists. Replace it or choose another name.`,
        existing,
      );
    }
    const completed: TransferredFile[] = [];
    const failures: Array<{ path: string; error: AuthS3Error }> = [];
    for (const [i, pair] of pairs.entries()) {
      const sourceKey = `${prefix}${pair.from}`;
      if (opts.signal?.aborted) {
        failures.push({ path: pair.from, error: new AbortedError('The transfer was cancelled.') });
        break;
      }
      if (bucket.denyCopy.has(sourceKey)) {
        failures.push({ path: pair.from, error: new AccessDeniedError(`Access denied to ${pair.from}.`) });
        break;
      }
      const data = objects.get(sourceKey)?.data ?? new Blob([]);
      push(`${targetPrefix}${pair.to}`, data);
      if (mode === 'move') push(sourceKey, null);
      completed.push(pair);
      opts.onProgress?.({ done: i + 1, total: pairs.length });
    }
    const first = failures[0];
    if (first) {
      const notCopied = pairs.slice(completed.length);
      throw new TransferIncompleteError(
        `${mode === 'move' ? 'Moved' : 'Copied'} ${completed.length} of ${pairs.length} files.`,
        { completed, copiedNotRemoved: [], notCopied, failures },
        { cause: first.error },
      );
    }
    return { files: completed };
  };

  const removeKeys = async (
    prefix: string,
    paths: readonly string[],
    onProgress?: (p: BatchProgress) => void,
  ): Promise<RemoveResult> => {
    for (const path of paths) push(`${prefix}${path}`, null);
    onProgress?.({ done: paths.length, total: paths.length });
    return { removed: [...paths], failed: [] };
  };

  const files: Files = {
    area,
    get prefix() {
      return options.prefix();
    },
    async list(opts) {
      const prefix = await options.ready('list');
      record(`list:${opts?.path ?? ''}`);
      const base = `${prefix}${opts?.path ?? ''}`;
      const items: FileItem[] = [];
      const folders = new Map<string, string>();
      for (const key of under(base)) {
        const rest = key.slice(base.length);
        // A flat listing (delimiter '') shows every file below; folder markers (`a/`) are never files.
        const slash = opts?.delimiter === '' ? -1 : rest.indexOf('/');
        if (rest === '' || (slash < 0 && key.endsWith('/'))) continue;
        if (slash >= 0) folders.set(rest.slice(0, slash), `${base}${rest.slice(0, slash + 1)}`);
        else items.push(item(prefix, key));
      }
      const folderItems: FolderItem[] = [...folders].map(([name, p]) => ({
        name,
        prefix: p,
        path: p.slice(prefix.length),
      }));
      return { items, folders: folderItems };
    },
    async *listAll(opts) {
      yield await files.list(opts);
    },
    async upload(data, path, opts) {
      checkPath(path);
      const prefix = await options.ready('upload');
      record(`upload:${path}${opts?.overwrite === false ? ':if-none-match' : ''}`);
      const key = `${prefix}${path}`;
      if (opts?.overwrite === false && objects.has(key)) {
        throw new AlreadyExistsError(`${path} already exists.`, [path]);
      }
      const blob = data instanceof Blob ? data : new Blob([String(data)]);
      opts?.onProgress?.({ loaded: blob.size, total: blob.size });
      push(key, blob);
      return item(prefix, key);
    },
    async download(path) {
      const prefix = await options.ready('download');
      record(`download:${path}`);
      const data = objects.get(`${prefix}${path}`)?.data;
      if (!data) throw new NotFoundError(`Nothing found at ${path}.`);
      return data.stream();
    },
    async getDownloadUrl(path, opts) {
      const prefix = await options.ready('getDownloadUrl');
      const version = opts?.versionId ? `?versionId=${opts.versionId}` : '';
      return `https://example.test/${prefix}${path}${version}`;
    },
    async remove(path) {
      checkPath(path);
      const prefix = await options.ready('remove');
      record(`remove:${path}`);
      push(`${prefix}${path}`, null);
    },
    async removeMany(paths, opts) {
      for (const path of paths) checkPath(path);
      const prefix = await options.ready('removeMany');
      record(`removeMany:${paths.join(',')}`);
      return removeKeys(prefix, paths, opts?.onProgress);
    },
    async removeFolder(path, opts) {
      checkPath(path);
      const prefix = await options.ready('removeFolder');
      record(`removeFolder:${path}`);
      const folder = path.replace(/\/?$/, '/');
      const keys = under(`${prefix}${folder}`).map((k) => k.slice(prefix.length));
      return removeKeys(prefix, keys, opts?.onProgress);
    },
    async createFolder(path) {
      checkPath(path);
      const prefix = await options.ready('createFolder');
      const folder = path.replace(/\/?$/, '/');
      record(`createFolder:${folder}`);
      if (!objects.has(`${prefix}${folder}`)) push(`${prefix}${folder}`, new Blob([]));
      return {
        name: folder.slice(0, -1).split('/').pop() ?? folder,
        prefix: `${prefix}${folder}`,
        path: folder,
      };
    },
    copy: (from, to, opts) => transfer('copy', from, to, opts),
    move: (from, to, opts) => transfer('move', from, to, opts),
    async rename(path, newName, opts) {
      if (newName.includes('/')) throw new InvalidKeyError(`"${newName}" is a path, not a name.`, newName);
      const folder = path.endsWith('/');
      const trimmed = folder ? path.slice(0, -1) : path;
      const parent = trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
      return transfer('move', path, `${parent}${newName}${folder ? '/' : ''}`, opts);
    },
    async listVersions(path) {
      const prefix = await options.ready('listVersions');
      record(`listVersions:${path}`);
      const key = `${prefix}${path}`;
      return (versions.get(key) ?? []).map(
        (v, i): FileVersion => ({
          path,
          key,
          versionId: v.versionId,
          isLatest: i === 0,
          isDeleteMarker: v.data === null,
          size: v.data?.size ?? 0,
          lastModified: v.lastModified,
          etag: v.data ? '"e"' : '',
        }),
      );
    },
    async listDeleted(opts) {
      const prefix = await options.ready('listDeleted');
      record(`listDeleted:${opts?.path ?? ''}`);
      const base = `${prefix}${opts?.path ?? ''}`;
      const deleted: DeletedFile[] = [];
      for (const [key, list] of versions) {
        const rest = key.slice(base.length);
        if (!key.startsWith(base) || key.endsWith('/') || (!opts?.recursive && rest.includes('/'))) continue;
        const [newest] = list;
        const withBytes = list.find((v) => v.data !== null);
        if (newest?.data !== null || !withBytes) continue;
        deleted.push({
          path: key.slice(prefix.length),
          key,
          name: key.split('/').pop() ?? key,
          deletedAt: newest.lastModified,
          versionId: withBytes.versionId,
          size: withBytes.data?.size ?? 0,
        });
      }
      return deleted;
    },
    async restoreVersion(path, versionId) {
      const prefix = await options.ready('restoreVersion');
      record(`restoreVersion:${path}:${versionId}`);
      const version = versions.get(`${prefix}${path}`)?.find((v) => v.versionId === versionId);
      if (!version?.data) throw new NotFoundError(`${path} has no version ${versionId}.`);
      push(`${prefix}${path}`, version.data);
      return item(prefix, `${prefix}${path}`);
    },
    async undelete(path) {
      const prefix = await options.ready('undelete');
      record(`undelete:${path}`);
      const list = versions.get(`${prefix}${path}`) ?? [];
      const withBytes = list.find((v) => v.data !== null);
      if (list[0]?.data !== null || !withBytes?.data) throw new NotFoundError(`${path} is not deleted.`);
      push(`${prefix}${path}`, withBytes.data);
      return item(prefix, `${prefix}${path}`);
    },
    async head(path) {
      const prefix = await options.ready('head');
      return { ...item(prefix, `${prefix}${path}`), metadata: {} };
    },
    async preload() {
      calls.push('preload');
    },
  };
  return files;
}
