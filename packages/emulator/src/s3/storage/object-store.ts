/*
 * The bucket's objects on disk, versioned as the stack's bucket is (VersioningConfiguration
 * Enabled). Bytes live in blob files, one per version, or one per part for a multipart object
 * (the parts are hard-linked in, never copied); each key's history (its versions and delete
 * markers, newest first) is one JSON file named by the SHA-256 of the key, so no key (`../`, `%`,
 * unicode, 1024 bytes) ever becomes a path. A write lands in a temp file, is fsynced, then becomes
 * visible by renaming the key's new history into place, one commit per key at a time: the last
 * complete write wins whole, earlier versions stay, and a dropped upload leaves nothing. Sorted
 * in-memory indexes, loaded at start, answer lists (current objects, and all versions) and lookups.
 * Lifecycle rules (expiring non-current versions) are not applied.
 */
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { openSlices, slicesOf } from './blob-reader.js';
import { fsyncDir, KeyedQueue, removeQuietly, renameDurably, tempPath, writeFileDurably } from './files.js';
import { compareKeys, lowerBound } from './key-order.js';
import { type ListKeysInput, type ListKeysResult, listKeys } from './list-keys.js';
import { type ListVersionsInput, type ListVersionsResult, listVersions } from './list-versions.js';
import {
  blobExtents,
  type DeleteMarker,
  type NewObject,
  type ObjectMeta,
  type StoredVersion,
  storedTime,
} from './object-meta.js';
import { NULL_VERSION_ID, VersionIds } from './version-id.js';

/** An open object: its metadata and a stream of the requested bytes (inclusive range). */
export interface OpenObject {
  meta: ObjectMeta;
  stream: Readable;
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

/** A key's history file: its versions and delete markers, newest first. */
interface HistoryFile {
  key: string;
  versions: StoredVersion[];
}

/** Reads a history file; a file of before versioning holds one ObjectMeta, S3's `null` version. */
function parseHistory(text: string): HistoryFile {
  const parsed = JSON.parse(text) as HistoryFile | Omit<ObjectMeta, 'versionId'>;
  if ('versions' in parsed) return parsed;
  return { key: parsed.key, versions: [{ ...parsed, versionId: NULL_VERSION_ID }] };
}

/** The object a history currently shows: its newest entry unless that is a delete marker. */
function currentObject(history: readonly StoredVersion[] | undefined): ObjectMeta | undefined {
  const newest = history?.[0];
  return newest && !newest.deleteMarker ? newest : undefined;
}

/** Inserts `key` into a sorted index if it is not there. */
function insertKey(sorted: string[], key: string): void {
  const at = lowerBound(sorted, key);
  if (sorted[at] !== key) sorted.splice(at, 0, key);
}

/** Removes `key` from a sorted index if it is there. */
function removeKey(sorted: string[], key: string): void {
  const at = lowerBound(sorted, key);
  if (sorted[at] === key) sorted.splice(at, 1);
}

/** One bucket's object storage under `root` (`<dataDir>/s3/<bucket>`). */
export class ObjectStore {
  readonly tmpDir: string;
  private readonly objectsDir: string;
  private readonly dataDir: string;
  /** Keys whose current version is an object (ListObjectsV2). */
  private readonly current: string[] = [];
  /** Keys with any version or delete marker (ListObjectVersions). */
  private readonly versioned: string[] = [];
  private readonly histories = new Map<string, StoredVersion[]>();
  private readonly commits = new KeyedQueue();
  private readonly versionIds = new VersionIds();

  /** `now` gives the time new version ids are made at (the emulator's clock). */
  constructor(
    readonly root: string,
    private readonly now: () => number = Date.now,
  ) {
    this.tmpDir = join(root, 'tmp');
    this.objectsDir = join(root, 'objects');
    this.dataDir = join(root, 'data');
  }

