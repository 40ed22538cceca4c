/*
 * Copy and move of a file or a folder, within an area or between the two, built from single S3
 * requests (CopyObject, DeleteObjects): S3 has no rename. What this file guarantees is that nothing
 * is lost. A source is removed only after its copy exists, and only with one DeleteObjects per
 * 1,000 copied files at the end; a failure (or an abort) stops new copies, lets those in flight
 * finish, removes the sources already copied (for a move) and reports, file by file, what was done
 * and what was left. Without `overwrite`, a destination that exists is found before anything is
 * written (a listing of the destination folder, or `If-None-Match: *` for one file).
 */
import {
  AbortedError,
  AlreadyExistsError,
  type AuthS3Error,
  InvalidParameterError,
  TransferIncompleteError,
} from '../errors.js';
import type { BatchProgress, TransferResult, TransferredFile } from '../types.js';
import type { FilesClient } from './files-client.js';

/** CopyObject requests in flight at once during a folder copy. */
const COPY_CONCURRENCY = 8;

/** The S3 half's methods a transfer uses. */
export type TransferClient = Pick<FilesClient, 'listKeys' | 'copy' | 'remove' | 'removeKeys'>;

/** One end of a transfer: the key (or, for a folder, the prefix ending in `/`) and its area's prefix. */
interface TransferEnd {
  key: string;
  areaPrefix: string;
}

export interface TransferRequest {
  from: TransferEnd;
  to: TransferEnd;
  move: boolean;
  overwrite: boolean;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
}

interface KeyPair {
  from: string;
  to: string;
}

/**
 * Copies or moves `from` to `to`: one file, or (keys ending in `/`) a folder and everything in it.
 *
 * @throws AlreadyExistsError before anything is written, when `overwrite` is off and the destination exists.
 * @throws TransferIncompleteError when some files were done and one failed, or the signal fired.
 */
export async function transfer(client: TransferClient, request: TransferRequest): Promise<TransferResult> {
  const { from, to } = request;
  const describe = (pair: KeyPair): TransferredFile => ({
    from: pair.from.slice(from.areaPrefix.length),
    to: pair.to.slice(to.areaPrefix.length),
  });
  if (from.key === to.key) {
    throw new InvalidParameterError(
      `${request.move ? 'move' : 'copy'}() was asked to put "${describe({ from: from.key, to: to.key }).from}" onto itself. Choose another destination.`,
    );
  }
  if (from.key.endsWith('/') && to.key.startsWith(from.key)) {
    throw new InvalidParameterError(
      `${request.move ? 'move' : 'copy'}() cannot put the folder "${describe({ from: from.key, to: to.key }).from}" inside itself. Choose a destination outside it.`,
    );
  }
  if (request.signal?.aborted)
    throw new AbortedError(`The ${request.move ? 'move' : 'copy'} was cancelled before it started.`);
  if (!from.key.endsWith('/')) return transferFile(client, request, describe);

  const sources = await client.listKeys(from.key);
  const pairs = sources.map((item) => ({ from: item.key, to: to.key + item.key.slice(from.key.length) }));
  if (pairs.length === 0) {
    throw new InvalidParameterError(
      `The folder "${describe({ from: from.key, to: to.key }).from}" is empty or does not exist; there is nothing to ${request.move ? 'move' : 'copy'}.`,
    );
  }
  if (!request.overwrite) {
    const existing = new Set((await client.listKeys(to.key)).map((item) => item.key));
    // Folder markers merge into an existing folder of the same name; only files can clash.
    const clashes = pairs.filter((pair) => existing.has(pair.to) && !isFolderMarker(pair.to));
    if (clashes.length > 0) throw alreadyExists(clashes.map((pair) => describe(pair).to));
  }
  return transferMany(client, request, pairs, describe);
}

async function transferFile(
  client: TransferClient,
  request: TransferRequest,
  describe: (pair: KeyPair) => TransferredFile,
): Promise<TransferResult> {
  const pair = { from: request.from.key, to: request.to.key };
  try {
    await client.copy(pair.from, pair.to, { overwrite: request.overwrite });
  } catch (error) {
    if (error instanceof AlreadyExistsError) throw alreadyExists([describe(pair).to], error);
    throw error;
  }
  request.onProgress?.({ done: 1, total: 1 });
  if (request.move) {
    try {
      await client.remove(pair.from);
    } catch (error) {
      const failure = error as AuthS3Error;
      throw incomplete(request, {
        completed: [],
        copiedNotRemoved: [describe(pair)],
        notCopied: [],
        failures: [{ path: describe(pair).from, error: failure }],
      });
    }
  }
  return { files: [describe(pair)] };
}

