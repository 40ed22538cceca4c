/*
 * The emulator's Cognito: user pools (`AWSCognitoIdentityProviderService.<Op>`) and identity pools
 * (`AWSCognitoIdentityService.<Op>`) over AWS JSON 1.1 on the emulator's port, with CORS for any
 * origin as Cognito sends it, and the user pool's signing key at
 * `GET /{userPoolId}/.well-known/jwks.json` and `openid-configuration`. The S3 half's counterpart
 * is `s3/index.ts`; `server.ts` hands each request to one of them.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders, readBody, sendJson } from '../http.js';
import { assertIamSigned, requiresIamSignature } from '../request-guard.js';
import type { RequestLog } from '../request-log.js';
import {
  CognitoError,
  InternalError,
  SerializationError,
  UnknownOperationError,
  UnsupportedOperationError,
} from './errors.js';
import { cognitoIdentityOperations } from './identity-pools/operations.js';
import type { Operation } from './operation.js';
import type { Services } from './services/index.js';
import { cognitoIdpOperations } from './user-pools/operations.js';
import { wellKnownDocument } from './user-pools/well-known.js';

export interface CognitoServiceDeps {
  services: Services;
  /** Where each operation's outcome is recorded (the `/_emulator/` page lists them). */
  requestLog: RequestLog;
}

export interface CognitoService {
  /**
   * Whether the request is Cognito's: it carries `X-Amz-Target`, is a Cognito CORS preflight, or
   * asks for the user pool's `.well-known/` documents. `path` is the URL path without the query.
   */
  accepts(req: IncomingMessage, path: string): boolean;
  /** Answers one request that `accepts` took. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Waits for requests in progress to settle, so the store can be closed after them. */
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

/** The request's `X-Amz-Target`, or `undefined` when it has none. */
function targetOf(req: IncomingMessage): string | undefined {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' && target !== '' ? target : undefined;
}

/** A preflight for Cognito: to the root path, or asking for `x-amz-target`. */
function isCognitoPreflight(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'OPTIONS') return false;
  const requested = String(req.headers['access-control-request-headers'] ?? '').toLowerCase();
  return path === '/' || requested.split(/\s*,\s*/).includes('x-amz-target');
}

/** Creates the Cognito service over the services every operation draws on. */
export function createCognitoService(deps: CognitoServiceDeps): CognitoService {
  const { services, requestLog } = deps;
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
        caught instanceof CognitoError ? caught : new InternalError('Internal error', { cause: caught });
      if (error instanceof InternalError) services.log(`✖  ${target} failed: ${String(error.cause)}`);
      status = error.status;
      errorType = error.type;
      sendJson(
        res,
        error.status,
        { __type: error.type, message: error.message },
        { ...headers, 'x-amzn-errortype': error.type },
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

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const target = targetOf(req);
    if (target !== undefined) return handleJson(req, res, target);
    if (isCognitoPreflight(req, path)) {
      res.writeHead(200, { ...corsHeaders(req), 'content-length': '0' });
      return void res.end();
    }
    const { status, body } = wellKnownDocument(services, path.slice(poolPrefix.length));
    sendJson(res, status, body, corsHeaders(req));
  }

  const inFlight = new Set<Promise<void>>();

  return {
    accepts: (req, path) =>
      targetOf(req) !== undefined ||
      isCognitoPreflight(req, path) ||
      (req.method === 'GET' && path.startsWith(poolPrefix)),
    handle(req, res) {
      const done = answer(req, res).finally(() => inFlight.delete(done));
      inFlight.add(done);
      return done;
    },
    async close() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
