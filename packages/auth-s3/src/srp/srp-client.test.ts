/*
 * SRP client: a known-answer vector computed once with amazon-cognito-identity-js's
 * AuthenticationHelper (a = 0xa1…a1), a live cross-check against that helper for random inputs,
 * and a check against the server side of SRP-6a so a wrong formula cannot agree with itself.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBigInt, modPow, padHex } from './big-math.js';
import {
  computePasswordAuthenticationKey,
  computePasswordClaim,
  createSrpEphemeral,
  formatTimestamp,
} from './srp-client.js';

const require = createRequire(import.meta.url);
type JsbnValue = { toString(radix: number): string };
interface Helper {
  smallAValue: JsbnValue;
  largeAValue: JsbnValue | undefined;
  N: JsbnValue;
  getLargeAValue(cb: (err: unknown, value: JsbnValue) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: JsbnValue,
    salt: JsbnValue,
    cb: (err: unknown, key: Uint8Array) => void,
  ): void;
}
const AuthenticationHelper: new (poolName: string) => Helper =
  require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
const BigInteger: new (hex: string, radix: number) => JsbnValue =
  require('amazon-cognito-identity-js/lib/BigInteger').default;

const VECTOR = {
  userPoolId: 'us-east-1_AbCdEf123',
  userIdForSrp: '7d2c8e4a-1b3f-4c5d-9e6f-0a1b2c3d4e5f',
  password: 'Corr3ct-Horse!',
  smallA: 'a1'.repeat(32),
  salt: '9f3c0a7b1e2d4c5b6a79881726354453',
  srpB: `${'5'.repeat(700)}3`,
  secretBlock: 'c2VjcmV0LWJsb2NrLWJ5dGVzLWZyb20tY29nbml0bw==',
  now: new Date(Date.UTC(2026, 10, 5, 9, 7, 3)),
  expectedA:
    '78604b754341df90d89b6b6f863685f06670aa11b23e06bd273c7d699d8589b9217b0bd9c6779c5bf67889259965c46f9e1d688ee977d8606ddc9ffe5ce6403c8d9598e8e9dc3bfc9e12e19b586dbc85f4ecce8211f350f2364d0fd24c3c0deed7783d90f121c7c6f2ee7064e63d88d8fd1b0a7b3dfbe9bcd92db247c7c76b2a50d49ab4f6a68165f0192a088475da953aefeb4ee1fedc8f5488e01e89bfc8b3a2d0f1fd1f28829422c6999579ac84ec676994449cca9ba82311b40894153a00c8ba843bfb528e18d9cc6b0a532f305b5d250469983c989c2a332f7ae252845fb7d4188656f1c87ed94115108304dc5a2926fa7bd95d0e6a074cb9f3bc120275bef33f509482a5a9854935c830f6753e6d5d38be77d24819a1eb4286d228c1270d68e7aa5db7d33acc638600bfba76af6f6293c055ababd1b8f57b6e72b67f6c3253cd0053c37dda63d7bb0a1267397d78413e0c272f2789ddc707116ad8e2fa198848aacba9111264499e264060cbb03c3b25f4c3bf323a8128a67cc4688292',
  expectedKey: 'd24204c1b4cd13efea5432fad55d2827',
  expectedSignature: 'vvcD7O6F8Vkm/x6Not85eBMfK7pRnyNgP3dI9Zmia+s=',
  expectedTimestamp: 'Thu Nov 5 09:07:03 UTC 2026',
};

function helperResult(
  smallAHex: string,
  poolName: string,
  user: string,
  password: string,
  B: string,
  salt: string,
) {
  const helper = new AuthenticationHelper(poolName);
  helper.smallAValue = new BigInteger(smallAHex, 16);
  helper.largeAValue = undefined;
  return new Promise<{ A: string; key: string }>((resolve, reject) => {
    helper.getLargeAValue((err, A) => {
      if (err) return reject(err);
      helper.getPasswordAuthenticationKey(
        user,
        password,
        new BigInteger(B, 16),
        new BigInteger(salt, 16),
        (e, key) => (e ? reject(e) : resolve({ A: A.toString(16), key: bytesToHex(key) })),
      );
    });
  });
}

describe('srp-client', () => {
  it('matches the known-answer vector from amazon-cognito-identity-js', async () => {
    const ephemeral = createSrpEphemeral(hexToBigInt(VECTOR.smallA));
    expect(ephemeral.srpA).toBe(VECTOR.expectedA);
    const claim = await computePasswordClaim({
      userPoolId: VECTOR.userPoolId,
      password: VECTOR.password,
      ephemeral,
      challenge: {
        SRP_B: VECTOR.srpB,
        SALT: VECTOR.salt,
        SECRET_BLOCK: VECTOR.secretBlock,
        USER_ID_FOR_SRP: VECTOR.userIdForSrp,
      },
      now: VECTOR.now,
    });
    expect(claim).toEqual({
      PASSWORD_CLAIM_SIGNATURE: VECTOR.expectedSignature,
      PASSWORD_CLAIM_SECRET_BLOCK: VECTOR.secretBlock,
      TIMESTAMP: VECTOR.expectedTimestamp,
      USERNAME: VECTOR.userIdForSrp,
    });
  });

  it('derives the same key as AuthenticationHelper for random inputs', async () => {
    for (let i = 0; i < 4; i++) {
      const smallA = randomBytes(32).toString('hex');
      const salt = randomBytes(16).toString('hex');
      const B = randomBytes(384).toString('hex');
      const password = `P@ss-${randomBytes(6).toString('base64')}`;
      const user = crypto.randomUUID();
      const expected = await helperResult(smallA, 'Pool9', user, password, B, salt);
      const ephemeral = createSrpEphemeral(hexToBigInt(smallA));
      expect(ephemeral.srpA).toBe(expected.A);
      const key = await computePasswordAuthenticationKey({
        poolName: 'Pool9',
        userIdForSrp: user,
        password,
        ephemeral,
        srpB: hexToBigInt(B),
        salt: hexToBigInt(salt),
      });
      expect(bytesToHex(key)).toBe(expected.key);
    }
  });

  it('agrees with the server side of SRP-6a on the shared secret', async () => {
    // The server stores v = g^x; sends B = k·v + g^b; computes S = (A·v^u)^b. Both sides must meet.
    const N = hexToBigInt(new AuthenticationHelper('x').N.toString(16));
    const sha = async (hex: string) =>
      hexToBigInt(bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', Buffer.from(hex, 'hex')))));
    const shaText = async (text: string) =>
      bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
    const salt = hexToBigInt(randomBytes(16).toString('hex'));
    const x = await sha(padHex(salt) + (await shaText('Poolalice:secret')));
    const v = modPow(2n, x, N);
    const k = await sha(padHex(N) + padHex(2n));
    const b = hexToBigInt(randomBytes(32).toString('hex'));
    const B = (k * v + modPow(2n, b, N)) % N;
    const ephemeral = createSrpEphemeral();
    const u = await sha(padHex(ephemeral.largeA) + padHex(B));
    const serverS = modPow((ephemeral.largeA * modPow(v, u, N)) % N, b, N);
    const serverKey = await crypto.subtle.deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: Buffer.from(padHex(u), 'hex'),
        info: Buffer.from('Caldera Derived Key'),
      },
      await crypto.subtle.importKey('raw', Buffer.from(padHex(serverS), 'hex'), 'HKDF', false, [
        'deriveBits',
      ]),
      128,
    );
    const clientKey = await computePasswordAuthenticationKey({
      poolName: 'Pool',
      userIdForSrp: 'alice',
      password: 'secret',
      ephemeral,
      srpB: B,
      salt,
    });
    expect(bytesToHex(clientKey)).toBe(bytesToHex(new Uint8Array(serverKey)));
    const wrong = await computePasswordAuthenticationKey({
      poolName: 'Pool',
      userIdForSrp: 'alice',
      password: 'Secret',
      ephemeral,
      srpB: B,
      salt,
    });
    expect(bytesToHex(wrong)).not.toBe(bytesToHex(clientKey));
  });

  it('refuses B ≡ 0 mod N', async () => {
    const N = hexToBigInt(new AuthenticationHelper('x').N.toString(16));
    await expect(
      computePasswordAuthenticationKey({
        poolName: 'P',
        userIdForSrp: 'u',
        password: 'p',
        ephemeral: createSrpEphemeral(),
        srpB: N,
        salt: 1n,
      }),
    ).rejects.toThrow(/B = 0/);
  });

  it('formats the timestamp without zero-padding the day', () => {
    expect(formatTimestamp(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)))).toBe('Thu Jan 1 00:00:00 UTC 2026');
    expect(formatTimestamp(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))).toBe(
      'Thu Dec 31 23:59:59 UTC 2026',
    );
  });
});
