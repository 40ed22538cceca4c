/*
 * Starts the emulator in-process for the integration suites: a temporary data dir, a manual
 * clock shared with the library, and the shared test stack model (the synthesized AuthS3Stack:
 * objects under `public/`, listing only with a `public/` prefix). Also reads the inbox
 * over HTTP, as a person would read their mail.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type RunningEmulator, startEmulator } from '@auth-s3/emulator';
import { type FixtureOverrides, testStackModel } from '@auth-s3/emulator/testing';
import { parseOutputs } from '../src/config.js';
import type { AuthS3Config } from '../src/types.js';

export interface Harness {
  emulator: RunningEmulator;
  clock: ManualClock;
  config: AuthS3Config;
  dataDir: string;
  /** The newest code sent to `email`, read from `GET /_emulator/inbox?to=`. */
  latestCode(email: string, kind?: string): Promise<string>;
  /** Multipart uploads the emulator still holds (each is a directory). */
  pendingMultipartUploads(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts an emulator; `overrides` change the fixture's pool (e.g. `{ userPool: { mfaConfiguration: 'ON' } }`). */
export async function startHarness(overrides: FixtureOverrides = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'auth-s3-lib-'));
  const clock = new ManualClock(Date.now());
  const model = testStackModel(overrides);
  const emulator = await startEmulator({ dataDir, model, clock, quiet: true });
  // The same parser the app uses, on the emulator's outputs file shape.
  const config = parseOutputs({ AuthS3Stack: emulator.outputs });
  return {
    emulator,
    clock,
    config,
    dataDir,
    async latestCode(email, kind) {
      const response = await fetch(`${emulator.endpoint}/_emulator/inbox?to=${encodeURIComponent(email)}`);
      const messages = (await response.json()) as Array<{
        to: string;
        code: string;
        kind: string;
        sentAt: string;
      }>;
      const message = messages
        .filter((m) => m.to === email && (!kind || m.kind === kind))
        .sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0];
      if (!message) throw new Error(`No ${kind ?? ''} message to ${email} in the emulator's inbox`);
      return message.code;
    },
    async pendingMultipartUploads() {
      return readdir(join(dataDir, 's3', model.bucket.name, 'uploads')).catch(() => []);
    },
    async stop() {
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
