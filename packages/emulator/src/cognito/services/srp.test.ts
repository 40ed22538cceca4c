/*
 * Proves the server half of SRP against amazon-cognito-identity-js's own client half: the key
 * both sides derive is the same for the right password and different for a wrong one; and its
 * modular exponentiation (OpenSSL's RSA operation) against plain BigInt for random, even and edge
 * inputs, at milliseconds a call on every Node version.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SrpClient } from '../__tests__/srp-client.js';
import {
  checkPassword,
  computeSessionKey,
  createServerEphemeral,
  createVerifier,
  g,
  isValidClientPublic,
  modPowN,
  N,
  padHex,
  rsaModPowN,
} from './srp.js';

/** A random non-negative number of at most `bytes` bytes. */
function randomBigInt(bytes: number): bigint {
  return BigInt(`0x${randomBytes(bytes).toString('hex')}`);
}

/** base^exponent mod N by plain square-and-multiply, the reference modPowN must match. */
function reference(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let x = ((base % N) + N) % N;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * x) % N;
    x = (x * x) % N;
  }
  return result;
}

async function clientKey(poolName: string, userId: string, password: string, B: string, salt: string) {
  const client = new SrpClient(poolName);
  const A = await client.publicValue();
  return { A, key: await client.sessionKey(userId, password, B, salt) };
}

describe('srp', () => {
  it('derives the same session key as amazon-cognito-identity-js for the right password', async () => {
    const { salt, verifier } = createVerifier('Pool1', 'user-1', 'Correct-horse1!');
    const { b, B } = createServerEphemeral(verifier);
    const client = await clientKey('Pool1', 'user-1', 'Correct-horse1!', B, salt);
    expect(computeSessionKey({ A: client.A, B, b, verifier }).equals(client.key)).toBe(true);
  });

  it('derives a different key when the client uses a wrong password', async () => {
    const { salt, verifier } = createVerifier('Pool1', 'user-1', 'Correct-horse1!');
    const { b, B } = createServerEphemeral(verifier);
    const client = await clientKey('Pool1', 'user-1', 'Wrong-horse1!', B, salt);
    expect(computeSessionKey({ A: client.A, B, b, verifier }).equals(client.key)).toBe(false);
  });

  it('checks a password against the stored verifier', () => {
    const { salt, verifier } = createVerifier('Pool1', 'user-1', 'Secret-1');
    expect(checkPassword('Pool1', 'user-1', 'Secret-1', salt, verifier)).toBe(true);
    expect(checkPassword('Pool1', 'user-1', 'Secret-2', salt, verifier)).toBe(false);
    expect(checkPassword('Pool1', 'user-2', 'Secret-1', salt, verifier)).toBe(false);
  });

  it('costs milliseconds per modPowN, not the seconds of a Diffie-Hellman group set-up on Node 24', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) modPowN(randomBigInt(384), randomBigInt(32));
    // About 1 ms a call on a loaded machine; the old per-call group set-up cost ~2 s on Node 24.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('computes modPowN like plain square-and-multiply for random bases and exponents', () => {
    for (let i = 0; i < 10; i++) {
      const base = randomBigInt(384);
      // 256-bit exponents as SRP's b, u and x; 512-bit and odd ones too.
      for (const exponent of [randomBigInt(32), randomBigInt(64), randomBigInt(32) | 1n]) {
        expect(rsaModPowN(base % N, exponent)).toBe(reference(base, exponent));
        expect(modPowN(base, exponent)).toBe(reference(base, exponent));
      }
    }
  });

  it('computes modPowN for even exponents, with the generator and other bases', () => {
    for (let i = 0; i < 10; i++) {
      const even = randomBigInt(32) & ~1n;
      const base = randomBigInt(384);
      expect(rsaModPowN(g, even)).toBe(reference(g, even));
      expect(rsaModPowN(base % N, even)).toBe(reference(base, even));
      expect(modPowN(base, even)).toBe(reference(base, even));
    }
  });

  it('computes modPowN for edge bases and exponents, including those OpenSSL refuses', () => {
    const bases = [0n, 1n, 2n, N - 1n, N, N + 5n, -3n, 123456789n ** 20n];
    for (const base of bases) {
      for (const exponent of [0n, 1n, 2n, 0xdeadbeefcafen, N - 1n]) {
        expect(modPowN(base, exponent), `${base} ^ ${exponent}`).toBe(reference(base, exponent));
      }
    }
    // OpenSSL wants a public exponent below the modulus; larger ones take the BigInt path.
    for (const exponent of [N, N + 1n]) {
      expect(modPowN(123456789n ** 20n, exponent)).toBe(reference(123456789n ** 20n, exponent));
    }
  });

  it('pads hex the way Cognito does', () => {
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xabcn)).toBe('0abc');
  });

  it('rejects a client public value that is a multiple of N', () => {
    expect(isValidClientPublic(N.toString(16))).toBe(false);
    expect(isValidClientPublic('0')).toBe(false);
    expect(isValidClientPublic('zz')).toBe(false);
    expect(isValidClientPublic('1234')).toBe(true);
  });
});
