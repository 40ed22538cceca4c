/*
 * Multipart uploads in progress, one directory per upload id under the bucket's `uploads/`: the
 * upload's record (key, headers, metadata, checksum algorithm) and one record plus one blob per
 * part. Parts are written like objects (temp file, fsync, rename of the record), so re-sending a
 * part replaces it whole. Upload ids are random hex and checked before they touch a path.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { S3Errors } from '../errors.js';
import { KeyedQueue, removeQuietly, renameDurably, writeFileDurably } from './files.js';
import type { ChecksumAlgorithm } from './object-meta.js';

/** A multipart upload as CreateMultipartUpload recorded it. */
export interface UploadRecord {
  uploadId: string;
  key: string;
  /** Epoch ms. */
  initiated: number;
  contentType: string;
  headers: Record<string, string>;
  userMetadata: Record<string, string>;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/** One uploaded part. */
export interface PartRecord {
  partNumber: number;
  /** MD5 hex, without quotes. */
  etag: string;
  size: number;
  lastModified: number;
  /** Base64 checksum in the upload's algorithm, when it has one. */
  checksum?: string;
  blob: string;
}

const UPLOAD_ID = /^[0-9a-f]{48}$/;

/** The bucket's multipart uploads under `root/uploads`. */
export class MultipartStore {
  private readonly uploadsDir: string;
  private readonly locks = new KeyedQueue();

  constructor(
    root: string,
    private readonly tmpDir: string,
  ) {
    this.uploadsDir = join(root, 'uploads');
  }

  async open(): Promise<void> {
    await mkdir(this.uploadsDir, { recursive: true });
  }

  async create(record: Omit<UploadRecord, 'uploadId'>): Promise<UploadRecord> {
    const uploadId = randomBytes(24).toString('hex');
    const upload: UploadRecord = { ...record, uploadId };
    await mkdir(this.dir(uploadId));
    await writeFileDurably(this.tmpDir, join(this.dir(uploadId), 'upload.json'), JSON.stringify(upload));
    return upload;
  }

  /** The upload for `key`; NoSuchUpload when the id is unknown, finished, or belongs to another key. */
  async get(uploadId: string, key: string): Promise<UploadRecord> {
    if (!UPLOAD_ID.test(uploadId)) throw S3Errors.noSuchUpload(uploadId);
    let upload: UploadRecord;
    try {
      upload = JSON.parse(await readFile(join(this.dir(uploadId), 'upload.json'), 'utf8')) as UploadRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw S3Errors.noSuchUpload(uploadId);
      throw error;
    }
    if (upload.key !== key) throw S3Errors.noSuchUpload(uploadId);
    return upload;
  }

  /**
   * Makes a fully written temp file part `partNumber`, replacing an earlier one whole. Runs under the
   * upload's lock, like complete and abort: a part whose body finishes arriving while the upload is
   * being aborted either lands before the abort (and is removed with it) or gets NoSuchUpload; it never
   * leaves a part behind in a removed upload.
   */
  async putPart(upload: UploadRecord, tempFile: string, part: Omit<PartRecord, 'blob'>): Promise<PartRecord> {
    const dir = this.dir(upload.uploadId);
    return this.exclusive(upload.uploadId, async () => {
      await this.get(upload.uploadId, upload.key);
      const previous = await this.readPart(dir, part.partNumber);
      const record: PartRecord = { ...part, blob: `part-${part.partNumber}-${randomUUID()}.blob` };
      try {
        await renameDurably(tempFile, join(dir, record.blob));
        await writeFileDurably(
          this.tmpDir,
          join(dir, `part-${part.partNumber}.json`),
          JSON.stringify(record),
        );
      } catch (error) {
        await removeQuietly(join(dir, record.blob));
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw S3Errors.noSuchUpload(upload.uploadId);
        throw error;
      }
      if (previous) await removeQuietly(join(dir, previous.blob));
      return record;
    });
  }

  /** Every uploaded part, by part number. */
  async listParts(upload: UploadRecord): Promise<PartRecord[]> {
    const dir = this.dir(upload.uploadId);
    const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw S3Errors.noSuchUpload(upload.uploadId);
      throw error;
    });
    const parts: PartRecord[] = [];
    for (const file of files) {
      const m = /^part-(\d+)\.json$/.exec(file);
      if (!m) continue;
      const part = await this.readPart(dir, Number(m[1]));
      if (part) parts.push(part);
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  partPath(upload: UploadRecord, part: PartRecord): string {
    return join(this.dir(upload.uploadId), part.blob);
  }

  /** Runs `task` exclusively for the upload (complete and abort must not interleave). */
  exclusive<T>(uploadId: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(uploadId, task);
  }

  /** Forgets the upload and its parts. */
  async remove(uploadId: string): Promise<void> {
    await removeQuietly(this.dir(uploadId));
  }

  private async readPart(dir: string, partNumber: number): Promise<PartRecord | undefined> {
    try {
      return JSON.parse(await readFile(join(dir, `part-${partNumber}.json`), 'utf8')) as PartRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private dir(uploadId: string): string {
    return join(this.uploadsDir, uploadId);
  }
}
