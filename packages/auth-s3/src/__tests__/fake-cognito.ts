/*
 * A fake `fetch` that answers Cognito's JSON 1.1 requests the way the service does, for unit tests:
 * each operation (read from `X-Amz-Target`) gets a canned answer, an error answer
 * (`{ __type, message }` with a 4xx/5xx status) or a thrown network failure; every request is
 * recorded so a test can check what was sent.
 */
import { createJsonClient, type JsonCall, type JsonService } from '../cognito/json-client.js';
import type { Logger } from '../types.js';

/** One request as the fake received it. */
export interface RecordedRequest {
  url: string;
  operation: string;
  headers: Headers;
  input: Record<string, unknown>;
}

/** An error answer, as Cognito sends one. */
export class ErrorAnswer {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {}
}

type Answer = unknown | ErrorAnswer;
type Handler = (input: Record<string, unknown>) => Answer | Promise<Answer>;

interface Rule {
  operation: string;
  match: Record<string, unknown>;
  handler: Handler;
}

/** Answers by operation; the most recently added rule whose `match` fits the input wins. */
export class FakeCognito {
  readonly requests: RecordedRequest[] = [];
  private readonly rules: Rule[] = [];

  /** `answer` is returned as JSON (status 200), or sent as an error if it is an `ErrorAnswer`. */
  on(operation: string, answer: Answer | Handler, match: Record<string, unknown> = {}): this {
    const handler = typeof answer === 'function' ? (answer as Handler) : () => answer;
    this.rules.push({ operation, match, handler });
    return this;
  }

  /** The inputs sent for `operation`, in order, optionally only those matching `match`. */
  calls<Input extends object = Record<string, unknown>>(
    operation: string,
    match: Record<string, unknown> = {},
  ): Input[] {
    return this.requests
      .filter((r) => r.operation === operation && matches(r.input, match))
      .map((r) => r.input as Input);
  }

  /** The `fetch` to inject. */
  readonly fetch = (async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    init?.signal?.throwIfAborted();
    const headers = new Headers(init?.headers);
    const operation = (headers.get('x-amz-target') ?? '').split('.')[1] ?? '';
    const input = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    this.requests.push({ url: String(url), operation, headers, input });
    const rule = this.rules.findLast((r) => r.operation === operation && matches(input, r.match));
    if (!rule) throw new Error(`The fake Cognito has no answer for ${operation}; add one with on().`);
    const answer = await rule.handler(input);
    if (answer instanceof ErrorAnswer) {
      return new Response(JSON.stringify({ __type: answer.code, message: answer.message }), {
        status: answer.status,
        headers: { 'content-type': 'application/x-amz-json-1.1', ...answer.headers },
      });
    }
    return new Response(JSON.stringify(answer ?? {}), {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-request' },
    });
  }) as typeof fetch;

  /** A JSON client on this fake that retries without waiting. */
  client(service: JsonService, logger: Logger): JsonCall {
    return createJsonClient({
      service,
      region: 'us-east-1',
      fetch: this.fetch,
      logger,
      retry: { sleep: async () => {} },
    });
  }
}

/** A network failure as Node's fetch reports it (`TypeError: fetch failed`, cause with a code). */
export function networkFailure(code = 'ECONNREFUSED'): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

function matches(input: Record<string, unknown>, match: Record<string, unknown>): boolean {
  return Object.entries(match).every(([key, value]) => input[key] === value);
}
