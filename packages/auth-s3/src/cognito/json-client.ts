/*
 * A small client for Cognito's two JSON 1.1 APIs, user pools (`cognito-idp`) and identity pools
 * (`cognito-identity`). Every call auth-s3 makes to them is unsigned, so each is one POST of the
 * input as JSON with an `X-Amz-Target` header: no AWS SDK, which cost the sign-in screen 43.6 KiB
 * brotli. Errors carry the AWS code (`__type`), message, HTTP status and request id, shaped like the
 * SDK's service exceptions so `error-mapping.ts` reads both alike. Retries follow the SDK's
 * standard mode (`retry-policy.ts`); `sdk-fidelity.test.ts` checks the wire format against the SDK.
 */
import { ConfigError } from '../errors.js';
import type { Logger } from '../types.js';
import { backoffDelay, isRetryable, isThrottling, STANDARD_RETRY } from './retry-policy.js';

/** One of Cognito's JSON services: where it lives and how its targets are named. */
export interface JsonService {
  /** Host prefix, also the `service` the logger gets: `cognito-idp` or `cognito-identity`. */
  endpointPrefix: string;
  /** `X-Amz-Target` is `<targetPrefix>.<Operation>`. */
  targetPrefix: string;
}

/** Cognito user pools: sign-up, sign-in, tokens, passwords. */
export const USER_POOLS: JsonService = {
  endpointPrefix: 'cognito-idp',
  targetPrefix: 'AWSCognitoIdentityProviderService',
};

/** Cognito identity pools: identity ids and temporary AWS credentials. */
export const IDENTITY_POOLS: JsonService = {
  endpointPrefix: 'cognito-identity',
  targetPrefix: 'AWSCognitoIdentityService',
};

/** Retry tuning; the defaults are the SDK's standard mode. `random` and `sleep` are for tests. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts: number;
  /** Returns a number in [0, 1): the jitter. Default `Math.random`. */
  random: () => number;
  /** Waits `ms`, or rejects with the signal's reason when it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface JsonClientConfig {
  service: JsonService;
  region: string;
  /** Used as the URL as-is (the emulator); default `https://<prefix>.<region>.amazonaws.com/`. */
  endpoint?: string;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  logger: Logger;
  retry?: Partial<RetryOptions>;
}

export interface CallOptions {
  /** Aborting stops the request in flight and any retry still to come. */
  signal?: AbortSignal;
}

/** Sends one operation's input and resolves with its parsed output. */
export type JsonCall = <Output>(operation: string, input: object, options?: CallOptions) => Promise<Output>;

/** HTTP details of a Cognito error, named as the SDK names them. */
export interface ResponseMetadata {
  httpStatusCode: number;
  /** `x-amzn-requestid`: quote it to AWS support. */
  requestId?: string;
  /** How many attempts were made, retries included. */
  attempts: number;
}

/**
 * An error answer from Cognito: `name` is the AWS code without its namespace (e.g.
 * `UsernameExistsException`), `message` is Cognito's own. Callers see it only as the `cause` of an
 * `AuthS3Error`.
 */
export class CognitoServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: ResponseMetadata;

  constructor(code: string, message: string, metadata: ResponseMetadata) {
    super(message);
    this.name = code;
    this.$metadata = metadata;
    this.$fault = metadata.httpStatusCode >= 500 ? 'server' : 'client';
  }
}

/** Builds a client for one service; throws `ConfigError` when no `fetch` is available. */
export function createJsonClient(config: JsonClientConfig): JsonCall {
  const send = resolveFetch(config.fetch);
  const { endpointPrefix, targetPrefix } = config.service;
  const url = config.endpoint ?? defaultEndpoint(endpointPrefix, config.region);
  const retry: RetryOptions = { ...STANDARD_RETRY, ...config.retry };

  return async <Output>(operation: string, input: object, options: CallOptions = {}) => {
    const { signal } = options;
    const init: RequestInit = {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${targetPrefix}.${operation}`,
      },
      body: JSON.stringify(input),
      signal,
    };
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      // Named as the S3 client's entries are (`ListObjectsV2Command`); never the input, which holds secrets.
      config.logger.debug('aws request', { service: endpointPrefix, operation: `${operation}Command` });
      let failure: unknown;
      try {
        const response = await send(url, init);
        if (response.ok) return (await readJson(response)) as Output;
        failure = await toServiceError(response, attempt);
      } catch (error) {
        failure = error;
      }
      if (signal?.aborted || attempt >= retry.maxAttempts || !isRetryable(failure)) throw failure;
      await retry.sleep(backoffDelay(attempt, isThrottling(failure), retry.random), signal);
    }
  };
}

/** `https://cognito-idp.eu-west-1.amazonaws.com/`; the China regions use `amazonaws.com.cn`. */
export function defaultEndpoint(endpointPrefix: string, region: string): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${endpointPrefix}.${region}.${domain}/`;
}

function resolveFetch(injected: typeof fetch | undefined): typeof fetch {
  if (injected) return injected;
  if (typeof globalThis.fetch !== 'function') {
    throw new ConfigError(
      'This runtime has no global fetch, which auth-s3 needs to call Cognito. Use Node 20+ or a current browser, ' +
        'or pass one as the `fetch` option of createAuthS3.',
    );
  }
  // Called through globalThis each time: some browsers reject a detached `fetch` ("Illegal invocation").
  return (input, init) => globalThis.fetch(input, init);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

/** Reads an error answer the way the SDK does: the code from `x-amzn-errortype`, `code` or `__type`. */
async function toServiceError(response: Response, attempts: number): Promise<CognitoServiceError> {
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML page): the status still says what kind of failure it was.
  }
  const rawCode = response.headers.get('x-amzn-errortype') ?? body.code ?? body.__type;
  const code = typeof rawCode === 'string' && rawCode ? sanitizeErrorCode(rawCode) : 'UnknownError';
  const message =
    body.message ??
    body.Message ??
    response.headers.get('x-amzn-errormessage') ??
    (rawCode ? '' : `HTTP ${response.status} answer without an AWS error code`);
  return new CognitoServiceError(code, String(message), {
    httpStatusCode: response.status,
    requestId: response.headers.get('x-amzn-requestid') ?? undefined,
    attempts,
  });
}

/** `aws.cognito#NotAuthorizedException:http://…` → `NotAuthorizedException`. */
export function sanitizeErrorCode(raw: string): string {
  let code = raw.split(',')[0] ?? '';
  code = code.split(':')[0] ?? '';
  return code.includes('#') ? (code.split('#')[1] ?? '') : code;
}
