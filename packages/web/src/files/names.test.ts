/*
 * Tests of the name checks and the "keep both" name.
 */
import { describe, expect, it } from 'vitest';
import { keepBothName, nameProblem } from './names';

describe('nameProblem', () => {
  it('refuses a slash, dot names, control characters and an empty name', () => {
    expect(nameProblem('a/b', 'public/', 'folder')).toMatch('cannot contain "/"');
    expect(nameProblem('..', 'public/', 'file')).toMatch('".." cannot be a file name');
    expect(nameProblem('tab\there', 'public/', 'file')).toMatch('control character');
    expect(nameProblem('  ', 'public/', 'folder')).toBe('Enter a folder name.');
    expect(nameProblem('plain name.txt', 'public/', 'file')).toBeNull();
  });

  it('counts the prefix and the folder slash towards the 1,024-byte key limit', () => {
    const name = `${'é'.repeat(508)}a`; // 1,017 bytes, 1,024 with "public/"
    expect(nameProblem(name, 'public/', 'file')).toBeNull();
    expect(nameProblem(name, 'public/', 'folder')).toMatch('too long here by 1 byte ');
  });
});

describe('keepBothName', () => {
  it('numbers the name before its extension, skipping taken numbers', () => {
    expect(keepBothName('notes.txt', new Set(['notes.txt']))).toBe('notes (1).txt');
    expect(keepBothName('notes.txt', new Set(['notes (1).txt']))).toBe('notes (2).txt');
    expect(keepBothName('README', new Set())).toBe('README (1)');
    expect(keepBothName('.env', new Set())).toBe('.env (1)');
  });
});
