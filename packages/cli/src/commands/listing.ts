/*
 * The remote commands that are not transfers: `ls`, `rm`, `mkdir` and `presign`. Paths name their
 * area (`shared:photos/`); everything goes through the library's `files`, which checks each path
 * before any request is made.
 */
import type { FileItem, Files, RemoveResult } from 'auth-s3';
import { NotFoundError } from 'auth-s3';
import type { Command } from '../command.js';
import type { Context } from '../context.js';
import { CliError, EXIT, partialFailure, usageError } from '../exit-codes.js';
import { columns, humanSize, shortDate } from '../format.js';
import { type AreaName, formatRemote, isFolderPath, parseRemote } from '../locations.js';

/** One entry of a listing: a file, or a folder (path ending in `/`). */
interface Entry {
  type: 'file' | 'folder';
  /** Relative to the area. */
  path: string;
  /** As shown: relative to the folder listed. */
  name: string;
  size?: number;
  lastModified?: Date;
  etag?: string;
}

/** Every entry under `folder` (one level, or all with `recursive`), page by page. */
export async function* listEntries(files: Files, folder: string, recursive: boolean): AsyncGenerator<Entry> {
  for await (const page of files.listAll({ path: folder, delimiter: recursive ? '' : '/' })) {
    for (const f of page.folders) yield { type: 'folder', path: f.path, name: f.path.slice(folder.length) };
    for (const item of page.items) yield fileEntry(item, folder);
  }
}

function fileEntry(item: FileItem, folder: string): Entry {
  const name = item.path.slice(folder.length);
  // With a flat listing, nested folder markers come back as zero-byte objects named `x/`.
  if (item.path.endsWith('/')) return { type: 'folder', path: item.path, name };
  return {
    type: 'file',
    path: item.path,
    name,
    size: item.size,
    lastModified: item.lastModified,
    etag: item.etag,
  };
}

export const ls: Command = {
  name: 'ls',
  summary: 'list a folder (-l details, -R everything below)',
  usage: 'ls [PATH] [-l] [-R]',
  help: `Lists the files and folders in PATH (default shared:, the shared area's root). With -l:
size, last change and name in columns; with -R: every file below PATH. With --json: one object per
line ({"type","path","size","lastModified","etag"}).

Examples:
  auth-s3 ls
  auth-s3 ls shared:photos/ -l
  auth-s3 ls shared: -R --json`,
  options: { long: { type: 'boolean', short: 'l' }, recursive: { type: 'boolean', short: 'R' } },
  args: { required: [], optional: 1 },
  async run(context, [argument = 'shared:'], values) {
    const { area, path } = parseRemote(argument, 'ls');
    const files = context.files(area);
    const folder = path === '' || path.endsWith('/') ? path : `${path}/`;
    const entries: Entry[] = [];
    for await (const entry of listEntries(files, folder, values.recursive === true)) {
      if (context.flags.json) context.record(toJson(area, entry));
      else entries.push(entry);
    }
    if (entries.length === 0 && !context.flags.json && path !== '') {
      // Not a folder: perhaps a file, which `ls` shows like `ls FILE` does.
      if (!path.endsWith('/')) {
        const item = await files.head(path).catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        });
        if (item) entries.push(fileEntry(item, item.path.slice(0, item.path.length - item.name.length)));
      }
    }
    if (entries.length === 0 && path !== '' && !context.flags.json) {
      throw new CliError(
        `Nothing at ${formatRemote(area, folder)}. Run \`auth-s3 ls\` to see what exists.`,
        EXIT.notFound,
      );
    }
    if (!values.long) {
      for (const entry of entries) context.result(entry.name);
      return;
    }
    const rows = entries.map((entry) =>
      entry.type === 'folder'
        ? ['-', '-', entry.name]
        : [humanSize(entry.size ?? 0), shortDate(entry.lastModified ?? new Date(0)), entry.name],
    );
    for (const line of columns(rows, [0])) context.result(line);
  },
};

function toJson(area: AreaName, entry: Entry): object {
  return {
    type: entry.type,
    path: formatRemote(area, entry.path),
    ...(entry.type === 'file'
      ? { size: entry.size, lastModified: entry.lastModified?.toISOString(), etag: entry.etag }
      : {}),
  };
}

export const rm: Command = {
  name: 'rm',
  summary: 'delete a file, or a folder and everything in it with -r',
  usage: 'rm PATH... [-r]',
  help: `Deletes remote files. A folder (a path ending in "/") needs -r and goes with everything in it;
a file that cannot be deleted is named on stderr and the command exits non-zero.

Examples:
  auth-s3 rm shared:notes.txt
  auth-s3 rm -r shared:old-photos/
  auth-s3 rm my:drafts/old.txt`,
  options: { recursive: { type: 'boolean', short: 'r' } },
  args: { required: ['PATH'], optional: Number.POSITIVE_INFINITY },
  async run(context, positionals, values) {
    for (const argument of positionals) {
      const { area, path } = parseRemote(argument, 'rm');
      const files = context.files(area);
      if (values.recursive && (isFolderPath(path) || (await isFolder(files, path)))) {
        await removeRemoteFolder(context, area, path, true);
        continue;
      }
      if (isFolderPath(path))
        throw usageError(`${argument} is a folder: add -r to delete it and everything in it.`);
      try {
        await files.head(path);
      } catch (error) {
        if (error instanceof NotFoundError && (await isFolder(files, path))) {
          throw usageError(`${argument} is a folder: add -r to delete it and everything in it.`);
        }
        throw error;
      }
      await files.remove(path);
      report(context, 'delete', formatRemote(area, path));
    }
  },
};

