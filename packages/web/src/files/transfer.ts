/*
 * Moving or copying several entries (files and folders) to another folder, in this area or the
 * other, one library call per entry. It stops at the first entry whose destination already exists
 * (nothing of that entry is written: the library checks first) so the app can ask "Replace?" and go
 * on with the rest, and at a failure halfway, keeping an exact account of what moved, what was
 * copied but not removed, and what stayed where it was: {@link describeOutcome} says it in words.
 */
import type { AreaName, BatchProgress, Files, TransferredFile } from 'auth-s3';
import { AbortedError, AlreadyExistsError, TransferIncompleteError } from 'auth-s3/errors';
import { describeError } from '../errors/describe-error';
import { type Entry, placeLabel } from './entry';

/** Where entries go: a folder (`''` or ending with `/`) of an area. */
export interface Destination {
  area: AreaName;
  path: string;
}

/** One entry to move or copy, and its name at the destination (another name for a rename). */
export interface TransferItem {
  entry: Entry;
  name: string;
}

/** What a transfer did. */
export interface TransferOutcome {
  mode: 'move' | 'copy';
  destination: Destination;
  /** Files copied (and, for a move, removed from where they were). */
  done: TransferredFile[];
  /** Move only: copied, but the original is still there too. */
  copiedNotRemoved: TransferredFile[];
  /** Paths (files, or whole folders ending with `/`) left where they were. */
  notDone: string[];
  /** The destination of the next entry exists: these entries wait for "Replace?". */
  conflict?: { existing: readonly string[]; remaining: TransferItem[] };
  /** What stopped it, when something did. */
  error?: unknown;
  /** A single entry given a new name: a rename, said as one. */
  renamed?: { from: string; to: string };
}

/** Moves or copies `items` from `files`' area into `destination`, one after the other. */
export async function transferEntries(
  files: Files,
  items: readonly TransferItem[],
  destination: Destination,
  mode: 'move' | 'copy',
  options: { overwrite?: boolean; signal?: AbortSignal; onProgress?(progress: BatchProgress): void } = {},
): Promise<TransferOutcome> {
  const outcome: TransferOutcome = { mode, destination, done: [], copiedNotRemoved: [], notDone: [] };
  const [only] = items;
  if (items.length === 1 && only && only.name !== only.entry.name) {
    outcome.renamed = { from: only.entry.name, to: only.name };
  }
  for (const [index, { entry, name }] of items.entries()) {
    const rest = () => items.slice(index + 1).map((i) => i.entry.path);
    if (options.signal?.aborted) {
      outcome.notDone.push(...items.slice(index).map((i) => i.entry.path));
      outcome.error = new AbortedError('Cancelled.');
      return outcome;
    }
    const base = outcome.done.length;
    const to = `${destination.path}${name}${entry.kind === 'folder' ? '/' : ''}`;
    try {
      const result = await files[mode](entry.path, to, {
        toArea: destination.area,
        overwrite: options.overwrite ?? false,
        signal: options.signal,
        onProgress: (p) => options.onProgress?.({ done: base + p.done, total: base + p.total }),
      });
      outcome.done.push(...result.files);
    } catch (error) {
      if (error instanceof AlreadyExistsError) {
        outcome.conflict = { existing: error.paths, remaining: items.slice(index) };
        return outcome;
      }
      if (error instanceof TransferIncompleteError) {
        outcome.done.push(...error.details.completed);
        outcome.copiedNotRemoved.push(...error.details.copiedNotRemoved);
        outcome.notDone.push(...error.details.notCopied.map((f) => f.from), ...rest());
        outcome.error = error.cause ?? error;
      } else {
        outcome.notDone.push(entry.path, ...rest());
        outcome.error = error;
      }
      return outcome;
    }
  }
  return outcome;
}

/** A finished transfer in words: a one-line summary and, after a failure, the lists that matter. */
export function describeOutcome(outcome: TransferOutcome): {
  tone: 'success' | 'error';
  text: string;
  details: string[];
} {
  const { mode, destination, done, copiedNotRemoved, notDone, error } = outcome;
  const verb = mode === 'move' ? 'Moved' : 'Copied';
  const place = placeLabel(destination.area, destination.path);
  const files = (n: number) => `${n.toLocaleString()} file${n === 1 ? '' : 's'}`;
  if (error === undefined && outcome.renamed) {
    return {
      tone: 'success',
      text: `Renamed ${outcome.renamed.from} to ${outcome.renamed.to}.`,
      details: [],
    };
  }
  if (error === undefined) {
    return { tone: 'success', text: `${verb} ${files(done.length)} to ${place}.`, details: [] };
  }
  const details: string[] = [];
  if (done.length > 0) details.push(`${verb}: ${done.map((f) => f.from).join(', ')}`);
  if (notDone.length > 0) {
    details.push(`Not ${mode === 'move' ? 'moved' : 'copied'}, still where they were: ${notDone.join(', ')}`);
  }
  if (copiedNotRemoved.length > 0) {
    details.push(
      `Copied but not yet removed from where they were (delete these to finish): ${copiedNotRemoved.map((f) => f.from).join(', ')}`,
    );
  }
  const stopped = error instanceof AbortedError ? 'you cancelled' : describeError(error);
  return {
    tone: 'error',
    text: `${verb} ${files(done.length)} to ${place}, then stopped (${stopped}). Nothing was lost.`,
    details,
  };
}
