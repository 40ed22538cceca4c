/*
 * The CRC combination a multipart upload's FULL_OBJECT checksum is made with: from the parts' CRCs
 * and sizes alone it must give the CRC over all the bytes, as computed by node's zlib (CRC32) and
 * by @aws-crypto/crc32c (CRC32C), the implementations the SDK and the emulator verify bodies with.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Crc32c } from '@aws-crypto/crc32c';
import { describe, expect, it } from 'vitest';
import { combineCrcs } from './checksums.js';

function crc32c(data: Uint8Array): number {
  return new Crc32c().update(data).digest();
}

/** `data` cut at `sizes` (the rest is the last piece). */
function pieces(data: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(data.subarray(at, at + size));
    at += size;
  }
  out.push(data.subarray(at));
  return out;
}

describe('combineCrcs', () => {
  const data = randomBytes(3 * 1024 * 1024 + 12_345);
  const cuts = [[], [1], [1024 * 1024, 1024 * 1024], [0, 7, 0, 65_536, 1_000_003], [data.length]];

  it.each(cuts)('gives the CRC32 of the whole from the pieces cut at %j', (...sizes) => {
    const parts = pieces(data, sizes);
    expect(
      combineCrcs(
        'CRC32',
        parts.map((p) => ({ crc: crc32(p), size: p.length })),
      ),
    ).toBe(crc32(data));
  });

  it.each(cuts)('gives the CRC32C of the whole from the pieces cut at %j', (...sizes) => {
    const parts = pieces(data, sizes);
    expect(
      combineCrcs(
        'CRC32C',
        parts.map((p) => ({ crc: crc32c(p), size: p.length })),
      ),
    ).toBe(crc32c(data));
  });

  it('is 0, the CRC of nothing, for no pieces', () => {
    expect(combineCrcs('CRC32', [])).toBe(0);
  });
});
