/*
 * The public shapes of auth-s3: configuration, options, the `auth` and `files` facades and the
 * values they return. Implementation lives elsewhere; this file is the contract the web app and
 * other consumers build on.
 */

import type { PasswordPolicy } from '#outputs';

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
  /** Prefix every `files` key lives under. Default `public/`. */
  prefix?: string;
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
  | { status: 'newPasswordRequired'; completeNewPassword(newPassword: string): Promise<CurrentUser> }
  | { status: 'totpRequired'; submitCode(code: string): Promise<CurrentUser> }
  | ({
      status: 'totpSetupRequired';
      verify(code: string, deviceName?: string): Promise<CurrentUser>;
    } & TotpSetup);

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
  /** Valid tokens, refreshed single-flight when near expiry; `null` when signed out. */
  getSession(): Promise<Tokens | null>;
  /** From the stored id token, without a request; `null` when signed out. */
  currentUser(): CurrentUser | null;
  /** Returns an unsubscribe function. */
  onChange(listener: (event: AuthEvent) => void): () => void;
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
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Aborting leaves no object and no dangling multipart upload. No new request starts; the upload
   * rejects with `AbortedError` once S3 has answered the requests already sent and the clean-up is done.
   */
  signal?: AbortSignal;
}

export interface Files {
  /** The prefix every key lives under, e.g. `public/`. */
  readonly prefix: string;
  list(options?: ListOptions): Promise<ListPage>;
  /** Every page, lazily. */
  listAll(options?: Omit<ListOptions, 'cursor'>): AsyncIterable<ListPage>;
  /**
   * `path` is relative to the files area (`photos/cat.png`), like every path `files` takes. Data: File,
   * Blob, Uint8Array, ArrayBuffer, string, or a Node/web readable stream; anything else throws
   * `InvalidParameterError`. One PUT up to the threshold, parallel multipart above it.
   */
  upload(data: UploadData, path: string, options?: UploadOptions): Promise<FileItem>;
  /** A presigned GET, capped by the credentials' lifetime; `filename` sets Content-Disposition. */
  getDownloadUrl(path: string, options?: { expiresIn?: number; filename?: string }): Promise<string>;
  remove(path: string): Promise<void>;
  head(path: string): Promise<FileItem & { contentType?: string; metadata: Record<string, string> }>;
  /** Loads the S3 code ahead of the first call (e.g. while the user types a password). */
  preload(): Promise<void>;
}

export type UploadData = Blob | Uint8Array | ArrayBuffer | string | NodeJS.ReadableStream | ReadableStream;

export interface AuthS3 {
  auth: Auth;
  files: Files;
  mfa: Mfa;
  config: AuthS3Config;
}
