/*
 * Where the journeys run, chosen in this one place: an emulator started in-process (the default,
 * `pnpm test`: a temporary data dir, a manual clock shared with the library, the shared stack
 * fixture) or the deployed stack named by `packages/web/aws-outputs.json` (`pnpm test:aws` sets
 * AUTH_S3_TEST_TARGET=aws). Either way a suite gets the library's config and makes its own users
 * with admin calls (AdminCreateUser with the email verified, then the new-password challenge the
 * library answers), each under a fresh address, deleted again by `stop()` (AdminDeleteUser), so
 * every test can run alone and in any order. On AWS the admin calls and the cleanup use the
 * caller's own credentials (the SDK's default chain). What only the emulator can do, the inbox and
 * the manual clock, is behind `emulatorOnly`: such a case is skipped against AWS, with its reason.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type RunningEmulator, type StackModel, startEmulator } from '@auth-s3/emulator';
import { testStackModel } from '@auth-s3/emulator/testing';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { it } from 'vitest';
import { parseOutputs } from '../src/config.js';
import { createAuthS3 } from '../src/create-auth-s3.js';
import { memoryStorage } from '../src/token-storage.js';
import type { AuthS3Config } from '../src/types.js';
import { readAwsConfig } from './aws-outputs.js';

/** What the journeys run against. */
export type TargetKind = 'emulator' | 'aws';

/** `aws` under `pnpm test:aws`, else `emulator`. */
export const TARGET_KIND: TargetKind = process.env.AUTH_S3_TEST_TARGET === 'aws' ? 'aws' : 'emulator';

/** A running target: the library's config and what a suite needs around it. */
export interface JourneyTarget {
  kind: TargetKind;
  config: AuthS3Config;
  /** The clock the library shares with the emulator; undefined on AWS (the system clock). */
  clock: ManualClock | undefined;
  /** The emulator's manual clock; only in `emulatorOnly` cases. */
  manualClock(): ManualClock;
  /** The newest code sent to `email`, from the emulator's inbox; only in `emulatorOnly` cases. */
  latestCode(email: string, kind?: string): Promise<string>;
  /** An address no earlier test or run has used; if it becomes a user, `stop()` deletes it. */
  newEmail(label: string): string;
  /** A user an administrator created (AdminCreateUser, no invitation sent), under `newEmail(label)`. */
  adminCreateUser(label: string, temporaryPassword: string): Promise<string>;
  /** A confirmed user with a verified email and `password`, under `newEmail(label)`. */
  createUser(label: string, password: string): Promise<string>;
  /** A folder of its own under `public/` (e.g. `public/test-3f…/notes-…/`); `stop()` empties it on AWS. */
  newFolder(label: string): string;
  /** Has `stop()` delete every version of the object `key` on AWS (the emulator's bucket goes with it). */
  removeAfterwards(key: string): void;
  /** Has `stop()` delete every version under `prefix` on AWS (e.g. a folder in a private area). */
  removeFolderAfterwards(prefix: string): void;
  /** Multipart uploads still open under `prefix` (the emulator reports all of its bucket's). */
  pendingMultipartUploads(prefix: string): Promise<string[]>;
  /** Deletes the users and objects this target made, then stops the emulator. */
  stop(): Promise<void>;
}

/**
 * `it` for a case only the emulator can run (it reads the inbox or moves the clock): against AWS
 * it is reported as skipped, with `reason` in its name.
 */
export function emulatorOnly(reason: string) {
  return (name: string, fn: () => Promise<void>, timeout?: number) =>
    TARGET_KIND === 'aws' ? it.skip(`${name} [emulator only: ${reason}]`, fn) : it(name, fn, timeout);
}

const RUN = randomUUID().slice(0, 8);

/**
 * Starts the target this run is for. `model` replaces the emulator's stack model (a role with
 * other policies, say); a suite that passes one runs on the emulator only.
 */
export async function startTarget(options: { model?: StackModel } = {}): Promise<JourneyTarget> {
  if (options.model) return startLocalEmulator(options.model);
  return TARGET_KIND === 'aws' ? startAws() : startLocalEmulator(testStackModel());
}

