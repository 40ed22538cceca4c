/*
 * Tests for the TOTP arithmetic: RFC 6238 Appendix B's SHA-1 vectors (8 digits, the seed
 * "12345678901234567890"), RFC 4226 Appendix D's HOTP values, base32 round trips, the drift window
 * at both edges, and a code refused once its step is spent.
 */
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  checkTotp,
  hotp,
  newTotpSecret,
  TIME_STEP_MS,
  timeStep,
  totpCode,
} from './totp.js';

const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_SECRET = base32Encode(RFC_SEED);

describe('hotp', () => {
  // RFC 6238 Appendix B, the SHA-1 column: time (s) → 8-digit TOTP.
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches RFC 6238 Appendix B at T=%i s (SHA-1)', (seconds, expected) => {
    expect(hotp(RFC_SEED, timeStep(seconds * 1000), 8)).toBe(expected);
  });

  // RFC 4226 Appendix D: counter → 6-digit HOTP.
  it('matches RFC 4226 Appendix D for counters 0..9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(RFC_SEED, counter))).toEqual(expected);
  });
});

describe('base32', () => {
  it('encodes the RFC 6238 seed as authenticator apps expect, and decodes it back', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(RFC_SECRET)).toEqual(RFC_SEED);
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SEED);
  });

  it('refuses characters outside the alphabet', () => {
    expect(base32Decode('GEZD1')).toBeUndefined();
  });

  it('makes 32-character secrets of 20 random bytes', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });
});

describe('checkTotp', () => {
  const start = 1_700_000_010_000; // 10 s into a 30-second step
  const stepStart = timeStep(start) * TIME_STEP_MS;

  it('accepts the current code and the codes of one step either side, and no further', () => {
    const code = totpCode(RFC_SECRET, start);
    // One step later (last millisecond of the next step) the code still passes; one more, it does not.
    expect(checkTotp(RFC_SECRET, code, stepStart + 2 * TIME_STEP_MS - 1)).toEqual({
      ok: true,
      step: timeStep(start),
    });
    expect(checkTotp(RFC_SECRET, code, stepStart + 2 * TIME_STEP_MS)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    // A device one step ahead (the previous step at the server) passes; two steps, not.
    expect(checkTotp(RFC_SECRET, code, stepStart - TIME_STEP_MS)).toMatchObject({ ok: true });
    expect(checkTotp(RFC_SECRET, code, stepStart - TIME_STEP_MS - 1)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a code whose step is spent, and any older code, as reused', () => {
    const code = totpCode(RFC_SECRET, start);
    const { step } = checkTotp(RFC_SECRET, code, start) as { step: number };
    expect(checkTotp(RFC_SECRET, code, start, step)).toEqual({ ok: false, reason: 'reused' });
    const older = totpCode(RFC_SECRET, start - TIME_STEP_MS);
    expect(checkTotp(RFC_SECRET, older, start, step)).toEqual({ ok: false, reason: 'reused' });
    const next = totpCode(RFC_SECRET, start + TIME_STEP_MS);
    expect(checkTotp(RFC_SECRET, next, start + TIME_STEP_MS, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses wrong, short, long and non-digit codes as mismatches', () => {
    const code = totpCode(RFC_SECRET, start);
    for (const bad of [
      code.slice(1),
      `${code}0`,
      'abcdef',
      '',
      String((Number(code) + 1) % 1e6).padStart(6, '0'),
    ]) {
      expect(checkTotp(RFC_SECRET, bad, start)).toEqual({ ok: false, reason: 'mismatch' });
    }
  });
});
