/*
 * Tests for Action matching: case-insensitive names, wildcards, and the action-pattern grammar.
 */
import { describe, expect, it } from 'vitest';
import { isValidActionPattern, matchesAction, matchesAnyAction } from './match-action.js';

describe('matchesAction', () => {
  it.each([
    ['s3:GetObject', 's3:GetObject', true],
    ['s3:getobject', 's3:GetObject', true],
    ['S3:GETOBJECT', 's3:GetObject', true],
    ['s3:*', 's3:PutBucketPolicy', true],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:*Object', 's3:DeleteObject', true],
    ['s3:*Object', 's3:DeleteObjects', false],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['s3:?etObject', 's3:GetObject', true],
    ['*', 'sqs:SendMessage', true],
    ['s3:GetObject', 's3:GetObjectAcl', false],
    ['s3:*', 'sqs:SendMessage', false],
  ])('%s against %s: %s', (pattern, action, expected) => {
    expect(matchesAction(pattern, action)).toBe(expected);
  });

  it('ORs a list of patterns', () => {
    expect(matchesAnyAction(['s3:GetObject', 's3:PutObject'], 's3:PutObject')).toBe(true);
    expect(matchesAnyAction(['s3:GetObject', 's3:PutObject'], 's3:DeleteObject')).toBe(false);
  });
});

describe('isValidActionPattern', () => {
  it.each([
    ['*', true],
    ['s3:*', true],
    ['cognito-identity:GetId', true],
    ['GetObject', false],
    ['s3:', false],
    ['s3:Get Object', false],
    ['', false],
  ])('%j is valid: %s', (pattern, expected) => {
    expect(isValidActionPattern(pattern)).toBe(expected);
  });
});
