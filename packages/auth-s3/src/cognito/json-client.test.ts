/*
 * The Cognito JSON client against a scripted fake fetch: what goes on the wire, how error answers
 * are read (code, message, status, request id), the standard-mode retries and their backoff, abort
 * during a request and during a backoff, the logger entries, and a runtime without fetch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordingLogger } from '../__tests__/fakes.js';
import { toAuthS3Error } from '../error-mapping.js';
import { AbortedError, ConfigError, NetworkError, TooManyRequestsError, UserExistsError } from '../errors.js';
import {
  CognitoServiceError,
  createJsonClient,
  IDENTITY_POOLS,
  type RetryOptions,
  USER_POOLS,
} from './json-client.js';
import { sleep } from './retry-policy.js';

type Step = Response | Error | ((init: RequestInit) => Promise<Response>);

function scripted(...steps: Step[]) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({ url: String(url), init });
    const step = steps.shift();
    if (!step) throw new Error('The script ran out of answers.');
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(init) : step;
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'x-amzn-requestid': 'req-1', ...headers } });

function client(fetch: typeof globalThis.fetch, retry: Partial<RetryOptions> = {}, endpoint?: string) {
  const logger = new RecordingLogger();
  const delays: number[] = [];
  const call = createJsonClient({
    service: USER_POOLS,
    region: 'eu-west-1',
    endpoint,
    fetch,
    logger,
    retry: {
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...retry,
    },
  });
  return { call, logger, delays };
}

afterEach(() => vi.unstubAllGlobals());

describe('createJsonClient', () => {
  it('POSTs the input as JSON 1.1 with the target header to the regional endpoint', async () => {
    const { fetch, requests } = scripted(json(200, { UserConfirmed: false, UserSub: 'sub-1' }));
    const { call } = client(fetch);
    const output = await call('SignUp', { ClientId: 'c', Username: 'ada@example.com', Password: 'pw' });
    expect(output).toEqual({ UserConfirmed: false, UserSub: 'sub-1' });
    const [request] = requests;
    expect(request?.url).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(request?.init.method).toBe('POST');
    expect(new Headers(request?.init.headers).get('content-type')).toBe('application/x-amz-json-1.1');
    expect(new Headers(request?.init.headers).get('x-amz-target')).toBe(
      'AWSCognitoIdentityProviderService.SignUp',
    );
    expect(JSON.parse(String(request?.init.body))).toEqual({
      ClientId: 'c',
      Username: 'ada@example.com',
      Password: 'pw',
    });
  });

  it('uses the configured endpoint as-is, the identity service target, and the China domain', async () => {
    const local = scripted(new Response('', { status: 200 }));
    expect(await client(local.fetch, {}, 'http://127.0.0.1:4566').call('GetId', {})).toEqual({});
    expect(local.requests[0]?.url).toBe('http://127.0.0.1:4566');

    const china = scripted(json(200, {}));
    const call = createJsonClient({
      service: IDENTITY_POOLS,
      region: 'cn-north-1',
      fetch: china.fetch,
      logger: new RecordingLogger(),
    });
    await call('GetId', {});
    expect(china.requests[0]?.url).toBe('https://cognito-identity.cn-north-1.amazonaws.com.cn/');
    expect(new Headers(china.requests[0]?.init.headers).get('x-amz-target')).toBe(
      'AWSCognitoIdentityService.GetId',
    );
  });

  it('reads an error answer: namespace stripped from __type, message, status and request id', async () => {
    const { fetch } = scripted(
      json(400, { __type: 'com.amazonaws.cognito#UsernameExistsException', message: 'User already exists' }),
    );
    const error = await client(fetch)
      .call('SignUp', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({
      name: 'UsernameExistsException',
      message: 'User already exists',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'req-1', attempts: 1 },
    });
    const mapped = toAuthS3Error(error, { operation: 'signUp' });
    expect(mapped).toBeInstanceOf(UserExistsError);
    expect(mapped.cause).toBe(error);
  });

  it('prefers the x-amzn-errortype header and reads a capitalised Message', async () => {
    const { fetch } = scripted(
      json(
        400,
        { __type: 'Other', Message: 'Identity not found' },
        { 'x-amzn-errortype': 'ResourceNotFoundException:http://internal.amazon.com/' },
      ),
    );
    await expect(client(fetch).call('GetId', {})).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Identity not found',
    });
  });

  it('names an answer without a code UnknownError and keeps its status', async () => {
    const { fetch } = scripted(new Response('<html>Forbidden</html>', { status: 403 }));
    const error = await client(fetch)
      .call('SignUp', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownError', $metadata: { httpStatusCode: 403 } });
  });

  it('never retries a client error', async () => {
    const { fetch, requests } = scripted(json(400, { __type: 'NotAuthorizedException', message: 'no' }));
    await expect(client(fetch).call('InitiateAuth', {})).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    expect(requests).toHaveLength(1);
  });

  it('retries a server error with full-jitter backoff and returns the answer that follows', async () => {
    const { fetch, requests } = scripted(
      json(500, { __type: 'InternalErrorException', message: 'oops' }),
      json(503, { __type: 'ServiceUnavailable', message: 'busy' }),
      json(200, { IdentityId: 'id-1' }),
    );
    const { call, delays, logger } = client(fetch);
    expect(await call('GetId', {})).toEqual({ IdentityId: 'id-1' });
    expect(requests).toHaveLength(3);
    // random() = 0.5: half of 100 ms, then half of 200 ms.
    expect(delays).toEqual([50, 100]);
    expect(logger.requests()).toEqual(Array(3).fill('cognito-idp:GetIdCommand'));
  });

  it('waits longer after throttling, and gives up after three attempts with the last error', async () => {
    const throttled = () => json(400, { __type: 'TooManyRequestsException', message: 'Rate exceeded' });
    const { fetch, requests } = scripted(throttled(), throttled(), throttled());
    const { call, delays } = client(fetch, { random: () => 0.999 });
    const error = await call('ForgotPassword', {}).catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([499, 999]);
    expect(error).toMatchObject({ name: 'TooManyRequestsException', $metadata: { attempts: 3 } });
    expect(toAuthS3Error(error, { operation: 'forgotPassword' })).toBeInstanceOf(TooManyRequestsError);
  });

  it('retries a network failure and reports the last one as a NetworkError', async () => {
    const refused = () =>
      new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    const { fetch, requests } = scripted(refused(), refused(), refused());
    const error = await client(fetch)
      .call('InitiateAuth', {})
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(toAuthS3Error(error, { operation: 'signIn' })).toBeInstanceOf(NetworkError);
  });

  it('stops at once when the signal aborts during a backoff, and sends nothing once aborted', async () => {
    const { fetch, requests } = scripted(json(500, { __type: 'InternalErrorException' }));
    const controller = new AbortController();
    // The real sleep, stretched to a minute: only the abort can end it before the test times out.
    const { call } = client(fetch, { sleep: (_ms, signal) => sleep(60_000, signal) });
    setTimeout(() => controller.abort(), 10);
    const error = await call('GetId', {}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(requests).toHaveLength(1);
    expect(toAuthS3Error(error, { operation: 'list' })).toBeInstanceOf(AbortedError);

    await expect(call('GetId', {}, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests).toHaveLength(1);
  });

  it('passes the signal to fetch and does not retry the abort it causes', async () => {
    const controller = new AbortController();
    const { fetch, requests } = scripted(async (init) => {
      controller.abort();
      init.signal?.throwIfAborted();
      return json(200, {});
    });
    const error = await client(fetch)
      .call('GetId', {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(requests[0]?.init.signal).toBe(controller.signal);
    expect(requests).toHaveLength(1);
    expect(toAuthS3Error(error, { operation: 'list' })).toBeInstanceOf(AbortedError);
  });

  it('logs the operation of every attempt and never the input', async () => {
    const { fetch } = scripted(json(200, {}));
    const { call, logger } = client(fetch);
    await call('InitiateAuth', { AuthParameters: { REFRESH_TOKEN: 'secret-refresh-token' } });
    expect(logger.requests()).toEqual(['cognito-idp:InitiateAuthCommand']);
    expect(JSON.stringify(logger.entries)).not.toContain('secret-refresh-token');
  });

  it('throws ConfigError naming the fetch option when the runtime has no fetch', () => {
    vi.stubGlobal('fetch', undefined);
    expect(() =>
      createJsonClient({ service: USER_POOLS, region: 'eu-west-1', logger: new RecordingLogger() }),
    ).toThrow(ConfigError);
    expect(() =>
      createJsonClient({ service: USER_POOLS, region: 'eu-west-1', logger: new RecordingLogger() }),
    ).toThrow(/`fetch` option/);
  });
});
