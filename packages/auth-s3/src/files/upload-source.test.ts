/*
 * Unit test of blobSource: in browsers a Blob's parts stay Blob slices (fetch sends them by
 * reference, with no copy on the page's main thread); in Node they are read into bytes, which is
 * all the SDK's node:http handler can send. Either way the parts hold the Blob's bytes in order.
 */
import { describe, expect, it } from 'vitest';
import { blobSource, SENDS_BLOB_BODIES } from './upload-source.js';

const data = Uint8Array.from({ length: 10 }, (_, i) => i);

async function collect(asSlices: boolean) {
  const parts = [];
  for await (const part of blobSource(new Blob([data]), asSlices).parts(4)) parts.push(part);
  return parts;
}

async function bytesOf(part: Uint8Array | Blob): Promise<number[]> {
  return [...(part instanceof Uint8Array ? part : new Uint8Array(await part.arrayBuffer()))];
}

describe('blobSource', () => {
  it('yields Blob slices, not copies, where the HTTP client sends Blobs', async () => {
    const parts = await collect(true);
    expect(parts.every((part) => part instanceof Blob)).toBe(true);
    expect(await Promise.all(parts.map(bytesOf))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('yields bytes where it does not (Node)', async () => {
    const parts = await collect(false);
    expect(parts.every((part) => part instanceof Uint8Array)).toBe(true);
    expect(await Promise.all(parts.map(bytesOf))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('sends bytes under Node', () => {
    expect(SENDS_BLOB_BODIES).toBe(false);
  });
});
