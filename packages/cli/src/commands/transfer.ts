/*
 * `cp` and `mv`: copies between local files, stdin/stdout (`-`) and remote paths, a whole tree with
 * -r. The command line is first turned into a plan (one job per file, every local path checked
 * before anything moves), then the jobs run, four at a time, through the library's
 * `files.upload` / `files.download`, with progress on a terminal and one summary line (or JSON
 * object) per file. Ctrl-C aborts the signal: the library takes back a half-done upload, and a
 * download goes to a temporary file that is only renamed into place once complete.
 */
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Files, TransferResult } from 'auth-s3';
import { NotFoundError, TransferIncompleteError } from 'auth-s3';
import type { Command } from '../command.js';
import type { Context } from '../context.js';
import { CliError, EXIT, partialFailure, usageError } from '../exit-codes.js';
import { humanDuration, humanSize } from '../format.js';
import {
  baseName,
  formatRemote,
  isFolderPath,
  type Location,
  libraryArea,
  parseLocation,
  type RemoteLocation,
} from '../locations.js';
import { createProgressBoard, type ProgressBoard } from '../progress.js';
import { isFolder, listEntries, removeRemoteFolder, report } from './listing.js';

type LocalLocation = { kind: 'local'; path: string };

/** One file to move: where from, where to. */
interface Job {
  from: Location;
  to: Location;
}

/** The plan for one command line: the files, and the folders a move empties afterwards. */
interface Plan {
  jobs: Job[];
  /** Local folders created (downloads) or emptied (mv); remote folder markers to copy or remove. */
  localFolders: string[];
  remoteFolders: RemoteLocation[];
}

const PARALLEL_FILES = 4;

function describe(location: Location): string {
  if (location.kind === 'stdio') return '-';
  return location.kind === 'local' ? location.path : formatRemote(location.area, location.path);
}

async function localKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/** Every file below `root`, as paths relative to it with `/` separators. */
async function walk(root: string): Promise<{ files: string[]; folders: string[] }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const rel = relative(root, full).split(sep).join('/');
    if (entry.isDirectory()) folders.push(rel);
    else if (entry.isFile()) files.push(rel);
  }
  return { files: files.sort(), folders: folders.sort() };
}

function folderOf(path: string): string {
  return path === '' || path.endsWith('/') ? path : `${path}/`;
}

