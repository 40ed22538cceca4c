/*
 * The emulator's one HTTP server and its router. Requests carrying `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Op>` or `AWSCognitoIdentityService.<Op>` go to the
 * Cognito operations (JSON 1.1, CORS for any origin); `GET /{userPoolId}/.well-known/jwks.json`
 * and `openid-configuration` publish the signing key; `/_emulator/` serves the developer page
 * and the inbox (same-origin only: no CORS); everything else is S3 (path-style), sandboxed so that
 * bucket content never acts as the emulator's origin. Before any of that, a request whose `Host`
 * is not the emulator's is refused (see `request-guard.ts`).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cognitoIdentityOperations } from './cognito/identity-pools/operations.js';
import type { Operation } from './cognito/operation.js';
import type { Services } from './cognito/services/index.js';
import { jwksDocument } from './cognito/services/jwt.js';
import { cognitoIdpOperations } from './cognito/user-pools/operations.js';
import {
  EmulatorError,
  InternalError,
  SerializationError,
  UnknownOperationError,
  UnsupportedOperationError,
} from './errors.js';
import { corsHeaders, readBody, sendJson } from './http.js';
import { assertIamSigned, foreignHostProblem, requiresIamSignature } from './request-guard.js';
import type { RequestLog } from './request-log.js';
import { serveEmulatorPages } from './ui/emulator-pages.js';

/** What the router needs from the S3 half (see `s3/index.ts`). */
export interface S3Service {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/*
 * Keyed by request input, so Maps: a plain object would answer `constructor` or `__proto__` from
 * Object.prototype (one echoed the body back, others crashed).
 */
type OperationTable = ReadonlyMap<string, Operation<unknown, unknown>>;
type ServiceName = 'cognito-idp' | 'cognito-identity';

const TARGETS: ReadonlyMap<string, ServiceName> = new Map([
  ['AWSCognitoIdentityProviderService', 'cognito-idp'],
  ['AWSCognitoIdentityService', 'cognito-identity'],
]);

/** How AWS spells an operation name (`SignUp`, `GetCredentialsForIdentity`). */
const OPERATION_NAME = /^[A-Z][A-Za-z0-9]*$/;

function buildTable(
  factories: Record<string, (services: Services) => Operation<never, unknown>>,
  services: Services,
): OperationTable {
  return new Map(
    Object.entries(factories).map(([name, factory]) => [
      name,
      factory(services) as Operation<unknown, unknown>,
    ]),
  );
}

/**
 * The operation `target` names. A target that names no AWS operation (an unknown service, a
 * name such as `toString`) is UnknownOperationException, as AWS answers it; a well-formed name the
 * emulator does not implement fails loudly as UnsupportedOperation naming it.
 */
function findOperation(
  tables: ReadonlyMap<ServiceName, OperationTable>,
  target: string,
): { service: ServiceName; name: string; operation: Operation<unknown, unknown> } {
  const dot = target.indexOf('.');
  const service = dot === -1 ? undefined : TARGETS.get(target.slice(0, dot));
  const name = target.slice(dot + 1);
  const operation = service && tables.get(service)?.get(name);
  if (service && operation) return { service, name, operation };
  if (service && OPERATION_NAME.test(name)) throw new UnsupportedOperationError(name);
  throw new UnknownOperationError(
    `${JSON.stringify(target)} is not an operation: X-Amz-Target is AWSCognitoIdentityProviderService.<Operation> ` +
      'or AWSCognitoIdentityService.<Operation>.',
  );
}

/**
 * The policy every S3 answer carries: a page or script uploaded to the bucket runs (scripts, forms,
 * pop-ups still work) but in an opaque origin, never the emulator's, so it cannot read the inbox.
 */
const BUCKET_CONTENT_POLICY = 'sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads';

/** Builds the request handler over the services and the S3 half. */
export function createRouter(deps: {
  services: Services;
  s3: S3Service;
  requestLog: RequestLog;
  /** The `Host` values to answer (see `allowedHosts`); known once the server listens. */
  allowedHosts: () => Set<string>;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const { services, s3, requestLog, allowedHosts } = deps;
  const tables = new Map<ServiceName, OperationTable>([
    ['cognito-idp', buildTable(cognitoIdpOperations, services)],
    ['cognito-identity', buildTable(cognitoIdentityOperations, services)],
  ]);
  const poolPrefix = `/${services.model.userPool.id}/.well-known/`;

  async function handleJson(req: IncomingMessage, res: ServerResponse, target: string): Promise<void> {
    const headers = { ...corsHeaders(req), 'x-amzn-requestid': randomUUID() };
    const started = services.clock.now();
    let status = 200;
    let errorType: string | undefined;
    let found: ReturnType<typeof findOperation> | undefined;
    try {
      found = findOperation(tables, target);
      const { service, name, operation } = found;
      if (service === 'cognito-idp' && requiresIamSignature(name)) assertIamSigned(req, name);
      const body = await readBody(req);
      let request: unknown;
      try {
        request = body === '' ? {} : JSON.parse(body);
      } catch (error) {
        throw new SerializationError('Request body is not valid JSON', { cause: error });
      }
      if (typeof request !== 'object' || request === null || Array.isArray(request)) {
        throw new SerializationError('Request body must be a JSON object');
      }
      const response = await operation(request);
      sendJson(res, 200, response, headers, 'application/x-amz-json-1.1');
    } catch (caught) {
      const error =
        caught instanceof EmulatorError ? caught : new InternalError('Internal error', { cause: caught });
      if (error instanceof InternalError) services.log(`✖  ${target} failed: ${String(error.cause)}`);
      status = error.status;
      errorType = error.type;
      sendJson(
        res,
        error.status,
        { __type: error.type, message: error.message },
        {
          ...headers,
          'x-amzn-errortype': error.type,
        },
        'application/x-amz-json-1.1',
      );
    } finally {
      requestLog.add({
        time: started,
        service: found?.service ?? 'emulator',
        operation: found?.name ?? target,
        status,
        error: errorType,
      });
    }
  }

  function handleWellKnown(req: IncomingMessage, res: ServerResponse, document: string): void {
    const headers = corsHeaders(req);
    const issuer = `${services.endpoint()}/${services.model.userPool.id}`;
    if (document === 'jwks.json') {
      sendJson(res, 200, jwksDocument(services.keys), headers);
    } else if (document === 'openid-configuration') {
      sendJson(
        res,
        200,
        {
          issuer,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          response_types_supported: ['code', 'token'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          scopes_supported: ['openid', 'email', 'phone', 'profile'],
        },
        headers,
      );
    } else {
      sendJson(res, 404, { message: `No ${document} here; try jwks.json or openid-configuration` }, headers);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const hostProblem = foreignHostProblem(req.headers.host, allowedHosts());
    if (hostProblem !== undefined) {
      requestLog.add({
        time: services.clock.now(),
        service: 'emulator',
        operation: `${req.method} ${path}`,
        status: 421,
        error: 'MisdirectedRequest',
      });
      return sendJson(res, 421, { __type: 'MisdirectedRequest', message: hostProblem });
    }
    const target = req.headers['x-amz-target'];
    if (path === '/_emulator' || path.startsWith('/_emulator/')) {
      return serveEmulatorPages(req, res, { services, requestLog });
    }
    if (typeof target === 'string' && target !== '') return handleJson(req, res, target);
    if (req.method === 'OPTIONS' && isCognitoPreflight(req, path)) {
      res.writeHead(200, { ...corsHeaders(req), 'content-length': '0' });
      return void res.end();
    }
    if (req.method === 'GET' && path.startsWith(poolPrefix)) {
      return handleWellKnown(req, res, path.slice(poolPrefix.length));
    }
    // Bucket content is served from this origin; sandboxed, its documents get an opaque origin and
    // cannot read /_emulator/ (no CORS there). Documents and workers heed this header; S3 clients ignore it.
    res.setHeader('content-security-policy', BUCKET_CONTENT_POLICY);
    const started = services.clock.now();
    res.on('finish', () => {
      requestLog.add({
        time: started,
        service: 's3',
        operation: `${req.method} ${path}`,
        status: res.statusCode,
      });
    });
    return s3.handle(req, res);
  }

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      // The path only: a query string can hold a presigned URL's credential and signature.
      const path = (req.url ?? '/').split('?')[0];
      services.log(`✖  ${req.method} ${path} failed: ${String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, { __type: 'InternalErrorException', message: 'Internal error' });
      else res.destroy();
    });
  };
}

/** A preflight for Cognito: to the root path, or asking for `x-amz-target`. */
function isCognitoPreflight(req: IncomingMessage, path: string): boolean {
  const requested = String(req.headers['access-control-request-headers'] ?? '').toLowerCase();
  return path === '/' || requested.split(/\s*,\s*/).includes('x-amz-target');
}

/*
 * Keep-alive: a server that closes an idle connection races every client reusing it at that
 * moment, and loses whenever the server is busy (its close timer runs before it reads the request
 * that just arrived): the client sees "other side closed". Node's default closes idle sockets
 * after 5 s (+1 s), just when pooled clients (undici 4 s, Node's agent 5 s) reuse them, and under
 * 200 concurrent SRP sign-ins some did. So the server never closes a connection for being idle
 * between requests (`keepAliveTimeout` 0), and tells clients to retire idle ones after 5 s
 * (`Keep-Alive: timeout=5`, which undici follows): the client always closes first. Sockets a
 * client abandons without closing go after `IDLE_SOCKET_TIMEOUT` of silence.
 * `headersTimeout`/`requestTimeout` (Node's defaults) bound a request once it starts and do not
 * touch idle connections; `maxRequestsPerSocket` stays unlimited (no reason to recycle).
 */
const KEEP_ALIVE_HINT = 'timeout=5';
const IDLE_SOCKET_TIMEOUT = 10 * 60_000;

/** Listens on `host:port` (0 = a free port) and resolves with the server and its endpoint URL. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host: string,
  port: number,
): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((req, res) => {
    res.setHeader('keep-alive', KEEP_ALIVE_HINT);
    handler(req, res);
  });
  server.keepAliveTimeout = 0;
  server.timeout = IDLE_SOCKET_TIMEOUT;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { server, endpoint: `http://${shownHost}:${address.port}` };
}
