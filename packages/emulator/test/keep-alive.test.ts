/*
 * Pooled connections are never closed under a client. Before, the server dropped a connection
 * after 5 s idle (+1 s, Node's margin) even when a request had just arrived on it but the busy
 * server had not read it yet, and the client saw "other side closed": 10 of 200 concurrent SRP
 * sign-ins with amazon-cognito-identity-js failed that way. Here the client's event loop is
 * stalled past that idle time — as SRP math for many sessions stalls it (amazon-cognito-identity-js
 * computes each session's `A` synchronously) — and then the sign-ins reuse the pool; this fails on
 * the old server every time, on any machine, where the load alone fails only sometimes.
 * 50 sign-ins rather than 200: each costs the client ~0.1–0.6 s of CPU, and one is enough to show it.
 */
import diagnostics from 'node:diagnostics_channel';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { CognitoUserPool } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCognitoJs } from '../src/cognito/__tests__/cognito-js-sign-in.js';
import { type Harness, startHarness } from './harness.js';

const password = 'Correct-Horse-1';
const SIGN_INS = 50;
const POOLED_CONNECTIONS = 200;
/** Longer than the old server kept an idle connection (5 s + 1 s). */
const STALL_MS = 7000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    userPoolClient: { explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  });
  await h.createUser('ada@example.com', password);
});
afterAll(() => h.close());

/** Blocks this thread without spinning the CPU, as a busy event loop would. */
const stall = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('keep-alive connections', () => {
  it('serve concurrent SRP sign-ins that reuse the pool after the client stalled past the idle timeout', async () => {
    let connections = 0;
    const onConnected = () => {
      connections += 1;
    };
    // fetch (undici) reports each new connection here; amazon-cognito-identity-js uses fetch.
    diagnostics.subscribe('undici:client:connected', onConnected);
    try {
      const jwks = `${h.emulator.endpoint}/${h.model.userPool.id}/.well-known/jwks.json`;
      await Promise.all(
        Array.from({ length: POOLED_CONNECTIONS }, () => fetch(jwks).then((r) => r.arrayBuffer())),
      );
      const pooled = connections;
      stall(STALL_MS);
      const pool = new CognitoUserPool({
        UserPoolId: h.model.userPool.id,
        ClientId: h.model.userPoolClient.id,
        endpoint: h.emulator.endpoint,
      });
      const results = await Promise.all(
        Array.from({ length: SIGN_INS }, () =>
          signInWithCognitoJs(pool, 'ada@example.com', password).then(
            () => 'ok',
            (error: Error) => error.message,
          ),
        ),
      );
      expect(results.filter((result) => result !== 'ok')).toEqual([]);
      // The sign-ins did go over pooled connections (two requests each).
      expect(connections - pooled).toBeLessThan(2 * SIGN_INS);
    } finally {
      diagnostics.unsubscribe('undici:client:connected', onConnected);
    }
  }, 240_000);

  it('stay open across an idle pause, while telling clients to retire them after 5 s', async () => {
    const url = new URL(h.emulator.endpoint);
    // Node's agent with keepAlive and no idle timeout of its own, as the AWS SDK's is.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ socket: Socket; keepAlive: unknown }>((resolve, reject) => {
        const req = request(
          { host: url.hostname, port: url.port, path: '/_emulator/inbox', agent },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({ socket: req.socket as Socket, keepAlive: res.headers['keep-alive'] }),
            );
          },
        );
        req.once('error', reject);
        req.end();
      });
    try {
      const first = await get();
      expect(first.keepAlive).toBe('timeout=5');
      await sleep(STALL_MS);
      const second = await get();
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  }, 30_000);
});
