/*
 * Seals small JSON values into opaque strings (AES-256-GCM) and opens them again. The SRP
 * SECRET_BLOCK and challenge sessions are sealed this way, so the server keeps no per-challenge
 * state and a tampered or foreign value is simply rejected.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Seals and opens values with one key. */
export interface SealedBox {
  seal(value: unknown): string;
  /** `undefined` when the string was not sealed with this key or was changed. */
  open<T>(sealed: string): T | undefined;
}

/** A box over a 32-byte key. */
export function createSealedBox(key: Buffer): SealedBox {
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open<T>(sealed: string) {
      try {
        const bytes = Buffer.from(sealed, 'base64');
        if (bytes.length < 29) return undefined;
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const json = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
        return JSON.parse(json) as T;
      } catch {
        return undefined;
      }
    },
  };
}
