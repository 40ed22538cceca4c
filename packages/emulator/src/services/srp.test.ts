/*
 * Proves the server half of SRP against amazon-cognito-identity-js's own client half: the key
 * both sides derive is the same for the right password and different for a wrong one.
 */
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
} from './srp.js';

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

  it('computes modPowN like plain square-and-multiply, including bases OpenSSL refuses', () => {
    const slow = (base: bigint, e: bigint) => {
      let r = 1n;
      let x = base % N;
      for (let k = e; k > 0n; k >>= 1n) {
        if (k & 1n) r = (r * x) % N;
        x = (x * x) % N;
      }
      return r;
    };
    for (const base of [g, 1n, N - 1n, 123456789n ** 20n]) {
      expect(modPowN(base, 0xdeadbeefcafen)).toBe(slow(base, 0xdeadbeefcafen));
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
