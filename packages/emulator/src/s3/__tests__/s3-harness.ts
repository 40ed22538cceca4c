/*
 * Test harness for the S3 service on its own: a node:http server on a random port around
 * `createS3Service`, a temp data dir, credentials issued the way the identity pool issues them,
 * and real SDK v3 clients pointed at it (path-style).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { ManualClock } from '../../clock.js';
import type { IssuedCredentials } from '../../issued-credentials.js';
import type { StackModel } from '../../stack-model.js';
import { createS3Service, type DecisionEvent, type S3Service } from '../index.js';
import { AUTH_ROLE_ARN, testStackModel } from './stack-fixture.js';

export interface S3Harness {
  endpoint: string;
  model: StackModel;
  clock: ManualClock;
  /** The emulator's data dir, alone in a fresh `parentDir`, so a stray write beside it shows. */
  dataDir: string;
  parentDir: string;
  decisions: DecisionEvent[];
  /** Every request the server received (method, url, headers), oldest first. */
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  /** Issues credentials for the role (default: the authenticated role), valid for `ttlMs`. */
  issue(options?: { roleArn?: string; ttlMs?: number }): IssuedCredentials;
  client(
    credentials: IssuedCredentials,
    options?: { requestChecksumCalculation?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED' },
  ): S3Client;
  /** Stops the server and starts a new service on the same data dir (restart persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface S3HarnessOptions {
  /**
   * How issued credentials are looked up: a Map (default), or a plain object indexed by the key id,
   * the naive table a lookup might be, whose prototype answers `constructor` or `__proto__`.
   */
  lookup?: 'map' | 'plain-object';
  /** The stack model to serve (default: the shared fixture's), e.g. with a role's policies changed. */
  model?: StackModel;
}

/** Starts the S3 service on a random port with a fresh data dir. */
export async function startS3Harness(options: S3HarnessOptions = {}): Promise<S3Harness> {
  const parentDir = await mkdtemp(join(tmpdir(), 'auth-s3-s3-'));
  const dataDir = join(parentDir, 'data');
  await mkdir(dataDir);
  const model = options.model ?? testStackModel();
  const clock = new ManualClock(Date.now());
  const issued = new Map<string, IssuedCredentials>();
  const table: Record<string, IssuedCredentials> = {};
  const lookupCredentials =
    options.lookup === 'plain-object' ? (id: string) => table[id] : (id: string) => issued.get(id);
  const decisions: DecisionEvent[] = [];
  const requests: S3Harness['requests'] = [];
  let service: S3Service;
  let server: Server;
  let port = 0;
  const start = async () => {
    service = createS3Service({
      model,
      dataDir,
      clock,
      lookupCredentials,
      onDecision: (event) => decisions.push(event),
    });
    server = createServer((req, res) => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      void service.handle(req, res);
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stopServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await service.close();
  };
  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    model,
    clock,
    dataDir,
    parentDir,
    decisions,
    requests,
    issue({ roleArn = AUTH_ROLE_ARN, ttlMs = 3600_000 } = {}) {
      const credentials: IssuedCredentials = {
        accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: randomBytes(64).toString('base64'),
        expiration: clock.now() + ttlMs,
        roleArn,
        identityId: `us-east-1:${randomUUID()}`,
      };
      issued.set(credentials.accessKeyId, credentials);
      table[credentials.accessKeyId] = credentials;
      return credentials;
    },
    client(credentials, options = {}) {
      return new S3Client({
        endpoint,
        region: model.region,
        forcePathStyle: true,
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
        },
        // The SDK's own clock must agree with the emulator's manual one.
        systemClockOffset: clock.now() - Date.now(),
        maxAttempts: 1,
        ...options,
      });
    },
    async restart() {
      await stopServer();
      await start();
    },
    async stop() {
      await stopServer();
      await rm(parentDir, { recursive: true, force: true });
    },
  };
}