async function transferMany(
  client: TransferClient,
  request: TransferRequest,
  pairs: KeyPair[],
  describe: (pair: KeyPair) => TransferredFile,
): Promise<TransferResult> {
  const total = pairs.length;
  const copied: KeyPair[] = [];
  const failures: Array<{ pair: KeyPair; error: AuthS3Error }> = [];
  const stopped = () => failures.length > 0 || request.signal?.aborted === true;

  let next = 0;
  async function worker(): Promise<void> {
    while (next < pairs.length && !stopped()) {
      const pair = pairs[next++] as KeyPair;
      try {
        await client.copy(pair.from, pair.to, { overwrite: request.overwrite || isFolderMarker(pair.to) });
        copied.push(pair);
        request.onProgress?.({ done: copied.length, total });
      } catch (error) {
        failures.push({ pair, error: error as AuthS3Error });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(COPY_CONCURRENCY, pairs.length) }, worker));
  copied.sort(byKey);

  let removed: KeyPair[] = copied;
  let notRemoved: KeyPair[] = [];
  const removalFailures: Array<{ path: string; error: AuthS3Error }> = [];
  if (request.move && copied.length > 0) {
    const bySource = new Map(copied.map((pair) => [pair.from, pair]));
    // Not cancellable: these sources are copied, so removing them finishes their move.
    const removal = await client.removeKeys(copied.map((pair) => pair.from));
    removed = removal.removed.flatMap((key) => bySource.get(key) ?? []).sort(byKey);
    notRemoved = removal.failed.flatMap(({ key }) => bySource.get(key) ?? []).sort(byKey);
    for (const { key, error } of removal.failed) {
      removalFailures.push({ path: key.slice(request.from.areaPrefix.length), error });
    }
    request.onProgress?.({ done: copied.length, total });
  }

  if (failures.length === 0 && removalFailures.length === 0 && !request.signal?.aborted) {
    return { files: removed.map(describe) };
  }
  const failedPairs = new Set(failures.map((failure) => failure.pair));
  const notCopied = pairs.filter((pair) => !copied.includes(pair));
  const allFailures = [
    ...failures.map(({ pair, error }) => ({ path: describe(pair).from, error })),
    ...removalFailures,
  ];
  if (request.signal?.aborted && failedPairs.size === 0) {
    allFailures.push({
      path: '',
      error: new AbortedError(`The ${request.move ? 'move' : 'copy'} was cancelled.`),
    });
  }
  throw incomplete(request, {
    completed: removed.map(describe),
    copiedNotRemoved: notRemoved.map(describe),
    notCopied: notCopied.map(describe),
    failures: allFailures,
  });
}

function incomplete(
  request: TransferRequest,
  details: ConstructorParameters<typeof TransferIncompleteError>[1],
): TransferIncompleteError {
  const verb = request.move ? 'moved' : 'copied';
  const first = details.failures[0];
  const parts = [`${details.completed.length} ${verb}`];
  if (details.copiedNotRemoved.length > 0) {
    parts.push(`${details.copiedNotRemoved.length} copied but still also at the source`);
  }
  parts.push(`${details.notCopied.length} left where they were`);
  return new TransferIncompleteError(
    `The ${request.move ? 'move' : 'copy'} stopped partway: ${parts.join(', ')}. Nothing was lost. ` +
      `${first ? `First failure${first.path ? ` (${first.path})` : ''}: ${first.error.message} ` : ''}` +
      'Fix the cause and run it again for what is left.',
    details,
    { cause: first?.error },
  );
}

function alreadyExists(paths: string[], cause?: unknown): AlreadyExistsError {
  const shown = paths
    .slice(0, 3)
    .map((path) => `"${path}"`)
    .join(', ');
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  return new AlreadyExistsError(
    `${shown}${more} already exist${paths.length === 1 ? 's' : ''} at the destination; nothing was copied. ` +
      'Choose another name, or pass overwrite: true to replace.',
    paths,
    { cause },
  );
}

function isFolderMarker(key: string): boolean {
  return key.endsWith('/');
}

function byKey(a: KeyPair, b: KeyPair): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : 0;
}
