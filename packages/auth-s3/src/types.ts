/*
 * The public shapes of auth-s3: configuration, options, the `auth` and `files` facades and the
 * values they return. Implementation lives elsewhere; this file is the contract the web app and
 * other consumers build on.
 */

import type { FileAreas, MfaMode, PasswordPolicy } from '#outputs';
import type { AuthS3Error } from './errors.js';

/** Parsed from the outputs file that `cdk deploy` (or the emulator) writes. */
export interface AuthS3Config {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  bucket: string;
  /** The emulator's endpoint, e.g. `http://127.0.0.1:4566`. Absent for real AWS. */
  endpoint?: string;
  /** The user pool's password policy, from the outputs file; for checking a new password as it is typed. */
  passwordPolicy?: PasswordPolicy;
  /**
   * The user pool's second-factor mode, from the outputs file: `OPTIONAL` (a user may turn an
   * authenticator app on and off), `ON` (every user must have one, so offer no "turn off"), `OFF`.
   */
  mfaMode?: MfaMode;
  /**
   * The bucket's two areas, from the outputs file: `publicPrefix` (`public/`) and
   * `privatePrefixPattern` (`private/{identityId}/`). Absent: those defaults.
   */
  areas?: FileAreas;
}

/** Where tokens and the cached identity id are kept. Browser and memory adapters are provided. */
export interface TokenStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

export interface Clock {
  now(): number;
}

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface AuthS3Options {
  /** Default: `localStorage` in browsers, memory in Node. Or `'memory' | 'local' | 'session'`. */
  storage?: TokenStorage | 'memory' | 'local' | 'session';
  clock?: Clock;
  /** Never receives tokens, passwords or credentials. Default: silent. */
  logger?: Logger;
  /**
   * Prefix every key of the shared area (`files`) lives under. Default: the outputs file's
   * `PublicPrefix` (`public/`).
   */
  prefix?: string;
  /**
   * Where `myFiles` lives: `{identityId}` stands for the identity pool's identity id (`region:uuid`,
   * see `auth.identityId()`), which is what the role's policy variable
   * `${cognito-identity.amazonaws.com:sub}` stands for; it is not the user pool's `sub`. Default: the
   * outputs file's `PrivatePrefixPattern` (`private/{identityId}/`).
   */
  privatePrefixPattern?: string;
  /** Multipart tuning. Defaults: threshold 8 MiB (one PUT up to it), parts of 8 MiB, 4 in parallel. */
  multipart?: MultipartOptions;
  /**
   * Sends the Cognito requests (user pools and identity pools), for tests and unusual runtimes.
   * Default: `globalThis.fetch`; `createAuthS3` throws `ConfigError` when there is neither. S3 goes
   * through the AWS SDK's own HTTP handler.
   */
  fetch?: typeof fetch;
  /** The issuer authenticator apps show next to the user's email (the `otpauth://` URI). Default `auth-s3`. */
  appName?: string;
}

export interface MultipartOptions {
  /** Bytes up to which one PutObject is used. Capped at `partSize`. */
  threshold?: number;
  /** Bytes per part; at least 5 MiB (S3's minimum). */
  partSize?: number;
  /** Parts uploaded in parallel. */
  concurrency?: number;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the id/access tokens expire. */
  expiresAt: number;
}

/** Claims of the id token, the ones a UI needs by name; the rest stay in `claims`. */
export interface CurrentUser {
  sub: string;
  email: string;
  emailVerified: boolean;
  username: string;
  claims: Record<string, unknown>;
}

export type AuthEvent =
  | { type: 'signedIn'; user: CurrentUser }
  | { type: 'signedOut' }
  | { type: 'refreshed'; user: CurrentUser }
  | { type: 'expired' };

export type SignUpResult = { userConfirmed: boolean; codeDeliveredTo?: string };

/** A new authenticator app's secret, to show as text and as a QR code of `uri`. */
export interface TotpSetup {
  /** Base32, as authenticator apps take it typed in. */
  secret: string;
  /** `otpauth://totp/<app>:<email>?secret=…&issuer=<app>`, for a QR code. */
  uri: string;
}

/**
 * `done` when signed in; `newPasswordRequired` when an admin-created user must set a password;
 * `totpRequired` when the user must type the code of their authenticator app (a wrong code throws
 * `CodeMismatchError` and may be retried on the same result for 3 minutes; after that
 * `ChallengeExpiredError` says to sign in again); `totpSetupRequired` when the pool requires an
 * authenticator app and the user has none yet: add `secret`/`uri` to the app, then `verify` a code.
 */
