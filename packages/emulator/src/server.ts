/*
 * The emulator's one HTTP server and the dispatch between its halves. Before anything else, a
 * request whose `Host` is not the emulator's is refused (see `request-guard.ts`). Then
 * `/_emulator/` serves the developer page and the inbox (same-origin only: no CORS); what the
 * Cognito service accepts (an `X-Amz-Target`, a Cognito preflight, the user pool's
 * `.well-known/` documents; see `cognito/index.ts`) goes to Cognito; everything else is S3
 * (path-style, see `s3/index.ts`), sandboxed so that bucket content never acts as the emulator's
 * origin.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock.js';
import type { CognitoService } from './cognito/index.js';
import { sendJson } from './http.js';
import { foreignHostProblem } from './request-guard.js';
import type { RequestLog } from './request-log.js';
import type { S3Service } from './s3/index.js';

/** A node:http request handler. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The policy every S3 answer carries: a page or script uploaded to the bucket runs (scripts, forms,
 * pop-ups still work) but in an opaque origin, never the emulator's, so it cannot read the inbox.
 */
const BUCKET_CONTENT_POLICY = 'sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads';

/** Builds the request handler that guards the host and dispatches to the two halves and the pages. */
export function createRouter(deps: {
  cognito: CognitoService;
  s3: S3Service;
  /** The developer page and the inbox under `/_emulator/`. */
  pages: RequestHandler;
  requestLog: RequestLog;
  clock: Clock;
  /** Where an unexpected failure is reported. */
  log: (line: string) => void;
  /** The `Host` values to answer (see `allowedHosts`); known once the server listens. */
  allowedHosts: () => Set<string>;
}): RequestHandler {
  const { cognito, s3, pages, requestLog, clock, log, allowedHosts } = deps;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const hostProblem = foreignHostProblem(req.headers.host, allowedHosts());
    if (hostProblem !== undefined) {
      requestLog.add({
        time: clock.now(),
        service: 'emulator',
        operation: `${req.method} ${path}`,
        status: 421,
        error: 'MisdirectedRequest',
      });
      return sendJson(res, 421, { __type: 'MisdirectedRequest', message: hostProblem });
    }
    if (path === '/_emulator' || path.startsWith('/_emulator/')) return pages(req, res);
    if (cognito.accepts(req, path)) return cognito.handle(req, res);
    // Bucket content is served from this origin; sandboxed, its documents get an opaque origin and
    // cannot read /_emulator/ (no CORS there). Documents and workers heed this header; S3 clients ignore it.
    res.setHeader('content-security-policy', BUCKET_CONTENT_POLICY);
    const started = clock.now();
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
      log(`✖  ${req.method} ${path} failed: ${String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, { __type: 'InternalErrorException', message: 'Internal error' });
      else res.destroy();
    });
  };
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
