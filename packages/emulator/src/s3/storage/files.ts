/*
 * File primitives for S3 storage: unique temp paths, durable writes (the file fsynced before its
 * rename and its directory fsynced after, so a crash leaves either the old file or the new one and
 * a completed rename survives a power cut), and removal that ignores files already gone.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A fresh path in `dir` that no other writer uses. */
export function tempPath(dir: string): string {
  return join(dir, `${randomUUID()}.tmp`);
}

/** Flushes a written file to disk. */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a directory's entries to disk, so a rename or removal in it survives a power cut (a
 * file's fsync covers its bytes, not the name that points at them).
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Renames `from` over `to` and makes the new name durable. */
export async function renameDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await fsyncDir(dirname(to));
}

/**
 * Writes `text` to a new temp file in `tmpDir` and fsyncs it; returns its path, for the caller to
 * rename into place (and then fsync that directory) or remove.
 */
export async function writeTempFileSynced(tmpDir: string, text: string): Promise<string> {
  const temp = tempPath(tmpDir);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await removeQuietly(temp);
    throw error;
  }
  await handle.close();
  return temp;
}

/** Writes `text` to `path` atomically: temp file in `tmpDir`, fsync, rename over `path`. */
export async function writeFileDurably(tmpDir: string, path: string, text: string): Promise<void> {
  const temp = await writeTempFileSynced(tmpDir, text);
  try {
    await renameDurably(temp, path);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}

/** Removes a file or directory tree; a missing one is not an error. */
export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true, recursive: true });
}

/** Runs `task` after every earlier task queued under the same name has settled. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(name, tail);
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    });
    return result;
  }
}
