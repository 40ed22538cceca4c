/*
 * When and how long the Cognito JSON client waits before trying again, after the AWS SDK's
 * standard retry mode: 3 attempts in all, full-jitter exponential backoff (100 ms base, 500 ms for
 * throttling, capped at 20 s), and only for throttling codes, server errors (5xx) and network
 * failures. A client error (any other 4xx: a wrong password, a taken email) is never retried.
 */

/** The SDK's throttling codes (`@smithy/service-error-classification`). */
const THROTTLING_CODES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT_CODES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

/** The SDK's standard mode. */
export const STANDARD_RETRY = { maxAttempts: 3, random: Math.random, sleep } as const;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** True for an error answer with a throttling code, or HTTP 429. */
export function isThrottling(error: unknown): boolean {
  const e = shape(error);
  return e.$metadata?.httpStatusCode === 429 || THROTTLING_CODES.has(String(e.name));
}

/** Throttling, 5xx, timeouts and network failures; never an abort or another 4xx. */
export function isRetryable(error: unknown, depth = 0): boolean {
  const e = shape(error);
  if (e.name === 'AbortError') return false;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return isThrottling(e) || TRANSIENT_CODES.has(String(e.name)) || status >= 500;
  if (TRANSIENT_CODES.has(String(e.name)) || NETWORK_CODES.has(String(e.code))) return true;
  // fetch rejects with a TypeError when no response came back ("fetch failed", "Failed to fetch", "Load failed").
  if (e.name === 'TypeError') return true;
  return depth < 5 && e.cause !== undefined && isRetryable(e.cause, depth + 1);
}

/** Full jitter: a random wait in [0, base × 2^(attempt − 1)), capped at 20 s; `attempt` counts from 1. */
export function backoffDelay(attempt: number, throttled: boolean, random: () => number): number {
  const base = throttled ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
  return Math.floor(Math.min(MAX_DELAY_MS, random() * 2 ** (attempt - 1) * base));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}
