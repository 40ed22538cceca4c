/*
 * Files the browser journey uploads: random bytes (big enough for a multipart upload) and a real PNG
 * (so the preview can prove the image decoded), built in memory.
 */
import { deflateSync } from 'node:zlib';

/** `size` random bytes (not cryptographic: test data). */
export function randomBytes(size: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) buffer.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, i);
  return buffer;
}

/** A 160×100 gradient PNG, so the preview shows a picture and can prove it decoded. */
export function gradientPng(width = 160, height = 100): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++)
      row.set([47 + (x * 120) / width, 95 + (y * 100) / height, 208], 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
