/* big-math: modPow against a naive square-and-multiply, and padHex's sign-byte rule. */
import { describe, expect, it } from 'vitest';
import { modPow, padHex } from './big-math.js';

function naiveModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

describe('modPow', () => {
  it('equals square-and-multiply for random bases, exponents and base 2', () => {
    const modulus = (1n << 521n) - 1n;
    for (let i = 0; i < 50; i++) {
      const base = BigInt(Math.floor(Math.random() * 2 ** 52)) * 7919n + (i === 0 ? 0n : 2n);
      const exponent = BigInt(Math.floor(Math.random() * 2 ** 52)) ** 3n + BigInt(i);
      expect(modPow(base, exponent, modulus)).toBe(naiveModPow(base, exponent, modulus));
      expect(modPow(2n, exponent, modulus)).toBe(naiveModPow(2n, exponent, modulus));
    }
  });

  it('handles the edge exponents 0 and 1 and modulus 1', () => {
    expect(modPow(5n, 0n, 7n)).toBe(1n);
    expect(modPow(5n, 1n, 7n)).toBe(5n);
    expect(modPow(5n, 3n, 1n)).toBe(0n);
  });
});

describe('padHex', () => {
  it('pads to even length and prepends 00 when the top bit is set', () => {
    expect(padHex(0xfn)).toBe('0f');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0x1234n)).toBe('1234');
    expect(padHex(0xabcn)).toBe('0abc');
  });
});
