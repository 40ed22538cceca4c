/* Unit tests for the SRP TIMESTAMP format, checked against amazon-cognito-identity-js's own. */
import * as cognitoJs from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { formatSrpTimestamp, parseSrpTimestamp } from './srp-timestamp.js';

const { DateHelper } = cognitoJs as unknown as { DateHelper: new () => { getNowString(): string } };

describe('parseSrpTimestamp', () => {
  it("reads amazon-cognito-identity-js's current time to the second", () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const parsed = parseSrpTimestamp(new DateHelper().getNowString());
    expect(parsed).toBeGreaterThanOrEqual(before);
    expect(parsed).toBeLessThanOrEqual(Date.now());
  });

  it('reads the unpadded day and round-trips formatSrpTimestamp', () => {
    expect(parseSrpTimestamp('Thu Nov 26 10:00:00 UTC 2026')).toBe(Date.UTC(2026, 10, 26, 10));
    expect(parseSrpTimestamp('Thu Jan 1 00:00:05 UTC 2026')).toBe(Date.UTC(2026, 0, 1, 0, 0, 5));
    const ms = Date.UTC(2027, 1, 3, 4, 5, 6);
    expect(parseSrpTimestamp(formatSrpTimestamp(ms))).toBe(ms);
  });

  it('refuses other formats, impossible dates and a wrong weekday', () => {
    for (const text of [
      '2026-11-26T10:00:00Z',
      'Thu Nov 26 10:00:00 UTC 2026 ',
      'Thu Nov 26 10:00:00 GMT 2026',
      'Thu Jan 01 00:00:05 UTC 2026',
      'Mon Feb 30 10:00:00 UTC 2026',
      'Fri Nov 26 10:00:00 UTC 2026',
      'Thu Nov 26 24:00:00 UTC 2026',
    ]) {
      expect(parseSrpTimestamp(text), text).toBeUndefined();
    }
  });
});
