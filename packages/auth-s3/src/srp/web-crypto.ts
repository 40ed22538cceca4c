/*
 * The hashing SRP needs, on WebCrypto (`globalThis.crypto.subtle`): SHA-256, HMAC-SHA256, the
 * HKDF Cognito derives its key with, random bytes and base64. Browsers and Node 20 both provide
 * it, so no crypto-js or buffer polyfill ships to the browser.
 */
import { ConfigError } from '../errors.js';

type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();

function webCrypto(): Crypto {
  const crypto = globalThis.crypto;
  if (!crypto?.subtle || typeof crypto.getRandomValues !== 'function') {
    throw new ConfigError(
      'WebCrypto (globalThis.crypto.subtle) is missing. Use Node 20+ or a browser page served over https or localhost.',
    );
  }
  return crypto;
}

function subtle(): SubtleCrypto {
  return webCrypto().subtle;
}

export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

export async function hmacSha256(key: Bytes, data: Bytes): Promise<Bytes> {
  const cryptoKey = await subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, data));
}

/** HKDF-SHA256 (RFC 5869) with one output block truncated to `length` bytes. */
export async function hkdfSha256(ikm: Bytes, salt: Bytes, info: Bytes, length: number): Promise<Bytes> {
  const key = await subtle().importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, length * 8);
  return new Uint8Array(bits);
}

export function randomBytes(length: number): Bytes {
  const bytes = new Uint8Array(length);
  webCrypto().getRandomValues(bytes);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(base64: string): Bytes {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
