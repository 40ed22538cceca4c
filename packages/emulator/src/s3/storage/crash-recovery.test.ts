/*
 * Crash recovery of the object store: the process "dies" at a rename (the injected rename never
 * returns, so nothing after it runs, as after a kill), and a new store opened on the same directory
 * must show no partial object, keep the previous version whole, and sweep the temp and orphan
 * files the dead writer left.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fsyncFile } from './files.js';
import type { NewObject } from './object-meta.js';
import { ObjectStore } from './object-store.js';

/** Where the next rename "crashes": a predicate on (from, to); `reached` resolves when it does. */
const crash = vi.hoisted(() => ({
  at: undefined as ((from: string, to: string) => boolean) | undefined,
  reached: () => {},
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename(from: string, to: string): Promise<void> {
      if (crash.at?.(from, to)) {
        crash.at = undefined;
        crash.reached();
        return new Promise<void>(() => {});
      }
      return actual.rename(from, to);
    },
  };
});

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'auth-s3-crash-'));
});
afterEach(async () => {
  crash.at = undefined;
  await rm(root, { recursive: true, force: true });
});

function meta(key: string, body: string): NewObject {
  return {
    key,
    size: Buffer.byteLength(body),
    etag: 'etag',
    lastModified: 0,
    contentType: 'text/plain',
    headers: {},
    userMetadata: {},
    checksums: {},
  };
}

async function writeTemp(store: ObjectStore, body: string): Promise<string> {
  const temp = store.newTempFile();
  await writeFile(temp, body);
  await fsyncFile(temp);
  return temp;
}

/** Starts a commit that dies at the first rename matching `where`, and waits until it has. */
async function commitDyingAt(
  store: ObjectStore,
  key: string,
  body: string,
  where: (from: string, to: string) => boolean,
): Promise<string> {
  const temp = await writeTemp(store, body);
  const reached = new Promise<void>((resolve) => {
    crash.reached = resolve;
  });
  crash.at = where;
  void store.commit(temp, meta(key, body));
  await reached;
  return temp;
}

async function contents(store: ObjectStore, key: string): Promise<string | undefined> {
  const open = await store.read(key);
  if (!open) return undefined;
  return readFile(store.blobPath(open.meta), 'utf8').finally(() => open.stream.destroy());
}

describe('ObjectStore crash recovery', () => {
  it('shows no object and sweeps the temp file when the writer dies between writing and renaming', async () => {
    const store = new ObjectStore(root);
    await store.open();
    const temp = await commitDyingAt(store, 'public/new.txt', 'partial?', (from) => from.endsWith('.tmp'));
    expect(await readdir(store.tmpDir)).toEqual([basename(temp)]);

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(reopened.get('public/new.txt')).toBeUndefined();
    expect(reopened.size).toBe(0);
    expect(await readdir(reopened.tmpDir)).toEqual([]);
    expect(await readdir(join(root, 'data'))).toEqual([]);
  });

  it('keeps the previous version whole and sweeps the orphan blob when the writer dies before its metadata lands', async () => {
    const store = new ObjectStore(root);
    await store.open();
    await store.commit(await writeTemp(store, 'version 1'), meta('public/k.txt', 'version 1'));
    const objectsDir = join(root, 'objects');
    await commitDyingAt(store, 'public/k.txt', 'version 2', (_from, to) => to.startsWith(objectsDir));
    // The new bytes are already a blob; only the metadata rename that would publish them is missing.
    expect(await readdir(join(root, 'data'))).toHaveLength(2);

    const reopened = new ObjectStore(root);
    await reopened.open();
    expect(reopened.get('public/k.txt')?.size).toBe('version 1'.length);
    expect(await contents(reopened, 'public/k.txt')).toBe('version 1');
    expect(await readdir(join(root, 'data'))).toHaveLength(1);
    expect(await readdir(reopened.tmpDir)).toEqual([]);
  });
});
