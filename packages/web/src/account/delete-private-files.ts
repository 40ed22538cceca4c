/*
 * Empties the signed-in user's own area (`myFiles`, `private/<identity id>/`) before the account is
 * deleted: once the user is gone, nothing can sign in to reach those files. Every file is listed
 * flat, removed in DeleteObjects batches, and the empty folder markers left are removed with their
 * folders. The bucket is versioned: what is removed is hidden behind delete markers, which the
 * bucket's lifecycle (not the user's role) may later expire.
 */
import type { AuthS3Error, Files } from 'auth-s3';

/** What the clean-up did: files removed, and those S3 refused or never got to. */
export interface PrivateFilesDeleted {
  removed: number;
  failed: Array<{ path: string; error: AuthS3Error }>;
}

/** Removes every file (and folder) in `files`; counts files only, not folder markers. */
export async function deletePrivateFiles(files: Files): Promise<PrivateFilesDeleted> {
  const paths: string[] = [];
  for await (const page of files.listAll({ delimiter: '' })) {
    for (const item of page.items) paths.push(item.path);
  }
  const result = paths.length > 0 ? await files.removeMany(paths) : { removed: [] as string[], failed: [] };
  if (result.failed.length > 0) return { removed: result.removed.length, failed: result.failed };
  // What a flat listing does not show as files: the zero-byte markers of empty folders.
  const failed: PrivateFilesDeleted['failed'] = [];
  const { folders } = await files.list();
  for (const folder of folders) failed.push(...(await files.removeFolder(folder.path)).failed);
  return { removed: result.removed.length, failed };
}