/** True when something is stored below `path/`. */
export async function isFolder(files: Files, path: string): Promise<boolean> {
  const page = await files.list({ path: path === '' ? '' : `${path.replace(/\/+$/, '')}/`, pageSize: 1 });
  return page.items.length > 0 || page.folders.length > 0 || (await hasMarker(files, path));
}

async function hasMarker(files: Files, path: string): Promise<boolean> {
  if (path === '') return false;
  const parent = path.includes('/') ? path.slice(0, path.replace(/\/+$/, '').lastIndexOf('/') + 1) : '';
  const folder = `${path.replace(/\/+$/, '')}/`;
  for await (const page of files.listAll({ path: parent })) {
    if (page.folders.some((f) => f.path === folder)) return true;
  }
  return false;
}

/**
 * Removes a remote folder (or the area's root) and everything in it with the library's
 * `removeFolder` (`removeMany` for the root: DeleteObjects, each key answered on its own). `listRemoved` prints a line per removed key; every failure is
 * printed, and any failure ends the command with that failure's exit code.
 */
export async function removeRemoteFolder(
  context: Context,
  area: AreaName,
  path: string,
  listRemoved: boolean,
): Promise<void> {
  const folder = path === '' || path.endsWith('/') ? path : `${path}/`;
  const files = context.files(area);
  const options = { signal: context.signal };
  // The area's root is no folder to the library: its files go through removeMany and each of its
  // folders through removeFolder, the answers merged.
  const result: RemoveResult = { removed: [], failed: [] };
  const add = (part: RemoveResult) => {
    result.removed.push(...part.removed);
    result.failed.push(...part.failed);
  };
  if (folder !== '') add(await files.removeFolder(folder, options));
  else {
    const paths: string[] = [];
    for await (const entry of listEntries(files, '', false)) {
      if (entry.type === 'folder') add(await files.removeFolder(entry.path, options));
      else paths.push(entry.path);
    }
    if (paths.length > 0) add(await files.removeMany(paths, options));
  }
  if (listRemoved)
    for (const removed of result.removed) report(context, 'delete', formatRemote(area, removed));
  if (result.failed.length > 0) {
    throw partialFailure(
      result.failed.map(({ path: failed, error }) => ({ path: formatRemote(area, failed), error })),
      `${result.failed.length} of ${result.failed.length + result.removed.length} files in ${formatRemote(area, folder)} could not be deleted; the others were.`,
      (line) => context.io.stderr.write(`${line}\n`),
    );
  }
}

/** One result line (or JSON object): `delete: shared:a.txt`, `copy: my:a.txt → shared:a.txt`. */
export function report(context: Context, action: string, path: string, to?: string): void {
  if (context.flags.json) context.record(to === undefined ? { action, path } : { action, from: path, to });
  else context.result(to === undefined ? `${action}: ${path}` : `${action}: ${path} → ${to}`);
}

export const mkdir: Command = {
  name: 'mkdir',
  summary: 'create an empty folder',
  usage: 'mkdir PATH...',
  help: `Creates empty remote folders (S3 has no folders: an empty marker object named "PATH/" stands
for one, as in the S3 console). Uploading into a folder that does not exist needs no mkdir.

Example:
  auth-s3 mkdir shared:photos/2026`,
  options: {},
  args: { required: ['PATH'], optional: Number.POSITIVE_INFINITY },
  async run(context, positionals) {
    for (const argument of positionals) {
      const { area, path } = parseRemote(argument, 'mkdir');
      if (path === '') throw usageError(`${argument} is the area's root, which always exists.`);
      const folder = await context.files(area).createFolder(path);
      report(context, 'mkdir', formatRemote(area, folder.path));
    }
  },
};

const DURATION = /^(\d+)([smhd]?)$/;
const SECONDS = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 } as const;

export const presign: Command = {
  name: 'presign',
  summary: 'print a temporary download URL',
  usage: 'presign PATH [--expires-in DURATION] [--filename NAME]',
  help: `Prints a presigned URL that downloads PATH without signing in. --expires-in takes seconds or
a number with s, m, h or d (default 1h; never longer than your temporary credentials last).
--filename makes browsers save the file under NAME.

Examples:
  auth-s3 presign shared:report.pdf
  auth-s3 presign shared:photos/cat.png --expires-in 15m --filename cat.png`,
  options: { 'expires-in': { type: 'string' }, filename: { type: 'string' } },
  args: { required: ['PATH'] },
  async run(context, [argument = ''], values) {
    const { area, path } = parseRemote(argument, 'presign');
    const expires = values['expires-in'];
    let expiresIn: number | undefined;
    if (typeof expires === 'string') {
      const match = DURATION.exec(expires);
      if (!match || Number(match[1]) < 1) {
        throw usageError(`--expires-in takes a duration such as 900, 15m, 2h or 1d (got "${expires}").`);
      }
      expiresIn = Number(match[1]) * SECONDS[match[2] as keyof typeof SECONDS];
    }
    const filename = typeof values.filename === 'string' ? values.filename : undefined;
    const files = context.files(area);
    // A URL for a missing file would only fail later, in someone else's hands.
    await files.head(path);
    const url = await files.getDownloadUrl(path, { expiresIn, filename });
    if (context.flags.json) context.record({ path: formatRemote(area, path), url });
    else context.io.stdout.write(`${url}\n`);
  },
};
