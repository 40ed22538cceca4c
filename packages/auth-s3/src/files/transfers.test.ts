/*
 * Copy and move over an in-memory bucket standing in for the S3 half: a clash found before
 * anything is written; a folder move that fails partway (one copy refused, or a source that will
 * not go) reports each file's fate and loses none; the signal stops new copies; a folder never goes
 * inside itself. The wire behaviour of each single request is the journey's to prove.
 */
import { describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  AlreadyExistsError,
  InvalidParameterError,
  TransferIncompleteError,
} from '../errors.js';
import type { KeyedItem, KeyedRemoval } from './files-client.js';
import { type TransferClient, type TransferRequest, transfer } from './transfers.js';

/** A bucket of key → bytes with S3's answers, and switches to make one key fail. */
class MemoryBucket implements TransferClient {
  readonly objects = new Map<string, string>();
  readonly log: string[] = [];
  /** Destination keys CopyObject refuses (AccessDenied). */
  readonly unwritable = new Set<string>();
  /** Source keys DeleteObjects refuses. */
  readonly undeletable = new Set<string>();
  /** Called after each copy, e.g. to fire an abort. */
  afterCopy: (key: string) => void = () => {};

  constructor(entries: Record<string, string>) {
    for (const [key, bytes] of Object.entries(entries)) this.objects.set(key, bytes);
  }

  async listKeys(prefix: string): Promise<KeyedItem[]> {
    this.log.push(`list ${prefix}`);
    return [...this.objects.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => ({ key, name: key, size: 1, lastModified: new Date(0), etag: '' }));
  }

  async copy(from: string, to: string, options: { overwrite: boolean }) {
    this.log.push(`copy ${from} ${to}`);
    if (this.unwritable.has(to)) throw new AccessDeniedError(`denied ${to}`);
    if (!options.overwrite && this.objects.has(to)) throw new AlreadyExistsError('exists', [to]);
    this.objects.set(to, this.objects.get(from) as string);
    this.afterCopy(to);
    return { etag: '', lastModified: new Date(0) };
  }

  async remove(key: string) {
    this.log.push(`remove ${key}`);
    if (this.undeletable.has(key)) throw new AccessDeniedError(`denied ${key}`);
    this.objects.delete(key);
  }

  async removeKeys(keys: readonly string[]): Promise<KeyedRemoval> {
    this.log.push(`removeKeys ${keys.length}`);
    const result: KeyedRemoval = { removed: [], failed: [] };
    for (const key of keys) {
      if (this.undeletable.has(key))
        result.failed.push({ key, error: new AccessDeniedError(`denied ${key}`) });
      else {
        this.objects.delete(key);
        result.removed.push(key);
      }
    }
    return result;
  }
}

const end = (key: string) => ({ key, areaPrefix: 'public/' });
function request(from: string, to: string, extra: Partial<TransferRequest> = {}): TransferRequest {
  return { from: end(from), to: end(to), move: true, overwrite: false, ...extra };
}
const folder = () =>
  new MemoryBucket({
    'public/src/': '',
    'public/src/a.txt': 'A',
    'public/src/b.txt': 'B',
    'public/src/sub/c.txt': 'C',
  });

