/*
 * Time-based one-time passwords as authenticator apps compute them (RFC 6238 over RFC 4226's
 * HOTP): HMAC-SHA-1 of the 30-second time step, dynamically truncated to 6 digits. Secrets travel
 * in base32 (RFC 4648, no padding), the form `otpauth://` URIs and Cognito's `SecretCode` use.
 * A code is accepted for its own step and one step either side (clock drift), and never for a
 * step at or before the last one accepted, so each code works once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238's default time step. */
export const TIME_STEP_MS = 30_000;
/** Steps either side of the current one that still count (RFC 6238 §5.2 "one time step"). */
const DRIFT_STEPS = 1;
/** Digits in a code. */
const CODE_DIGITS = 6;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding (RFC 4648 §6). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and `=` padding; `undefined` for any other character. */
export function base32Decode(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new secret: 20 random bytes (the HMAC-SHA-1 block RFC 4226 recommends), base32, 32 characters. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The time step `ms` falls in. */
export function timeStep(ms: number): number {
  return Math.floor(ms / TIME_STEP_MS);
}

/** The HOTP value of `step` under `key` (RFC 4226 §5.3), as `digits` decimal digits. */
export function hotp(key: Uint8Array, step: number, digits = CODE_DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows at `ms` for a base32 `secret`. */
export function totpCode(secret: string, ms: number): string {
  return hotp(secretKey(secret), timeStep(ms));
}

/** What checking a code found: the step it matched, or why it was refused. */
export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'mismatch' | 'reused' };

/**
 * Checks `code` against the steps around `ms`. A match at or before `lastUsedStep` is `reused`:
 * a code (and any older one) is spent once accepted.
 */
export function checkTotp(secret: string, code: string, ms: number, lastUsedStep?: number): TotpCheck {
  const key = secretKey(secret);
  const now = timeStep(ms);
  const given = Buffer.from(code);
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
    const expected = Buffer.from(hotp(key, step));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) continue;
    if (lastUsedStep !== undefined && step <= lastUsedStep) return { ok: false, reason: 'reused' };
    return { ok: true, step };
  }
  return { ok: false, reason: 'mismatch' };
}

function secretKey(secret: string): Buffer {
  const key = base32Decode(secret);
  // Secrets are made here, never taken from a request: a bad one is a bug.
  if (key === undefined || key.length === 0) throw new TypeError('A TOTP secret must be non-empty base32');
  return key;
}
