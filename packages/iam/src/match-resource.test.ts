/*
 * Tests for Resource matching: ARN fields, `*` spanning `/`, policy variables in the resource part.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal ${...} text in policies
import { describe, expect, it } from 'vitest';
import { parseGlob } from './glob.js';
import { matchArnPattern, matchesAnyResource, matchesResource } from './match-resource.js';
import type { ContextLookup } from './request-context.js';

const none: ContextLookup = () => undefined;
const bucket = 'arn:aws:s3:::auths3-bucket';

describe('matchesResource', () => {
  it.each([
    [`${bucket}/public/*`, `${bucket}/public/a.txt`, true],
    [`${bucket}/public/*`, `${bucket}/public/dir/b c+d.txt`, true],
    [`${bucket}/public/*`, `${bucket}/public`, false],
    [`${bucket}/public/*`, `${bucket}/publicity/a.txt`, false],
    [`${bucket}/public/*`, `${bucket}/private/a.txt`, false],
    [`${bucket}/public/*`, 'arn:aws:s3:::other-bucket/public/a.txt', false],
    [`${bucket}/public/*`, bucket, false],
    [bucket, bucket, true],
    [bucket, `${bucket}/x`, false],
    [`${bucket}*`, `${bucket}-logs`, true],
    ['arn:aws:s3:::*', `${bucket}/any/key`, true],
    ['*', 'arn:aws:sqs:us-east-1:123456789012:q', true],
    [`${bucket}/Public/*`, `${bucket}/public/a`, false],
    ['arn:aws:sqs:us-east-2:*:alice-queue', 'arn:aws:sqs:us-east-2:123456789012:alice-queue', true],
    ['arn:aws:sqs:us-east-2:*:alice-queue', 'arn:aws:sqs:us-west-2:123456789012:alice-queue', false],
    [
      'arn:aws:dynamodb:*:*:table/Books/index/*',
      'arn:aws:dynamodb:eu-west-1:123456789012:table/Books/index/ByAuthor',
      true,
    ],
  ])('%s against %s: %s', (pattern, arn, expected) => {
    expect(matchesResource(pattern, arn, none, true)).toBe(expected);
  });

  it('does not let a wildcard run from one ARN field into the next', () => {
    // AWS's ArnLike example: the first * may only cover the region field.
    const pattern = parseGlob('arn:aws:someservice:*:111122223333:finance/*');
    const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    expect(matchArnPattern(pattern, value)).toBe(false);
    expect(matchArnPattern(pattern, 'arn:aws:someservice:us-east-2:111122223333:finance/a:b')).toBe(true);
  });

  it('expands ${aws:username} in the resource part (AWS home-directory example)', () => {
    const lookup: ContextLookup = (key) => (key === 'aws:username' ? 'David' : undefined);
    expect(
      matchesResource(
        'arn:aws:s3:::mybucket/${aws:username}/*',
        'arn:aws:s3:::mybucket/David/notes.txt',
        lookup,
        true,
      ),
    ).toBe(true);
    expect(
      matchesResource(
        'arn:aws:s3:::mybucket/${aws:username}/*',
        'arn:aws:s3:::mybucket/Adele/notes.txt',
        lookup,
        true,
      ),
    ).toBe(false);
  });

  it('matches nothing when a variable in the pattern is missing', () => {
    expect(
      matchesResource(
        'arn:aws:s3:::mybucket/${aws:username}/*',
        'arn:aws:s3:::mybucket/${aws:username}/x',
        none,
        true,
      ),
    ).toBe(false);
    expect(
      matchesResource('arn:aws:s3:::mybucket/${aws:username}*', 'arn:aws:s3:::mybucket/', none, true),
    ).toBe(false);
  });

  it('treats ${...} literally when policy variables are off (no Version 2012-10-17)', () => {
    expect(
      matchesResource('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/${aws:username}', none, false),
    ).toBe(true);
  });

  it('ORs a list of patterns', () => {
    expect(matchesAnyResource([bucket, `${bucket}/*`], `${bucket}/x`, none, true)).toBe(true);
    expect(matchesAnyResource([bucket, `${bucket}/*`], 'arn:aws:s3:::other', none, true)).toBe(false);
  });
});