describe('transfer', () => {
  it('moves a folder: every file copied, then the sources removed in one DeleteObjects', async () => {
    const bucket = folder();
    const result = await transfer(bucket, request('public/src/', 'public/dst/'));
    expect(result.files.map((file) => file.to)).toEqual(['dst/', 'dst/a.txt', 'dst/b.txt', 'dst/sub/c.txt']);
    expect([...bucket.objects].sort()).toEqual([
      ['public/dst/', ''],
      ['public/dst/a.txt', 'A'],
      ['public/dst/b.txt', 'B'],
      ['public/dst/sub/c.txt', 'C'],
    ]);
    expect(bucket.log.filter((line) => line.startsWith('remove'))).toEqual(['removeKeys 4']);
  });

  it('finds a clash in the destination folder before copying anything', async () => {
    const bucket = folder();
    bucket.objects.set('public/dst/', '');
    bucket.objects.set('public/dst/b.txt', 'old');
    const error = await transfer(bucket, request('public/src/', 'public/dst/')).catch((e) => e);
    expect(error).toBeInstanceOf(AlreadyExistsError);
    // The existing folder marker merges; only the file clashes.
    expect(error.paths).toEqual(['dst/b.txt']);
    expect(bucket.log.some((line) => line.startsWith('copy'))).toBe(false);
  });

  it('stops a folder move at a copy S3 refuses, removes only what was copied, and reports both', async () => {
    const bucket = folder();
    bucket.unwritable.add('public/dst/b.txt');
    const error = await transfer(bucket, request('public/src/', 'public/dst/')).catch((e) => e);
    expect(error).toBeInstanceOf(TransferIncompleteError);
    expect(error.cause).toBeInstanceOf(AccessDeniedError);
    const { completed, notCopied, copiedNotRemoved, failures } = error.details;
    expect(failures.map((f: { path: string }) => f.path)).toEqual(['src/b.txt']);
    expect(copiedNotRemoved).toEqual([]);
    expect(notCopied).toContainEqual({ from: 'src/b.txt', to: 'dst/b.txt' });
    // Each file is in exactly one place.
    for (const file of [...completed, ...notCopied] as Array<{ from: string; to: string }>) {
      const moved = completed.includes(file);
      expect(bucket.objects.has(`public/${file.to}`), file.to).toBe(moved);
      expect(bucket.objects.has(`public/${file.from}`), file.from).toBe(!moved);
    }
    expect(completed.length + notCopied.length).toBe(4);
  });

  it('reports a source that could not be removed after its copy as copied, not lost', async () => {
    const bucket = folder();
    bucket.undeletable.add('public/src/a.txt');
    const error = await transfer(bucket, request('public/src/', 'public/dst/')).catch((e) => e);
    expect(error).toBeInstanceOf(TransferIncompleteError);
    expect(error.details.copiedNotRemoved).toEqual([{ from: 'src/a.txt', to: 'dst/a.txt' }]);
    expect(error.details.completed).toHaveLength(3);
    expect(bucket.objects.get('public/src/a.txt')).toBe('A');
    expect(bucket.objects.get('public/dst/a.txt')).toBe('A');
    expect(error.message).toMatch(/3 moved, 1 copied but still also at the source, 0 left/);
  });

  it('stops starting copies when the signal fires, and finishes the ones done', async () => {
    const bucket = folder();
    const controller = new AbortController();
    bucket.afterCopy = () => controller.abort();
    const error = await transfer(
      bucket,
      request('public/src/', 'public/dst/', { move: false, signal: controller.signal }),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(TransferIncompleteError);
    expect(error.cause?.name).toBe('AbortedError');
    // Copies already in flight finish; none starts after the abort.
    const copies = bucket.log.filter((line) => line.startsWith('copy')).length;
    expect(error.details.completed).toHaveLength(copies);
    expect(error.details.notCopied).toHaveLength(4 - copies);
  });

  it('moves one file with a copy refused over an existing name, then allowed with overwrite', async () => {
    const bucket = new MemoryBucket({ 'public/a.txt': 'new', 'public/b.txt': 'old' });
    const refused = await transfer(bucket, request('public/a.txt', 'public/b.txt')).catch((e) => e);
    expect(refused).toBeInstanceOf(AlreadyExistsError);
    expect(refused.paths).toEqual(['b.txt']);
    expect(bucket.objects.get('public/a.txt')).toBe('new');
    await transfer(bucket, request('public/a.txt', 'public/b.txt', { overwrite: true }));
    expect([...bucket.objects]).toEqual([['public/b.txt', 'new']]);
  });

  it('refuses a folder into itself and a file onto itself', async () => {
    const bucket = folder();
    await expect(transfer(bucket, request('public/src/', 'public/src/sub/x/'))).rejects.toBeInstanceOf(
      InvalidParameterError,
    );
    await expect(transfer(bucket, request('public/src/a.txt', 'public/src/a.txt'))).rejects.toBeInstanceOf(
      InvalidParameterError,
    );
    expect(bucket.log).toEqual([]);
  });
});
