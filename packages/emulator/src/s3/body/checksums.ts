/*
 * The checksums S3 verifies on upload: CRC32 (node's zlib), CRC32C (@aws-crypto/crc32c), SHA-1 and
 * SHA-256 (node's crypto), each fed incrementally so a body is never held whole, and the rules for
 * the `x-amz-checksum-*` headers that carry them.
 */

import { createHash, type Hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Transform } from 'node:stream';
import { crc32 } from 'node:zlib';
import { Crc32c } from '@aws-crypto/crc32c';
import { S3Errors } from '../errors.js';
import type { ChecksumAlgorithm } from '../storage/object-meta.js';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'SHA1', 'SHA256'];

const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, SHA1: 20, SHA256: 32 };

/** An incremental checksum. */
export interface Hasher {
  update(chunk: Uint8Array): void;
  /** The digest bytes (big-endian for CRCs). */
  digest(): Buffer;
}

function uint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

class Crc32Hasher implements Hasher {
  private value = 0;
  update(chunk: Uint8Array): void {
    this.value = crc32(chunk, this.value);
  }
  digest(): Buffer {
    return uint32(this.value);
  }
}

class Crc32cHasher implements Hasher {
  private readonly crc = new Crc32c();
  update(chunk: Uint8Array): void {
    this.crc.update(chunk);
  }
  digest(): Buffer {
    return uint32(this.crc.digest());
  }
}

class NodeHasher implements Hasher {
  private readonly hash: Hash;
  constructor(algorithm: 'sha1' | 'sha256') {
    this.hash = createHash(algorithm);
  }
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }
  digest(): Buffer {
    return this.hash.digest();
  }
}

/** A fresh incremental hasher for the algorithm. */
export function createHasher(algorithm: ChecksumAlgorithm): Hasher {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32Hasher();
    case 'CRC32C':
      return new Crc32cHasher();
    case 'SHA1':
      return new NodeHasher('sha1');
    case 'SHA256':
      return new NodeHasher('sha256');
  }
}

/** The reflected polynomials of the CRCs S3 offers FULL_OBJECT checksums for. */
const CRC_POLYNOMIALS = { CRC32: 0xedb88320, CRC32C: 0x82f63b78 } as const;

/** a(x)·b(x) modulo the CRC polynomial, in the reflected bit order (zlib's `multmodp`). */
function multiplyModP(a: number, b: number, poly: number): number {
  let product = 0;
  let factor = b >>> 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= factor;
    factor = factor & 1 ? (factor >>> 1) ^ poly : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(8·bytes) modulo the CRC polynomial: the shift a CRC undergoes over `bytes` more bytes. */
function shiftModP(bytes: number, poly: number): number {
  let result = 0x80000000; // x^0
  let power = 0x40000000; // x^1, squared up to x^(2^k) as the bits of 8·bytes are read
  for (let n = bytes * 8; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) result = multiplyModP(power, result, poly);
    power = multiplyModP(power, power, poly);
  }
  return result;
}

/**
 * The CRC32 or CRC32C of concatenated pieces from each piece's CRC and size, without their bytes
 * (zlib's `crc32_combine`): how a multipart upload's FULL_OBJECT checksum is made from its parts'.
 */
export function combineCrcs(
  algorithm: keyof typeof CRC_POLYNOMIALS,
  pieces: ReadonlyArray<{ crc: number; size: number }>,
): number {
  const poly = CRC_POLYNOMIALS[algorithm];
  let crc = 0;
  for (const piece of pieces) crc = (multiplyModP(shiftModP(piece.size, poly), crc, poly) ^ piece.crc) >>> 0;
  return crc;
}

/** A pass-through stream that feeds every chunk to the hashers (for bytes copied from disk). */
export function hashing(...hashers: Array<Hasher | undefined>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      for (const hasher of hashers) hasher?.update(chunk);
      callback(null, chunk);
    },
  });
}

/** `CRC32` → `x-amz-checksum-crc32`. */
export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

/** Parses an algorithm name as S3 accepts it (any case); anything else is S3's InvalidRequest. */
export function parseChecksumAlgorithm(value: string, source: string): ChecksumAlgorithm {
  const upper = value.toUpperCase();
  const found = CHECKSUM_ALGORITHMS.find((a) => a === upper);
  if (!found) {
    throw S3Errors.invalidRequest(
      `Value for ${source} is invalid: ${value}. The emulator verifies CRC32, CRC32C, SHA1 and SHA256.`,
    );
  }
  return found;
}

/** Checks a base64 checksum value has the digest's length; S3 rejects it otherwise. */
export function assertChecksumValue(algorithm: ChecksumAlgorithm, value: string, source: string): void {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== DIGEST_BYTES[algorithm] || bytes.toString('base64') !== value) {
    throw S3Errors.invalidRequest(`Value for ${source} header is invalid.`);
  }
}

/** The one `x-amz-checksum-<alg>` header on a request, verified for shape; several → InvalidRequest. */
export function checksumFromHeaders(
  headers: IncomingHttpHeaders,
): { algorithm: ChecksumAlgorithm; value: string } | undefined {
  const names = Object.keys(headers).filter(
    (h) => h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-algorithm' && h !== 'x-amz-checksum-type',
  );
  if (names.length === 0) return undefined;
  if (names.length > 1) {
    throw S3Errors.invalidRequest(
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    );
  }
  const name = names[0] as string;
  const algorithm = parseChecksumAlgorithm(name.slice('x-amz-checksum-'.length), name);
  const value = String(headers[name]);
  assertChecksumValue(algorithm, value, name);
  return { algorithm, value };
}