export type SignInResult =
  | { status: 'done'; user: CurrentUser }
  | {
      status: 'newPasswordRequired';
      /**
       * Sets the password and goes on: `done`, or the pool's second factor (`totpRequired`,
       * `totpSetupRequired`) when Cognito asks for it next.
       */
      completeNewPassword(newPassword: string): Promise<AfterNewPasswordResult>;
    }
  | { status: 'totpRequired'; submitCode(code: string): Promise<CurrentUser> }
  | ({
      status: 'totpSetupRequired';
      verify(code: string, deviceName?: string): Promise<CurrentUser>;
    } & TotpSetup);

/** What `completeNewPassword` leads to: signed in, or the second-factor step that follows. */
export type AfterNewPasswordResult = Exclude<SignInResult, { status: 'newPasswordRequired' }>;

/** The signed-in user's second factor (an authenticator app, TOTP). */
export interface MfaStatus {
  /** Sign-in asks for the app's code. */
  totpEnabled: boolean;
  /** The app is the user's preferred factor. */
  totpPreferred: boolean;
}

/** Setting up, turning on and off the signed-in user's authenticator app. */
export interface Mfa {
  /** Starts setting up an app; calling it again starts over with a new secret. */
  setUpTotp(): Promise<TotpSetup>;
  /** Confirms the app with a first code from it (6 digits). The factor stays off until `enableTotp`. */
  verifyTotp(code: string, deviceName?: string): Promise<void>;
  /** Sign-in asks for the app's code from now on (needs a verified app). */
  enableTotp(): Promise<void>;
  /** Sign-in stops asking for the code; the verified app stays registered. */
  disableTotp(): Promise<void>;
  status(): Promise<MfaStatus>;
}

export interface Auth {
  signUp(email: string, password: string, attributes?: Record<string, string>): Promise<SignUpResult>;
  /** With `autoSignIn` (default true) and the password from `signUp` still in memory, signs in too. */
  confirmSignUp(
    email: string,
    code: string,
    options?: { autoSignIn?: boolean },
  ): Promise<{ signedIn: boolean; user?: CurrentUser }>;
  resendCode(email: string): Promise<{ codeDeliveredTo?: string }>;
  signIn(email: string, password: string): Promise<SignInResult>;
  /** `global: true` signs out of every device (GlobalSignOut); otherwise revokes this refresh token. */
  signOut(options?: { global?: boolean }): Promise<void>;
  forgotPassword(email: string): Promise<{ codeDeliveredTo?: string }>;
  confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  /**
   * Deletes the signed-in user from the user pool (DeleteUser) and clears the session (`signedOut`).
   * Their files stay: remove them first (e.g. `myFiles.removeMany`), while the credentials still work.
   * @throws NotSignedInError when nobody is signed in.
   */
  deleteUser(): Promise<void>;
  /** Valid tokens, refreshed single-flight when near expiry; `null` when signed out. */
  getSession(): Promise<Tokens | null>;
  /** From the stored id token, without a request; `null` when signed out. */
  currentUser(): CurrentUser | null;
  /** Returns an unsubscribe function. */
  onChange(listener: (event: AuthEvent) => void): () => void;
  /**
   * The signed-in user's identity pool identity id (`region:uuid`), which names their private area
   * (`private/{identityId}/`). From storage when this user had one before, else one GetId call.
   * This is not `currentUser().sub` (the user pool's id for the user).
   *
   * @throws NotSignedInError when nobody is signed in.
   */
  identityId(): Promise<string>;
}

export interface FileItem {
  /** Relative to the files area, e.g. `photos/cat.png`: what `getDownloadUrl`, `head` and `remove` take. */
  path: string;
  /** Full S3 key, e.g. `public/photos/cat.png`. */
  key: string;
  /** Last path segment, e.g. `cat.png`. */
  name: string;
  size: number;
  lastModified: Date;
  etag: string;
}

export interface FolderItem {
  /** Relative to the files area, e.g. `photos/`: what `list({ path })` takes. */
  path: string;
  /** Full prefix, e.g. `public/photos/`. */
  prefix: string;
  /** e.g. `photos` */
  name: string;
}

export interface ListOptions {
  /** Relative to the files prefix, e.g. `photos/`. Default: the root. */
  path?: string;
  /** Default `/`; pass `''` for a flat listing. */
  delimiter?: string;
  /** Default 1000 (S3's maximum). */
  pageSize?: number;
  cursor?: string;
}

export interface ListPage {
  items: FileItem[];
  folders: FolderItem[];
  nextCursor?: string;
}

export interface UploadProgress {
  loaded: number;
  /** Bytes in all. For a stream of unknown length: the bytes read so far. */
  total: number;
}

