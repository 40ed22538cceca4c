/*
 * Multipart uploads in progress, one directory per upload id under the bucket's `uploads/`: the
 * upload's record (key, headers, metadata, checksum algorithm) and one record plus one blob per
 * part. The disk is the source of truth; each upload, with its parts, is also held in memory once
 * created or first read after a restart, so an UploadPart reads nothing from disk. A part lands
 * with one directory fsync: its blob (fsynced as it arrived) and its record (fsynced temp file)
 * are renamed into the upload's directory, blob first, then the directory is flushed; re-sending a
 * part replaces it whole. Upload ids are random hex and checked before they touch a path.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { S3Errors } from '../errors.js';
import { fsyncDir, KeyedQueue, removeQuietly, writeFileDurably, writeTempFileSynced } from './files.js';
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

/** An upload as held in memory: its record and its parts by number, as on disk. */
interface OpenUpload {
  record: UploadRecord;
  parts: Map<number, PartRecord>;
}

const UPLOAD_ID = /^[0-9a-f]{48}$/;
const PART_RECORD = /^part-(\d+)\.json$/;

/** The bucket's multipart uploads under `root/uploads`. */
export class MultipartStore {
  private readonly uploadsDir: string;
  private readonly locks = new KeyedQueue();
  private readonly known = new Map<string, OpenUpload>();
  /** Counts removals, so a read from disk that raced one is not kept in memory. */
  private removals = 0;

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
    // The upload's own directory entry, so the upload outlives a power cut once S3 has answered.
    await fsyncDir(this.uploadsDir);
    this.known.set(uploadId, { record: upload, parts: new Map() });
    return upload;
  }

  /** The upload for `key`; NoSuchUpload when the id is unknown, finished, or belongs to another key. */
  async get(uploadId: string, key: string): Promise<UploadRecord> {
    return (await this.openUpload(uploadId, key)).record;
  }

  /**
   * Makes a fully written, fsynced temp file part `partNumber`, replacing an earlier one whole. Runs
   * under the upload's lock, like complete and abort: a part whose body finishes arriving while the
   * upload is being aborted either lands before the abort (and is removed with it) or gets
   * NoSuchUpload; it never leaves a part behind in a removed upload.
   */
  async putPart(upload: UploadRecord, tempFile: string, part: Omit<PartRecord, 'blob'>): Promise<PartRecord> {
    const dir = this.dir(upload.uploadId);
    return this.exclusive(upload.uploadId, async () => {
      const { parts } = await this.openUpload(upload.uploadId, upload.key);
      const previous = parts.get(part.partNumber);
      const record: PartRecord = { ...part, blob: `part-${part.partNumber}-${randomUUID()}.blob` };
      const recordTemp = await writeTempFileSynced(this.tmpDir, JSON.stringify(record));
      try {
        // Blob before record: a record on disk always names a blob that is there (see readUpload).
        await rename(tempFile, join(dir, record.blob));
        await rename(recordTemp, join(dir, `part-${part.partNumber}.json`));
        await fsyncDir(dir);
      } catch (error) {
        await Promise.all([removeQuietly(join(dir, record.blob)), removeQuietly(recordTemp)]);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw S3Errors.noSuchUpload(upload.uploadId);
        throw error;
      }
      parts.set(part.partNumber, record);
      if (previous) await removeQuietly(join(dir, previous.blob));
      return record;
    });
  }

  /** Every uploaded part, by part number. */
  async listParts(upload: UploadRecord): Promise<PartRecord[]> {
    const { parts } = await this.openUpload(upload.uploadId, upload.key);
    return [...parts.values()].sort((a, b) => a.partNumber - b.partNumber);
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
    this.removals++;
    this.known.delete(uploadId);
    await removeQuietly(this.dir(uploadId));
  }

  /** The upload from memory, or read from disk (after a restart) and kept. */
  private async openUpload(uploadId: string, key: string): Promise<OpenUpload> {
    if (!UPLOAD_ID.test(uploadId)) throw S3Errors.noSuchUpload(uploadId);
    let upload = this.known.get(uploadId);
    if (!upload) {
      const removals = this.removals;
      const read = await this.readUpload(uploadId);
      // Another reader may have kept its copy first (and parts may have landed in it since); a
      // removal while reading may have taken the upload away: answer from what was read, keep nothing.
      upload = this.known.get(uploadId) ?? read;
      if (upload === read && removals === this.removals) this.known.set(uploadId, read);
    }
    if (upload.record.key !== key) throw S3Errors.noSuchUpload(uploadId);
    return upload;
  }

  /**
   * Reads an upload and its part records from disk. A record whose blob is missing (a crash
   * between the two renames of putPart, were the file system to keep only the second) is no part.
   */
  private async readUpload(uploadId: string): Promise<OpenUpload> {
    const dir = this.dir(uploadId);
    const readJson = async <T>(file: string) => JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
    try {
      const record = await readJson<UploadRecord>('upload.json');
      const files = await readdir(dir);
      const names = new Set(files);
      const parts = new Map<number, PartRecord>();
      for (const file of files) {
        if (!PART_RECORD.test(file)) continue;
        const part = await readJson<PartRecord>(file);
        if (names.has(part.blob)) parts.set(part.partNumber, part);
      }
      return { record, parts };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw S3Errors.noSuchUpload(uploadId);
      throw error;
    }
  }

  private dir(uploadId: string): string {
    return join(this.uploadsDir, uploadId);
  }
}