  /** Creates the directories, drops leftovers of interrupted writes, and loads the key indexes. */
  async open(): Promise<void> {
    await removeQuietly(this.tmpDir);
    await Promise.all([this.tmpDir, this.objectsDir, this.dataDir].map((d) => mkdir(d, { recursive: true })));
    const files = (await readdir(this.objectsDir)).filter((f) => f.endsWith('.json'));
    // Read in batches: thousands of small files load in a fraction of the time one by one takes.
    for (let at = 0; at < files.length; at += 64) {
      const batch = files.slice(at, at + 64);
      const histories = await Promise.all(
        batch.map(async (file) => parseHistory(await readFile(join(this.objectsDir, file), 'utf8'))),
      );
      for (const { key, versions } of histories) {
        if (versions.length === 0) continue;
        this.histories.set(key, versions);
        this.versioned.push(key);
        if (currentObject(versions)) this.current.push(key);
        for (const version of versions) this.versionIds.seen(version.versionId);
      }
    }
    this.versioned.sort(compareKeys);
    this.current.sort(compareKeys);
    const referenced = new Set<string>();
    for (const history of this.histories.values())
      for (const version of history)
        if (!version.deleteMarker) for (const { blob } of blobExtents(version)) referenced.add(blob);
    for (const blob of await readdir(this.dataDir)) {
      if (!referenced.has(blob)) await removeQuietly(join(this.dataDir, blob));
    }
  }

  /** A new temp file path for an incoming body; pass it to `commit` or remove it. */
  newTempFile(): string {
    return tempPath(this.tmpDir);
  }

  /** The key's current object; undefined when it has none or its newest version is a delete marker. */
  get(key: string): ObjectMeta | undefined {
    return currentObject(this.histories.get(key));
  }

  /** The key's newest version or delete marker. */
  latest(key: string): StoredVersion | undefined {
    return this.histories.get(key)?.[0];
  }

  /** One version (or delete marker) of the key by its id. */
  version(key: string, versionId: string): StoredVersion | undefined {
    return this.histories.get(key)?.find((v) => v.versionId === versionId);
  }

  /** How many keys have a current object. */
  get size(): number {
    return this.current.length;
  }

  /** A page of current objects, as ListObjectsV2 shows them. */
  list(input: ListKeysInput): ListKeysResult & { metas: ObjectMeta[] } {
    const result = listKeys(this.current, input);
    return { ...result, metas: result.keys.map((k) => this.get(k) as ObjectMeta) };
  }

  /** A page of versions and delete markers, as ListObjectVersions shows them. */
  listVersions(input: ListVersionsInput): ListVersionsResult {
    return listVersions(this.versioned, (key) => this.histories.get(key) ?? [], input);
  }