interface TargetParts {
  kind: TargetKind;
  config: AuthS3Config;
  clock: ManualClock | undefined;
  admin: CognitoIdentityProviderClient;
  s3Admin: S3Client | undefined;
  emulator: RunningEmulator | undefined;
  pendingMultipartUploads(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

async function startLocalEmulator(model: StackModel): Promise<JourneyTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'auth-s3-lib-'));
  const clock = new ManualClock(Date.now());
  const emulator = await startEmulator({ dataDir, model, clock, quiet: true });
  // The same parser the app uses, on the emulator's outputs file shape.
  const config = parseOutputs({ AuthS3Stack: emulator.outputs });
  const admin = new CognitoIdentityProviderClient({
    region: config.region,
    endpoint: config.endpoint,
    // The emulator wants admin calls signed, with any key (README, "Admin operations need a signature").
    credentials: { accessKeyId: 'AKIAADMIN', secretAccessKey: 'admin-secret' },
  });
  return assemble({
    kind: 'emulator',
    config,
    clock,
    admin,
    s3Admin: undefined,
    emulator,
    pendingMultipartUploads: () => readdir(join(dataDir, 's3', model.bucket.name, 'uploads')).catch(() => []),
    async close() {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

async function startAws(): Promise<JourneyTarget> {
  const config = readAwsConfig();
  // No credentials given: the SDK's default chain, the caller's own (cognito-idp:Admin* on the pool).
  const admin = new CognitoIdentityProviderClient({ region: config.region });
  const s3Admin = new S3Client({ region: config.region });
  return assemble({
    kind: 'aws',
    config,
    clock: undefined,
    admin,
    s3Admin,
    emulator: undefined,
    async pendingMultipartUploads(prefix) {
      const page = await s3Admin.send(
        new ListMultipartUploadsCommand({ Bucket: config.bucket, Prefix: prefix }),
      );
      return (page.Uploads ?? []).map((u) => `${u.Key} ${u.UploadId}`);
    },
    async close() {
      admin.destroy();
      s3Admin.destroy();
    },
  });
}

function assemble(parts: TargetParts): JourneyTarget {
  const { kind, config, clock, admin, s3Admin, emulator } = parts;
  const emails = new Set<string>();
  const folders = new Set<string>();
  const keys = new Set<string>();
  const emulatorOnlyError = (what: string) =>
    new Error(`${what} exists only on the emulator: declare this case with emulatorOnly(reason)`);
  const target: JourneyTarget = {
    kind,
    config,
    clock,
    manualClock() {
      if (!clock) throw emulatorOnlyError('The manual clock');
      return clock;
    },
    async latestCode(email, codeKind) {
      if (!emulator) throw emulatorOnlyError('The inbox');
      // Read over HTTP, as a person would read their mail.
      const response = await fetch(`${emulator.endpoint}/_emulator/inbox?to=${encodeURIComponent(email)}`);
      const messages = (await response.json()) as Array<{
        to: string;
        code: string;
        kind: string;
        sentAt: string;
      }>;
      const message = messages
        .filter((m) => m.to === email && (!codeKind || m.kind === codeKind))
        .sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0];
      if (!message) throw new Error(`No ${codeKind ?? ''} message to ${email} in the emulator's inbox`);
      return message.code;
    },
    newEmail(label) {
      const email = `auth-s3-test+${label}-${RUN}-${randomUUID().slice(0, 8)}@example.com`;
      emails.add(email);
      return email;
    },
    async adminCreateUser(label, temporaryPassword) {
      const email = target.newEmail(label);
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: config.userPoolId,
          Username: email,
          TemporaryPassword: temporaryPassword,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          // No invitation mail: the test knows the temporary password.
          MessageAction: 'SUPPRESS',
        }),
      );
      return email;
    },
    async createUser(label, password) {
      // A temporary password that fits any policy the stack sets (length, cases, digit, symbol).
      const temporary = `Tmp-${randomBytes(9).toString('base64url')}-9aZ!`;
      const email = await target.adminCreateUser(label, temporary);
      const { auth } = createAuthS3(config, { storage: memoryStorage(), clock });
      const result = await auth.signIn(email, temporary);
      if (result.status !== 'newPasswordRequired') {
        throw new Error(
          `A new user ${email} signed in with "${result.status}" instead of a new-password challenge`,
        );
      }
      await result.completeNewPassword(password);
      await auth.signOut();
      return email;
    },
    newFolder(label) {
      const folder = `public/test-${RUN}/${label}-${randomUUID().slice(0, 8)}/`;
      folders.add(folder);
      return folder;
    },
    removeAfterwards(key) {
      keys.add(key);
    },
    removeFolderAfterwards(prefix) {
      folders.add(prefix);
    },
    pendingMultipartUploads: parts.pendingMultipartUploads,
    async stop() {
      const failures: unknown[] = [];
      for (const email of emails) {
        await admin
          .send(new AdminDeleteUserCommand({ UserPoolId: config.userPoolId, Username: email }))
          .catch((error: { name?: string }) => {
            // Addresses that never became users (a refused sign-up) are expected here.
            if (error.name !== 'UserNotFoundException') failures.push(error);
          });
      }
      if (s3Admin) {
        for (const folder of folders)
          await removeVersions(s3Admin, config.bucket, folder).catch((e) => failures.push(e));
        for (const key of keys)
          await removeVersions(s3Admin, config.bucket, key, true).catch((e) => failures.push(e));
      }
      await parts.close();
      if (failures.length > 0)
        throw new AggregateError(failures, 'Cleaning up the test users and objects failed');
    },
  };
  return target;
}

/**
 * Deletes every version and delete marker under `prefix`, or of exactly the key `prefix` when
 * `exact` (the stack's bucket is versioned, so a plain delete would leave the bytes behind).
 */
async function removeVersions(s3: S3Client, bucket: string, prefix: string, exact = false): Promise<void> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: prefix,
        KeyMarker: keyMarker,
        VersionIdMarker: versionIdMarker,
      }),
    );
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((v) => !exact || v.Key === prefix)
      .map((v) => ({ Key: v.Key, VersionId: v.VersionId }));
    if (objects.length > 0)
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker !== undefined);
}
