/*
 * Streams a byte range of an object whose bytes span several blob files (a multipart object kept
 * as its parts): the slices of each file the range covers, in order, as one stream. Every file is
 * opened before the first byte is read, so a version deleted meanwhile (its blobs unlinked) still
 * streams whole from the open descriptors, as a single-blob read does.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { S3Errors } from '../errors.js';
import type { BlobExtent } from './object-meta.js';

/** Bytes per read: 1 MiB, as a single blob is read (fewer calls and buffers than 64 KiB). */
const READ_CHUNK = 1 << 20;

/** A part of one file to read: bytes `start` to `end`, inclusive. */
interface FileSlice {
  path: string;
  start: number;
  end: number;
}

/** The slices of `extents` (paths from `pathOf`) that hold the object's bytes `start` to `end`. */
export function slicesOf(
  extents: readonly BlobExtent[],
  pathOf: (blob: string) => string,
  range: { start: number; end: number },
): FileSlice[] {
  const slices: FileSlice[] = [];
  let offset = 0;
  for (const { blob, size } of extents) {
    const first = Math.max(range.start, offset);
    const last = Math.min(range.end, offset + size - 1);
    if (first <= last) slices.push({ path: pathOf(blob), start: first - offset, end: last - offset });
    offset += size;
  }
  return slices;
}

/** Opens every slice's file, then returns one stream over the slices in order. */
export async function openSlices(slices: readonly FileSlice[]): Promise<Readable> {
  const handles: FileHandle[] = [];
  try {
    for (const slice of slices) handles.push(await open(slice.path, 'r'));
  } catch (error) {
    await Promise.all(handles.map((h) => h.close()));
    throw error;
  }
  const only = slices.length === 1 ? slices[0] : undefined;
  if (only) {
    return (handles[0] as FileHandle).createReadStream({
      start: only.start,
      end: only.end,
      highWaterMark: READ_CHUNK,
    });
  }
  return new SlicesStream(slices, handles);
}

class SlicesStream extends Readable {
  private at = 0;
  private position: number;

  constructor(
    private readonly slices: readonly FileSlice[],
    private readonly handles: FileHandle[],
  ) {
    super({ highWaterMark: READ_CHUNK });
    this.position = slices[0]?.start ?? 0;
  }

  override _read(): void {
    this.next().then(
      (chunk) => this.push(chunk),
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    Promise.all(this.handles.map((h) => h.close())).then(
      () => callback(error),
      (closeError: Error) => callback(error ?? closeError),
    );
  }

  /** The next chunk, or null after the last slice. */
  private async next(): Promise<Buffer | null> {
    for (;;) {
      const slice = this.slices[this.at];
      if (!slice) return null;
      if (this.position > slice.end) {
        this.at += 1;
        this.position = this.slices[this.at]?.start ?? 0;
        continue;
      }
      const length = Math.min(READ_CHUNK, slice.end - this.position + 1);
      const handle = this.handles[this.at] as FileHandle;
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(length), 0, length, this.position);
      if (bytesRead === 0) {
        throw S3Errors.internalError(new Error(`${slice.path} is shorter than its recorded size`));
      }
      this.position += bytesRead;
      return buffer.subarray(0, bytesRead);
    }
  }
}