  /**
   * Opens the bytes of the current object, or of `versionId`; retries if a concurrent write
   * removed the blob in between. Undefined when there is no such object (or it is a delete marker).
   */
  async read(
    key: string,
    range?: { start: number; end: number },
    versionId?: string,
  ): Promise<OpenObject | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const found: StoredVersion | undefined =
        versionId === undefined ? this.get(key) : this.version(key, versionId);
      if (!found || found.deleteMarker) return undefined;
      const slices = slicesOf(blobExtents(found), (blob) => join(this.dataDir, blob), {
        start: range?.start ?? 0,
        end: range?.end ?? found.size - 1,
      });
      try {
        return { meta: found, stream: await openSlices(slices) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return undefined;
  }

  /**
   * Makes a fully written, fsynced temp file the key's new current version, atomically; earlier
   * versions stay. Commits to one key run one at a time, so the last to commit is current.
   */
  async commit(tempFile: string, meta: NewObject, condition: WriteCondition = {}): Promise<ObjectMeta> {
    return this.commits.run(meta.key, async () => {
      checkCondition(this.get(meta.key), condition);
      const blob = randomUUID();
      await renameDurably(tempFile, join(this.dataDir, blob));
      return this.addVersion({ ...meta, versionId: this.versionIds.next(this.now()), blob }, [blob]);
    });
  }

  /**
   * Makes fully written, fsynced part files (a multipart upload's, in order; sizes in
   * `meta.partSizes`) the key's new current version without copying a byte: each is hard-linked
   * into `data/`, then the history commits. The part files stay where they are (the caller removes
   * the upload after this resolves), so a crash before the commit leaves the upload completable
   * and only unreferenced links, which `open()` removes.
   */
  async commitParts(
    partFiles: readonly string[],
    meta: NewObject,
    condition: WriteCondition = {},
  ): Promise<ObjectMeta> {
    return this.commits.run(meta.key, async () => {
      checkCondition(this.get(meta.key), condition);
      const blobs: string[] = [];
      try {
        for (const file of partFiles) {
          const blob = randomUUID();
          blobs.push(blob);
          await link(file, join(this.dataDir, blob));
        }
        await fsyncDir(this.dataDir);
      } catch (error) {
        await Promise.all(blobs.map((b) => removeQuietly(join(this.dataDir, b))));
        throw error;
      }
      return this.addVersion({ ...meta, versionId: this.versionIds.next(this.now()), blobs }, blobs);
    });
  }

  /** Records `stored` as the key's newest version; its blobs are removed if that fails. */
  private async addVersion(stored: ObjectMeta, blobs: readonly string[]): Promise<ObjectMeta> {
    try {
      await this.saveHistory(stored.key, [stored, ...(this.histories.get(stored.key) ?? [])]);
    } catch (error) {
      await Promise.all(blobs.map((b) => removeQuietly(join(this.dataDir, b))));
      throw error;
    }
    return stored;
  }

  /**
   * Deletes the key as a versioned bucket does: a new delete marker becomes its newest version
   * (even when it had no object), and every version stays. With `ifMatch` (a conditional delete)
   * the current object must exist with a matching ETag, else WriteConditionFailed (`missing` when
   * there is none).
   */
  async delete(key: string, ifMatch?: string): Promise<DeleteMarker> {
    return this.commits.run(key, async () => {
      if (ifMatch !== undefined) {
        const existing = this.get(key);
        if (!existing) throw new WriteConditionFailed('If-Match', true);
        if (!etagMatches(ifMatch, existing.etag)) throw new WriteConditionFailed('If-Match');
      }
      const marker: DeleteMarker = {
        key,
        versionId: this.versionIds.next(this.now()),
        lastModified: storedTime(this.now()),
        deleteMarker: true,
      };
      await this.saveHistory(key, [marker, ...(this.histories.get(key) ?? [])]);
      return marker;
    });
  }

  /**
   * Removes one version or delete marker for good (DeleteObject with `versionId`); the next newer
   * one left becomes current. Returns what was removed, undefined when the key has no such version.
   */
  async deleteVersion(key: string, versionId: string): Promise<StoredVersion | undefined> {
    return this.commits.run(key, async () => {
      const history = this.histories.get(key) ?? [];
      const removed = history.find((v) => v.versionId === versionId);
      if (!removed) return undefined;
      await this.saveHistory(
        key,
        history.filter((v) => v !== removed),
      );
      if (!removed.deleteMarker) {
        await Promise.all(blobExtents(removed).map(({ blob }) => removeQuietly(join(this.dataDir, blob))));
      }
      return removed;
    });
  }

  /** Writes the key's history durably (or removes its file when empty), then indexes it. */
  private async saveHistory(key: string, history: StoredVersion[]): Promise<void> {
    if (history.length === 0) {
      await unlink(this.metaPath(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await fsyncDir(this.objectsDir);
      this.histories.delete(key);
      removeKey(this.versioned, key);
      removeKey(this.current, key);
      return;
    }
    const file: HistoryFile = { key, versions: history };
    await writeFileDurably(this.tmpDir, this.metaPath(key), JSON.stringify(file));
    this.histories.set(key, history);
    insertKey(this.versioned, key);
    if (currentObject(history)) insertKey(this.current, key);
    else removeKey(this.current, key);
  }

  private metaPath(key: string): string {
    return join(this.objectsDir, `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`);
  }
}

/** Throws WriteConditionFailed when `condition` does not hold for the key's current object. */
function checkCondition(existing: ObjectMeta | undefined, condition: WriteCondition): void {
  if (condition.ifNoneMatch === '*' && existing) throw new WriteConditionFailed('If-None-Match');
  if (condition.ifMatch !== undefined) {
    if (!existing) throw new WriteConditionFailed('If-Match', true);
    if (!etagMatches(condition.ifMatch, existing.etag)) throw new WriteConditionFailed('If-Match');
  }
}

/** S3's ETag comparison for If-Match/If-None-Match values: `*`, quoted or bare, comma lists. */
export function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((v) => v.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((v) => v === '*' || v === etag);
}
