/*
 * The S3 half of `files`, loaded with a dynamic `import()` on first use (or `files.preload()`), so
 * the S3 client and the presigner stay out of the sign-in bundle. Works on full keys, one S3
 * request (or one paged listing) per method; the checks on what users typed happen in `files.ts`,
 * and the many-file operations built from these methods in `transfers.ts`.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createIdentityIds, type IdentityIds } from '../auth/identity-id.js';
import type { SessionStore } from '../auth/session-store.js';
import { createIdentityPoolApi, createS3Client } from '../clients.js';
import { toAuthS3Error } from '../error-mapping.js';
import {
  AbortedError,
  AlreadyExistsError,
  type AuthS3Error,
  InvalidParameterError,
  NotAuthorizedError,
} from '../errors.js';
import type {
  Auth,
  AuthS3Config,
  Clock,
  DownloadOptions,
  FileItem,
  FileVersion,
  FolderItem,
  Logger,
  UploadData,
  UploadOptions,
} from '../types.js';
import { chunks, MAX_KEYS_PER_DELETE } from './batches.js';
import { contentDisposition } from './content-disposition.js';
import { downloadObject } from './download-object.js';
import { createCredentialsProvider } from './identity-credentials.js';
import { missingOrDenied } from './missing-or-denied.js';
import { lastSegment } from './object-keys.js';
import { signUploadsUnsignedPayload } from './unsigned-payload.js';
import { type UploadTuning, uploadObject } from './upload-object.js';
import { toUploadSource } from './upload-source.js';

/** Presigned URLs live at most this long (S3's limit for SigV4). */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
export const DEFAULT_DOWNLOAD_URL_SECONDS = 3600;

export interface FilesClientDeps {
  config: AuthS3Config;
  auth: Auth;
  store: SessionStore;
  clock: Clock;
  logger: Logger;
  /** For the identity pool calls; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  tuning?: UploadTuning;
  /** The identity ids `auth.identityId()` answers from; default: its own, over `store`. */
  identityIds?: IdentityIds;
}

export type FilesClient = Awaited<ReturnType<typeof createFilesClient>>;

/** An item as the S3 half knows it, by key; `files.ts` adds the path relative to the files area. */
export type KeyedItem = Omit<FileItem, 'path'>;

/** A version or delete marker as the S3 half knows it; `files.ts` adds the path. */
export type KeyedVersion = Omit<FileVersion, 'path'>;

/** What one DeleteObjects request (or a run of them) did, key by key. */
export interface KeyedRemoval {
  removed: string[];
  failed: Array<{ key: string; error: AuthS3Error }>;
}

/** A page as the S3 half knows it, by keys and prefixes. */
export interface KeyedPage {
  items: KeyedItem[];
  folders: Omit<FolderItem, 'path'>[];
  nextCursor?: string;
}

