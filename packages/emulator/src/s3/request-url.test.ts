/* Path-style URL parsing: the raw path kept for signing, the key decoded once, `+` kept. */
import { describe, expect, it } from 'vitest';
import { parseRequestUrl } from './request-url.js';

describe('parseRequestUrl', () => {
  it('splits bucket, decoded key and decoded query, keeping the raw path', () => {
    const url = parseRequestUrl('/b/public/a%20b+c%2Fd%3F%23.txt?uploadId=x%2By&partNumber=2&uploads');
    expect(url).toEqual({
      rawPath: '/b/public/a%20b+c%2Fd%3F%23.txt',
      bucket: 'b',
      key: 'public/a b+c/d?#.txt',
      query: { uploadId: 'x+y', partNumber: '2', uploads: '' },
    });
  });

  it('treats /bucket and /bucket/ as the bucket and keeps ../ inside keys', () => {
    expect(parseRequestUrl('/b').key).toBeUndefined();
    expect(parseRequestUrl('/b/').key).toBeUndefined();
    expect(parseRequestUrl('/b/public/../../etc/x').key).toBe('public/../../etc/x');
  });

  it('answers InvalidURI for broken percent-encoding', () => {
    expect(() => parseRequestUrl('/b/%E0%A4%A')).toThrow(expect.objectContaining({ code: 'InvalidURI' }));
  });
});