export interface UploadOptions {
  contentType?: string;
  /**
   * Default `true`: an existing file at `path` is replaced (its old bytes stay as a version). With
   * `false` the upload is sent with `If-None-Match: *` and fails with `AlreadyExistsError` when the
   * file exists, so the app can ask "Replace?" and upload again with `overwrite: true`.
   */
  overwrite?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Aborting leaves no object and no dangling multipart upload. No new request starts; the upload
   * rejects with `AbortedError` once S3 has answered the requests already sent and the clean-up is done.
   */
  signal?: AbortSignal;
}

export interface DownloadOptions {
  /** Called when S3 has answered (`loaded` 0) and after each chunk read; `total` is the object's size. */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting cuts the request; the promise rejects (or the stream errors) with `AbortedError`. */
  signal?: AbortSignal;
}

/**
 * The two areas: `shared` (`public/`, every signed-in user reads and writes it) and `mine`
 * (`private/{identityId}/`, only the signed-in user).
 */
export type AreaName = 'shared' | 'mine';

/** How far a many-file operation has got; `total` is known once the source is listed. */
export interface BatchProgress {
  done: number;
  total: number;
}

/** Options of `copy` and `move`. */
export interface TransferOptions {
  /** The area `to` is in. Default: the same area as `from`. */
  toArea?: AreaName;
  /**
   * Default `false`: when anything already exists at the destination (the file, or for a folder any
   * of the files it would write) the call fails with `AlreadyExistsError` before copying anything,
   * naming what exists, so the app can ask first. `true` replaces (old bytes stay as versions).
   */
  overwrite?: boolean;
  /** Called after each file is copied (and, for a move, when the sources are removed). */
  onProgress?: (progress: BatchProgress) => void;
  /**
   * Stops starting new copies. Files already copied are finished (a move removes their sources), the
   * rest are left where they were, and the call rejects with `TransferIncompleteError` (cause:
   * `AbortedError`) listing both.
   */
  signal?: AbortSignal;
}

/** One file of a copy or move: paths relative to their areas. */
export interface TransferredFile {
  from: string;
  to: string;
}

/** What a completed `copy` or `move` did. */
export interface TransferResult {
  /** Every file copied (or moved), in key order; one entry for a single file. */
  files: TransferredFile[];
}

/** Options of `removeMany` and `removeFolder`. */
export interface RemoveOptions {
  /** Called after each DeleteObjects request (up to 1,000 keys each). */
  onProgress?: (progress: BatchProgress) => void;
  /** Stops before the next request; what was removed so far is reported. */
  signal?: AbortSignal;
}

/**
 * What `removeMany`/`removeFolder` did, key by key (S3 answers each key of a DeleteObjects request
 * on its own). Removing a key that does not exist counts as removed, as in S3.
 */
export interface RemoveResult {
  /** Paths removed (a delete marker now hides them; `listDeleted` and `undelete` bring them back). */
  removed: string[];
  /** Paths S3 refused or never got to, each with its own error (e.g. `AccessDeniedError`, `AbortedError`). */
  failed: Array<{ path: string; error: AuthS3Error }>;
}

/** One version of a file, newest first in `listVersions`. */
export interface FileVersion {
  path: string;
  /** Full S3 key. */
  key: string;
  /** S3's version id; `'null'` for an object written before versioning was on. */
  versionId: string;
  /** The current version (or the delete marker that hides the file). */
  isLatest: boolean;
  /** A delete marker: the file was removed at `lastModified`. It has no bytes. */
  isDeleteMarker: boolean;
  /** Bytes; 0 for a delete marker. */
  size: number;
  lastModified: Date;
  /** Empty for a delete marker. */
  etag: string;
}

/** A file whose newest version is a delete marker, with the version `undelete` brings back. */
export interface DeletedFile {
  path: string;
  key: string;
  name: string;
  /** When the delete marker was made. */
  deletedAt: Date;
  /** The newest version with bytes: what `undelete` copies back. */
  versionId: string;
  size: number;
}

export interface ListDeletedOptions {
  /** The folder, relative to the area. Default: the root. */
  path?: string;
  /** Default `false`: only the folder's own files; `true` also those in its sub-folders. */
  recursive?: boolean;
}

