/*
 * What a path on the command line names. A remote path names its area first, in one way only:
 * `shared:photos/cat.png` is `photos/cat.png` in the shared area (the stack's `public/` prefix, what
 * every signed-in user sees) and `my:notes.txt` is in the user's private area. `-` is stdin or
 * stdout; anything else is a local path (write `./shared:x` for a local file named like that).
 * Each area maps to one of the library's areas (`library.area(...)`): the keys under it are the
 * library's business, never prefixes of the CLI's own.
 */
import type { AreaName as LibraryArea } from 'auth-s3';
import { CliError, EXIT } from './exit-codes.js';

/** The areas a remote path can name, with the library area each one is. */
export const AREAS = {
  shared: { area: 'shared', description: 'files every signed-in user shares' },
  my: { area: 'mine', description: 'your private files, seen by you alone' },
} as const satisfies Record<string, { area: LibraryArea; description: string }>;

export type AreaName = keyof typeof AREAS;

/** A remote path: the area and the path inside it (`''` is the area's root; a trailing `/` is a folder). */
export interface RemoteLocation {
  kind: 'remote';
  area: AreaName;
  path: string;
}

export type Location = RemoteLocation | { kind: 'local'; path: string } | { kind: 'stdio' };

const REMOTE = /^(shared|my):(.*)$/s;

/** Reads one path argument. */
export function parseLocation(argument: string): Location {
  if (argument === '-') return { kind: 'stdio' };
  const match = REMOTE.exec(argument);
  if (!match) return { kind: 'local', path: argument };
  return { kind: 'remote', area: match[1] as AreaName, path: match[2] ?? '' };
}

/** Reads a path argument that must be remote, e.g. for `ls` or `rm`. */
export function parseRemote(argument: string, command: string): RemoteLocation {
  const location = parseLocation(argument);
  if (location.kind !== 'remote') {
    throw new CliError(
      `${command} works on remote paths: "${argument}" is local. Name the area, e.g. shared:${argument === '-' ? 'photos/' : argument}. See \`auth-s3 ${command} --help\`.`,
      EXIT.usage,
    );
  }
  return location;
}

/** The library's name for an area of the command line (`my` is the library's `mine`). */
export function libraryArea(area: AreaName): LibraryArea {
  return AREAS[area].area;
}

/** `shared:photos/cat.png`: how a remote path is shown. */
export function formatRemote(area: AreaName, path: string): string {
  return `${area}:${path}`;
}

/** True when a remote path names a folder: the area's root or a path ending in `/`. */
export function isFolderPath(path: string): boolean {
  return path === '' || path.endsWith('/');
}

/** The last segment of a path, without a trailing `/`. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
