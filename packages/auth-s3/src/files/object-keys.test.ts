/* object-keys and content-disposition: what users may type as names, and how names are sent back. */
import { describe, expect, it } from 'vitest';
import { InvalidKeyError } from '../errors.js';
import { contentDisposition } from './content-disposition.js';
import { folderPrefix, lastSegment, normalizePrefix, objectKey, relativePath } from './object-keys.js';

function keyError(fn: () => unknown): InvalidKeyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidKeyError) return error;
    throw error;
  }
  throw new Error('expected InvalidKeyError');
}

describe('objectKey', () => {
  it('puts every path under the prefix, one that starts with the prefix too', () => {
    expect(objectKey('public/', 'photos/cat.png')).toBe('public/photos/cat.png');
    expect(objectKey('public/', 'naïve café.txt')).toBe('public/naïve café.txt');
    // A relative path, not a full key: `public/x` under `public/` is reachable.
    expect(objectKey('public/', 'public/x')).toBe('public/public/x');
    expect(relativePath('public/', objectKey('public/', 'public/x'))).toBe('public/x');
  });

  it.each([
    ['../private/x', /"\.\." as a folder name/],
    ['a/./b', /"\." as a folder name/],
    ['a//b', /empty part/],
    ['/abs', /leading slash/],
    ['line\nbreak', /control character/],
    ['tab\there', /control character/],
    ['folder/', /names a folder/],
    ['', /empty/],
  ])('rejects %j and says what to change', (path, message) => {
    const error = keyError(() => objectKey('public/', path));
    expect(error.message).toMatch(message);
    expect(error.key).toBe(path);
  });

  it('counts UTF-8 bytes, not characters, against the 1024 limit', () => {
    expect(objectKey('public/', 'a'.repeat(1017))).toHaveLength(1024);
    expect(keyError(() => objectKey('public/', 'a'.repeat(1018))).message).toMatch(/1025 bytes.*by 1 bytes/);
    // 'é' is two bytes: 509 of them plus the prefix is 1025 bytes in only 516 characters.
    expect(() => objectKey('public/', 'é'.repeat(509))).toThrow(InvalidKeyError);
  });
});

describe('folderPrefix, normalizePrefix, lastSegment', () => {
  it('builds folder prefixes and normalizes the files prefix', () => {
    expect(folderPrefix('public/')).toBe('public/');
    expect(folderPrefix('public/', 'photos')).toBe('public/photos/');
    expect(folderPrefix('public/', 'photos/2026/')).toBe('public/photos/2026/');
    expect(folderPrefix('public/', 'public/')).toBe('public/public/');
    expect(() => folderPrefix('public/', '../')).toThrow(InvalidKeyError);
    expect(normalizePrefix('public')).toBe('public/');
    expect(normalizePrefix('')).toBe('');
    expect(() => normalizePrefix('../up')).toThrow(InvalidKeyError);
    expect(lastSegment('public/photos/cat.png')).toBe('cat.png');
    expect(lastSegment('public/photos/')).toBe('photos');
  });
});

describe('contentDisposition', () => {
  it('sends an ASCII fallback and the UTF-8 name in filename*', () => {
    expect(contentDisposition('report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(contentDisposition('café "menu" (1).txt')).toBe(
      `attachment; filename="caf_ _menu_ (1).txt"; filename*=UTF-8''caf%C3%A9%20%22menu%22%20%281%29.txt`,
    );
    expect(contentDisposition('../../etc/passwd\n')).toBe(
      `attachment; filename=".._.._etc_passwd_"; filename*=UTF-8''.._.._etc_passwd_`,
    );
  });
});
