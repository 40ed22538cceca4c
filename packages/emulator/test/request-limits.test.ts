/*
 * A JSON request over 1 MiB is RequestEntityTooLargeException with HTTP 413 (AWS Common Errors:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html),
 * an answer SDKs do not retry — not a 500 or a reset connection, which the SDK sends again — and
 * the connection stays usable for the next request.
 */
import { Agent, request } from 'node:http';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY } from '../src/http.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('a JSON body over 1 MiB', () => {
  it('is RequestEntityTooLargeException 413, sent exactly once by the SDK', async () => {
    let attempts = 0;
    // The deserialize step runs once per attempt, inside the SDK's retry loop.
    h.idp.middlewareStack.add(
      (next) => (args) => {
        attempts += 1;
        return next(args);
      },
      { step: 'deserialize', name: 'countAttempts' },
    );
    try {
      const error = await h.idp
        .send(
          new SignUpCommand({
            ClientId: h.model.userPoolClient.id,
            Username: 'big@example.com',
            Password: 'Correct-Horse-1',
            UserAttributes: [{ Name: 'email', Value: 'x'.repeat(MAX_JSON_BODY) }],
          }),
        )
        .then(
          () => undefined,
          (caught: unknown) =>
            caught as Error & { $metadata: { httpStatusCode?: number; attempts?: number } },
        );
      expect({
        name: error?.name,
        status: error?.$metadata.httpStatusCode,
        attempts: error?.$metadata.attempts,
        sent: attempts,
      }).toEqual({ name: 'RequestEntityTooLargeException', status: 413, attempts: 1, sent: 1 });
    } finally {
      h.idp.middlewareStack.remove('countAttempts');
    }
  });

  it('is 413 when sent chunked (no Content-Length), and the connection then serves the next request', async () => {
    const url = new URL(h.emulator.endpoint);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const socketsUsed = new Set<unknown>();
    const post = (body: Buffer, chunked: boolean) =>
      new Promise<{ status: number; type: string }>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/',
            agent,
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
              ...(chunked
                ? { 'transfer-encoding': 'chunked' }
                : { 'content-length': Buffer.byteLength(body) }),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, type: JSON.parse(text).__type }));
          },
        );
        req.on('socket', (socket) => socketsUsed.add(socket));
        req.once('error', reject);
        // In pieces, so the server sees the limit crossed mid-stream.
        const piece = 64 * 1024;
        for (let at = 0; at < body.length; at += piece) req.write(body.subarray(at, at + piece));
        req.end();
      });
    try {
      const big = Buffer.from(`{"ClientId":"${'x'.repeat(MAX_JSON_BODY + 10)}"}`);
      expect(await post(big, true)).toEqual({ status: 413, type: 'RequestEntityTooLargeException' });
      expect(await post(big, false)).toEqual({ status: 413, type: 'RequestEntityTooLargeException' });
      const wellFormed = { ClientId: 'nope', Username: 'ada@example.com', Password: 'Passw0rd!' };
      expect(await post(Buffer.from(JSON.stringify(wellFormed)), false)).toEqual({
        status: 400,
        type: 'ResourceNotFoundException',
      });
      expect(socketsUsed.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});
