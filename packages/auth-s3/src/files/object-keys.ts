/*
 * From the paths callers pass to the S3 keys: a path is always relative to the files area (the
 * prefix), so `public/x` under `public/` is the key `public/public/x`, never a guess that it was
 * meant as a full key. Client-side checks: at most 1024 bytes of UTF-8, no `.`/`..` or empty
 * segments, no control characters. A bad path fails here with an `InvalidKeyError` that says what
 * to change, before any request is made.
 */
import { IDENTITY_ID_PLACEHOLDER } from '#outputs';
import { InvalidKeyError } from '../errors.js';

const MAX_KEY_BYTES = 1024;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Normalizes a prefix option: `public` → `public/`; `''` means the bucket root. */
export function normalizePrefix(prefix: string): string {
  if (prefix === '') return '';
  const withSlash = prefix.endsWith('/') ? prefix : `${prefix}/`;
  checkSegments(withSlash.slice(0, -1), withSlash, 'The files prefix');
  return withSlash;
}

/**
 * Checks a private-area pattern such as `private/{identityId}/`: `{identityId}` once, as a whole
 * segment, and otherwise a valid prefix. Returns it unchanged.
 * @throws InvalidKeyError saying what to change.
 */
export function privatePrefixPattern(pattern: string): string {
  const parts = pattern.split(IDENTITY_ID_PLACEHOLDER);
  if (parts.length !== 2 || !/(^|\/)\{identityId\}\/$/.test(pattern)) {
    throw new InvalidKeyError(
      `The private area pattern "${pattern}" must end with "${IDENTITY_ID_PLACEHOLDER}/" and hold it once, e.g. "private/${IDENTITY_ID_PLACEHOLDER}/".`,
      pattern,
    );
  }
  normalizePrefix(parts.join('x'));
  return pattern;
}

/**
 * The full key of an object: `path` is relative to the prefix (`photos/cat.png` →
 * `public/photos/cat.png`), whatever it starts with.
 * @throws InvalidKeyError saying what to change.
 */
export function objectKey(prefix: string, path: string): string {
  if (path === '') throw new InvalidKeyError('The file name is empty. Give the file a name.', path);
  if (path.endsWith('/')) {
    throw new InvalidKeyError(
      `"${path}" ends with "/", which names a folder. Add a file name after it.`,
      path,
    );
  }
  checkSegments(path, path, 'The file name');
  return checkLength(prefix + path, path);
}

/** The full prefix of a folder to list: `''` is the prefix root; `photos` and `photos/` are the same. */
export function folderPrefix(prefix: string, path = ''): string {
  if (path === '') return prefix;
  const folder = path.endsWith('/') ? path : `${path}/`;
  checkSegments(folder.slice(0, -1), path, 'The folder path');
  return checkLength(prefix + folder, path);
}

/**
 * Checks a single name (a file or folder name, as in a rename): one segment, so no `/`, and none of
 * what {@link objectKey} refuses. Returns it unchanged.
 * @throws InvalidKeyError saying what to change.
 */
export function checkName(name: string): string {
  if (name === '') throw new InvalidKeyError('The name is empty. Type a name.', name);
  if (name.includes('/')) {
    throw new InvalidKeyError(
      `The name "${name}" contains "/", which would put it in a folder. Use a name without "/".`,
      name,
    );
  }
  checkSegments(name, name, 'The name');
  return name;
}

/** The inverse of {@link objectKey} for a key under `prefix`: `public/photos/cat.png` → `photos/cat.png`. */
export function relativePath(prefix: string, key: string): string {
  return key.slice(prefix.length);
}

/** The last segment of a key or folder prefix: `public/photos/cat.png` → `cat.png`. */
export function lastSegment(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function checkSegments(relative: string, original: string, subject: string): void {
  if (CONTROL.test(relative)) {
    throw new InvalidKeyError(
      `${subject} contains a control character (e.g. a tab or newline). Remove it.`,
      original,
    );
  }
  if (relative.startsWith('/')) {
    throw new InvalidKeyError(
      `${subject} "${original}" starts with "/". Remove the leading slash.`,
      original,
    );
  }
  for (const segment of relative.split('/')) {
    if (segment === '') {
      throw new InvalidKeyError(
        `${subject} "${original}" has an empty part ("//"). Remove the extra slash.`,
        original,
      );
    }
    if (segment === '.' || segment === '..') {
      throw new InvalidKeyError(
        `${subject} "${original}" contains "${segment}" as a folder name, which could point outside the files folder. Use a plain name.`,
        original,
      );
    }
  }
}

function checkLength(key: string, original: string): string {
  const bytes = new TextEncoder().encode(key).length;
  if (bytes > MAX_KEY_BYTES) {
    throw new InvalidKeyError(
      `The key is ${bytes} bytes of UTF-8; S3 allows ${MAX_KEY_BYTES}. Shorten the name by ${bytes - MAX_KEY_BYTES} bytes.`,
      original,
    );
  }
  return key;
}