async function plan(
  context: Context,
  source: string,
  destination: string,
  recursive: boolean,
): Promise<Plan> {
  const from = parseLocation(source);
  const to = parseLocation(destination);
  const result: Plan = { jobs: [], localFolders: [], remoteFolders: [] };
  if (from.kind !== 'remote' && to.kind !== 'remote') {
    throw usageError(
      `One side must be a remote path such as shared:${baseName(source) || 'file'}; both "${source}" and "${destination}" are local.`,
    );
  }
  if (from.kind === 'stdio') {
    if (to.kind === 'remote' && isFolderPath(to.path)) {
      throw usageError(
        `Standard input has no name: give the remote file one, e.g. ${formatRemote(to.area, `${to.path}upload.bin`)}.`,
      );
    }
    result.jobs.push({ from, to });
    return result;
  }
  if (from.kind === 'local') {
    const kind = await localKind(from.path);
    if (kind === 'missing')
      throw new CliError(`No such file or folder: ${from.path}. Check the path.`, EXIT.notFound);
    const remote = to as RemoteLocation;
    if (kind === 'directory') {
      if (!recursive) throw usageError(`${from.path} is a folder: add -r to copy it and everything in it.`);
      const tree = await walk(from.path);
      const base = folderOf(remote.path);
      for (const file of tree.files) {
        result.jobs.push({
          from: { kind: 'local', path: join(from.path, file) },
          to: { ...remote, path: base + file },
        });
      }
      result.localFolders.push(from.path, ...tree.folders.map((f) => join(from.path, f)));
      return result;
    }
    const path = isFolderPath(remote.path) ? remote.path + basename(from.path) : remote.path;
    result.jobs.push({ from, to: { ...remote, path } });
    return result;
  }
  // From a remote path.
  const files = context.files(from.area);
  if (recursive) {
    const folder = folderOf(from.path);
    for await (const entry of listEntries(files, folder, true)) {
      const rel = entry.path.slice(folder.length);
      if (entry.type === 'folder') {
        result.remoteFolders.push({ ...from, path: entry.path });
        if (to.kind === 'local') result.localFolders.push(join(to.path, rel));
        continue;
      }
      const copy: Location =
        to.kind === 'local'
          ? { kind: 'local', path: join(to.path, rel) }
          : to.kind === 'remote'
            ? { ...to, path: folderOf(to.path) + rel }
            : to;
      result.jobs.push({ from: { ...from, path: entry.path }, to: copy });
    }
    if (to.kind === 'stdio' && result.jobs.length > 1)
      throw usageError('Only one file can go to standard output; drop -r.');
    if (result.jobs.length === 0 && result.remoteFolders.length === 0) {
      throw new CliError(
        `Nothing at ${formatRemote(from.area, folder)}. Run \`auth-s3 ls\` to see what exists.`,
        EXIT.notFound,
      );
    }
    if (folder !== '') result.remoteFolders.push({ ...from, path: folder });
    if (to.kind === 'local') result.localFolders.unshift(to.path);
    return result;
  }
  if (isFolderPath(from.path))
    throw usageError(`${source} is a folder: add -r to copy it and everything in it.`);
  let target: Location = to;
  if (
    to.kind === 'local' &&
    (to.path.endsWith('/') || to.path.endsWith(sep) || (await localKind(to.path)) === 'directory')
  ) {
    target = { kind: 'local', path: join(to.path, baseName(from.path)) };
  } else if (to.kind === 'remote' && isFolderPath(to.path)) {
    target = { ...to, path: to.path + baseName(from.path) };
  }
  result.jobs.push({ from, to: target });
  return result;
}

/** Runs one job; resolves with the bytes moved. */
async function transfer(context: Context, job: Job, board: ProgressBoard): Promise<number> {
  const { from, to } = job;
  const { signal } = context;
  const label = `${describe(from)} → ${describe(to)}`;
  const progress = board.start(label);
  let bytes = 0;
  const onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
    bytes = loaded;
    progress.update(loaded, total);
  };
  const started = Date.now();
  try {
    if (to.kind === 'remote') {
      const files = context.files(to.area);
      let data: Parameters<Files['upload']>[0];
      // A local file goes as its open handle: the library reads each part at its offset.
      let file: FileHandle | undefined;
      if (from.kind === 'local') data = file = await open(from.path, 'r');
      else if (from.kind === 'stdio') data = context.io.stdin;
      else data = await download(context, from, onProgress);
      try {
        const uploaded = await files.upload(data, to.path, {
          signal,
          onProgress: from.kind === 'remote' ? undefined : onProgress,
        });
        bytes = uploaded.size;
      } finally {
        await file?.close();
      }
    } else {
      const stream = await download(context, from as RemoteLocation, onProgress);
      if (to.kind === 'stdio') {
        await pipeline(Readable.fromWeb(stream as never), context.io.stdout, { end: false });
      } else {
        await writeLocal(stream, to.path);
      }
    }
  } catch (error) {
    progress.finish();
    throw error;
  }
  const seconds = (Date.now() - started) / 1000;
  const action = from.kind === 'remote' ? (to.kind === 'remote' ? 'copy' : 'download') : 'upload';
  const summaryStream = to.kind === 'stdio' ? 'stderr' : 'stdout';
  progress.finish();
  if (context.flags.json) {
    const line = JSON.stringify({ action, from: describe(from), to: describe(to), bytes, seconds });
    board.print(line, summaryStream);
  } else if (!context.flags.quiet) {
    const rate = seconds > 0 ? `, ${humanSize(bytes / seconds)}/s` : '';
    board.print(
      `${action}: ${label} (${humanSize(bytes)} in ${humanDuration(seconds)}${rate})`,
      summaryStream,
    );
  }
  return bytes;
}