export async function createFilesClient(deps: FilesClientDeps) {
  const { config, auth, store, clock, logger } = deps;
  const identity = createIdentityPoolApi(config, { logger, fetch: deps.fetch });
  const identityIds = deps.identityIds ?? createIdentityIds({ config, identity, auth, store });
  const credentials = createCredentialsProvider({ identity, identityIds, auth, clock });
  const s3 = createS3Client(S3Client, config, credentials, logger);
  signUploadsUnsignedPayload(s3);
  const Bucket = config.bucket;

  /** Runs one S3 request and translates its error (the one place this file catches SDK errors). */
  async function call<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const mapped = toAuthS3Error(error, { operation, key });
      // S3 rejected the credentials (expired early, revoked, clock skew): the next call fetches new ones.
      if (mapped instanceof NotAuthorizedError) credentials.reset();
      throw mapped;
    }
  }

  return {
    async list(prefix: string, delimiter: string, pageSize: number, cursor?: string): Promise<KeyedPage> {
      const page = await call('list', prefix, () =>
        s3.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix: prefix,
            Delimiter: delimiter || undefined,
            MaxKeys: pageSize,
            ContinuationToken: cursor,
          }),
        ),
      );
      return {
        // A zero-byte "folder marker" object named like the prefix is the folder itself, not a file in it.
        items: (page.Contents ?? [])
          .filter((object) => object.Key !== undefined && object.Key !== prefix)
          .map((object) => ({
            key: object.Key as string,
            name: lastSegment(object.Key as string),
            size: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
            etag: object.ETag ?? '',
          })),
        folders: (page.CommonPrefixes ?? []).flatMap((p) =>
          p.Prefix ? [{ prefix: p.Prefix, name: lastSegment(p.Prefix) }] : [],
        ),
        nextCursor: page.IsTruncated ? page.NextContinuationToken : undefined,
      };
    },

    /** Every object under `prefix`, all pages, in key order (the folder marker `prefix` included). */
    async listKeys(prefix: string): Promise<KeyedItem[]> {
      const items: KeyedItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('list', prefix, () =>
          s3.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: cursor })),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined) continue;
          items.push({
            key: object.Key,
            name: lastSegment(object.Key),
            size: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
            etag: object.ETag ?? '',
          });
        }
        cursor = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (cursor);
      return items;
    },

    /**
     * Every version and delete marker under `prefix` (all pages, S3 API Reference,
     * ListObjectVersions: KeyMarker and VersionIdMarker carry on), newest first per key; with a
     * delimiter, only the keys directly under `prefix`.
     */
    async listVersions(prefix: string, delimiter?: string): Promise<KeyedVersion[]> {
      const versions: KeyedVersion[] = [];
      let keyMarker: string | undefined;
      let versionIdMarker: string | undefined;
      do {
        const page = await call('listVersions', prefix, () =>
          s3.send(
            new ListObjectVersionsCommand({
              Bucket,
              Prefix: prefix,
              Delimiter: delimiter,
              KeyMarker: keyMarker,
              VersionIdMarker: versionIdMarker,
            }),
          ),
        );
        for (const v of page.Versions ?? []) {
          if (v.Key === undefined) continue;
          versions.push({
            key: v.Key,
            versionId: v.VersionId ?? 'null',
            isLatest: v.IsLatest === true,
            isDeleteMarker: false,
            size: v.Size ?? 0,
            lastModified: v.LastModified ?? new Date(0),
            etag: v.ETag ?? '',
          });
        }
        for (const m of page.DeleteMarkers ?? []) {
          if (m.Key === undefined) continue;
          versions.push({
            key: m.Key,
            versionId: m.VersionId ?? 'null',
            isLatest: m.IsLatest === true,
            isDeleteMarker: true,
            size: 0,
            lastModified: m.LastModified ?? new Date(0),
            etag: '',
          });
        }
        const more = page.IsTruncated === true;
        keyMarker = more ? page.NextKeyMarker : undefined;
        versionIdMarker = more ? page.NextVersionIdMarker : undefined;
      } while (keyMarker);
      return sortVersions(versions);
    },

    /**
     * The zero-byte folder marker `key` (ending in `/`), written only where there is none
     * (`If-None-Match: *`), so an existing folder keeps its marker and gains no version.
     */
    async createFolder(key: string): Promise<void> {
      await call('createFolder', key, () =>
        s3.send(new PutObjectCommand({ Bucket, Key: key, Body: new Uint8Array(0), IfNoneMatch: '*' })),
      ).catch((error: AuthS3Error) => {
        if (!(error instanceof AlreadyExistsError)) throw error;
      });
    },

    /**
     * CopyObject `from` (or its version `versionId`) to `to` in the bucket. Without `overwrite` it
     * sends `If-None-Match: *`: S3 answers 412 when `to` exists (S3 API Reference, CopyObject),
     * which is `AlreadyExistsError`. A 403 on a source that a listing shows is missing is
     * `NotFoundError`, as for `head`.
     */
    async copy(
      from: string,
      to: string,
      options: { overwrite: boolean; versionId?: string },
    ): Promise<{ etag: string; lastModified: Date }> {
      const source = `${Bucket}/${encodeKey(from)}${options.versionId === undefined ? '' : `?versionId=${encodeURIComponent(options.versionId)}`}`;
      const copied = await call('copy', from, () =>
        s3.send(
          new CopyObjectCommand({
            Bucket,
            Key: to,
            CopySource: source,
            IfNoneMatch: options.overwrite ? undefined : '*',
          }),
        ),
      ).catch(async (error: AuthS3Error) => {
        if (error instanceof AlreadyExistsError) {
          throw new AlreadyExistsError(`${to} already exists; nothing was copied.`, [to], { cause: error });
        }
        throw await missingOrDenied(s3, Bucket, error, { operation: 'copy', key: from });
      });
      return {
        etag: copied.CopyObjectResult?.ETag ?? '',
        lastModified: copied.CopyObjectResult?.LastModified ?? new Date(clock.now()),
      };
    },

    /**
     * Removes `keys` with DeleteObjects, at most 1,000 a request (S3's limit), reporting each key's
     * own result (not quiet mode, so removals are listed too). A request that fails as a whole fails
     * each of its keys with that error; an abort fails the keys not yet sent with `AbortedError`.
     */
    async removeKeys(
      keys: readonly string[],
      options: { signal?: AbortSignal; onBatch?: (done: number) => void } = {},
    ): Promise<KeyedRemoval> {
      const result: KeyedRemoval = { removed: [], failed: [] };
      for (const batch of chunks(keys, MAX_KEYS_PER_DELETE)) {
        if (options.signal?.aborted) {
          const error = new AbortedError('The removal was cancelled; these were not removed.');
          result.failed.push(...batch.map((key) => ({ key, error })));
          continue;
        }
        try {
          const answer = await call('removeMany', batch[0] as string, () =>
            s3.send(
              new DeleteObjectsCommand({
                Bucket,
                Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: false },
              }),
            ),
          );
          const answered = new Set<string>();
          for (const deleted of answer.Deleted ?? []) {
            if (deleted.Key === undefined) continue;
            answered.add(deleted.Key);
            result.removed.push(deleted.Key);
          }
          for (const failed of answer.Errors ?? []) {
            if (failed.Key === undefined) continue;
            answered.add(failed.Key);
            result.failed.push({ key: failed.Key, error: keyError(failed, failed.Key) });
          }
          for (const key of batch) {
            if (answered.has(key)) continue;
            result.failed.push({
              key,
              error: toAuthS3Error(
                {
                  name: 'MissingResult',
                  message: 'DeleteObjects did not answer for this key',
                  $metadata: {},
                },
                { operation: 'remove', key },
              ),
            });
          }
        } catch (error) {
          result.failed.push(...batch.map((key) => ({ key, error: error as AuthS3Error })));
        }
        options.onBatch?.(result.removed.length + result.failed.length);
      }
      return result;
    },

    async upload(key: string, data: UploadData, options: UploadOptions): Promise<KeyedItem> {
      const uploaded = await call('upload', key, () =>
        uploadObject(s3, { bucket: Bucket, key }, toUploadSource(data), { ...deps.tuning, ...options }),
      );
      return {
        key,
        name: lastSegment(key),
        size: uploaded.size,
        lastModified: new Date(clock.now()),
        etag: uploaded.etag,
      };
    },

    download(key: string, options: DownloadOptions): Promise<ReadableStream<Uint8Array>> {
      return call('download', key, () => downloadObject(s3, { bucket: Bucket, key }, options));
    },

    async getDownloadUrl(
      key: string,
      options: { expiresIn?: number; filename?: string; versionId?: string },
    ): Promise<string> {
      const requested = options.expiresIn;
      if (requested !== undefined && !(Number.isFinite(requested) && requested >= 1)) {
        throw new InvalidParameterError(
          `expiresIn must be a number of seconds, 1 or more (got ${requested}). Leave it out for one hour.`,
        );
      }
      return call('getDownloadUrl', key, async () => {
        const current = await credentials();
        // A URL cannot outlive the credentials that sign it.
        const remaining = Math.floor((current.expiration.getTime() - clock.now()) / 1000);
        const expiresIn = Math.max(
          1,
          Math.min(Math.floor(requested ?? DEFAULT_DOWNLOAD_URL_SECONDS), remaining, MAX_PRESIGN_SECONDS),
        );
        const command = new GetObjectCommand({
          Bucket,
          Key: key,
          VersionId: options.versionId,
          ResponseContentDisposition:
            options.filename === undefined ? undefined : contentDisposition(options.filename),
        });
        return getSignedUrl(s3, command, { expiresIn });
      });
    },

    async remove(key: string): Promise<void> {
      await call('remove', key, () => s3.send(new DeleteObjectCommand({ Bucket, Key: key })));
    },

    async head(key: string, versionId?: string) {
      const head = await call('head', key, () =>
        s3.send(new HeadObjectCommand({ Bucket, Key: key, VersionId: versionId })),
      ).catch(async (error: AuthS3Error) => {
        if (versionId !== undefined && httpStatus(error) === 400) {
          // S3 answers 400 InvalidArgument to a version id that cannot be one (a HEAD carries no body to say so).
          throw new InvalidParameterError(
            `"${versionId}" is not a version id of ${key}. Take one from listVersions().`,
            { cause: error, code: error.code },
          );
        }
        throw await missingOrDenied(s3, Bucket, error, { operation: 'head', key });
      });
      return {
        key,
        name: lastSegment(key),
        size: head.ContentLength ?? 0,
        lastModified: head.LastModified ?? new Date(0),
        etag: head.ETag ?? '',
        contentType: head.ContentType,
        metadata: head.Metadata ?? {},
      };
    },

    /** Credentials for the current user (exposed for tests and request counting). */
    credentials,
  };
}