export interface Files {
  /** Which area this is. */
  readonly area: AreaName;
  /**
   * The prefix every key of this area lives under: `public/`, or `private/{identityId}/` for `mine`.
   * For `mine` it is `undefined` until the identity id is known (after the first call, or after
   * `auth.identityId()`); it goes back to `undefined` on sign-out.
   */
  readonly prefix: string | undefined;
  list(options?: ListOptions): Promise<ListPage>;
  /** Every page, lazily. */
  listAll(options?: Omit<ListOptions, 'cursor'>): AsyncIterable<ListPage>;
  /**
   * `path` is relative to the files area (`photos/cat.png`), like every path `files` takes. Data: File,
   * Blob, Uint8Array, ArrayBuffer, string, or a Node/web readable stream; anything else throws
   * `InvalidParameterError`. One PUT up to the threshold, parallel multipart above it.
   */
  upload(data: UploadData, path: string, options?: UploadOptions): Promise<FileItem>;
  /**
   * The object as a web `ReadableStream` (GetObject), read as the caller pulls it. Resolves once S3
   * has answered, so a missing file rejects with `NotFoundError` before any byte is read.
   */
  download(path: string, options?: DownloadOptions): Promise<ReadableStream<Uint8Array>>;
  /**
   * A presigned GET, capped by the credentials' lifetime; `filename` sets Content-Disposition;
   * `versionId` (from `listVersions`) downloads that version.
   */
  getDownloadUrl(
    path: string,
    options?: { expiresIn?: number; filename?: string; versionId?: string },
  ): Promise<string>;
  remove(path: string): Promise<void>;
  /**
   * Removes many files with DeleteObjects: one request per 1,000 paths, each path's own result
   * reported. Paths are checked before any request (`InvalidKeyError`).
   */
  removeMany(paths: readonly string[], options?: RemoveOptions): Promise<RemoveResult>;
  /** Removes a folder (`photos/` or `photos`) with every file and sub-folder in it. */
  removeFolder(path: string, options?: RemoveOptions): Promise<RemoveResult>;
  /**
   * Creates an empty folder: the zero-byte key `path/` (S3 has no folders; listings show it as a
   * folder, and `list` never shows it as a file). An existing folder is left as it is.
   */
  createFolder(path: string): Promise<FolderItem>;
  /**
   * Copies a file, or a folder (a `from` that ends with `/`) with everything in it, within this area
   * or to `options.toArea`. One CopyObject per file; the bytes never pass through the app.
   *
   * @throws AlreadyExistsError (default `overwrite: false`) before anything is copied.
   * @throws TransferIncompleteError when some files were copied and then one failed: it lists both.
   */
  copy(from: string, to: string, options?: TransferOptions): Promise<TransferResult>;
  /**
   * Moves (renames) a file or a folder (a `from` that ends with `/`): each file is copied, and its
   * source removed only once its copy exists, so a failure halfway loses nothing.
   *
   * @throws AlreadyExistsError (default `overwrite: false`) before anything is copied.
   * @throws TransferIncompleteError listing what moved, what was copied but not yet removed, and
   *   what was left where it was.
   */
  move(from: string, to: string, options?: TransferOptions): Promise<TransferResult>;
  /**
   * Renames a file, or a folder (a `path` ending in `/`), in its folder: a `move` to `newName`,
   * which must be a name, not a path (no `/`: `InvalidKeyError`). Same errors as `move`.
   */
  rename(path: string, newName: string, options?: Omit<TransferOptions, 'toArea'>): Promise<TransferResult>;
  /** Every version of a file, newest first, delete markers included. */
  listVersions(path: string): Promise<FileVersion[]>;
  /** The folder's deleted files (newest version a delete marker) that `undelete` can bring back. */
  listDeleted(options?: ListDeletedOptions): Promise<DeletedFile[]>;
  /**
   * Makes an earlier version the current one by copying it back as the newest version; the versions
   * in between stay (nothing here can delete a version).
   *
   * @throws NotFoundError when the file has no such version.
   */
  restoreVersion(path: string, versionId: string): Promise<FileItem>;
  /**
   * Brings a deleted file back: copies its newest version with bytes back as the newest version.
   *
   * @throws NotFoundError when the file is not deleted (or never existed).
   */
  undelete(path: string): Promise<FileItem>;
  head(path: string): Promise<FileItem & { contentType?: string; metadata: Record<string, string> }>;
  /** Loads the S3 code ahead of the first call (e.g. while the user types a password). */
  preload(): Promise<void>;
}

/**
 * An open local file in Node: what `fs.promises.open(path)` returns. `upload()` reads it part by
 * part at each part's offset (no stream, no extra copy) and leaves it open: the caller closes it.
 * The file must not change while it is read (`FileChangedError`).
 */
export interface UploadFileHandle {
  readonly fd: number;
  stat(): Promise<{ size: number; mtimeMs: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

export type UploadData =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | string
  | NodeJS.ReadableStream
  | ReadableStream
  | UploadFileHandle;

export interface AuthS3 {
  auth: Auth;
  /** The shared area (`public/`). */
  files: Files;
  /** The signed-in user's own area (`private/{identityId}/`), following whoever is signed in. */
  myFiles: Files;
  /** `files` for `'shared'`, `myFiles` for `'mine'` (e.g. from a URL). */
  area(name: AreaName): Files;
  mfa: Mfa;
  config: AuthS3Config;
}