async function download(
  context: Context,
  from: RemoteLocation,
  onProgress: (progress: { loaded: number; total: number }) => void,
): Promise<ReadableStream<Uint8Array>> {
  const files = context.files(from.area);
  try {
    return await files.download(from.path, { signal: context.signal, onProgress });
  } catch (error) {
    if (error instanceof NotFoundError && (await isFolder(files, from.path))) {
      throw usageError(
        `${formatRemote(from.area, from.path)} is a folder: add -r to copy it and everything in it.`,
      );
    }
    throw error;
  }
}

/** Writes to a temporary file beside `path`, renamed into place only when every byte is there. */
async function writeLocal(stream: ReadableStream<Uint8Array>, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.auth-s3-${process.pid}.partial`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await writeBatched(stream, file);
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Bytes gathered before one `writev`: the body arrives in 16–64 KiB reads. */
const WRITE_BATCH = 1024 * 1024;

/**
 * Writes the stream to `file` in batches of about 1 MiB, one `writev` in flight while the next
 * batch arrives: a write per network read (a Node stream piped into a file) cost more CPU than
 * the download itself.
 */
async function writeBatched(stream: ReadableStream<Uint8Array>, file: FileHandle): Promise<void> {
  const reader = stream.getReader();
  let batch: Uint8Array[] = [];
  let batched = 0;
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) {
        batch.push(value);
        batched += value.length;
      }
      if (batched >= WRITE_BATCH || (done && batched > 0)) {
        await writing;
        writing = file.writev(batch);
        // Handled here, thrown below: a write that fails while the next batch arrives is no unhandled rejection.
        writing.catch(() => {});
        batch = [];
        batched = 0;
      }
      if (done) break;
    }
  } finally {
    // A failed read still waits for the write in flight, so the file is closed only after it.
    await writing.catch(() => {});
  }
  await writing;
}

/**
 * `cp`/`mv` with both ends remote, within an area or between `my:` and `shared:`: the library's
 * `copy`/`move` with `toArea` (one CopyObject per file, the bytes stay in S3; a move removes each
 * source only once its copy exists). Like cp, an existing destination is replaced.
 */
async function remoteTransfer(
  context: Context,
  from: RemoteLocation,
  to: RemoteLocation,
  recursive: boolean,
  move: boolean,
): Promise<void> {
  const files = context.files(from.area);
  let source = from.path;
  let target = to.path;
  if (recursive) {
    source = folderOf(from.path);
    target = folderOf(to.path);
  } else {
    if (isFolderPath(from.path))
      throw usageError(
        `${formatRemote(from.area, from.path)} is a folder: add -r to copy it and everything in it.`,
      );
    if (isFolderPath(to.path)) target = to.path + baseName(from.path);
  }
  const options = { toArea: libraryArea(to.area), overwrite: true, signal: context.signal };
  const action = move ? 'move' : 'copy';
  const show = (file: { from: string; to: string }) =>
    report(context, action, formatRemote(from.area, file.from), formatRemote(to.area, file.to));
  let result: TransferResult;
  try {
    result = move ? await files.move(source, target, options) : await files.copy(source, target, options);
  } catch (error) {
    if (error instanceof TransferIncompleteError) {
      for (const file of error.details.completed) show(file);
      const failures = error.details.failures.map(({ path, error }) => ({
        path: formatRemote(from.area, path),
        error,
      }));
      throw partialFailure(failures, error.message, (line) => context.io.stderr.write(`${line}\n`));
    }
    if (!recursive && error instanceof NotFoundError && (await isFolder(files, from.path))) {
      throw usageError(
        `${formatRemote(from.area, from.path)} is a folder: add -r to ${action} it and everything in it.`,
      );
    }
    throw error;
  }
  for (const file of result.files) show(file);
}

/** Runs every job, a few at a time; the first failure stops new ones and is rethrown. */
async function runJobs(
  context: Context,
  jobs: Job[],
  afterEach?: (job: Job) => Promise<void>,
): Promise<void> {
  const live = context.io.stderr.isTTY === true && !context.flags.quiet && !context.flags.json;
  const board = createProgressBoard(context.io, live);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < jobs.length && !context.signal.aborted) {
      const job = jobs[next++] as Job;
      try {
        await transfer(context, job, board);
        await afterEach?.(job);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FILES, jobs.length) }, worker));
  if (failure !== undefined) throw failure;
}

const copyHelp = `SRC and DST are local paths, remote paths (shared:PATH for the shared area, my:PATH
for your private one) or - (standard input or output). Between two remote paths (my: and shared:
included) the copy stays in S3: nothing is downloaded. A DST ending in "/" (or an existing local folder) receives the file under its own name.
With -r, SRC is a folder and everything in it lands under DST (like \`aws s3 cp --recursive\`).
Partial downloads never appear under their final name; Ctrl-C cancels and leaves nothing behind.
With --json: one object per file ({"action","from","to","bytes","seconds"}).`;

export const cp: Command = {
  name: 'cp',
  summary: 'copy files up, down or within (-r for folders, - for stdin/stdout)',
  usage: 'cp SRC DST [-r]',
  help: `${copyHelp}

Examples:
  auth-s3 cp report.pdf shared:docs/
  auth-s3 cp shared:docs/report.pdf .
  auth-s3 cp my:notes.txt shared:notes.txt
  auth-s3 cp -r shared:photos/ my:photos/
  auth-s3 cp -r photos shared:photos
  tar c src | auth-s3 cp - shared:backups/src.tar
  auth-s3 cp shared:backups/src.tar - | tar t`,
  options: { recursive: { type: 'boolean', short: 'r' } },
  args: { required: ['SRC', 'DST'] },
  async run(context, [source = '', target = ''], values) {
    const from = parseLocation(source);
    const to = parseLocation(target);
    if (from.kind === 'remote' && to.kind === 'remote')
      return remoteTransfer(context, from, to, values.recursive === true, false);
    const { jobs, localFolders } = await plan(context, source, target, values.recursive === true);
    // Empty folders of the tree exist on the other side too.
    if (to.kind === 'local') for (const folder of localFolders) await mkdir(folder, { recursive: true });
    await runJobs(context, jobs);
  },
};

export const mv: Command = {
  name: 'mv',
  summary: 'move files: copy, then delete the source',
  usage: 'mv SRC DST [-r]',
  help: `Like cp, then deletes each source file once its copy is complete (a folder with -r).

${copyHelp}

Examples:
  auth-s3 mv shared:draft.txt shared:final.txt
  auth-s3 mv -r shared:drafts/ my:drafts/
  auth-s3 mv -r shared:inbox/ ./inbox`,
  options: { recursive: { type: 'boolean', short: 'r' } },
  args: { required: ['SRC', 'DST'] },
  async run(context, [source = '', target = ''], values) {
    const from = parseLocation(source);
    if (from.kind === 'stdio') throw usageError('mv cannot move standard input; use cp.');
    const to = parseLocation(target);
    if (from.kind === 'remote' && to.kind === 'remote')
      return remoteTransfer(context, from, to, values.recursive === true, true);
    const { jobs, localFolders, remoteFolders } = await plan(
      context,
      source,
      target,
      values.recursive === true,
    );
    if (to.kind === 'local') for (const folder of localFolders) await mkdir(folder, { recursive: true });
    await runJobs(context, jobs, async (job) => {
      if (job.from.kind === 'local') await unlink(job.from.path);
      else if (job.from.kind === 'remote') await context.files(job.from.area).remove(job.from.path);
    });
    if (from.kind === 'local' && values.recursive)
      await rm((from as LocalLocation).path, { recursive: true });
    // The folder markers go last, through removeFolder's per-key report.
    for (const folder of remoteFolders) await removeRemoteFolder(context, folder.area, folder.path, false);
  },
};