/** The HTTP status of the AWS answer an error came from, if it came from one. */
function httpStatus(error: AuthS3Error): number | undefined {
  return (error.cause as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

/** A key in `x-amz-copy-source`: URL-encoded, its slashes kept (S3 API Reference, CopyObject). */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** A DeleteObjects `<Error>` entry as the error a single DeleteObject would have thrown. */
function keyError(entry: { Code?: string; Message?: string }, key: string): AuthS3Error {
  const error = Object.assign(new Error(entry.Message ?? entry.Code ?? 'not removed'), {
    name: entry.Code ?? 'UnknownError',
    $metadata: {},
  });
  return toAuthS3Error(error, { operation: 'remove', key });
}

/**
 * Versions and delete markers merged per key (the SDK hands them back in two lists), newest first:
 * by time, and the current one first among those made in the same second.
 */
function sortVersions(versions: KeyedVersion[]): KeyedVersion[] {
  return versions
    .map((version, index) => ({ version, index }))
    .sort(
      (a, b) =>
        (a.version.key < b.version.key ? -1 : a.version.key > b.version.key ? 1 : 0) ||
        Number(b.version.isLatest) - Number(a.version.isLatest) ||
        b.version.lastModified.getTime() - a.version.lastModified.getTime() ||
        a.index - b.index,
    )
    .map(({ version }) => version);
}
