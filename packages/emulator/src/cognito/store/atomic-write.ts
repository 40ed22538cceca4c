/*
 * Writes a file so that readers (and a restart after a crash) see either the old content or the
 * new, never a mix: write a temporary file beside it, flush it, rename it over the target, then
 * flush the directory so the rename itself survives a power cut. A crash between the two leaves
 * only a `*.tmp` file, which `sweepTempFiles` removes at the next start.
 */
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Test hooks to simulate a crash at a given point. */
export interface AtomicWriteFaults {
  /** Runs after the temporary file is flushed, before the rename. */
  beforeRename?(temp: string): void | Promise<void>;
}

/** Replaces `path` with `content` atomically. `mode` applies to a newly created file. */
export async function writeFileAtomic(
  path: string,
  content: string,
  mode = 0o600,
  faults: AtomicWriteFaults = {},
): Promise<void> {
  const temp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    const file = await open(temp, 'w', mode);
    try {
      await file.writeFile(content, 'utf8');
      await file.datasync();
    } finally {
      await file.close();
    }
    await faults.beforeRename?.(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Flushes a directory's entries (a rename into it) to disk; a no-op where directories cannot be opened. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a directory; EISDIR/EPERM there means "not supported", not a failed write.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}

/** Removes temporary files a crashed `writeFileAtomic(path)` left beside `path`; returns their names. */
export async function sweepTempFiles(path: string): Promise<string[]> {
  const prefix = `${basename(path)}.`;
  const dir = dirname(path);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const leftovers = entries.filter((name) => name.startsWith(prefix) && /\.\d+\.\d+\.tmp$/.test(name));
  await Promise.all(leftovers.map((name) => rm(join(dir, name), { force: true })));
  return leftovers;
}
