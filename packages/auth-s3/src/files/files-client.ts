/*
 * The S3 half of `files`, loaded with a dynamic `import()` on first use (or `files.preload()`), so
 * the S3 client and the presigner stay out of the sign-in bundle. Works on
 * full keys; the checks on what users typed happen in `files.ts` before this is reached.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { SessionStore } from '../auth/session-store.js';
import { createIdentityPoolApi, createS3Client } from '../clients.js';
import { toAuthS3Error } from '../error-mapping.js';
import { type AuthS3Error, InvalidParameterError, NotAuthorizedError } from '../errors.js';
import type {
  Auth,
  AuthS3Config,
  Clock,
  DownloadOptions,
  FileItem,
  FolderItem,
  Logger,
  UploadData,
  UploadOptions,
} from '../types.js';
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
}

export type FilesClient = Awaited<ReturnType<typeof createFilesClient>>;

/** An item as the S3 half knows it, by key; `files.ts` adds the path relative to the files area. */
export type KeyedItem = Omit<FileItem, 'path'>;

/** A page as the S3 half knows it, by keys and prefixes. */
export interface KeyedPage {
  items: KeyedItem[];
  folders: Omit<FolderItem, 'path'>[];
  nextCursor?: string;
}

export async function createFilesClient(deps: FilesClientDeps) {
  const { config, auth, store, clock, logger } = deps;
  const identity = createIdentityPoolApi(config, { logger, fetch: deps.fetch });
  const credentials = createCredentialsProvider({ config, identity, auth, store, clock });
  const s3 = await createS3Client(config, credentials, logger);
  signUploadsUnsignedPayload(s3);
  const Bucket = config.bucket;

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

    async getDownloadUrl(key: string, options: { expiresIn?: number; filename?: string }): Promise<string> {
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
          ResponseContentDisposition:
            options.filename === undefined ? undefined : contentDisposition(options.filename),
        });
        return getSignedUrl(s3, command, { expiresIn });
      });
    },

    async remove(key: string): Promise<void> {
      await call('remove', key, () => s3.send(new DeleteObjectCommand({ Bucket, Key: key })));
    },

    async head(key: string) {
      const head = await call('head', key, () => s3.send(new HeadObjectCommand({ Bucket, Key: key }))).catch(
        async (error: AuthS3Error) => {
          throw await missingOrDenied(s3, Bucket, error, { operation: 'head', key });
        },
      );
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
