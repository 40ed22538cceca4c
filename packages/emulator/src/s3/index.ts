/*
 * The emulator's S3: one bucket (the stack's), path-style, on the emulator's port. Each request
 * is authenticated (SigV4 header or presigned query, against the credentials the identity pool
 * issued), routed to its operation, authorized with the stack's role and bucket policies, and
 * answered in S3's shapes; CORS follows the bucket's rules. Objects live under
 * `<dataDir>/s3/<bucket>`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { CredentialsLookup } from '../issued-credentials.js';
import type { StackModel } from '../stack-model.js';
import { authenticate } from './auth/sigv4.js';
import { createAuthorizer, type DecisionEvent } from './authorize.js';
import { corsHeaders, preflight } from './cors.js';
import { S3Errors, toS3Error } from './errors.js';
import { createOperations } from './operations/index.js';
import { sendError } from './reply.js';
import { parseRequestUrl, type RequestUrl } from './request-url.js';
import { resolveRoute } from './routes.js';
import { MultipartStore } from './storage/multipart-store.js';
import { ObjectStore } from './storage/object-store.js';

export type { DecisionEvent } from './authorize.js';
export { S3Error } from './errors.js';

export interface S3ServiceDeps {
  model: StackModel;
  /** The emulator's data dir; S3 keeps its files under `s3/<bucket>` in it. */
  dataDir: string;
  clock: Clock;
  lookupCredentials: CredentialsLookup;
  /** Called with every authorization decision (the `/_emulator/` page lists them). */
  onDecision?(event: DecisionEvent): void;
  /** Print each decision with the statement that made it (`--log-decisions`). */
  logDecisions?: boolean;
}

export interface S3Service {
  /** Answers one S3 request (anything that is not Cognito, JWKS or `/_emulator/`). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Waits for start-up and for requests in progress to settle; stored objects stay on disk. */
  close(): Promise<void>;
}

const MAX_KEY_BYTES = 1024;

/**
 * `x-amz-expected-bucket-owner` (and CopyObject's `x-amz-source-expected-bucket-owner`): "If the
 * account ID that you provide does not match the actual owner of the bucket, the request fails
 * with the HTTP status code 403 Forbidden (access denied)" (S3 API Reference, every operation).
 */
function checkExpectedOwners(req: IncomingMessage, accountId: string): void {
  for (const name of ['x-amz-expected-bucket-owner', 'x-amz-source-expected-bucket-owner']) {
    const expected = req.headers[name];
    if (expected !== undefined && expected !== accountId) throw S3Errors.accessDenied();
  }
}

/** Creates the S3 service; it loads the bucket's key index in the background and waits for it per request. */
export function createS3Service(deps: S3ServiceDeps): S3Service {
  const { model, clock } = deps;
  const root = join(deps.dataDir, 's3', model.bucket.name);
  const objects = new ObjectStore(root, () => clock.now());
  const uploads = new MultipartStore(root, objects.tmpDir);
  const ready = objects.open().then(() => uploads.open());
  ready.catch(() => {});
  const operations = createOperations({ model, clock, objects, uploads });

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: RequestUrl): Promise<void> {
    const method = req.method ?? 'GET';
    const ours = url.bucket === model.bucket.name;
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    if (method === 'OPTIONS') {
      if (!ours) throw S3Errors.noSuchBucket(url.bucket);
      const headers = preflight(
        model.bucket.cors,
        origin,
        req.headers['access-control-request-method'] as string | undefined,
        req.headers['access-control-request-headers'] as string | undefined,
      );
      res.writeHead(200, { ...headers, 'content-length': '0' });
      res.end();
      return;
    }
    if (ours)
      for (const [name, value] of Object.entries(corsHeaders(model.bucket.cors, origin, method)))
        res.setHeader(name, value);
    await ready;
    const auth = await authenticate(req, url, {
      region: model.region,
      clock,
      lookupCredentials: deps.lookupCredentials,
    });
    if (url.bucket !== '' && !ours) throw S3Errors.noSuchBucket(url.bucket);
    checkExpectedOwners(req, model.accountId);
    const route = resolveRoute(method, url, req.headers);
    const key = url.key ?? '';
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw S3Errors.keyTooLong();
    const authz = createAuthorizer(deps, auth.credentials, method);
    if (route.action) {
      authz.check({
        action: route.action,
        key: route.bucketLevel ? undefined : key,
        resource: route.resource,
        context: route.context,
      });
    }
    if (!route.operation) throw S3Errors.notImplemented(route.unsupported ?? `${method} ${url.rawPath}`);
    await operations[route.operation]({ req, res, url, key, auth, authz });
  }

  const inFlight = new Set<Promise<void>>();

  function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const done = answer(req, res).finally(() => inFlight.delete(done));
    inFlight.add(done);
    return done;
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    res.setHeader('x-amz-request-id', requestId);
    res.setHeader('x-amz-id-2', randomBytes(24).toString('base64'));
    res.setHeader('server', 'AmazonS3');
    // Kept now: a request destroyed by a failed body pipeline may no longer point at its socket.
    const socket = req.socket;
    let url: RequestUrl | undefined;
    try {
      url = parseRequestUrl(req.url ?? '/');
      await dispatch(req, res, url);
    } catch (error) {
      // The client went away (a dropped upload or download): nobody is left to answer.
      if (!socket || socket.destroyed) return;
      const s3Error = toS3Error(error);
      if (s3Error.status >= 500) console.error('[s3] internal error', error);
      if (res.headersSent) {
        // A stream failed mid-response (the client went away, or the disk did): cut the connection.
        res.destroy();
        return;
      }
      sendError(res, s3Error, { requestId, resource: url?.rawPath, head: req.method === 'HEAD' });
      // Let an unread upload body drain so the client sees the error rather than a reset.
      if (!req.complete) req.resume();
    }
  }

  return {
    handle,
    async close() {
      await ready.catch(() => {});
      await Promise.allSettled([...inFlight]);
    },
  };
}
