/*
 * Tests of request naming and of the sequential-depth count the round-trips entry reports.
 */
import { describe, expect, it } from 'vitest';
import { operationOf, repeated, sequentialDepth } from './request-recorder.ts';

describe('operationOf', () => {
  it('names Cognito requests by their target and S3 requests by method and query', () => {
    expect(operationOf('POST', 'http://e/', 'AWSCognitoIdentityProviderService.InitiateAuth')).toBe(
      'InitiateAuth',
    );
    expect(operationOf('GET', 'http://e/bucket?list-type=2&prefix=public%2F', undefined)).toBe(
      'ListObjectsV2',
    );
    expect(operationOf('PUT', 'http://e/bucket/k?partNumber=1&uploadId=x', undefined)).toBe('UploadPart');
  });
});

describe('sequentialDepth', () => {
  it('counts a chain of requests that wait for each other', () => {
    expect(
      sequentialDepth([
        { operation: 'InitiateAuth', start: 0, end: 10 },
        { operation: 'RespondToAuthChallenge', start: 11, end: 20 },
        { operation: 'GetId', start: 21, end: 30 },
      ]),
    ).toBe(3);
  });

  it('counts overlapping requests as one round trip', () => {
    expect(
      sequentialDepth([
        { operation: 'GetCredentialsForIdentity', start: 0, end: 10 },
        { operation: 'GetUser', start: 2, end: 12 },
        { operation: 'ListObjectsV2', start: 11, end: 20 },
      ]),
    ).toBe(2);
  });

  it('is 0 for no requests', () => {
    expect(sequentialDepth([])).toBe(0);
  });
});

describe('repeated', () => {
  it('lists operations requested more than once', () => {
    expect(
      repeated([
        { operation: 'GetId', start: 0 },
        { operation: 'ListObjectsV2', start: 1 },
        { operation: 'GetId', start: 2 },
      ]),
    ).toEqual(['GetId']);
  });
});
