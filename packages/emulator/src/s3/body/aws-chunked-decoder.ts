/*
 * Decodes an `aws-chunked` request body as it streams: `<hex-size>[;chunk-signature=<sig>]\r\n
 * <bytes>\r\n` repeated, a zero-size chunk, then trailer headers such as `x-amz-checksum-crc32`.
 * Data is passed on as slices of the incoming buffers (no copies). In signed mode each chunk's
 * signature is recomputed from its SHA-256 and the previous signature, as S3 does.
 */
import { createHash, type Hash, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { ChunkSigner } from '../auth/sigv4.js';
import { type S3Error, S3Errors } from '../errors.js';

const MAX_LINE = 4096;
const CRLF = Buffer.from('\r\n');

type State = 'header' | 'data' | 'data-end' | 'trailer' | 'done';

function malformed(message: string): S3Error {
  return S3Errors.invalidRequest(`Malformed aws-chunked body: ${message}`);
}

/** A Transform from `aws-chunked` to the decoded bytes; `trailers` is filled once the body ends. */
export class AwsChunkedDecoder extends Transform {
  /** Trailer headers, lower-case names, e.g. `x-amz-checksum-crc32`. */
  readonly trailers = new Map<string, string>();
  private state: State = 'header';
  private line = '';
  private remaining = 0;
  private chunkHash: Hash | undefined;
  private chunkSignature = '';
  private previousSignature: string;
  private crlfSeen = 0;

  constructor(
    private readonly accessKeyId: string,
    private readonly signer?: ChunkSigner,
  ) {
    super({ highWaterMark: 1 << 20 });
    this.previousSignature = signer?.seedSignature ?? '';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.consume(chunk).then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === 'done' ? null : S3Errors.incompleteBody());
  }

  private async consume(chunk: Buffer): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      switch (this.state) {
        case 'header':
        case 'trailer': {
          const end = chunk.indexOf(10, at);
          const piece = chunk.toString('latin1', at, end < 0 ? chunk.length : end + 1);
          this.line += piece;
          at = end < 0 ? chunk.length : end + 1;
          if (this.line.length > MAX_LINE) throw malformed('a chunk header or trailer line is too long');
          if (end >= 0) {
            const line = this.line.replace(/\r?\n$/, '');
            this.line = '';
            if (this.state === 'header') await this.startChunk(line);
            else this.trailerLine(line);
          }
          break;
        }
        case 'data': {
          const take = Math.min(this.remaining, chunk.length - at);
          const slice = chunk.subarray(at, at + take);
          this.chunkHash?.update(slice);
          this.push(slice);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) {
            await this.endChunk();
            this.state = 'data-end';
            this.crlfSeen = 0;
          }
          break;
        }
        case 'data-end': {
          if (chunk[at] !== CRLF[this.crlfSeen]) throw malformed('a chunk does not end with CRLF');
          at++;
          if (++this.crlfSeen === 2) this.state = 'header';
          break;
        }
        case 'done':
          throw malformed('bytes after the end of the body');
      }
    }
  }

  private async startChunk(line: string): Promise<void> {
    const [sizeText, ...extensions] = line.split(';');
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText ?? '')) throw malformed(`bad chunk size "${sizeText}"`);
    const size = Number.parseInt(sizeText as string, 16);
    this.chunkSignature = extensions.find((e) => e.startsWith('chunk-signature='))?.slice(16) ?? '';
    if (this.signer && !this.chunkSignature) throw malformed('a chunk has no chunk-signature');
    this.chunkHash = this.signer ? createHash('sha256') : undefined;
    if (size === 0) {
      await this.endChunk();
      this.state = 'trailer';
      return;
    }
    this.remaining = size;
    this.state = 'data';
  }

  private async endChunk(): Promise<void> {
    if (!this.signer || !this.chunkHash) return;
    const expected = await this.signer.sign(this.previousSignature, this.chunkHash.digest('hex'));
    const given = Buffer.from(this.chunkSignature);
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      throw S3Errors.signatureDoesNotMatch(this.accessKeyId);
    }
    this.previousSignature = expected;
  }

  private trailerLine(line: string): void {
    if (line === '') {
      this.state = 'done';
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed(`bad trailer "${line.slice(0, 64)}"`);
    this.trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
}
