/*
 * The bucket's objects on disk. Bytes live in blob files; each key's metadata is a JSON file named
 * by the SHA-256 of the key, so no key (`../`, `%`, unicode, 1024 bytes) ever becomes a path.
 * A write lands in a temp file, is fsynced, then becomes visible by renaming its metadata into
 * place, one commit per key at a time: the last complete write wins whole, and a dropped upload
 * leaves nothing. A sorted in-memory index of keys, loaded at start, answers lists and lookups.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir, KeyedQueue, removeQuietly, renameDurably, tempPath, writeFileDurably } from './files.js';
import { compareKeys, lowerBound } from './key-order.js';
import { type ListKeysInput, type ListKeysResult, listKeys } from './list-keys.js';
import type { ObjectMeta } from './object-meta.js';

/** An open object: its metadata and a stream of the requested bytes (inclusive range). */
export interface OpenObject {
  meta: ObjectMeta;
  stream: ReadStream;
}

/**
 * Thrown by `commit` when a write condition (`If-None-Match: *`, `If-Match`) does not hold;
 * `missing` when If-Match found no object at all.
 */
export class WriteConditionFailed extends Error {
  constructor(
    readonly condition: string,
    readonly missing = false,
  ) {
    super(`Write condition ${condition} did not hold`);
    this.name = 'WriteConditionFailed';
  }
}

export interface WriteCondition {
  ifNoneMatch?: string;
  ifMatch?: string;
}

/** One bucket's object storage under `root` (`<dataDir>/s3/<bucket>`). */
export class ObjectStore {
  readonly tmpDir: string;
  private readonly objectsDir: string;
  private readonly dataDir: string;
  private readonly sorted: string[] = [];
  private readonly metas = new Map<string, ObjectMeta>();
  private readonly commits = new KeyedQueue();

  constructor(readonly root: string) {
    this.tmpDir = join(root, 'tmp');
    this.objectsDir = join(root, 'objects');
    this.dataDir = join(root, 'data');
  }

  /** Creates the directories, drops leftovers of interrupted writes, and loads the key index. */
  async open(): Promise<void> {
    await removeQuietly(this.tmpDir);
    await Promise.all([this.tmpDir, this.objectsDir, this.dataDir].map((d) => mkdir(d, { recursive: true })));
    const files = (await readdir(this.objectsDir)).filter((f) => f.endsWith('.json'));
    // Read in batches: thousands of small files load in a fraction of the time one by one takes.
    for (let at = 0; at < files.length; at += 64) {
      const batch = files.slice(at, at + 64);
      const metas = await Promise.all(
        batch.map(
          async (file) => JSON.parse(await readFile(join(this.objectsDir, file), 'utf8')) as ObjectMeta,
        ),
      );
      for (const meta of metas) {
        this.metas.set(meta.key, meta);
        this.sorted.push(meta.key);
      }
    }
    this.sorted.sort(compareKeys);
    const referenced = new Set([...this.metas.values()].map((m) => m.blob));
    for (const blob of await readdir(this.dataDir)) {
      if (!referenced.has(blob)) await removeQuietly(join(this.dataDir, blob));
    }
  }

  /** A new temp file path for an incoming body; pass it to `commit` or remove it. */
  newTempFile(): string {
    return tempPath(this.tmpDir);
  }

  get(key: string): ObjectMeta | undefined {
    return this.metas.get(key);
  }

  get size(): number {
    return this.sorted.length;
  }

  list(input: ListKeysInput): ListKeysResult & { metas: ObjectMeta[] } {
    const result = listKeys(this.sorted, input);
    return { ...result, metas: result.keys.map((k) => this.metas.get(k) as ObjectMeta) };
  }

  /** Opens the object's bytes; retries once if a concurrent overwrite removed the blob in between. */
  async read(key: string, range?: { start: number; end: number }): Promise<OpenObject | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const meta = this.metas.get(key);
      if (!meta) return undefined;
      try {
        const handle = await open(join(this.dataDir, meta.blob), 'r');
        const stream = handle.createReadStream({
          start: range?.start,
          end: range?.end,
          highWaterMark: 1 << 20,
        });
        return { meta, stream };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return undefined;
  }

  /** Path of a stored blob, for copies. */
  blobPath(meta: ObjectMeta): string {
    return join(this.dataDir, meta.blob);
  }

  /**
   * Makes a fully written, fsynced temp file the object's content, atomically. Commits to one key
   * run one at a time, so the last to commit wins whole.
   */
  async commit(
    tempFile: string,
    meta: Omit<ObjectMeta, 'blob'>,
    condition: WriteCondition = {},
  ): Promise<ObjectMeta> {
    return this.commits.run(meta.key, async () => {
      const existing = this.metas.get(meta.key);
      if (condition.ifNoneMatch === '*' && existing) throw new WriteConditionFailed('If-None-Match');
      if (condition.ifMatch !== undefined) {
        if (!existing) throw new WriteConditionFailed('If-Match', true);
        if (!etagMatches(condition.ifMatch, existing.etag)) throw new WriteConditionFailed('If-Match');
      }
      const blob = randomUUID();
      await renameDurably(tempFile, join(this.dataDir, blob));
      const stored: ObjectMeta = { ...meta, blob };
      try {
        await writeFileDurably(this.tmpDir, this.metaPath(meta.key), JSON.stringify(stored));
      } catch (error) {
        await removeQuietly(join(this.dataDir, blob));
        throw error;
      }
      this.index(stored);
      if (existing) await removeQuietly(join(this.dataDir, existing.blob));
      return stored;
    });
  }

  /**
   * Removes the object; true when it existed. With `ifMatch` (a conditional delete) the object must
   * exist with a matching ETag, else WriteConditionFailed (`missing` when there is none).
   */
  async delete(key: string, ifMatch?: string): Promise<boolean> {
    return this.commits.run(key, async () => {
      const existing = this.metas.get(key);
      if (ifMatch !== undefined) {
        if (!existing) throw new WriteConditionFailed('If-Match', true);
        if (!etagMatches(ifMatch, existing.etag)) throw new WriteConditionFailed('If-Match');
      }
      if (!existing) return false;
      await unlink(this.metaPath(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await fsyncDir(this.objectsDir);
      this.metas.delete(key);
      const at = lowerBound(this.sorted, key);
      if (this.sorted[at] === key) this.sorted.splice(at, 1);
      await removeQuietly(join(this.dataDir, existing.blob));
      return true;
    });
  }

  private index(meta: ObjectMeta): void {
    if (!this.metas.has(meta.key)) this.sorted.splice(lowerBound(this.sorted, meta.key), 0, meta.key);
    this.metas.set(meta.key, meta);
  }

  private metaPath(key: string): string {
    return join(this.objectsDir, `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`);
  }
}

/** S3's ETag comparison for If-Match/If-None-Match values: `*`, quoted or bare, comma lists. */
export function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((v) => v.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((v) => v === '*' || v === etag);
}
