/*
 * Tests for the wildcard matcher: `*`, `?`, case handling and linear-time matching.
 */
import { describe, expect, it } from 'vitest';
import { literalGlob, matchGlob, parseGlob } from './glob.js';

const like = (pattern: string, text: string, ignoreCase = false) =>
  matchGlob(parseGlob(pattern), text, { ignoreCase });

describe('matchGlob', () => {
  it.each([
    ['public/*', 'public/a.txt', true],
    ['public/*', 'public/dir/b c+d.txt', true],
    ['public/*', 'public/', true],
    ['public/*', 'public', false],
    ['public/*', 'publicity/a.txt', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a?c', 'abbc', false],
    ['*a*b*', 'xxaxxbxx', true],
    ['*a*b', 'xxaxxbxxb', true],
    ['*a*b', 'xxaxxbxxc', false],
    ['a**b', 'ab', true],
    ['?*', '', false],
  ])('matches %j against %j: %s', (pattern, text, expected) => {
    expect(like(pattern, text)).toBe(expected);
  });

  it('is case-sensitive unless asked otherwise', () => {
    expect(like('Public/*', 'public/a')).toBe(false);
    expect(like('s3:get*', 's3:GetObject', true)).toBe(true);
  });

  it('matches whole code points, so ? stands for one emoji', () => {
    expect(like('a?b', 'a😀b')).toBe(true);
  });

  it('treats * and ? in a literal pattern as plain characters', () => {
    expect(matchGlob(literalGlob('a*'), 'a*')).toBe(true);
    expect(matchGlob(literalGlob('a*'), 'ab')).toBe(false);
  });

  it('stays fast on a pattern built to backtrack', () => {
    const started = performance.now();
    expect(like(`${'*a'.repeat(30)}b`, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
