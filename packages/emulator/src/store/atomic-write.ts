/*
 * Writes a file so that readers (and a restart after a crash) see either the old content or the
 * new, never a mix: write a temporary file beside it, flush it, rename it over the target.
 */
import { open, rename, rm } from 'node:fs/promises';

let counter = 0;

/** Replaces `path` with `content` atomically. `mode` applies to a newly created file. */
export async function writeFileAtomic(path: string, content: string, mode = 0o600): Promise<void> {
  const temp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    const file = await open(temp, 'w', mode);
    try {
      await file.writeFile(content, 'utf8');
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
