/*
 * Records the AWS requests a page makes (every request to the emulator's origin except CORS
 * preflights), each named by its operation (`InitiateAuth`, `GetId`, `ListObjectsV2`, …) with its
 * start and end, and works out how many of them ran one after another: a request's depth is one
 * more than the deepest request that had finished before it started.
 */
import type { Page, Request } from 'playwright-core';

/** One recorded request. */
export interface RecordedRequest {
  operation: string;
  start: number;
  end?: number;
  status?: number;
}

/** The operation a request performs: the Cognito target, or the S3 action from method and query. */
export function operationOf(method: string, url: string, target: string | undefined): string {
  if (target) return target.split('.').pop() ?? target;
  const { searchParams } = new URL(url);
  if (method === 'GET' && searchParams.get('list-type') === '2') return 'ListObjectsV2';
  if (method === 'GET') return 'GetObject';
  if (method === 'PUT') return searchParams.has('uploadId') ? 'UploadPart' : 'PutObject';
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'DELETE') return 'DeleteObject';
  return `${method} ${new URL(url).pathname}`;
}

/**
 * The longest chain of requests each of which started after the previous one had finished: the
 * number of sequential round trips.
 */
export function sequentialDepth(requests: RecordedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depths: number[] = [];
  sorted.forEach((request, index) => {
    let before = 0;
    for (let earlier = 0; earlier < index; earlier++) {
      const other = sorted[earlier] as RecordedRequest;
      if (other.end !== undefined && other.end <= request.start)
        before = Math.max(before, depths[earlier] ?? 0);
    }
    depths.push(before + 1);
  });
  return Math.max(0, ...depths);
}

/** Operations that appear more than once. */
export function repeated(requests: RecordedRequest[]): string[] {
  const seen = new Map<string, number>();
  for (const { operation } of requests) seen.set(operation, (seen.get(operation) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([operation]) => operation);
}

/** Records `page`'s requests to `origin` between `start()` and `stop()`. */
export function recordAwsRequests(page: Page, origin: string) {
  let current: RecordedRequest[] | undefined;
  const byRequest = new Map<Request, RecordedRequest>();
  page.on('request', (request) => {
    if (!current || !request.url().startsWith(origin) || request.method() === 'OPTIONS') return;
    const recorded: RecordedRequest = {
      operation: operationOf(request.method(), request.url(), request.headers()['x-amz-target']),
      start: performance.now(),
    };
    current.push(recorded);
    byRequest.set(request, recorded);
  });
  const finish = async (request: Request) => {
    const recorded = byRequest.get(request);
    if (!recorded) return;
    recorded.end = performance.now();
    recorded.status = (await request.response())?.status();
  };
  page.on('requestfinished', finish);
  page.on('requestfailed', finish);
  return {
    start() {
      current = [];
    },
    /** What has been recorded so far in this window (live: requests may still finish). */
    live(): RecordedRequest[] {
      return current ?? [];
    },
    stop(): RecordedRequest[] {
      const recorded = current ?? [];
      current = undefined;
      return recorded;
    },
  };
}
